// Package netlifyserve serves a built site as Netlify serves it, so that
// pages can be tested and measured locally as readers receive them: with
// the response headers of netlify.toml's [[headers]] rules, and with text
// (HTML, CSS, JavaScript, JSON, SVG, XML, plain text) compressed with gzip
// for browsers that accept it, as Netlify's CDN does. Redirects and custom
// 404 pages are left out.
package netlifyserve

import (
	"compress/gzip"
	"fmt"
	"net/http"
	"path"
	"strings"

	"github.com/BurntSushi/toml"
)

// Rule is one [[headers]] rule of netlify.toml: the headers Values are sent
// for every path that For matches (a path.Match pattern, or a prefix ending
// in "*" as Netlify's splat).
type Rule struct {
	For    string
	Values map[string]string
}

// LoadRules reads the [[headers]] rules of the netlify.toml at file. It
// returns an error, naming the file, when it cannot be read or is not TOML.
func LoadRules(file string) ([]Rule, error) {
	var cfg struct {
		Headers []Rule
	}
	if _, err := toml.DecodeFile(file, &cfg); err != nil {
		return nil, fmt.Errorf("reading the headers of %s: %w", file, err)
	}
	return cfg.Headers, nil
}

// Handler serves the files of dir with the headers of rules, compressing
// text with gzip when the request accepts it.
func Handler(dir string, rules []Rule) http.Handler {
	files := http.FileServer(http.Dir(dir))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for _, rule := range rules {
			if rule.matches(r.URL.Path) {
				for k, v := range rule.Values {
					w.Header().Set(k, v)
				}
			}
		}
		if !acceptsGzip(r) {
			files.ServeHTTP(w, r)
			return
		}
		r.Header.Del("Range") // a range of the uncompressed file means nothing compressed
		z := &gzipWriter{ResponseWriter: w}
		defer z.close()
		files.ServeHTTP(z, r)
	})
}

func (rule Rule) matches(p string) bool {
	if ok, _ := path.Match(rule.For, p); ok {
		return true
	}
	prefix, splat := strings.CutSuffix(rule.For, "*")
	return splat && strings.HasPrefix(p, prefix)
}

func acceptsGzip(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		name, q, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.TrimSpace(name) == "gzip" && strings.ReplaceAll(q, " ", "") != "q=0" {
			return true
		}
	}
	return false
}

// compressible tells whether a response of this media type is text that
// Netlify compresses.
func compressible(contentType string) bool {
	media, _, _ := strings.Cut(contentType, ";")
	media = strings.TrimSpace(media)
	switch {
	case strings.HasPrefix(media, "text/"):
		return true
	case media == "application/json", media == "application/javascript", media == "application/xml",
		media == "application/atom+xml", media == "image/svg+xml", media == "application/ld+json":
		return true
	}
	return false
}

// gzipWriter compresses the body when the response, as its headers are
// written, turns out to be a successful one of a compressible type.
type gzipWriter struct {
	http.ResponseWriter
	gz      *gzip.Writer
	decided bool
}

func (z *gzipWriter) WriteHeader(status int) {
	if !z.decided {
		z.decided = true
		h := z.Header()
		h.Add("Vary", "Accept-Encoding")
		if status == http.StatusOK && compressible(h.Get("Content-Type")) {
			h.Del("Content-Length")
			h.Set("Content-Encoding", "gzip")
			z.gz = gzip.NewWriter(z.ResponseWriter)
		}
	}
	z.ResponseWriter.WriteHeader(status)
}

func (z *gzipWriter) Write(b []byte) (int, error) {
	if !z.decided {
		if z.Header().Get("Content-Type") == "" {
			z.Header().Set("Content-Type", http.DetectContentType(b))
		}
		z.WriteHeader(http.StatusOK)
	}
	if z.gz != nil {
		return z.gz.Write(b)
	}
	return z.ResponseWriter.Write(b)
}

func (z *gzipWriter) close() {
	if z.gz != nil {
		z.gz.Close()
	}
}
