package markdown

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
)

// headingIDs gives headings IDs that keep letters of every script, so that
// Russian headings get readable anchors: "## Методы и данные" becomes
// "методы-и-данные". goldmark's own generator drops non-ASCII letters.
type headingIDs struct {
	used map[string]bool
	next map[string]int // the number to try next after a base, so that many equal headings cost no more than different ones
}

func newHeadingIDs() *headingIDs {
	return &headingIDs{used: map[string]bool{}, next: map[string]int{}}
}

// Generate returns a unique ID for a heading's raw Markdown text.
func (h *headingIDs) Generate(value []byte, _ ast.NodeKind) []byte {
	base := Slugify(string(value))
	if base == "" {
		base = "section"
	}
	id := base
	if h.used[id] {
		n := max(1, h.next[base])
		for id = base + "-" + strconv.Itoa(n); h.used[id]; id = base + "-" + strconv.Itoa(n) {
			n++
		}
		h.next[base] = n + 1
	}
	h.used[id] = true
	return []byte(id)
}

// Put marks an ID as taken (one given explicitly in the page).
func (h *headingIDs) Put(value []byte) { h.used[string(value)] = true }

var linkTarget = regexp.MustCompile(`\]\([^)]*\)`)

// Slugify makes an anchor from heading text: lower case, letters and digits
// of any script kept, spaces and hyphens turned into single hyphens,
// punctuation and Markdown markup dropped.
func Slugify(s string) string {
	s = linkTarget.ReplaceAllString(s, "]")
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		case unicode.IsSpace(r) || r == '-' || r == '_' || r == '–' || r == '—':
			dash = true
		}
	}
	return b.String()
}
