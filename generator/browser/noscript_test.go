package browser

import (
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// Without JavaScript search cannot work: the search page shows no search
// box or button, only the note that links to the lists, and no page shows
// the header's search box.
func TestSearchPageWithoutScript(t *testing.T) {
	base, _ := serveRealWithSearch(t, false)
	ctx := newBrowser(t, nil)
	if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"en", "ru"} {
		if err := chromedp.Do(ctx, chromedp.Navigate(base+"/"+lang+"/search/"), chromedp.WaitReady(chromedp.CSS("body"))); err != nil {
			t.Fatal(err)
		}
		type view struct {
			Form  int    `json:"form"`
			Note  string `json:"note"`
			Links int    `json:"links"`
		}
		v, err := chromedp.Run(ctx, chromedp.Evaluate[view](`(() => {
			const note = [...document.querySelectorAll("main p.empty")].find(p => p.getClientRects().length > 0);
			return {form: document.querySelector("#search").getClientRects().length,
				note: note ? note.textContent : "", links: note ? note.querySelectorAll("a").length : 0};
		})()`))
		if err != nil {
			t.Fatal(err)
		}
		if v.Form != 0 || v.Note == "" || v.Links < 2 {
			t.Errorf("%s search page without JavaScript: form shown %v, note %q with %d links; want no form and the note with its links", lang, v.Form != 0, v.Note, v.Links)
		}
		for _, page := range []string{"/", "/case-studies/", "/about/", "/search/"} {
			if err := chromedp.Do(ctx, chromedp.Navigate(base+"/"+lang+page), chromedp.WaitReady(chromedp.CSS("body"))); err != nil {
				t.Fatal(err)
			}
			shown, err := chromedp.Run(ctx, chromedp.Evaluate[int](`[...document.querySelectorAll("form.site-search")].filter(f => f.getClientRects().length > 0).length`))
			if err != nil {
				t.Fatal(err)
			}
			if shown != 0 {
				t.Errorf("/%s%s without JavaScript: the header's search box shows", lang, page)
			}
		}
	}
}
