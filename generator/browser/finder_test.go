package browser

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"ndpc/generator"
)

// finderSite has three case studies: A in Finland (digital), B in Finland
// (social), C in Estonia (digital).
var finderSite = map[string]string{
	"content/case-studies/alpha.en.md": "---\ntitle: Alpha lab\nsummary: Games and schools.\ncountries: [FI]\nsectors: [digital]\noutcome: impact\ncci: [games]\n---\n",
	"content/case-studies/beta.en.md":  "---\ntitle: Beta choir\nsummary: Singing for health.\ncountries: [FI]\nsectors: [social]\noutcome: problems\ncci: [music]\n---\n",
	"content/case-studies/gamma.en.md": "---\ntitle: Gamma studio\nsummary: Design for apps.\ncountries: [EE]\nsectors: [digital]\noutcome: impact\ncci: [design]\n---\n",
}

// buildFixture builds a site from files with the repository's templates.
func buildFixture(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	repo, _ := filepath.Abs("../..")
	opts := generator.DefaultOptions()
	opts.Search = false
	opts.Content, opts.Templates = filepath.Join(dir, "content"), filepath.Join(repo, "templates")
	opts.Static, opts.I18n = filepath.Join(repo, "static"), filepath.Join(repo, "i18n")
	opts.Out = filepath.Join(dir, "public")
	if _, err := generator.Build(opts); err != nil {
		t.Fatal(err)
	}
	return opts.Out
}

func TestFinderFiltersCountsAndHistory(t *testing.T) {
	ctx := newBrowser(t, nil)
	base := serve(t, buildFixture(t, finderSite), netlifyHeaders(t))
	type view struct {
		Titles []string          `json:"titles"`
		Counts map[string]string `json:"counts"`
		Search string            `json:"search"`
		Status string            `json:"status"`
		Empty  bool              `json:"empty"`
	}
	read := func() view {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[view](`(() => {
			const titles = [...document.querySelectorAll(".finder-list .card-grid > li:not([hidden]) .card-title")].map(e => e.textContent.trim());
			const counts = {};
			document.querySelectorAll("#finder input[type=checkbox]").forEach(b => counts[b.name + ":" + b.value] = b.parentNode.querySelector("[data-count]").textContent);
			return {titles, counts, search: location.search, status: document.querySelector(".finder-status").textContent,
				empty: !document.querySelector(".finder-empty").hidden};
		})()`))
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	click := func(sel string) {
		t.Helper()
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(sel))); err != nil {
			t.Fatal(err)
		}
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/en/case-studies/"), chromedp.WaitVisible(chromedp.CSS("#finder[data-ready]"))); err != nil {
		t.Fatal(err)
	}
	if v := read(); len(v.Titles) != 3 || v.Counts["country:FI"] != "(2)" || v.Status != "" {
		t.Fatalf("start: %+v", v)
	}

	click(`#finder input[name=country][value=FI]`)
	v := read()
	if strings.Join(v.Titles, ",") != "Alpha lab,Beta choir" || v.Search != "?country=FI" {
		t.Errorf("Finland: %+v", v)
	}
	if v.Counts["sector:digital"] != "(1)" || v.Counts["sector:social"] != "(1)" || v.Counts["country:EE"] != "(1)" {
		t.Errorf("counts with Finland chosen: %v", v.Counts)
	}

	click(`#finder input[name=sector][value=digital]`)
	v = read()
	if strings.Join(v.Titles, ",") != "Alpha lab" || v.Search != "?country=FI&sector=digital" || v.Status != "1 case study matches." {
		t.Errorf("Finland and digital: %q %q %q", v.Titles, v.Search, v.Status)
	}
	if v.Counts["country:FI"] != "(1)" || v.Counts["country:EE"] != "(1)" || v.Counts["outcome:problems"] != "(0)" {
		t.Errorf("counts with Finland and digital: %v", v.Counts)
	}

	// Back: the previous filters and list return.
	if err := chromedp.Do(ctx, chromedp.NavigateBack()); err != nil {
		t.Fatal(err)
	}
	v = read()
	if strings.Join(v.Titles, ",") != "Alpha lab,Beta choir" || v.Search != "?country=FI" {
		t.Errorf("after back: %+v", v)
	}

	// A shared address opens with its filters; no match shows the empty state.
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/en/case-studies/?q=nothing-like-this"), chromedp.WaitVisible(chromedp.CSS("#finder[data-ready]"))); err != nil {
		t.Fatal(err)
	}
	if v = read(); len(v.Titles) != 0 || !v.Empty || v.Status != "0 case studies match." {
		t.Errorf("no results: %+v", v)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/en/case-studies/?q=singing"), chromedp.WaitVisible(chromedp.CSS("#finder[data-ready]"))); err != nil {
		t.Fatal(err)
	}
	if v = read(); strings.Join(v.Titles, ",") != "Beta choir" {
		t.Errorf("words: %+v", v)
	}
}

