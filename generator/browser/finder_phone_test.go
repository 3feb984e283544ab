package browser

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// finderScreen is what a reader sees of the finder: where the first
// result starts, the filters' disclosure and its label.
type finderScreen struct {
	FirstTop float64 `json:"firstTop"` // the first result's top edge, px from the top of the page
	Shown    int     `json:"shown"`
	Open     bool    `json:"open"`
	Label    string  `json:"label"`
	Boxes    int     `json:"boxes"`  // visible checkboxes
	Beside   bool    `json:"beside"` // the filters end left of the first result and overlap it vertically
}

const readFinderScreen = `(() => {
	const first = document.querySelector(".finder-list .card-grid > li:not([hidden])");
	const details = document.querySelector("#finder .finder-filters");
	return {
		firstTop: first ? first.getBoundingClientRect().top + window.scrollY : -1,
		shown: document.querySelectorAll(".finder-list .card-grid > li:not([hidden])").length,
		open: !!(details && details.open),
		label: (document.querySelector("#finder summary") || {textContent: ""}).textContent.replace(/\s+/g, " ").trim(),
		boxes: [...document.querySelectorAll("#finder input[type=checkbox]")].filter(b => b.checkVisibility()).length,
		beside: (() => {
			if (!first) return false;
			const f = document.querySelector("#finder").getBoundingClientRect(), r = first.getBoundingClientRect();
			return f.right <= r.left && f.top < r.bottom && r.top < f.bottom;
		})(),
	};
})()`

// On a 390 × 844 phone the first case study starts on the first screen,
// with the filters folded into one disclosure above it whose label counts
// the active filters in the page's language; on a wide screen the filters
// stand open beside the results.
func TestFinderPhoneFirst(t *testing.T) {
	ctx := newBrowser(t, nil)
	base := serve(t, buildSite(t), netlifyHeaders(t))
	read := func(url string) finderScreen {
		t.Helper()
		if err := chromedp.Do(ctx, chromedp.Navigate(url), chromedp.WaitVisible(chromedp.CSS("#finder[data-ready]"))); err != nil {
			t.Fatalf("%s: %v", url, err)
		}
		s, err := chromedp.Run(ctx, chromedp.Evaluate[finderScreen](readFinderScreen))
		if err != nil {
			t.Fatalf("%s: %v", url, err)
		}
		s.Label = strings.ReplaceAll(s.Label, "\u00a0", " ")
		return s
	}
	labels := map[string][3]string{ // none, one, two active
		"en": {"Filters", "Filters · 1 active", "Filters · 2 active"},
		"ru": {"Фильтры", "Фильтры · 1 выбран", "Фильтры · 2 выбрано"},
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844)); err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"en", "ru"} {
		page := base + "/" + lang + "/case-studies/"
		s := read(page)
		t.Logf("390 px %s: the first result starts at %.0f px", lang, s.FirstTop)
		if s.FirstTop < 0 || s.FirstTop > 844 {
			t.Errorf("390 px %s: the first result starts at %.0f px, want within the first 844 px", lang, s.FirstTop)
		}
		if s.Open || s.Boxes != 0 || s.Beside || s.Label != labels[lang][0] {
			t.Errorf("390 px %s: filters open %v with %d checkboxes shown, labelled %q; want folded, labelled %q", lang, s.Open, s.Boxes, s.Label, labels[lang][0])
		}
		s = read(page + "?country=EE&sector=digital")
		if s.Label != labels[lang][2] || s.Shown == 0 || s.FirstTop > 844 {
			t.Errorf("390 px %s, two filters: label %q, %d shown from %.0f px; want %q", lang, s.Label, s.Shown, s.FirstTop, labels[lang][2])
		}
		// Opening the disclosure and unticking one filter updates the label.
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#finder summary")),
			chromedp.Click(chromedp.CSS(`#finder input[name=sector][value=digital]`))); err != nil {
			t.Fatal(err)
		}
		s, err := chromedp.Run(ctx, chromedp.Evaluate[finderScreen](readFinderScreen))
		if err != nil {
			t.Fatal(err)
		}
		if s.Label = strings.ReplaceAll(s.Label, "\u00a0", " "); s.Label != labels[lang][1] || !s.Open {
			t.Errorf("390 px %s, one filter: label %q, open %v; want %q, open", lang, s.Label, s.Open, labels[lang][1])
		}
	}

	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900)); err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"en", "ru"} {
		s := read(base + "/" + lang + "/case-studies/")
		if !s.Open || s.Boxes == 0 || !s.Beside {
			t.Errorf("1280 px %s: filters open %v with %d checkboxes shown, beside the results %v; want them open beside the results", lang, s.Open, s.Boxes, s.Beside)
		}
	}
}

// Without JavaScript the finder stays hidden and the page lists every
// case study.
func TestFinderWithoutScript(t *testing.T) {
	ctx := newBrowser(t, nil)
	out := buildSite(t)
	base := serve(t, out, netlifyHeaders(t))
	if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"en", "ru"} {
		if err := chromedp.Do(ctx, chromedp.Navigate(base+"/"+lang+"/case-studies/"), chromedp.WaitReady(chromedp.CSS("body"))); err != nil {
			t.Fatal(err)
		}
		shown, err := chromedp.Run(ctx, chromedp.Evaluate[int](`[...document.querySelectorAll(".finder-list .card-grid > li")].filter(li => li.getClientRects().length > 0).length`))
		if err != nil {
			t.Fatal(err)
		}
		total, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelector("#finder").getClientRects().length`))
		if err != nil {
			t.Fatal(err)
		}
		if total != 0 {
			t.Errorf("%s: the finder shows without JavaScript", lang)
		}
		if want := publishedCaseStudies(t, out, lang); shown != want || want == 0 {
			t.Errorf("%s: %d case studies listed without JavaScript, want all %d", lang, shown, want)
		}
	}
}

// publishedCaseStudies counts the case studies of a language in the
// site's open data.
func publishedCaseStudies(t *testing.T, out, lang string) int {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(out, "data", "case-studies.json"))
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		CaseStudies []struct {
			URL map[string]string `json:"url"`
		} `json:"case_studies"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, cs := range doc.CaseStudies {
		if cs.URL[lang] != "" {
			n++
		}
	}
	return n
}
