package generator

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"ndpc/generator/history/gittest"
)

// TestStaleTranslations makes the history of a small site in a git
// repository and compares the warnings of ndpc check about translations
// left behind. In want, {name} stands for the hash of the commit made by
// the step named name.
func TestStaleTranslations(t *testing.T) {
	const (
		en = "content/about.en.md"
		ru = "content/about.ru.md"
	)
	page := func(title, text string) string { return "---\ntitle: " + title + "\n---\n" + text + "\n" }
	type step struct {
		name   string            // names the commit, for want; "" leaves the files uncommitted
		date   string            // of the commit
		write  map[string]string // files to write before
		rename [2]string         // a file to move with git mv before
	}
	pages := map[string]string{en: page("About", "The study."), ru: page("О проекте", "Исследование.")}
	for _, tc := range []struct {
		name  string
		steps []step
		want  string
	}{
		{
			name: "the English page changed later",
			steps: []step{
				{name: "Add the pages", date: "2026-10-02T10:00:00+03:00", write: pages},
				{name: "Add the budget", date: "2026-11-20T18:00:00+03:00", write: map[string]string{en: page("About", "The study and its budget.")}},
			},
			want: "content/about.ru.md:1:1: warning: content/about.ru.md may be out of date: content/about.en.md changed on 2026-11-20 in {Add the budget} “Add the budget”; the Russian text was last changed on 2026-10-02 in {Add the pages} “Add the pages”: bring it up to date with content/about.en.md and commit it",
		},
		{
			name: "the Russian page changed later",
			steps: []step{
				{name: "Add the pages", date: "2026-10-02T10:00:00+03:00", write: pages},
				{name: "Уточнить бюджет", date: "2026-10-03T00:30:00+03:00", write: map[string]string{ru: page("О проекте", "Исследование и его бюджет.")}},
			},
			want: "content/about.en.md:1:1: warning: content/about.en.md may be out of date: content/about.ru.md changed on 2026-10-03 in {Уточнить бюджет} “Уточнить бюджет”; the English text was last changed on 2026-10-02 in {Add the pages} “Add the pages”: bring it up to date with content/about.ru.md and commit it",
		},
		{
			name: "both changed in one commit",
			steps: []step{
				{name: "Add the pages", date: "2026-10-02T10:00:00Z", write: pages},
				{name: "Add the budget", date: "2026-11-20T10:00:00Z", write: map[string]string{en: page("About", "Budget."), ru: page("О проекте", "Бюджет.")}},
			},
		},
		{
			name: "the translation caught up",
			steps: []step{
				{name: "Add the pages", date: "2026-10-02T10:00:00Z", write: pages},
				{name: "Add the budget", date: "2026-11-20T10:00:00Z", write: map[string]string{en: page("About", "Budget.")}},
				{name: "Translate the budget", date: "2026-11-21T10:00:00Z", write: map[string]string{ru: page("О проекте", "Бюджет.")}},
			},
		},
		{
			name: "the English page edited, not yet committed",
			steps: []step{
				{name: "Add the pages", date: "2026-10-02T10:00:00Z", write: pages},
				{write: map[string]string{en: page("About", "The study, edited.")}},
			},
			want: "content/about.ru.md:1:1: warning: content/about.ru.md may be out of date: content/about.en.md has changes not yet committed; the Russian text was last changed on 2026-10-02 in {Add the pages} “Add the pages”: bring it up to date with content/about.en.md and commit it",
		},
		{
			name: "both edited, not yet committed",
			steps: []step{
				{name: "Add the pages", date: "2026-10-02T10:00:00Z", write: pages},
				{name: "Add the budget", date: "2026-11-20T10:00:00Z", write: map[string]string{en: page("About", "Budget.")}},
				{write: map[string]string{en: page("About", "Budget, edited."), ru: page("О проекте", "Бюджет.")}},
			},
		},
		{
			name: "a new translation not yet committed",
			steps: []step{
				{name: "Add the page", date: "2026-10-02T10:00:00Z", write: map[string]string{en: pages[en]}},
				{write: map[string]string{ru: pages[ru]}},
			},
		},
		{
			name: "renamed pages keep the dates of their text",
			steps: []step{
				{name: "Add the pages", date: "2026-10-02T10:00:00Z", write: pages},
				{name: "Add the budget", date: "2026-11-20T10:00:00Z", write: map[string]string{en: page("About", "Budget.")}},
				{rename: [2]string{en, "content/study.en.md"}},
				{name: "Rename about to study", date: "2026-11-25T10:00:00Z", rename: [2]string{ru, "content/study.ru.md"}},
			},
			want: "content/study.ru.md:1:1: warning: content/study.ru.md may be out of date: content/study.en.md changed on 2026-11-20 in {Add the budget} “Add the budget”; the Russian text was last changed on 2026-10-02 in {Add the pages} “Add the pages”: bring it up to date with content/study.en.md and commit it",
		},
		{
			name: "a typo fixed, no translation needed",
			steps: []step{
				{name: "Add the pages", date: "2026-10-02T10:00:00Z", write: pages},
				{name: "Fix a typo\n\nTranslation: not needed", date: "2026-11-20T10:00:00Z", write: map[string]string{en: page("About", "The studdy.")}},
			},
		},
		{
			name: "changed, then a typo fixed: the change named is the one to translate",
			steps: []step{
				{name: "Add the pages", date: "2026-10-02T10:00:00Z", write: pages},
				{name: "Add the budget", date: "2026-11-20T10:00:00Z", write: map[string]string{en: page("About", "The budgett.")}},
				{name: "Fix a typo\n\nTranslation: not needed", date: "2026-11-21T10:00:00Z", write: map[string]string{en: page("About", "The budget.")}},
			},
			want: "content/about.ru.md:1:1: warning: content/about.ru.md may be out of date: content/about.en.md changed on 2026-11-20 in {Add the budget} “Add the budget”; the Russian text was last changed on 2026-10-02 in {Add the pages} “Add the pages”: bring it up to date with content/about.en.md and commit it",
		},
		{
			name: "bundles",
			steps: []step{
				{name: "Add the brief", date: "2026-10-02T10:00:00Z", write: map[string]string{
					"content/briefs/one/index.en.md": "---\ntitle: One\nnumber: 1\ndate: 2026-10-01\nsummary: S.\n---\n",
					"content/briefs/one/index.ru.md": "---\ntitle: Один\nnumber: 1\ndate: 2026-10-01\nsummary: С.\n---\n",
				}},
				{name: "Fix the number", date: "2026-10-04T10:00:00Z", write: map[string]string{
					"content/briefs/one/index.ru.md": "---\ntitle: Один\nnumber: 1\ndate: 2026-10-01\nsummary: Итог.\n---\n",
				}},
			},
			want: "content/briefs/one/index.en.md:1:1: warning: content/briefs/one/index.en.md may be out of date: content/briefs/one/index.ru.md changed on 2026-10-04 in {Fix the number} “Fix the number”; the English text was last changed on 2026-10-02 in {Add the brief} “Add the brief”: bring it up to date with content/briefs/one/index.ru.md and commit it",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			repo := gittest.New(t)
			hashes := map[string]string{}
			for _, s := range tc.steps {
				for name, text := range s.write {
					repo.Write(name, text)
				}
				if s.rename[0] != "" {
					repo.Git("", "mv", s.rename[0], s.rename[1])
				}
				if s.name != "" {
					hashes["{"+s.name+"}"] = repo.Commit(s.date, s.name)
				}
			}
			opts := siteOptions(t, repo.Dir)
			res, err := Check(opts)
			got := strings.Join(problemLines(err, res), "\n")
			want := tc.want
			for k, v := range hashes {
				want = strings.ReplaceAll(want, k, v)
			}
			if got != want {
				t.Errorf("problems differ\n--- got\n%s\n--- want\n%s", got, want)
			}
			if len(res.Notes) > 0 {
				t.Errorf("notes: %q", res.Notes)
			}
		})
	}
}

