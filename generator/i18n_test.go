package generator

import (
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMissingStringIsAnError: an interface string that the build's own
// code needs (here the search page's title) and that the tables lack
// fails the build at the table, at the header of the table where it
// belongs, instead of publishing an empty label.
func TestMissingStringIsAnError(t *testing.T) {
	dir := t.TempDir()
	writeSite(t, dir, []byte("-- content/about.en.md --\n---\ntitle: About\n---\nText.\n"))
	opts := siteOptions(t, dir)
	i18n := filepath.Join(dir, "i18n")
	if err := os.Mkdir(i18n, 0o755); err != nil {
		t.Fatal(err)
	}
	header := map[string]int{} // the line of [search] in each table
	for _, lang := range []string{"en", "ru"} {
		data, err := os.ReadFile(filepath.Join(opts.I18n, lang+".toml"))
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(string(data), "\n")
		inSearch := false
		for i, l := range lines {
			switch {
			case strings.HasPrefix(l, "["):
				inSearch = l == "[search]"
				if inSearch {
					header[lang] = i + 1
				}
			case inSearch && strings.HasPrefix(l, "title = "):
				lines[i] = ""
			}
		}
		if err := os.WriteFile(filepath.Join(i18n, lang+".toml"), []byte(strings.Join(lines, "\n")), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	opts.I18n = i18n
	_, err := Build(opts)
	for _, lang := range []string{"en", "ru"} {
		want := fmt.Sprintf(`%s:%d:1: no string "search.title", which the site shows: add title = "…" under [search], in every i18n table`,
			filepath.ToSlash(filepath.Join(i18n, lang+".toml")), header[lang])
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("err = %v\nwant %s", err, want)
		}
	}
}

// TestFeedCategoriesHaveLabels: every entry of both Atom feeds names its
// section in the feed's language (RFC 4287, atom:category's label).
func TestFeedCategoriesHaveLabels(t *testing.T) {
	out := buildReal(t)
	want := map[string]map[string]string{
		"en": {"case-studies": "Case studies", "briefs": "Policy briefs", "events": "Events"},
		"ru": {"case-studies": "Кейсы"},
	}
	for _, lang := range []string{"en", "ru"} {
		data, err := os.ReadFile(filepath.Join(out, lang, "feed.xml"))
		if err != nil {
			t.Fatal(err)
		}
		var feed struct {
			Entries []struct {
				Category struct {
					Term  string `xml:"term,attr"`
					Label string `xml:"label,attr"`
				} `xml:"category"`
			} `xml:"entry"`
		}
		if err := xml.Unmarshal(data, &feed); err != nil {
			t.Fatal(err)
		}
		if len(feed.Entries) == 0 {
			t.Fatalf("%s feed has no entries", lang)
		}
		for _, e := range feed.Entries {
			if e.Category.Label == "" {
				t.Errorf("%s feed: category %q has no label", lang, e.Category.Term)
			}
			if w, ok := want[lang][e.Category.Term]; ok && e.Category.Label != w {
				t.Errorf("%s feed: category %q labelled %q, want %q", lang, e.Category.Term, e.Category.Label, w)
			}
		}
	}
}

// TestNotFoundPagesHaveNoTranslationNote: a 404 page offers the other
// language's home page, without the note that a page is not translated.
func TestNotFoundPagesHaveNoTranslationNote(t *testing.T) {
	out := buildReal(t)
	for lang, other := range map[string]string{"en": "ru", "ru": "en"} {
		data, err := os.ReadFile(filepath.Join(out, lang, "404.html"))
		if err != nil {
			t.Fatal(err)
		}
		page := string(data)
		if strings.Contains(page, "lang-note") {
			t.Errorf("/%s/404.html says the page is not translated", lang)
		}
		if !strings.Contains(page, "href=/"+other+"/ lang="+other) {
			t.Errorf("/%s/404.html does not offer /%s/", lang, other)
		}
	}
}
