package browser

import (
	"bytes"
	"context"
	"encoding/json"
	"os/exec"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// offscreenBlocks are, per page, elements in the blocks far below a
// phone's first screen whose rendering waits until the reader scrolls near
// them (content-visibility: auto in style.css).
var offscreenBlocks = map[string][]string{
	"/ru/": {"#latest-title", "#countries-title", "#matrix-title"},
	"/en/": {"#latest-title", "#countries-title", ".card-grid .card-title"},
}

// TestOffscreenBlocksStayReadable: on a 412 × 823 phone the blocks far
// below the first screen are not drawn when the page opens, yet
// find-in-page finds their text, an address with an anchor inside one
// opens at that anchor, and printing prints them.
func TestOffscreenBlocksStayReadable(t *testing.T) {
	ctx := newBrowser(t, nil)
	base := serve(t, buildSite(t), netlifyHeaders(t))
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(412, 823)); err != nil {
		t.Fatal(err)
	}
	for p, selectors := range offscreenBlocks {
		for _, sel := range selectors {
			open(t, ctx, base+p)
			skipped, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`!document.querySelector(`+quote(sel)+`).checkVisibility({contentVisibilityAuto: true})`))
			if err != nil {
				t.Fatalf("%s %s: %v", p, sel, err)
			}
			if !skipped {
				t.Errorf("%s: %s is drawn on the first screen: its block no longer waits for the reader to scroll near it", p, sel)
			}
			// Find-in-page goes from match to match (the same words may
			// stand earlier, in the menu) until one is inside the element.
			found, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => {
  const el = document.querySelector(`+quote(sel)+`), text = el.textContent.trim().slice(0, 40);
  while (window.find(text, false, false, false)) {
    if (el.contains(getSelection().anchorNode)) return true;
  }
  return false;
})()`))
			if err != nil {
				t.Fatal(err)
			}
			if !found {
				t.Errorf("%s: find-in-page does not reach the text of %s", p, sel)
			}
		}
	}

	// An address with an anchor inside a waiting block opens at the anchor.
	for _, target := range []string{"/ru/#countries-title", "/ru/#matrix-title", "/en/#latest-title"} {
		open(t, ctx, base+"/en/")
		open(t, ctx, base+target)
		id := target[strings.Index(target, "#")+1:]
		top, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`document.getElementById(`+quote(id)+`).getBoundingClientRect().top`))
		if err != nil {
			t.Fatal(err)
		}
		if top < -2 || top > 2 {
			t.Errorf("%s opens with its anchor %.0f px from the top of the screen, not at it", target, top)
		}
	}

	t.Run("print", func(t *testing.T) {
		if _, err := exec.LookPath("pdftotext"); err != nil {
			t.Skip("no pdftotext: install poppler-utils to read the printed page back")
		}
		open(t, ctx, base+"/ru/")
		pdf, err := chromedp.Call(ctx, page.PrintToPDF, page.PrintToPDFParams{})
		if err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command("pdftotext", "-enc", "UTF-8", "-", "-")
		cmd.Stdin = bytes.NewReader(pdf.Data)
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("pdftotext: %v", err)
		}
		printed := strings.Join(strings.Fields(string(out)), " ")
		for _, sel := range offscreenBlocks["/ru/"] {
			text, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector(`+quote(sel)+`).textContent.trim().split(/\s+/).slice(0, 4).join(" ")`))
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(printed, text) {
				t.Errorf("/ru/ printed lacks %q (in %s)", text, sel)
			}
		}
	})
}

// open navigates to url and waits until the page has loaded.
func open(t *testing.T, ctx context.Context, url string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Navigate(url), chromedp.WaitReady(chromedp.CSS("footer"))); err != nil {
		t.Fatalf("%s: %v", url, err)
	}
}

// quote writes s as a JavaScript string literal.
func quote(s string) string {
	b, err := json.Marshal(s)
	if err != nil {
		panic(err)
	}
	return string(b)
}
