package generator

import (
	"bytes"
	"encoding/xml"
	"errors"
	"image"
	"image/png"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"ndpc/generator/content"
	"ndpc/generator/diag"
)

// smallSite is a site in both languages with one page of every kind.
const smallSite = `
-- content/_index.en.md --
---
title: Home
---
Welcome to the study.
-- content/_index.ru.md --
---
title: Главная
---
Добро пожаловать.
-- content/about.en.md --
---
title: About the study
summary: What the study is.
---
## Aim

The study maps "cross-innovation". See [PROTO](case-studies/proto.md) and [the brief](briefs/01-first/).
-- content/case-studies/proto.en.md --
---
title: PROTO Invention Factory
summary: A virtual reality centre in Tallinn.
countries: [EE, FI]
sectors: [digital, education]
outcome: impact
years: "2019–2020"
cci: [design, architecture]
organisations: [BLRT Grupp]
website: https://example.org/proto
date: 2020-10-15
---
## What it is

A centre. Compare [EcoDesign](ecodesign.en.md#outcomes).
-- content/case-studies/proto.ru.md --
---
title: Фабрика изобретений PROTO
summary: Центр виртуальной реальности в Таллине.
countries: [FI, EE]
sectors: [education, digital]
outcome: impact
---
## Что это

Центр, который называют "фабрикой". См. [EcoDesign](ecodesign.md).
-- content/case-studies/ecodesign.en.md --
---
title: EcoDesign Circle
summary: Design for the circular economy.
countries: [DE]
sectors: [environmental]
outcome: problems
---
## Outcomes

Some.
-- content/case-studies/hidden.en.md --
---
title: Not ready
summary: A draft.
countries: [IS]
sectors: [social]
outcome: ongoing
draft: true
---
-- content/briefs/01-first/index.en.md --
---
title: First brief
number: 1
date: 2020-08-18
summary: The first brief.
download: brief-1-en.pdf
---
Text.
-- content/briefs/01-first/index.ru.md --
---
title: Первая записка
number: 1
date: 2020-08-18
summary: Первая записка.
download: brief-1-ru.pdf
---
Текст.
-- content/briefs/01-first/brief-1-en.pdf --
%PDF-1.4 English brief, padded to a size......................................
-- content/briefs/01-first/brief-1-ru.pdf --
%PDF-1.4 Russian brief
-- content/briefs/02-second/index.en.md --
---
title: Second brief
number: 2
date: 2020-10-15
summary: The second brief.
---
-- content/report/intro.en.md --
---
title: Introduction
weight: 1
---
## Background

### Методы и данные

## Background
-- content/report/methods.en.md --
---
title: Methodology
weight: 2
---
Text.
-- content/report/methods.ru.md --
---
title: Методология
weight: 2
---
## Методы и данные

Текст.
-- content/events/focus-group.en.md --
---
title: Focus group
start: 2020-07-02T11:00:00+03:00
end: 2020-07-02T13:00:00+03:00
summary: An online focus group.
online: true
---
-- content/events/focus-group.ru.md --
---
title: Фокус-группа
start: 2020-07-02T11:00:00+03:00
end: 2020-07-02T13:00:00+03:00
summary: Онлайн-фокус-группа.
online: true
---
-- content/events/second.ru.md --
---
title: Вторая фокус-группа
start: 2020-09-10T11:00:00+03:00
summary: Вторая.
---
`

