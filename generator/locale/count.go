package locale

import (
	"strconv"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
)

// Count writes a whole number n with the English words that follow it, in
// the CLDR plural form that n takes in English: Count(1, "error",
// "errors") is "1 error", Count(3, "page has", "pages have") is "3 pages
// have", Count(0, …) takes other. It is for the command line's messages,
// which are in English; the site's own strings use Locale.N.
func Count(n int, one, other string) string {
	words := other
	if plural.Cardinal.MatchPlural(language.English, abs(n), 0, 0, 0, 0) == plural.One {
		words = one
	}
	return strconv.Itoa(n) + " " + words
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
