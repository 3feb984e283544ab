package browser

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// recordViolations makes every page record the Content-Security-Policy
// violations it meets, before any of its own code runs.
const recordViolations = `window.__violations = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__violations.push(e.violatedDirective + " " + (e.blockedURI || "inline"));
});`

// consoleLog collects the browser's console errors, failed loads and
// uncaught exceptions.
type consoleLog struct {
	mu      sync.Mutex
	entries []string
}

func (c *consoleLog) listen(ev any) {
	var s string
	switch ev := ev.(type) {
	case *cdplog.EventEntryAdded:
		if ev.Entry.Level == cdplog.EntryLevelError || strings.Contains(ev.Entry.Text, "Content Security Policy") {
			s = ev.Entry.Text + " " + ev.Entry.URL
		}
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError {
			s = "console.error"
		}
	case *runtime.EventExceptionThrown:
		s = "exception: " + ev.ExceptionDetails.Text
	}
	if s != "" {
		c.mu.Lock()
		c.entries = append(c.entries, s)
		c.mu.Unlock()
	}
}

func (c *consoleLog) take() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := c.entries
	c.entries = nil
	return out
}

// htmlPages lists the address of every HTML page under dir but the
// control page: /en/ for en/index.html, /404.html for 404.html.
func htmlPages(t *testing.T, dir string) []string {
	t.Helper()
	var pages []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") || d.Name() == "csp-control.html" {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		pages = append(pages, "/"+strings.TrimSuffix(filepath.ToSlash(rel), "index.html"))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(pages)
	return pages
}

// TestPagesRaiseNoCSPViolation visits every page of the real site with
// the headers of netlify.toml: no Content-Security-Policy violation, no
// console error, a stylesheet applied.
func TestPagesRaiseNoCSPViolation(t *testing.T) {
	logs := &consoleLog{}
	ctx := newBrowser(t, logs.listen)
	dir := buildSite(t)
	// A control page with an inline script: the CSP must block it, which
	// shows that the test sees violations when there are some.
	control := `<!doctype html><html lang="en"><title>control</title><script>document.title = "ran"</script></html>`
	if err := os.WriteFile(filepath.Join(dir, "csp-control.html"), []byte(control), 0o644); err != nil {
		t.Fatal(err)
	}
	// The control page names no icon, so the browser asks for
	// /favicon.ico, sometimes only after the next page has begun: serve
	// one, lest its 404 be counted against that page.
	if err := os.WriteFile(filepath.Join(dir, "favicon.ico"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	base := serve(t, dir, netlifyHeaders(t))
	if _, err := chromedp.Call(ctx, cdplog.Enable, cdp.Empty{}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: recordViolations}); err != nil {
		t.Fatal(err)
	}

	visit := func(p string) (violations []string, sheets int, title string) {
		t.Helper()
		if err := chromedp.Do(ctx, chromedp.Navigate(base+p), chromedp.WaitReady(chromedp.CSS("body"))); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		var err error
		if violations, err = chromedp.Run(ctx, chromedp.Evaluate[[]string](`window.__violations`)); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		if sheets, err = chromedp.Run(ctx, chromedp.Evaluate[int](`Array.from(document.styleSheets).filter(s => s.cssRules.length > 0).length`)); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		if title, err = chromedp.Run(ctx, chromedp.Title()); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		return violations, sheets, title
	}

	violations, _, title := visit("/csp-control.html")
	if len(violations) == 0 || title == "ran" {
		t.Fatalf("the control page's inline script was not blocked (violations %v, title %q): the CSP header is not applied", violations, title)
	}
	logs.take()

	// The pages with structured data (JSON-LD) are among them: the
	// browser must read the ld+json block as data, not as a script that
	// the CSP blocks.
	withData := map[string]string{
		"/en/case-studies/": "Dataset", "/ru/case-studies/": "Dataset",
		"/ru/case-studies/proto-invention-factory/": "Article", "/en/report/methodology/": "Article",
		"/en/report/": "Report", "/ru/briefs/01-cci-connectivity/": "Report", "/en/briefs/02-traditional-industries/": "Report",
		"/en/events/partnership-market-focus-group/": "Event", "/ru/events/partnership-market-focus-group/": "Event",
	}
	pages := htmlPages(t, dir)
	if len(pages) < 60 {
		t.Fatalf("only %d pages built: %v", len(pages), pages)
	}
	for _, p := range pages {
		violations, sheets, _ := visit(p)
		if want, ok := withData[p]; ok {
			got, err := chromedp.Run(ctx, chromedp.Evaluate[string](`Array.from(document.querySelectorAll('script[type="application/ld+json"]')).map(s => JSON.parse(s.textContent)["@type"]).join(" ")`))
			if err != nil {
				t.Errorf("%s: the browser cannot read the structured data: %v", p, err)
			} else if got != want {
				t.Errorf("%s: structured data of type %q, want %q", p, got, want)
			}
		}
		if len(violations) > 0 {
			t.Errorf("%s: CSP violations %v", p, violations)
		}
		if sheets == 0 {
			t.Errorf("%s: no stylesheet applied", p)
		}
		if errs := logs.take(); len(errs) > 0 {
			t.Errorf("%s: console errors %v", p, errs)
		}
	}
}

func TestLanguageSwitcherRemembersChoice(t *testing.T) {
	ctx := newBrowser(t, nil)
	base := serve(t, buildSite(t), netlifyHeaders(t))
	err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/en/case-studies/proto-invention-factory/"),
		chromedp.WaitReady(chromedp.CSS("body")),
		chromedp.Click(chromedp.CSS(`.lang-switch a[data-lang-switch]`)),
		chromedp.WaitReady(chromedp.CSS(`html[lang="ru"]`)),
	)
	if err != nil {
		t.Fatal(err)
	}
	cookie, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.cookie`))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(cookie, "nf_lang=ru") {
		t.Errorf("after switching to Russian the cookie is %q", cookie)
	}
}