func TestBuildSmallSite(t *testing.T) {
	opts, _, res, err := buildText(t, smallSite)
	if err != nil {
		t.Fatalf("build failed: %v", err)
	}
	if res.Pages == 0 {
		t.Fatal("no pages written")
	}

	// Every address of the contract exists in both languages.
	for _, lang := range []string{"en", "ru"} {
		for _, p := range []string{"/", "/case-studies/", "/countries/", "/sectors/", "/briefs/", "/report/", "/events/", "/feed.xml"} {
			readOut(t, opts, "/"+lang+p)
		}
		for _, c := range content.Countries {
			readOut(t, opts, "/"+lang+"/countries/"+c.Slug+"/")
		}
		for _, s := range content.Sectors {
			readOut(t, opts, "/"+lang+"/sectors/"+string(s)+"/")
		}
	}
	for _, p := range []string{"/index.html", "/404.html", "/en/404.html", "/ru/404.html", "/sitemap.xml", "/robots.txt"} {
		readOut(t, opts, p)
	}

	cs := readOut(t, opts, "/en/case-studies/proto/")
	for _, want := range []string{
		`<html lang="en">`,
		`<link rel="canonical" href="https://example.org/en/case-studies/proto/">`,
		`<link rel="alternate" hreflang="ru" href="https://example.org/ru/case-studies/proto/">`,
		`<link rel="alternate" hreflang="x-default" href="https://example.org/en/case-studies/proto/">`,
		`<meta property="og:title" content="PROTO Invention Factory">`,
		`<meta name="description" content="A virtual reality centre in Tallinn.">`,
		`<a href="/ru/case-studies/proto/" lang="ru"`,
		`<a href="/en/case-studies/ecodesign/#outcomes">`,
		`<a href="/en/countries/estonia/" data-pagefind-filter="country">Estonia</a>, <a href="/en/countries/finland/" data-pagefind-filter="country">Finland</a>`,
		`15 October 2020`,
	} {
		if !strings.Contains(cs, want) {
			t.Errorf("case study page lacks %q", want)
		}
	}

	ru := readOut(t, opts, "/ru/case-studies/proto/")
	for _, want := range []string{`<html lang="ru">`, `«фабрикой»`, `id="что-это"`, `<a href="/en/case-studies/ecodesign/">`} {
		if !strings.Contains(ru, want) {
			t.Errorf("Russian case study lacks %q", want)
		}
	}

	// A page without translation offers the section in the other language.
	eco := readOut(t, opts, "/en/case-studies/ecodesign/")
	if !strings.Contains(eco, `<a href="/ru/case-studies/" lang="ru"`) || !strings.Contains(eco, "Этой страницы пока нет на\u00a0русском") {
		t.Error("untranslated page does not switch to the Russian section with a note")
	}
	if strings.Contains(eco, `hreflang="ru"  href`) || strings.Contains(eco, `<link rel="alternate" hreflang="ru"`) {
		t.Error("untranslated page claims a Russian alternate")
	}

	// Drafts are left out of a plain build.
	if _, err := os.Stat(filepath.Join(opts.Out, "en/case-studies/hidden")); !os.IsNotExist(err) {
		t.Error("draft page was built")
	}

	// Case studies appear on each of their countries' pages, counted in Russian plural forms.
	for _, country := range []string{"estonia", "finland"} {
		if !strings.Contains(readOut(t, opts, "/ru/countries/"+country+"/"), "Фабрика изобретений PROTO") {
			t.Errorf("PROTO missing from the Russian %s page", country)
		}
	}
	ruCountries := readOut(t, opts, "/ru/countries/")
	if !strings.Contains(ruCountries, "1 кейс") || !strings.Contains(ruCountries, "0 кейсов") {
		t.Error("Russian countries index lacks plural counts")
	}
	if !strings.Contains(readOut(t, opts, "/en/countries/iceland/"), "No case study from this country has been published yet.") {
		t.Error("empty country page does not say so")
	}

	// The finder groups by outcome.
	list := readOut(t, opts, "/en/case-studies/")
	if i, j := strings.Index(list, `id="outcome-impact"`), strings.Index(list, `id="outcome-problems"`); i < 0 || j < i {
		t.Error("case-study list is not grouped by outcome in order")
	}

	// Briefs newest first, with downloads in both languages and sizes.
	briefs := readOut(t, opts, "/ru/briefs/")
	if !strings.Contains(briefs, `href="/ru/briefs/01-first/brief-1-ru.pdf"`) || !strings.Contains(briefs, `href="/en/briefs/01-first/brief-1-en.pdf"`) {
		t.Error("Russian briefs list does not offer both PDFs")
	}
	if !strings.Contains(briefs, "Записка в\u00a0PDF <span class=\"download-meta\">(на\u00a0русском, 23\u00a0Б)") {
		t.Errorf("Russian download size missing: %s", briefs)
	}
	enBriefs := readOut(t, opts, "/en/briefs/")
	if strings.Index(enBriefs, "Second brief") > strings.Index(enBriefs, "First brief") {
		t.Error("briefs are not newest first")
	}
	if data := readOut(t, opts, "/ru/briefs/01-first/brief-1-ru.pdf"); !strings.HasPrefix(data, "%PDF") {
		t.Error("brief PDF not copied")
	}

	// The report: contents in order, TOC and pager.
	intro := readOut(t, opts, "/en/report/intro/")
	cyrillicAnchor := `href="#` + strings.ToLower(url.PathEscape("методы-и-данные")) + `"`
	for _, want := range []string{`href="#background"`, cyrillicAnchor, `id="методы-и-данные"`, `href="#background-1"`, `<a class="pager-next" href="/en/report/methods/" rel="next">`} {
		if !strings.Contains(intro, want) {
			t.Errorf("chapter lacks %q", want)
		}
	}

	// Events by month with Russian month headings and dates.
	events := readOut(t, opts, "/ru/events/")
	if !strings.Contains(events, "Сентябрь 2020") || !strings.Contains(events, "Июль 2020") || strings.Index(events, "Сентябрь 2020") > strings.Index(events, "Июль 2020") {
		t.Error("Russian events are not grouped by month, newest first")
	}
	if !strings.Contains(events, "2 июля 2020, 11:00–13:00") {
		t.Error("Russian event date is not formatted")
	}

	// Root page offers both languages without JavaScript.
	root := readOut(t, opts, "/index.html")
	if !strings.Contains(root, `href="/en/"`) || !strings.Contains(root, `href="/ru/"`) || strings.Contains(root, "<script>") {
		t.Error("root page does not offer both languages as plain links")
	}
}

