package generator

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEveryPageShowsEUFunding: every page of the real site shows the
// European emblem with the funding statement and the disclaimer in its
// language, and links to the privacy notice.
func TestEveryPageShowsEUFunding(t *testing.T) {
	out := buildReal(t)
	want := map[string][]string{
		"en": {"Funded by the European Union", "sole responsibility of their authors", `href=/en/privacy/`},
		"ru": {"Финансируется Европейским союзом", "несут исключительно авторы", `href=/ru/privacy/`},
	}
	pages := 0
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		lang, _, _ := strings.Cut(filepath.ToSlash(rel), "/")
		texts, ok := want[lang]
		if rel == "index.html" { // the language chooser speaks both
			texts, ok = append(append([]string{}, want["en"][:2]...), want["ru"][:2]...), true
		}
		if !ok {
			return nil // the root 404 page, in English, is checked as /en/ pages are
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		page := string(data)
		pages++
		if !strings.Contains(page, `eu-emblem`) || strings.Count(page, "<path") < 12 {
			t.Errorf("%s: no European emblem", rel)
		}
		for _, s := range texts {
			if !strings.Contains(page, s) {
				t.Errorf("%s lacks %q", rel, s)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if pages < 60 {
		t.Errorf("only %d pages checked", pages)
	}
}

// TestPrivacyNoticeStatesOnlySettings: the privacy notice states the
// facts of content/site.toml, says "not yet published" for an empty one,
// and ndpc check warns at the empty setting's line.
func TestPrivacyNoticeStatesOnlySettings(t *testing.T) {
	dir := t.TempDir()
	writeSite(t, dir, []byte(`-- content/privacy.en.md --
---
title: Privacy notice
---
Text.
-- content/privacy.ru.md --
---
title: Конфиденциальность
---
Текст.
-- content/site.toml --
[privacy]
contact = "privacy@example.org"
[privacy.en]
controller = "The Secretariat"
retention = ""
[privacy.ru]
controller = "Секретариат"
retention = "два года"
`))
	opts := siteOptions(t, dir)
	if _, err := Build(opts); err != nil {
		t.Fatal(err)
	}
	en := readOut(t, opts, "/en/privacy/index.html")
	for _, s := range []string{"The Secretariat", `href="mailto:privacy@example.org"`, "Not yet published here"} {
		if !strings.Contains(en, s) {
			t.Errorf("/en/privacy/ lacks %q", s)
		}
	}
	ru := readOut(t, opts, "/ru/privacy/index.html")
	for _, s := range []string{"Секретариат", "два года"} {
		if !strings.Contains(ru, s) {
			t.Errorf("/ru/privacy/ lacks %q", s)
		}
	}
	if strings.Contains(ru, "Пока не указано") {
		t.Error("/ru/privacy/ says a given fact is not published")
	}
	res, err := Check(opts)
	if err != nil {
		t.Fatal(err)
	}
	var warned []string
	for _, w := range res.Warnings {
		if strings.Contains(w.Message, "privacy") {
			warned = append(warned, w.String())
		}
	}
	if want := "content/site.toml:5: warning: privacy.en.retention is empty"; len(warned) != 1 || !strings.HasPrefix(warned[0], want) {
		t.Errorf("warnings %q, want one: %s", warned, want)
	}
}
