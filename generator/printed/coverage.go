package printed

import (
	"strings"
	"sync"

	"golang.org/x/image/font/sfnt"
)

// Typst refuses to write a PDF/UA document with a character that its
// fonts cannot show, and the editions use the fonts of fonts/ alone. A
// character they lack is printed as U+FFFD, the replacement character,
// and reported to the caller, who tells the editor where it is.

// Replacement stands in the PDF for a character that its fonts lack.
const Replacement = '\uFFFD'

var coverage = struct {
	sync.Mutex
	fonts []*sfnt.Font
	buf   sfnt.Buffer
	known map[rune]bool
	err   error
}{known: map[rune]bool{}}

// Printable reports whether every font of the editions has a glyph for
// r, so that it prints in any style. White space and control characters
// count as printable: the markup never sets them as text.
func Printable(r rune) bool {
	if r < 0x80 || r == Replacement {
		return true
	}
	coverage.Lock()
	defer coverage.Unlock()
	if ok, done := coverage.known[r]; done {
		return ok
	}
	if coverage.fonts == nil && coverage.err == nil {
		all, err := fonts()
		for _, data := range all {
			f, perr := sfnt.Parse(data)
			if perr != nil {
				err = perr
				break
			}
			coverage.fonts = append(coverage.fonts, f)
		}
		coverage.err = err
	}
	ok := coverage.err == nil
	for _, f := range coverage.fonts {
		if g, err := f.GlyphIndex(&coverage.buf, r); err != nil || g == 0 {
			ok = false
			break
		}
	}
	coverage.known[r] = ok
	return ok
}

// Unprintable is a run of characters that the fonts lack.
type Unprintable struct {
	Offset int    // byte offset in the text
	Text   string // the characters
}

// Printables returns s with every character that Printable refuses
// replaced by Replacement, and the runs of those characters in order.
func Printables(s string) (string, []Unprintable) {
	var runs []Unprintable
	var out strings.Builder
	for i, r := range s {
		if Printable(r) {
			out.WriteRune(r)
			continue
		}
		out.WriteRune(Replacement)
		if n := len(runs); n > 0 && runs[n-1].Offset+len(runs[n-1].Text) == i {
			runs[n-1].Text += string(r)
		} else {
			runs = append(runs, Unprintable{Offset: i, Text: string(r)})
		}
	}
	if runs == nil {
		return s, nil
	}
	return out.String(), runs
}
