package browser

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// On a 390 px phone the menu is one line that scrolls sideways: the
// current page's entry is in view as the page opens, in both languages,
// for every entry of the menu.
func TestPhoneMenuShowsCurrentEntry(t *testing.T) {
	ctx := newBrowser(t, nil)
	base := serve(t, buildSite(t), netlifyHeaders(t))
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844)); err != nil {
		t.Fatal(err)
	}
	type entry struct {
		Href  string  `json:"href"`
		Left  float64 `json:"left"`
		Right float64 `json:"right"`
		Found bool    `json:"found"`
	}
	for _, lang := range []string{"en", "ru"} {
		if err := chromedp.Do(ctx, chromedp.Navigate(base+"/"+lang+"/"), chromedp.WaitReady(chromedp.CSS("body"))); err != nil {
			t.Fatal(err)
		}
		hrefs, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll(".main-nav a")].map(a => a.getAttribute("href")).filter(h => h.startsWith("/"))`))
		if err != nil {
			t.Fatal(err)
		}
		if len(hrefs) < 5 {
			t.Fatalf("%s: menu entries %v", lang, hrefs)
		}
		for _, href := range hrefs {
			if err := chromedp.Do(ctx, chromedp.Navigate(base+href), chromedp.WaitReady(chromedp.CSS("body"))); err != nil {
				t.Fatal(err)
			}
			e, err := chromedp.Run(ctx, chromedp.Evaluate[entry](`(() => {
				const a = document.querySelector('.main-nav a[aria-current="page"]');
				if (!a) return {found: false};
				const r = a.getBoundingClientRect();
				return {href: a.getAttribute("href"), left: r.left, right: r.right, found: true};
			})()`))
			if err != nil {
				t.Fatal(err)
			}
			if !e.Found {
				continue // an entry that is not a page of the site's menu (search)
			}
			if e.Left < -1 || e.Right > 391 {
				t.Errorf("390 px %s: the current entry %s spans %.0f–%.0f px, out of view", href, e.Href, e.Left, e.Right)
			}
		}
	}
}
