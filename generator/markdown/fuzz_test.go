package markdown

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"ndpc/generator/diag"
	"ndpc/generator/internal/bounded"
)

// FuzzConvert renders arbitrary Markdown with a link resolver: it must
// never panic, never let a script or javascript: link through, put every
// problem on a line of the input, and stay within the time and memory of
// package bounded. testdata/fuzz/FuzzConvert holds inputs that took
// seconds or gigabytes before the limits of limits.go.
func FuzzConvert(f *testing.F) {
	for _, seed := range []string{
		"## Методы и данные\n\nText [link](a.en.md#x) and ![img](b.png).\n",
		"[x](javascript:alert(1)) <script>alert(1)</script> <img src=x onerror=alert(1)>\n",
		"| a | b |\n|--:|:-:|\n| 1 | 2 |\n\nNote[^1].\n\n[^1]: Foot.\n",
		"[x](JaVaScRiPt:alert(1)) [y](data:text/html,<b>) <javascript:alert(1)>\n",
		"\"quotes\" -- dashes... <https://example.org>\n",
		"[a](<b c.md>) [d]( e.md \"title\")\n\n[ref]: gone.md\n[r][ref]\n",
	} {
		f.Add(seed, "ru")
	}
	c := New([]string{"en", "ru"}, Options{})
	resolve := func(dest string) (string, error) {
		switch {
		case strings.HasSuffix(dest, ".png"):
			return "/img/" + dest, nil
		case strings.Contains(dest, "fallback"):
			return "", &Fallback{URL: "/en/x/", Message: "fallback"}
		}
		return "", errors.New("broken")
	}
	f.Fuzz(func(t *testing.T, src, lang string) {
		if lang != "en" {
			lang = "ru"
		}
		var buf bytes.Buffer
		problems := &diag.List{}
		var err error
		bounded.Run(t, func() {
			_, err = c.Convert(Input{Source: []byte(src), Lang: lang, Path: "x.md", LineOffset: 3, Resolve: resolve}, &buf, problems)
		})
		if err != nil {
			t.Fatal(err)
		}
		out := strings.ToLower(buf.String())
		if strings.Contains(out, "<script") || strings.Contains(out, "href=\"javascript:") || strings.Contains(out, "src=\"javascript:") {
			t.Fatalf("unsafe output for %q:\n%s", src, out)
		}
		lines := strings.Count(src, "\n") + 1
		for _, p := range problems.Sorted() {
			if p.Line < 4 || p.Line > 3+lines {
				t.Fatalf("problem on line %d of a %d-line body after 3 lines: %s", p.Line, lines, p)
			}
		}
		sameWithoutLinkify(t, c, lang, src)
	})
}

// sameWithoutLinkify fails when Convert converts src without Linkify but
// Linkify would have made other HTML of it.
func sameWithoutLinkify(t *testing.T, c *Converter, lang, src string) {
	t.Helper()
	configs := c.byLang[lang]
	if configs.forSource([]byte(src)) != configs.noLinkify || !(Input{Source: []byte(src)}).checkLimits(&diag.List{}) {
		return // converted with Linkify, or not at all
	}
	var with, without bytes.Buffer
	if err := configs.full.Convert([]byte(src), &with); err != nil {
		t.Fatal(err)
	}
	if err := configs.noLinkify.Convert([]byte(src), &without); err != nil {
		t.Fatal(err)
	}
	if with.String() != without.String() {
		t.Fatalf("%q converted without Linkify:\n%s\nwith it:\n%s", src, without.String(), with.String())
	}
}
