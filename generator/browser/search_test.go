package browser

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"ndpc/generator"
	"ndpc/generator/nodetools"
)

// TestSearchFindsRussianWordForms builds the real site with its Pagefind
// index and searches in Russian for a word form that the case study does
// not use: «виртуальная» for a text that says «виртуальной реальности».
func TestSearchFindsRussianWordForms(t *testing.T) {
	base, _ := serveRealWithSearch(t, true)
	ctx := newBrowser(t, nil)

	search := func(lang, q string) []string {
		t.Helper()
		if err := chromedp.Do(ctx, chromedp.Navigate(base+"/"+lang+"/search/?q="+q), chromedp.WaitReady(chromedp.CSS("body"))); err != nil {
			t.Fatal(err)
		}
		deadline := time.Now().Add(10 * time.Second)
		for {
			status, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector(".search-status").textContent`))
			if status != "" {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s: no search status", q)
			}
			time.Sleep(50 * time.Millisecond)
		}
		got, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll(".search-results li")].map(li => li.querySelector("a").pathname + " | " + (li.querySelector(".search-section") || {}).textContent + " | " + li.querySelector(".search-excerpt").innerHTML)`))
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	results := search("ru", "виртуальная")
	found := false
	for _, r := range results {
		if strings.HasPrefix(r, "/ru/case-studies/proto-invention-factory/ | Кейсы | ") && strings.Contains(r, "<mark>") {
			found = true
		}
		if strings.HasPrefix(r, "/en/") {
			t.Errorf("a Russian search found an English page: %s", r)
		}
	}
	if !found {
		t.Errorf("«виртуальная» did not find PROTO with its section and a marked excerpt: %q", results)
	}
	if en := search("en", "foundry"); len(en) == 0 || !strings.HasPrefix(en[0], "/en/") {
		t.Errorf("English search: %q", en)
	}
}

// TestSearchShowsMarkupAsText searches a page whose title and text hold
// markup: the results show it as text and run nothing.
func TestSearchShowsMarkupAsText(t *testing.T) {
	repo := needNode(t)
	ctx := newBrowser(t, nil)
	headers := netlifyHeaders(t)
	dir := t.TempDir()
	page := filepath.Join(dir, "content/case-studies/x.en.md")
	if err := os.MkdirAll(filepath.Dir(page), 0o755); err != nil {
		t.Fatal(err)
	}
	text := "---\ntitle: '\"><img src=x onerror=\"window.pwned=1\"> zebracrossing'\nsummary: '<script>window.pwned=2</script>'\ncountries: [EE]\nsectors: [digital]\noutcome: impact\n---\nThe zebracrossing project. `<img src=x onerror=\"window.pwned=3\">`\n"
	if err := os.WriteFile(page, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(repo)
	opts := generator.DefaultOptions()
	opts.Content, opts.Out = filepath.Join(dir, "content"), filepath.Join(dir, "public")
	if _, err := generator.Build(opts); err != nil {
		t.Fatal(err)
	}
	base := serve(t, opts.Out, headers)
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/en/search/?q=zebracrossing"), chromedp.WaitVisible(chromedp.CSS(".search-results li"))); err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond) // give an injected handler the time to run
	type state struct {
		Pwned  bool   `json:"pwned"`
		Images int    `json:"images"`
		Title  string `json:"title"`
	}
	s, err := chromedp.Run(ctx, chromedp.Evaluate[state](`({pwned: "pwned" in window, images: document.querySelectorAll(".search-results img").length,
		title: document.querySelector(".search-results a").textContent})`))
	if err != nil {
		t.Fatal(err)
	}
	// the title as text (its quotes set as the site sets them: “)
	if s.Pwned || s.Images > 0 || !strings.Contains(s.Title, `“><img src=x onerror=`) {
		t.Errorf("search results run or render markup: %+v", s)
	}
}

// needNode returns the repository's folder when Node.js is installed, so
// that the build can install Pagefind there and make the search index;
// without it the test fails in CI and is skipped elsewhere.
func needNode(t *testing.T) string {
	t.Helper()
	repo, _ := filepath.Abs("../..")
	if err := nodetools.HaveNode(); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("the search index needs Node.js: %v", err)
		}
		t.Skipf("the search index needs Node.js: %v", err)
	}
	return repo
}

// serveRealWithSearch builds the repository's site as ndpc build does,
// with its search index (and its PDFs when pdf is true), and serves it as
// Netlify would, returning its address and the built folder. It skips the
// test without Node.js (needNode).
func serveRealWithSearch(t *testing.T, pdf bool) (base, out string) {
	t.Helper()
	repo := needNode(t)
	headers := netlifyHeaders(t)
	t.Chdir(repo) // Pagefind is found from the repository's root
	opts := generator.DefaultOptions()
	opts.PDF = pdf
	opts.Out = filepath.Join(t.TempDir(), "public")
	if _, err := generator.Build(opts); err != nil {
		t.Fatal(err)
	}
	return serve(t, opts.Out, headers), opts.Out
}
