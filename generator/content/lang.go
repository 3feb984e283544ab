package content

// Lang is a site language: "en" or "ru".
type Lang string

// The site's languages.
const (
	English Lang = "en"
	Russian Lang = "ru"
)

// Langs lists the site's languages in their display order. English is the
// default: a content file without a language suffix is English, and
// x-default alternates point to English.
var Langs = []Lang{English, Russian}

// Other returns the site's other language.
func (l Lang) Other() Lang {
	if l == Russian {
		return English
	}
	return Russian
}

func parseLang(s string) (Lang, bool) {
	for _, l := range Langs {
		if string(l) == s {
			return l, true
		}
	}
	return "", false
}
