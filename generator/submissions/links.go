package submissions

import (
	"net/url"
	"regexp"
	"strings"
)

var webAddress = regexp.MustCompile(`(?i)https?://[^\s<>"]+`)

// links returns every http or https address in a cell, once each, in
// their order. Punctuation that ends a sentence is not part of one, nor
// is a closing bracket without its opening one.
func links(cell string) []string {
	var out []string
	for _, s := range webAddress.FindAllString(cell, -1) {
		s = strings.TrimRight(s, ".,;:!?'»”’")
		for (strings.HasSuffix(s, ")") && strings.Count(s, "(") < strings.Count(s, ")")) ||
			(strings.HasSuffix(s, "]") && strings.Count(s, "[") < strings.Count(s, "]")) {
			s = strings.TrimRight(s[:len(s)-1], ".,;:!?'»”’")
		}
		if u, err := url.Parse(s); err != nil || u.Host == "" {
			continue
		}
		out = appendNew(out, s)
	}
	return out
}
