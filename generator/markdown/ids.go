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
//
// An ID is never one that reserved reports as taken by the page's layout
// (the skip link's target, the contents' title, …): such a heading gets
// the next free numbered ID. Footnotes' IDs ("fn:1", "fnref:1") have a
// colon, which headings' IDs never have.
type headingIDs struct {
	used     map[string]bool
	next     map[string]int       // the number to try next after a base, so that many equal headings cost no more than different ones
	reserved func(id string) bool // nil: none
}

func newHeadingIDs(reserved func(string) bool) *headingIDs {
	return &headingIDs{used: map[string]bool{}, next: map[string]int{}, reserved: reserved}
}

// maxReservedTries bounds the numbered IDs tried against the reserved
// ones: the layout reserves patterns (id="m-{{…}}" reserves every ID that
// starts with "m-"), which a heading's every numbered ID may match.
const maxReservedTries = 20

// Generate returns a unique ID for a heading's raw Markdown text.
func (h *headingIDs) Generate(value []byte, _ ast.NodeKind) []byte {
	base := Slugify(string(value))
	if base == "" {
		base = "section"
	}
	id := base
	taken := func(id string, try int) bool {
		return h.used[id] || (try <= maxReservedTries && h.reserved != nil && h.reserved(id))
	}
	if taken(id, 1) {
		n := max(1, h.next[base])
		try := 2
		for id = base + "-" + strconv.Itoa(n); taken(id, try); id = base + "-" + strconv.Itoa(n) {
			n++
			try++
		}
		h.next[base] = n + 1
	}
	h.used[id] = true
	return []byte(id)
}

// Put marks an ID as taken (one given explicitly in the page).
func (h *headingIDs) Put(value []byte) { h.used[string(value)] = true }

var (
	linkTarget   = regexp.MustCompile(`\]\([^)]*\)`)
	footnoteLink = regexp.MustCompile(`\[\^[^\]]*\]`)
)

// Slugify makes an anchor from heading text: lower case, letters and digits
// of any script kept, spaces and hyphens turned into single hyphens,
// punctuation, Markdown markup and footnote references dropped
// ("Results[^1]" → "results").
func Slugify(s string) string {
	s = footnoteLink.ReplaceAllString(s, "")
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