func TestSitemapAndFeed(t *testing.T) {
	opts, _, _, err := buildText(t, smallSite)
	if err != nil {
		t.Fatal(err)
	}
	var sitemap struct {
		URLs []struct {
			Loc   string `xml:"loc"`
			Links []struct {
				Hreflang string `xml:"hreflang,attr"`
				Href     string `xml:"href,attr"`
			} `xml:"link"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal([]byte(readOut(t, opts, "/sitemap.xml")), &sitemap); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, u := range sitemap.URLs {
		if u.Loc == "https://example.org/ru/case-studies/proto/" {
			found = true
			langs := map[string]string{}
			for _, l := range u.Links {
				langs[l.Hreflang] = l.Href
			}
			if langs["en"] != "https://example.org/en/case-studies/proto/" || langs["x-default"] != langs["en"] || langs["ru"] != u.Loc {
				t.Errorf("sitemap alternates wrong: %v", langs)
			}
		}
		if strings.Contains(u.Loc, "404") {
			t.Errorf("sitemap lists %s", u.Loc)
		}
	}
	if !found {
		t.Error("sitemap lacks the Russian case study")
	}

	var feed struct {
		Lang    string `xml:"lang,attr"`
		Entries []struct {
			Title   string `xml:"title"`
			Updated string `xml:"updated"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal([]byte(readOut(t, opts, "/ru/feed.xml")), &feed); err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, e := range feed.Entries {
		titles = append(titles, e.Title)
	}
	want := "Фабрика изобретений PROTO|Вторая фокус-группа|Первая записка|Фокус-группа"
	if got := strings.Join(titles, "|"); got != want {
		t.Errorf("Russian feed entries:\n got %s\nwant %s", got, want)
	}
}

func TestFailedBuildKeepsPreviousOutput(t *testing.T) {
	dir := t.TempDir()
	writeSite(t, dir, []byte(smallSite))
	opts := siteOptions(t, dir)
	if _, err := Build(opts); err != nil {
		t.Fatal(err)
	}
	before := readOut(t, opts, "/en/case-studies/proto/")

	broken := filepath.Join(dir, "content/case-studies/proto.en.md")
	if err := os.WriteFile(broken, []byte("---\ntitle: PROTO changed\nsummary: x\ncountries: [XX]\nsectors: [digital]\noutcome: impact\n---\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Build(opts)
	var errs *diag.Errors
	if !errors.As(err, &errs) {
		t.Fatalf("want content errors, got %v", err)
	}
	if after := readOut(t, opts, "/en/case-studies/proto/"); after != before {
		t.Error("a failed build changed the previous output")
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, ".public.new-*"))
	if len(leftovers) > 0 {
		t.Errorf("a failed build left %v", leftovers)
	}
}

func TestDraftsFlag(t *testing.T) {
	dir := t.TempDir()
	writeSite(t, dir, []byte(smallSite))
	opts := siteOptions(t, dir)
	opts.Drafts = true
	if _, err := Build(opts); err != nil {
		t.Fatal(err)
	}
	page := readOut(t, opts, "/en/case-studies/hidden/")
	if !strings.Contains(page, "Draft: not published") {
		t.Error("draft page built with --drafts lacks its draft badge")
	}
}

func TestImagesHaveSizeAltAndLazyLoading(t *testing.T) {
	dir := t.TempDir()
	writeSite(t, dir, []byte(`
-- content/case-studies/hall/index.en.md --
---
title: Hall
summary: A hall.
countries: [EE]
sectors: [digital]
outcome: impact
image: hall.png
image_alt: The foundry hall with visitors in VR headsets
---
![A plan of the hall](plan.svg)
`))
	var png bytes.Buffer
	if err := pngEncode(&png, 320, 200); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "content/case-studies/hall/hall.png"), png.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "content/case-studies/hall/plan.svg"), []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 480"></svg>`), 0o644); err != nil {
		t.Fatal(err)
	}
	opts := siteOptions(t, dir)
	if _, err := Build(opts); err != nil {
		t.Fatal(err)
	}
	page := readOut(t, opts, "/en/case-studies/hall/")
	for _, want := range []string{
		`<img src="/en/case-studies/hall/hall.png" alt="The foundry hall with visitors in VR headsets" width="320" height="200" loading="lazy" decoding="async">`,
		`<img src="/en/case-studies/hall/plan.svg" alt="A plan of the hall" width="640" height="480" loading="lazy" decoding="async">`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %s", want)
		}
	}
}

func pngEncode(w *bytes.Buffer, width, height int) error {
	return png.Encode(w, image.NewGray(image.Rect(0, 0, width, height)))
}
