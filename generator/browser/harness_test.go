package browser

import (
	"context"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"ndpc/generator"
	"ndpc/generator/netlifyserve"
)

// browserPath finds Chromium or Chrome.
func browserPath(t *testing.T) string {
	t.Helper()
	candidates := []string{os.Getenv("CHROME_PATH"), "chromium", "chromium-browser", "google-chrome", "google-chrome-stable"}
	for _, c := range candidates {
		if c == "" {
			continue
		}
		if p, err := exec.LookPath(c); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("no Chromium found: install Debian's chromium (apt-get install chromium) or set CHROME_PATH")
	}
	t.Skip("no Chromium found; install Debian's chromium to run the browser tests")
	return ""
}

// newBrowser starts headless Chromium and returns a context for chromedp;
// listener, if not nil, sees every event of the tab.
func newBrowser(t *testing.T, listener func(ev any)) context.Context {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(browserPath(t)),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.WindowSize(1280, 900),
	)
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	var ctxOpts []chromedp.ContextOption
	if listener != nil {
		ctxOpts = append(ctxOpts, chromedp.WithListener(listener))
	}
	ctx, cancelCtx := chromedp.NewContext(alloc, ctxOpts...)
	ctx, cancelTimeout := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(func() { cancelTimeout(); cancelCtx(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting the browser: %v", err)
	}
	return ctx
}

// buildSite builds the repository's site as ndpc build does.
func buildSite(t *testing.T) string {
	t.Helper()
	repo, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	opts := generator.DefaultOptions()
	opts.Search = false
	opts.Content, opts.Templates = filepath.Join(repo, "content"), filepath.Join(repo, "templates")
	opts.Static, opts.I18n = filepath.Join(repo, "static"), filepath.Join(repo, "i18n")
	opts.Out = filepath.Join(t.TempDir(), "public")
	if _, err := generator.Build(opts); err != nil {
		t.Fatal(err)
	}
	return opts.Out
}

// netlifyHeaders reads the [[headers]] rules of netlify.toml.
func netlifyHeaders(t *testing.T) []netlifyserve.Rule {
	t.Helper()
	rules, err := netlifyserve.LoadRules("../../netlify.toml")
	if err != nil {
		t.Fatal(err)
	}
	return rules
}

// serve serves dir as Netlify would: with its headers, compressed.
func serve(t *testing.T, dir string, rules []netlifyserve.Rule) string {
	t.Helper()
	srv := httptest.NewServer(netlifyserve.Handler(dir, rules))
	t.Cleanup(srv.Close)
	return srv.URL
}