// TestStaleCannotTell: outside git and in a shallow clone, check says once
// that it cannot tell, and warns about nothing.
func TestStaleCannotTell(t *testing.T) {
	site := map[string]string{
		"content/about.en.md": "---\ntitle: About\n---\n",
		"content/about.ru.md": "---\ntitle: О проекте\n---\n",
		"content/team.en.md":  "---\ntitle: Team\n---\n",
		"content/team.ru.md":  "---\ntitle: Команда\n---\n",
	}
	outside := t.TempDir()
	for name, text := range site {
		p := filepath.Join(outside, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	repo := gittest.New(t)
	for name, text := range site {
		repo.Write(name, text)
	}
	repo.Commit("2026-10-01T10:00:00Z", "Add the pages")
	repo.Write("content/about.en.md", "---\ntitle: About us\n---\n")
	repo.Commit("2026-10-02T10:00:00Z", "Rename the page")
	for _, tc := range []struct{ name, dir, note string }{
		{"outside git", outside, "cannot tell which translations are out of date: content is not in a git repository"},
		{"shallow clone", repo.CloneShallow(), "cannot tell which translations are out of date: content is in a shallow clone of its repository, without the whole history; fetch it with git fetch --unshallow (in GitHub Actions, fetch-depth: 0 for actions/checkout)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Check(siteOptions(t, tc.dir))
			if got := problemLines(err, res); len(got) > 0 {
				t.Errorf("problems: %q", got)
			}
			if len(res.Notes) != 1 || res.Notes[0] != tc.note {
				t.Errorf("notes %q, want once %q", res.Notes, tc.note)
			}
		})
	}
}
