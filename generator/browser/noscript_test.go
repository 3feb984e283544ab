package browser

import (
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// Without JavaScript the search page cannot search: it shows no search box
// or button, only the note that links to the lists.
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
	}
}
