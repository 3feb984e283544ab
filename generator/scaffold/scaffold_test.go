package scaffold

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"ndpc/generator/content"
	"ndpc/generator/diag"
)

// today is the clock of the tests: 2026-03-05 in Helsinki's winter time.
func today() time.Time {
	return time.Date(2026, 3, 5, 23, 30, 0, 0, time.FixedZone("EET", 2*60*60))
}

// schemaFields are the fields each kind's files must mention (see
// package content's documentation).
var schemaFields = map[string][]string{
	"case-study": {"title", "summary", "countries", "sectors", "outcome", "date", "years", "cci", "organisations", "website", "image", "image_alt", "draft", "weight", "aliases"},
	"brief":      {"title", "number", "date", "summary", "download", "draft", "weight", "aliases"},
	"event":      {"title", "start", "summary", "end", "location", "country", "online", "draft", "weight", "aliases"},
	"chapter":    {"title", "weight", "summary", "draft", "aliases"},
}

// load reads a content folder the way the build does, drafts included,
// and fails the test on any problem, warnings included.
func load(t *testing.T, dir string) *content.Site {
	t.Helper()
	problems := &diag.List{}
	site, err := content.Load(os.DirFS(dir), content.Options{Drafts: true, Prefix: "content"}, problems)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems.Sorted() {
		t.Errorf("problem: %s", p)
	}
	return site
}

func newPage(t *testing.T, dir, kind, slug string) []string {
	t.Helper()
	k, ok := KindNamed(kind)
	if !ok {
		t.Fatalf("KindNamed(%q) found nothing", kind)
	}
	paths, err := New(k, slug, Options{Content: dir, Now: today})
	if err != nil {
		t.Fatalf("New(%s, %s): %v", kind, slug, err)
	}
	return paths
}

func TestNewPagesLoadWithoutProblems(t *testing.T) {
	want := map[string][]string{
		"case-study": {"case-studies/proto.en.md", "case-studies/proto.ru.md"},
		"brief":      {"briefs/proto/index.en.md", "briefs/proto/index.ru.md"},
		"event":      {"events/proto.en.md", "events/proto.ru.md"},
		"chapter":    {"report/proto.en.md", "report/proto.ru.md"},
	}
	for kind, files := range want {
		t.Run(kind, func(t *testing.T) {
			dir := t.TempDir()
			paths := newPage(t, dir, kind, "proto")
			for i, p := range paths {
				rel, _ := filepath.Rel(dir, p)
				if filepath.ToSlash(rel) != files[i] {
					t.Errorf("wrote %s, want %s", rel, files[i])
				}
				src, err := os.ReadFile(p)
				if err != nil {
					t.Fatal(err)
				}
				for _, field := range schemaFields[kind] {
					if !regexp.MustCompile(`(?m)^(# )?` + field + `:`).Match(src) {
						t.Errorf("%s does not mention the field %s", rel, field)
					}
				}
				if !strings.Contains(string(src), "\n## ") {
					t.Errorf("%s has no ## heading in its body", rel)
				}
			}
			site := load(t, dir)
			if len(site.Pages) != 2 {
				t.Fatalf("%d pages loaded, want 2", len(site.Pages))
			}
			for _, p := range site.Pages {
				if !p.Draft || p.Translation == nil || p.Title == "" {
					t.Errorf("%s: draft %v, translation %v, title %q", p.Path, p.Draft, p.Translation != nil, p.Title)
				}
			}
		})
	}
}

// The commented-out examples of the optional fields are valid too: an
// editor who removes the # gets a page the build accepts.
func TestOptionalExamplesAreValid(t *testing.T) {
	for kind, fields := range schemaFields {
		t.Run(kind, func(t *testing.T) {
			dir := t.TempDir()
			paths := newPage(t, dir, kind, "proto")
			commented := regexp.MustCompile(`(?m)^# (` + strings.Join(fields, "|") + `):`)
			for _, p := range paths {
				src, _ := os.ReadFile(p)
				if err := os.WriteFile(p, commented.ReplaceAll(src, []byte("$1:")), 0o666); err != nil {
					t.Fatal(err)
				}
			}
			// The files the examples name.
			switch kind {
			case "case-study":
				os.WriteFile(filepath.Join(dir, "case-studies", "proto.jpg"), []byte("\xff\xd8\xff\xe0 jpeg"), 0o666)
			case "brief":
				os.WriteFile(filepath.Join(dir, "briefs", "proto", "policy-brief-1-en.pdf"), []byte("%PDF-1.4\n"), 0o666)
				os.WriteFile(filepath.Join(dir, "briefs", "proto", "policy-brief-1-ru.pdf"), []byte("%PDF-1.4\n"), 0o666)
			}
			site := load(t, dir)
			if len(site.Pages) != 2 {
				t.Fatalf("%d pages loaded, want 2", len(site.Pages))
			}
		})
	}
}

