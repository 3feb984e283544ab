package scaffold

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// maxSlug is the longest slug Slug makes, in bytes.
const maxSlug = 60

// Slug turns a name into a page name that content.ValidSlug accepts:
// lower case, Cyrillic transliterated to Latin ("Фабрика изобретений" →
// fabrika-izobretenii), accents dropped ("Cēsis" → cesis), apostrophes
// dropped, and a hyphen for every run of other characters between words.
// It keeps at most 60 characters, cut between words, and returns "" when
// the name has no letter or digit it can write.
func Slug(name string) string {
	var b strings.Builder
	gap := false
	for _, r := range norm.NFD.String(strings.ToLower(name)) {
		var latin string
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			latin = string(r)
		case unicode.Is(unicode.Mn, r) || r == '\'' || r == '’' || r == 'ʼ':
			continue // an accent split off by NFD, or an apostrophe
		default:
			t, ok := transliteration[r]
			if !ok {
				gap = true
				continue
			}
			latin = t
		}
		if latin == "" { // ь, ъ
			continue
		}
		if gap && b.Len() > 0 {
			b.WriteByte('-')
		}
		gap = false
		b.WriteString(latin)
	}
	s := b.String()
	if len(s) > maxSlug {
		s = s[:maxSlug]
		if i := strings.LastIndexByte(s, '-'); i > 0 {
			s = s[:i]
		}
		s = strings.TrimSuffix(s, "-")
	}
	return s
}

// transliteration writes Cyrillic (after NFD: й is и with a breve, ё is е
// with a diaeresis) and a few Latin letters without a decomposition in
// ASCII, following ICAO Doc 9303 for Russian, without ъ.
var transliteration = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ж': "zh",
	'з': "z", 'и': "i", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o",
	'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u", 'ф': "f", 'х': "kh",
	'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch", 'ъ': "", 'ы': "y", 'ь': "",
	'э': "e", 'ю': "iu", 'я': "ia",
	'і': "i", 'ї': "i", 'є': "ie", 'ґ': "g", 'ў': "u",
	'ß': "ss", 'æ': "ae", 'ø': "o", 'œ': "oe", 'ł': "l", 'đ': "d", 'ð': "d",
	'þ': "th", 'ı': "i",
}
