package browser

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// axeScript is axe-core, pinned in .tools/package.json.
func axeScript(t *testing.T) string {
	t.Helper()
	repo, _ := filepath.Abs("../..")
	data, err := os.ReadFile(filepath.Join(repo, ".tools/node_modules/axe-core/axe.min.js"))
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("axe-core is not installed: run npm ci --prefix .tools")
		}
		t.Skip("axe-core is not installed: npm ci --prefix .tools")
	}
	return string(data)
}

type axeViolation struct {
	ID     string   `json:"id"`
	Impact string   `json:"impact"`
	Help   string   `json:"help"`
	Nodes  []string `json:"nodes"`
}

// TestAccessibility runs axe-core on the pages the site's audits name, in
// both languages, on a phone-sized and a desktop window: no violation of
// impact serious or critical.
func TestAccessibility(t *testing.T) {
	axe := axeScript(t)
	ctx := newBrowser(t, nil)
	base := serve(t, buildSite(t), netlifyHeaders(t))
	pages := []string{"", "case-studies/", "case-studies/proto-invention-factory/", "countries/", "countries/estonia/", "sectors/", "briefs/", "report/methodology/", "submit/", "search/"}
	for _, screen := range []struct {
		width  int
		scheme string
	}{{390, "light"}, {1280, "light"}, {390, "dark"}, {1280, "dark"}} {
		width := screen.width
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(int64(width), 900)); err != nil {
			t.Fatal(err)
		}
		if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: screen.scheme}}}); err != nil {
			t.Fatal(err)
		}
		for _, lang := range []string{"en", "ru"} {
			for _, p := range pages {
				url := base + "/" + lang + "/" + p
				if err := chromedp.Do(ctx, chromedp.Navigate(url), chromedp.WaitReady(chromedp.CSS("body"))); err != nil {
					t.Fatal(err)
				}
				if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](axe+";true")); err != nil {
					t.Fatalf("injecting axe-core: %v", err)
				}
				found, err := chromedp.Run(ctx, chromedp.Evaluate[[]axeViolation](`axe.run(document, {resultTypes: ["violations"]}).then(r =>
					r.violations.map(v => ({id: v.id, impact: v.impact || "", help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.target.join(" "))})))`, chromedp.EvalAwaitPromise))
				if err != nil {
					t.Fatalf("%s: %v", url, err)
				}
				for _, v := range found {
					msg := v.ID + " (" + v.Impact + "): " + v.Help + " at " + strings.Join(v.Nodes, "; ")
					if v.Impact == "serious" || v.Impact == "critical" {
						t.Errorf("%d px %s %s/%s: %s", width, screen.scheme, lang, p, msg)
					} else {
						t.Logf("%d px %s %s/%s: %s", width, screen.scheme, lang, p, msg)
					}
				}
			}
		}
	}
}