func TestPlaceholderValues(t *testing.T) {
	dir := t.TempDir()
	write := func(rel, text string) {
		p := filepath.Join(dir, rel)
		os.MkdirAll(filepath.Dir(p), 0o777)
		if err := os.WriteFile(p, []byte(text), 0o666); err != nil {
			t.Fatal(err)
		}
	}
	write("briefs/01-first/index.en.md", "---\ntitle: One\nnumber: 1\ndate: 2020-08-18\nsummary: S\n---\n")
	write("briefs/two.ru.md", "---\ntitle: Два\nnumber: 2\ndate: 2020-09-18\nsummary: S\ndraft: true\n---\n")
	write("report/a.en.md", "---\ntitle: A\nweight: 3\n---\n")
	write("report/b.ru.md", "---\ntitle: B\nweight: 7\nunknown: [\n---\n") // unreadable: not counted
	write("report/c.ru.md", "---\ntitle: C\nweight: 5\noutcome: impact\n---\n")

	newPage(t, dir, "brief", "next")
	newPage(t, dir, "briefs", "after-next")
	newPage(t, dir, "report", "last")
	newPage(t, dir, "event", "meeting")

	problems := &diag.List{}
	site, err := content.Load(os.DirFS(dir), content.Options{Drafts: true}, problems)
	if err != nil {
		t.Fatal(err)
	}
	page := func(rel string) *content.Page {
		p, ok := site.PageBySource(rel)
		if !ok {
			t.Fatalf("no page %s", rel)
		}
		return p
	}
	for _, c := range []struct {
		rel    string
		number int
	}{{"briefs/next/index.en.md", 3}, {"briefs/next/index.ru.md", 3}, {"briefs/after-next/index.ru.md", 4}} {
		b := page(c.rel).Typed.(*content.Brief)
		if b.Number != c.number || b.Date.Format(time.DateOnly) != "2026-03-05" {
			t.Errorf("%s: number %d, date %s; want %d, 2026-03-05", c.rel, b.Number, b.Date.Format(time.DateOnly), c.number)
		}
	}
	if w := page("report/last.ru.md").Weight; w != 6 {
		t.Errorf("new chapter's weight = %d, want 6 (after the highest, 5)", w)
	}
	if s := page("events/meeting.en.md").Typed.(*content.Event).Start.Format(time.RFC3339); s != "2026-03-05T10:00:00+03:00" {
		t.Errorf("event start = %s", s)
	}
}

func TestNewRefuses(t *testing.T) {
	for _, c := range []struct {
		name, kind, slug string
		existing         []string // files there before
		want             string   // in the error
	}{
		{"invalid slug", "case-study", "Proto Factory", nil, `"Proto Factory" is not a valid page name: use lower-case letters, digits and hyphens, such as proto-factory`},
		{"Cyrillic slug", "event", "Встреча", nil, "such as vstrecha"},
		{"English exists", "case-study", "proto", []string{"case-studies/proto.en.md"}, filepath.FromSlash("case-studies/proto.en.md") + " already exists"},
		{"Russian exists", "case-study", "proto", []string{"case-studies/proto.ru.md"}, filepath.FromSlash("case-studies/proto.ru.md") + " already exists"},
		{"as a bundle", "case-study", "proto", []string{"case-studies/proto/index.ru.md"}, filepath.FromSlash("case-studies/proto") + " already exists"},
		{"bundle folder exists", "brief", "one", []string{"briefs/one/notes.pdf"}, filepath.FromSlash("briefs/one") + " already exists"},
		{"brief as a file", "brief", "one", []string{"briefs/one.md"}, filepath.FromSlash("briefs/one.md") + " already exists"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			for _, rel := range c.existing {
				p := filepath.Join(dir, rel)
				os.MkdirAll(filepath.Dir(p), 0o777)
				os.WriteFile(p, []byte("before"), 0o666)
			}
			before := tree(t, dir)
			k, _ := KindNamed(c.kind)
			_, err := New(k, c.slug, Options{Content: dir, Now: today})
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error = %v, want one containing %q", err, c.want)
			}
			if after := tree(t, dir); !slices.Equal(before, after) {
				t.Errorf("files before %v, after %v: something was written", before, after)
			}
		})
	}
}

func TestNewWithoutContentFolder(t *testing.T) {
	k, _ := KindNamed("case-study")
	_, err := New(k, "proto", Options{Content: filepath.Join(t.TempDir(), "content"), Now: today})
	if err == nil || !strings.Contains(err.Error(), "there is no content folder") {
		t.Errorf("error = %v", err)
	}
}

func TestCreateFileNeverOverwrites(t *testing.T) {
	p := filepath.Join(t.TempDir(), "a.md")
	if err := CreateFile(p, []byte("first")); err != nil {
		t.Fatal(err)
	}
	if err := CreateFile(p, []byte("second")); !os.IsExist(err) {
		t.Errorf("second CreateFile: %v, want an exists error", err)
	}
	if b, _ := os.ReadFile(p); string(b) != "first" {
		t.Errorf("file holds %q", b)
	}
}

// tree lists the files and folders under dir.
func tree(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, p)
		return nil
	})
	return out
}
