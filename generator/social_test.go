package generator

import (
	"bytes"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// headMeta returns the content of a page's <meta> elements by their
// property or name.
func headMeta(t *testing.T, page []byte) map[string][]string {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	meta := map[string][]string{}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "meta" {
			var key, value string
			for _, a := range n.Attr {
				switch a.Key {
				case "property", "name":
					key = a.Val
				case "content":
					value = a.Val
				}
			}
			if key != "" {
				meta[key] = append(meta[key], value)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return meta
}

// TestSocialImagesOnRealSite builds the real site and checks every page's
// social preview: one og:image, absolute, on the site, naming a file of
// the output that is a 1200 × 630 PNG, with its type, size and alt text,
// and a large-image Twitter card. Pages with their own title have their
// own image; the search and 404 pages share their language's default.
func TestSocialImagesOnRealSite(t *testing.T) {
	out := buildReal(t)
	files := outputFiles(t, out)
	seen := map[string]string{} // image → the first page naming it
	pages := 0
	for name, data := range files {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		pages++
		m := headMeta(t, data)
		img := m["og:image"]
		if len(img) != 1 {
			t.Errorf("%s: %d og:image, want 1", name, len(img))
			continue
		}
		const base = "https://example.org/"
		if !strings.HasPrefix(img[0], base) {
			t.Errorf("%s: og:image %q is not an absolute address on the site", name, img[0])
			continue
		}
		path := "/" + strings.TrimPrefix(img[0], base)
		data, ok := files[path]
		if !ok {
			t.Errorf("%s: og:image %s: no such file in the output", name, path)
			continue
		}
		cfg, err := png.DecodeConfig(bytes.NewReader(data))
		if err != nil || cfg.Width != 1200 || cfg.Height != 630 {
			t.Errorf("%s: %s is not a 1200 × 630 PNG (%d × %d, %v)", name, path, cfg.Width, cfg.Height, err)
		}
		want := map[string]string{"og:image:type": "image/png", "og:image:width": "1200", "og:image:height": "630", "twitter:card": "summary_large_image"}
		for k, v := range want {
			if got := m[k]; len(got) != 1 || got[0] != v {
				t.Errorf("%s: %s is %q, want %q", name, k, got, v)
			}
		}
		if alt := m["og:image:alt"]; len(alt) != 1 || strings.TrimSpace(alt[0]) == "" {
			t.Errorf("%s: og:image:alt is %q", name, alt)
		}
		if first, ok := seen[path]; ok && !sharesDefault(name) && !sharesDefault(first) {
			t.Errorf("%s and %s share the image %s", first, name, path)
		}
		if _, ok := seen[path]; !ok {
			seen[path] = name
		}
	}
	if pages < 70 {
		t.Fatalf("only %d pages", pages)
	}
	for _, p := range []struct{ page, image string }{
		{"/en/search/index.html", "/en/social.png"}, {"/ru/404.html", "/ru/social.png"},
		{"/404.html", "/en/social.png"}, {"/index.html", "/en/social.png"},
		{"/ru/case-studies/proto-invention-factory/index.html", "/ru/case-studies/proto-invention-factory/social.png"},
	} {
		if got := headMeta(t, files[p.page])["og:image"]; len(got) != 1 || got[0] != "https://example.org"+p.image {
			t.Errorf("%s names %q, want %s", p.page, got, p.image)
		}
	}
}

// sharesDefault says whether a page names its language's default image.
func sharesDefault(page string) bool {
	return page == "/index.html" || page == "/404.html" || strings.HasSuffix(page, "/404.html") ||
		strings.HasSuffix(page, "/search/index.html") || page == "/en/index.html" || page == "/ru/index.html"
}

// TestSocialImageCache builds the real site twice with a cache of images,
// the second time from the cache, and once without: the three outputs are
// the same, byte for byte.
func TestSocialImageCache(t *testing.T) {
	repo, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	build := func(name, cache string) map[string][]byte {
		opts := DefaultOptions()
		opts.Search, opts.PDF = false, false
		opts.Content, opts.Templates = filepath.Join(repo, "content"), filepath.Join(repo, "templates")
		opts.Static, opts.I18n = filepath.Join(repo, "static"), filepath.Join(repo, "i18n")
		opts.Out, opts.BaseURL, opts.ImageCache = filepath.Join(dir, name), "https://example.org", cache
		if _, err := Build(opts); err != nil {
			t.Fatalf("build: %v", err)
		}
		return outputFiles(t, opts.Out)
	}
	cache := filepath.Join(dir, "cache")
	drawn := build("drawn", cache)
	cached, err := os.ReadDir(cache)
	if err != nil || len(cached) == 0 {
		t.Fatalf("the cache holds %d images (%v)", len(cached), err)
	}
	fromCache := build("cached", cache)
	uncached := build("uncached", "")
	for name, data := range drawn {
		if !bytes.Equal(data, fromCache[name]) || !bytes.Equal(data, uncached[name]) {
			t.Errorf("%s differs between builds with and without the cache", name)
		}
	}
	if len(drawn) != len(fromCache) || len(drawn) != len(uncached) {
		t.Errorf("the builds wrote %d, %d and %d files", len(drawn), len(fromCache), len(uncached))
	}
}

// TestPreviewNamesNoSocialImage checks that the preview, which draws no
// images, names none: its pages have a summary card and no og:image.
func TestPreviewNamesNoSocialImage(t *testing.T) {
	repo, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	opts := DefaultOptions()
	opts.Search, opts.PDF = false, false
	opts.Content, opts.Templates = filepath.Join(repo, "content"), filepath.Join(repo, "templates")
	opts.Static, opts.I18n = filepath.Join(repo, "static"), filepath.Join(repo, "i18n")
	opts.Out = filepath.Join(t.TempDir(), "public")
	l, u, err := NewLive(opts)
	if err != nil || !u.OK() {
		t.Fatalf("preview: %v %v", err, u.Problems)
	}
	for _, p := range []string{"/en/", "/ru/case-studies/proto-invention-factory/", "/en/404.html"} {
		page, ok := l.File(p)
		if !ok {
			t.Fatalf("the preview has no %s", p)
		}
		m := headMeta(t, page)
		if len(m["og:image"]) != 0 || len(m["twitter:card"]) != 1 || m["twitter:card"][0] != "summary" {
			t.Errorf("%s: og:image %q, twitter:card %q: want none and summary", p, m["og:image"], m["twitter:card"])
		}
	}
	if _, ok := l.File("/en/social.png"); ok {
		t.Error("the preview serves a social image")
	}
}

// A file of a page's folder where the build would write the page's
// social preview image is an error at the page.
func TestSocialImageClash(t *testing.T) {
	dir := t.TempDir()
	writeSite(t, dir, []byte(printSite))
	var img bytes.Buffer
	if err := pngEncode(&img, 4, 3); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "content/briefs/01-first/social.png"), img.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	opts := siteOptions(t, dir)
	opts.SocialImages = true
	_, err := Build(opts)
	want := "content/briefs/01-first/index.en.md: the page's folder has a file social.png where the build writes the page's social preview image: rename the file"
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("build error %v, want %q", err, want)
	}
}
