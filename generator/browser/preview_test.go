package browser

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"ndpc/generator"
	"ndpc/generator/preview"
)

// TestPreviewOverlayAndReload opens a page of ndpc serve, breaks the page's
// file, expects the error overlay, repairs it, and expects the overlay to
// go and the page to show the repaired text.
func TestPreviewOverlayAndReload(t *testing.T) {
	ctx := newBrowser(t, nil)
	dir := t.TempDir()
	repo, _ := filepath.Abs("../..")
	for _, sub := range []string{"templates", "static", "i18n"} {
		if err := os.CopyFS(filepath.Join(dir, sub), os.DirFS(filepath.Join(repo, sub))); err != nil {
			t.Fatal(err)
		}
	}
	page := filepath.Join(dir, "content/about.en.md")
	write := func(text string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(page), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(page, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("---\ntitle: About\n---\nFirst text.\n")
	srvCtx, stop := context.WithCancel(context.Background())
	defer stop()
	srv, err := preview.Start(srvCtx, preview.Options{Site: generator.Options{
		Content: filepath.Join(dir, "content"), Templates: filepath.Join(dir, "templates"),
		Static: filepath.Join(dir, "static"), I18n: filepath.Join(dir, "i18n"),
	}, Bind: "127.0.0.1"})
	if err != nil {
		t.Fatal(err)
	}
	url := "http://" + srv.Addr() + "/en/about/"
	text := func() string {
		s, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("main").innerText`))
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(url), chromedp.WaitReady(chromedp.CSS("main"))); err != nil {
		t.Fatal(err)
	}
	time.Sleep(200 * time.Millisecond) // let the page connect to the event stream

	write("---\ntitle: About\n---\nSee [gone](gone.en.md).\n")
	if err := chromedp.Do(ctx, chromedp.WaitVisible(chromedp.ID("ndpc-overlay"))); err != nil {
		t.Fatal(err)
	}
	overlay, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById("ndpc-overlay").innerText`))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(overlay, "about.en.md:4:12") || !strings.Contains(overlay, `broken link "gone.en.md"`) {
		t.Errorf("overlay = %q", overlay)
	}
	if !strings.Contains(text(), "First text.") {
		t.Error("the last good page is not shown under the overlay")
	}

	write("---\ntitle: About\n---\nRepaired text.\n")
	// The page reloads itself: ask until the reloaded page answers.
	deadline := time.Now().Add(10 * time.Second)
	for {
		done, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`!document.getElementById("ndpc-overlay") && document.querySelector("main").innerText.includes("Repaired text.")`))
		if err == nil && done {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the repaired page did not replace the overlay (last error: %v)", err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
