package history

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"ndpc/generator/history/gittest"
)

func TestLog(t *testing.T) {
	r := gittest.New(t)
	r.Write("content/about.en.md", "one")
	r.Write("content/about.ru.md", "один")
	r.Write("content/team.en.md", "team")
	first := r.Commit("2026-10-02T10:00:00+03:00", "Add the pages")
	r.Write("content/about.en.md", "one, with the budget")
	budget := r.Commit("2026-11-20T23:30:00-05:00", "Add the budget")
	r.Git("2026-11-21T09:00:00Z", "mv", "content/team.en.md", "content/people.en.md")
	r.Commit("2026-11-21T09:00:00Z", "Rename the team page")
	// A change made on a branch is found there, not in the merge.
	r.Git("", "checkout", "-q", "-b", "fix")
	r.Write("content/about.ru.md", "один, исправлено")
	fix := r.Commit("2026-11-22T12:00:00Z", "Fix a typo")
	r.Git("", "checkout", "-q", "main")
	r.Write("content/other.en.md", "other")
	other := r.Commit("2026-11-23T12:00:00Z", "Add another page")
	r.Git("2026-11-24T12:00:00Z", "merge", "-q", "--no-ff", "-m", "Merge the fix", "fix")
	// Files changed on disk and not yet committed.
	r.Write("content/other.en.md", "other, edited")
	r.Write("content/new.en.md", "never committed")

	repo, err := Open(filepath.Join(r.Dir, "content"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		file string
		want []string // commit day subject, newest first; "now" for uncommitted
	}{
		// the author's own date, not UTC's
		{"about.en.md", []string{budget + " 2026-11-20 Add the budget", first + " 2026-10-02 Add the pages"}},
		{"about.ru.md", []string{fix + " 2026-11-22 Fix a typo", first + " 2026-10-02 Add the pages"}},
		// renamed, text unchanged
		{"people.en.md", []string{first + " 2026-10-02 Add the pages"}},
		{"other.en.md", []string{"now", other + " 2026-11-23 Add another page"}},
		{"new.en.md", []string{"now"}},
	} {
		t.Run(tc.file, func(t *testing.T) {
			log, err := repo.Log(tc.file)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, c := range log {
				if c.Uncommitted {
					got = append(got, "now")
				} else {
					got = append(got, c.Commit+" "+c.Day()+" "+c.Subject)
				}
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

// TestBehind reads two logs as one history. Each log is written oldest
// first: a commit by its name, committed on the day of its number, with !
// when its message says "Translation: not needed"; "now" for a change not
// yet committed.
func TestBehind(t *testing.T) {
	log := func(changes ...string) Log {
		var l Log
		for _, c := range changes {
			if c == "now" {
				l = append(Log{{Uncommitted: true}}, l...)
				continue
			}
			notFor := strings.HasSuffix(c, "!")
			c = strings.TrimSuffix(c, "!")
			day, _ := strconv.Atoi(c[1:])
			l = append(Log{{Commit: c, Committed: time.Date(2026, 10, day, 12, 0, 0, 0, time.UTC), NotForTranslation: notFor}}, l...)
		}
		return l
	}
	for _, tc := range []struct {
		name    string
		a, b    Log
		aBehind bool
		bBehind bool
	}{
		{"made together", log("c1"), log("c1"), false, false},
		{"translated later", log("c1"), log("c2"), false, false},
		{"a changed since", log("c1", "c3"), log("c2"), false, true},
		{"b caught up", log("c1", "c3"), log("c1", "c4"), false, false},
		{"b changed on its own", log("c1"), log("c1", "c2"), true, false},
		{"a changed twice, b behind", log("c1", "c2", "c3"), log("c1"), false, true},
		{"b caught up, then a changed again", log("c1", "c2", "c4"), log("c1", "c3"), false, true},
		{"both changed in one commit", log("c1", "c5"), log("c1", "c2", "c5"), false, false},
		{"a not yet committed", log("c1", "now"), log("c1"), false, true},
		{"b catching up, not yet committed", log("c1", "c2"), log("c1", "now"), false, false},
		{"both not yet committed", log("c1", "c2", "now"), log("c1", "now"), false, false},
		{"b never committed", log("c1"), log("now"), false, false},
		{"a created alone", log("c1"), nil, false, true},
		{"a typo fixed, no translation needed", log("c1", "c3!"), log("c1"), false, false},
		{"a changed, then a typo fixed: b still behind", log("c1", "c2", "c3!"), log("c1"), false, true},
		{"b caught up, then a typo fixed in a", log("c1", "c2", "c4!"), log("c1", "c3"), false, false},
		{"both in a commit marked not for translation", log("c1", "c2!"), log("c1", "c2!"), false, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Behind(tc.a, tc.b); got != tc.aBehind {
				t.Errorf("Behind(a, b) = %v", got)
			}
			if got := Behind(tc.b, tc.a); got != tc.bBehind {
				t.Errorf("Behind(b, a) = %v", got)
			}
		})
	}
}

func TestCannotTell(t *testing.T) {
	if _, err := Open(t.TempDir()); !errors.Is(err, ErrNotRepository) {
		t.Errorf("outside git: %v, want ErrNotRepository", err)
	}
	r := gittest.New(t)
	r.Write("content/a.en.md", "a")
	r.Commit("2026-10-01T10:00:00Z", "One")
	r.Write("content/a.en.md", "b")
	r.Commit("2026-10-02T10:00:00Z", "Two")
	clone := r.CloneShallow()
	if _, err := Open(filepath.Join(clone, "content")); !errors.Is(err, ErrShallow) {
		t.Errorf("shallow clone: %v, want ErrShallow", err)
	}
	full := filepath.Join(t.TempDir(), "full")
	r.Git("", "clone", "-q", "file://"+r.Dir, full)
	if _, err := Open(filepath.Join(full, "content")); err != nil {
		t.Errorf("full clone: %v", err)
	}
	// A worktree made with git worktree add reads its repository's history.
	wt := filepath.Join(t.TempDir(), "wt")
	r.Git("", "worktree", "add", "-q", "-b", "side", wt)
	repo, err := Open(filepath.Join(wt, "content"))
	if err != nil {
		t.Fatalf("worktree: %v", err)
	}
	if log, err := repo.Log("a.en.md"); err != nil || len(log) != 2 || log[0].Subject != "Two" {
		t.Errorf("worktree: %+v, %v", log, err)
	}
}

// BenchmarkRealSite tells the last change of every Markdown file of the
// site's own content, as ndpc check does: go test ./generator/history
// -run '^$' -bench RealSite.
func BenchmarkRealSite(b *testing.B) {
	var files []string
	err := filepath.WalkDir("../../content", func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".md") {
			rel, _ := filepath.Rel("../../content", p)
			files = append(files, filepath.ToSlash(rel))
		}
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		repo, err := Open("../../content")
		if err != nil {
			b.Skip(err)
		}
		for _, f := range files {
			if _, err := repo.Log(f); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(len(files)), "files")
}
