package browser

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// layoutPages are pages of every kind, in both languages.
var layoutPages = []string{"/en/", "/ru/", "/en/case-studies/", "/ru/case-studies/", "/en/case-studies/proto-invention-factory/",
	"/ru/countries/", "/en/countries/estonia/", "/ru/sectors/digital/", "/en/sectors/", "/ru/events/partnership-market-focus-group/",
	"/en/report/methodology/", "/ru/briefs/", "/en/submit/", "/ru/privacy/", "/ru/404.html"}

// TestHeaderFitsAPhone: on a 390 px phone the header, Russian menu
// included, is at most 120 px tall.
func TestHeaderFitsAPhone(t *testing.T) {
	ctx := newBrowser(t, nil)
	base := serve(t, buildSite(t), netlifyHeaders(t))
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844)); err != nil {
		t.Fatal(err)
	}
	for _, p := range layoutPages {
		if err := chromedp.Do(ctx, chromedp.Navigate(base+p), chromedp.WaitReady(chromedp.CSS("footer"))); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		height, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`document.querySelector(".site-header").getBoundingClientRect().height`))
		if err != nil {
			t.Fatal(err)
		}
		if height > 120 {
			t.Errorf("%s: the header is %.0f px tall on a 390 px phone, more than 120", p, height)
		}
	}
}

// TestNoLoneLastCard: at 1280 px no card grid ends with a card alone in
// its row beside empty columns.
func TestNoLoneLastCard(t *testing.T) {
	ctx := newBrowser(t, nil)
	base := serve(t, buildSite(t), netlifyHeaders(t))
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900)); err != nil {
		t.Fatal(err)
	}
	grids := 0
	for _, p := range layoutPages {
		if err := chromedp.Do(ctx, chromedp.Navigate(base+p), chromedp.WaitReady(chromedp.CSS("footer"))); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		type result struct {
			Grids int      `json:"grids"`
			Lone  []string `json:"lone"`
		}
		r, err := chromedp.Run(ctx, chromedp.Evaluate[result](`(() => {
  const grids = Array.from(document.querySelectorAll(".card-grid")).filter(g => g.offsetParent !== null);
  const lone = [];
  for (const g of grids) {
    const items = Array.from(g.children);
    if (items.length < 2) continue;
    const last = items[items.length - 1], prev = items[items.length - 2];
    const alone = last.getBoundingClientRect().top > prev.getBoundingClientRect().top + 1;
    if (alone && last.getBoundingClientRect().width < g.getBoundingClientRect().width * 0.9) {
      lone.push(items.length + " cards, the last " + Math.round(last.getBoundingClientRect().width) + " of " + Math.round(g.getBoundingClientRect().width) + " px");
    }
  }
  return {grids: grids.length, lone};
})()`))
		if err != nil {
			t.Fatal(err)
		}
		grids += r.Grids
		for _, l := range r.Lone {
			t.Errorf("%s: a lone last card: %s", p, l)
		}
	}
	if grids == 0 {
		t.Fatal("no card grid seen")
	}
}
