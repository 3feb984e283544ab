package render

import (
	"regexp"
	"strings"
)

// idAttr finds the id attributes written in a template: id="main",
// id="outcome-{{.Outcome}}".
var idAttr = regexp.MustCompile(`\bid="([^"]*)"`)

// action is a template action inside an attribute value.
var action = regexp.MustCompile(`\{\{.*?\}\}`)

// idPatterns returns, for each id attribute in a template's source, a
// regular expression that matches the ids it can produce: the literal
// text, and any text in place of each action.
func idPatterns(src string) []string {
	var out []string
	for _, m := range idAttr.FindAllStringSubmatch(src, -1) {
		var b strings.Builder
		last := 0
		for _, loc := range action.FindAllStringIndex(m[1], -1) {
			b.WriteString(regexp.QuoteMeta(m[1][last:loc[0]]))
			b.WriteString(".+")
			last = loc[1]
		}
		b.WriteString(regexp.QuoteMeta(m[1][last:]))
		out = append(out, b.String())
	}
	return out
}

// ReservedID reports whether a template may give an element the id: an
// id the layout, a partial or a page template writes, such as the skip
// link's target "main", the contents' title "toc-title" or the search
// box's "site-search-q". Headings in the text must not take these.
func (t *Templates) ReservedID(id string) bool {
	return t.ids != nil && t.ids.MatchString(id)
}

// noteIDs adds the ids a template's source writes to the reserved ones.
func (t *Templates) noteIDs(src string) {
	t.idPatterns = append(t.idPatterns, idPatterns(src)...)
}

// compileIDs makes the reserved ids one expression, once every template
// is read.
func (t *Templates) compileIDs() {
	if len(t.idPatterns) == 0 {
		return
	}
	t.ids = regexp.MustCompile(`^(?:` + strings.Join(t.idPatterns, "|") + `)$`)
}
