package content

import (
	"bytes"
	"testing"

	"github.com/adrg/frontmatter"
)

// frontMatterEnd must cut where the frontmatter package ends the front
// matter, so that the parser, given only the cut, finds the same fields
// and an empty rest.
func TestFrontMatterEndAgreesWithParser(t *testing.T) {
	for _, src := range []string{
		"---\ntitle: A\n---\nBody\n",
		"\n\n---\ntitle: A\n---\n\nBody --- here\n---\n",
		"  ---  \r\ntitle: A\r\n --- \r\nBody\r\n",
		"+++\ntitle = \"A\"\n+++\nBody",
		"+++\ntitle = \"A\"\n---\n+++\n",
		"---\ntitle: A\n---",
		"---\ntitle: A\n",
		"title: A\n---\nBody\n",
		"",
		"---\rtitle: A\r---\rBody",
	} {
		var whole, cut rawFrontMatter
		wantBody, wantErr := frontmatter.MustParse(bytes.NewReader([]byte(src)), &whole, frontMatterFormats...)
		end := frontMatterEnd([]byte(src))
		rest, err := frontmatter.MustParse(bytes.NewReader([]byte(src[:end])), &cut, frontMatterFormats...)
		if (err == nil) != (wantErr == nil) {
			t.Errorf("%q: error %v, without the cut %v", src, err, wantErr)
			continue
		}
		if err != nil {
			continue
		}
		if string(cut.data) != string(whole.data) || cut.toml != whole.toml {
			t.Errorf("%q: front matter %q, without the cut %q", src, cut.data, whole.data)
		}
		if len(rest) != 0 || src[end:] != string(wantBody) {
			t.Errorf("%q: body after the cut %q, parser's body %q", src, src[end:], wantBody)
		}
	}
}

func TestLoneCR(t *testing.T) {
	for src, want := range map[string]int{
		"": -1, "a\r\nb\r\n": -1, "a\rb": 1, "a\r": 1, "\r\n\r\n\r": 4, "x\r\n\ry": 3, "\r": 0,
	} {
		if got := loneCR([]byte(src)); got != want {
			t.Errorf("loneCR(%q) = %d, want %d", src, got, want)
		}
	}
}
