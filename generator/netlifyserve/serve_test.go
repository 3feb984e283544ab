package netlifyserve

import (
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestHeadersAndCompression(t *testing.T) {
	dir := t.TempDir()
	page := strings.Repeat("<p>Кросс-инновации</p>\n", 200)
	must(t, os.MkdirAll(filepath.Join(dir, "en"), 0o755))
	must(t, os.WriteFile(filepath.Join(dir, "en", "index.html"), []byte(page), 0o644))
	must(t, os.WriteFile(filepath.Join(dir, "logo.png"), []byte("\x89PNG\r\n\x1a\nnot really"), 0o644))
	srv := httptest.NewServer(Handler(dir, []Rule{
		{For: "/*", Values: map[string]string{"X-Frame-Options": "DENY"}},
		{For: "/en/*", Values: map[string]string{"Content-Language": "en"}},
	}))
	defer srv.Close()

	get := func(p, encoding string) *http.Response {
		req, _ := http.NewRequest("GET", srv.URL+p, nil)
		req.Header.Set("Accept-Encoding", encoding)
		res, err := http.DefaultTransport.RoundTrip(req) // no transparent decompression
		must(t, err)
		t.Cleanup(func() { res.Body.Close() })
		return res
	}

	res := get("/en/", "br, gzip")
	if res.Header.Get("Content-Encoding") != "gzip" || res.Header.Get("X-Frame-Options") != "DENY" || res.Header.Get("Content-Language") != "en" {
		t.Fatalf("headers of /en/: %v", res.Header)
	}
	zr, err := gzip.NewReader(res.Body)
	must(t, err)
	body, err := io.ReadAll(zr)
	must(t, err)
	if string(body) != page {
		t.Errorf("/en/ decompressed differs from the file")
	}

	if res := get("/en/", "identity"); res.Header.Get("Content-Encoding") != "" {
		t.Errorf("compressed for a client that does not accept gzip")
	}
	if res := get("/en/", "gzip;q=0"); res.Header.Get("Content-Encoding") != "" {
		t.Errorf("compressed for a client that refuses gzip")
	}
	if res := get("/logo.png", "gzip"); res.Header.Get("Content-Encoding") != "" || res.Header.Get("Content-Language") != "" {
		t.Errorf("logo.png: %v", res.Header)
	}
	if res := get("/nope/", "gzip"); res.StatusCode != http.StatusNotFound || res.Header.Get("Content-Encoding") != "" {
		t.Errorf("a missing page: %d %v", res.StatusCode, res.Header)
	}
}

func TestLoadRulesOfTheRepository(t *testing.T) {
	rules, err := LoadRules("../../netlify.toml")
	if err != nil {
		t.Fatal(err)
	}
	var csp bool
	for _, r := range rules {
		if r.matches("/en/") && r.Values["Content-Security-Policy"] != "" {
			csp = true
		}
	}
	if !csp {
		t.Errorf("no rule of netlify.toml gives /en/ its Content-Security-Policy: %+v", rules)
	}
	if _, err := LoadRules("no-such.toml"); err == nil || !strings.Contains(err.Error(), "no-such.toml") {
		t.Errorf("missing file: %v", err)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
