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

// TestAccessibility runs axe-core on pages of every kind, in both
// languages, on a phone-sized and a desktop window, in the light and the
// dark colour scheme: no violation of any impact.
func TestAccessibility(t *testing.T) {
	axe := axeScript(t)
	base := serve(t, buildSite(t), netlifyHeaders(t))
	pages := []string{"", "case-studies/", "case-studies/proto-invention-factory/", "countries/", "countries/estonia/", "sectors/", "sectors/digital/",
		"briefs/", "report/methodology/", "events/partnership-market-focus-group/", "submit/", "privacy/", "search/"}
	for _, view := range []struct {
		width  int64
		scheme string
	}{{390, "light"}, {1280, "light"}, {390, "dark"}, {1280, "dark"}} {
		width := view.width
		ctx := newBrowser(t, nil) // a browser for each view: each has its own time limit
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 900)); err != nil {
			t.Fatal(err)
		}
		if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: view.scheme}}}); err != nil {
			t.Fatal(err)
		}
		for _, lang := range []string{"en", "ru"} {
			for _, p := range pages {
				url := base + "/" + lang + "/" + p
				if err := chromedp.Do(ctx, chromedp.Navigate(url), chromedp.WaitReady(chromedp.CSS("body"))); err != nil {
					t.Fatal(err)
				}
				if dark, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`matchMedia("(prefers-color-scheme: dark)").matches`)); err != nil || dark != (view.scheme == "dark") {
					t.Fatalf("%s: the %s scheme is not in force (dark: %v, %v)", url, view.scheme, dark, err)
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
					t.Errorf("%d px, %s: %s/%s: %s (%s): %s at %s", width, view.scheme, lang, p, v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "; "))
				}
			}
		}
	}
}