// TestFinderRussianWordsAndFreeFields: words are sought in the card's text
// as readers see it (no-break spaces after short words, ё as е), and a
// creative field written with a space filters as one value.
func TestFinderRussianWordsAndFreeFields(t *testing.T) {
	ctx := newBrowser(t, nil)
	base := serve(t, buildFixture(t, map[string]string{
		"content/case-studies/delta.ru.md": "---\ntitle: Ёлочный базар\nsummary: Игрушки в Москве и ремёсла.\ncountries: [RU]\nsectors: [economic]\noutcome: impact\ncci: [folk crafts]\n---\n",
		"content/case-studies/eps.ru.md":   "---\ntitle: Студия звука\nsummary: Музыка для школ.\ncountries: [FI]\nsectors: [education]\noutcome: problems\ncci: [music]\n---\n",
		"content/case-studies/zeta.ru.md":  "---\ntitle: Старая пивоварня Cēsis\nsummary: Наука и искусство.\ncountries: [LV]\nsectors: [social]\noutcome: ongoing\n---\n",
	}), netlifyHeaders(t))
	for _, c := range []struct{ query, want string }{
		{"?q=елочный", "Ёлочный базар"},
		{"?q=в+москве", "Ёлочный базар"},
		{"?q=ремесла+игрушки", "Ёлочный базар"},
		{"?q=для+школ", "Студия звука"},
		{"?cci=folk+crafts", "Ёлочный базар"},
		{"?cci=music&country=FI", "Студия звука"},
		{"?q=cesis", "Старая пивоварня Cēsis"},
		{"?q=ЕЛОЧНЫЙ", "Ёлочный базар"},
		{"?country=ru", "Ёлочный базар"},
		{"?sector=Social&country=lv", "Старая пивоварня Cēsis"},
		{"?cci=music&country=RU", ""}, // the count below is read here
	} {
		if err := chromedp.Do(ctx, chromedp.Navigate(base+"/ru/case-studies/"+c.query), chromedp.WaitVisible(chromedp.CSS("#finder[data-ready]"))); err != nil {
			t.Fatal(err)
		}
		got, err := chromedp.Run(ctx, chromedp.Evaluate[string](`[...document.querySelectorAll(".finder-list .card-grid > li:not([hidden]) .card-title")].map(e => e.textContent.trim()).join(",")`))
		if err != nil {
			t.Fatal(err)
		}
		if got != c.want {
			t.Errorf("%s: shows %q, want %q", c.query, got, c.want)
		}
	}
	count, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('#finder input[name=cci][value="folk crafts"]').parentNode.querySelector("[data-count]").textContent`))
	if err != nil {
		t.Fatal(err)
	}
	if count != "(1)" {
		// The last address filters by music and Russia. Choices of one facet
		// add up (music or folk crafts), so ticking folk crafts would show
		// Delta, in Russia.
		t.Errorf("count of folk crafts under cci=music&country=RU: %s, want (1)", count)
	}
	// The links to the other language keep the filters, not the words.
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/ru/case-studies/?cci=music&q=звука&country=FI"), chromedp.WaitVisible(chromedp.CSS("#finder[data-ready]"))); err != nil {
		t.Fatal(err)
	}
	links, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll("a[data-lang-switch]")].map(a => a.getAttribute("href"))`))
	if err != nil {
		t.Fatal(err)
	}
	if len(links) == 0 {
		t.Fatal("no link to the other language")
	}
	for _, l := range links {
		if l != "/en/case-studies/?cci=music&country=FI" {
			t.Errorf("link to the other language: %s, want /en/case-studies/?cci=music&country=FI", l)
		}
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`#finder input[name=country][value=FI]`))); err != nil {
		t.Fatal(err)
	}
	links, err = chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll("a[data-lang-switch]")].map(a => a.getAttribute("href"))`))
	if err != nil {
		t.Fatal(err)
	}
	if links[0] != "/en/case-studies/?cci=music" {
		t.Errorf("after unticking Finland, the link to the other language is %s, want /en/case-studies/?cci=music", links[0])
	}

}
