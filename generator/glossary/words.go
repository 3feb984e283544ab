package glossary

import (
	"strings"
	"sync"
	"unicode"

	"github.com/kljensen/snowball"
	"golang.org/x/text/unicode/norm"
)

// stemmers names the Snowball stemmer of each language of the site.
var stemmers = map[string]string{"en": "english", "ru": "russian"}

// word is one word of a text: its bytes and its stem.
type word struct {
	start, end int // byte offsets in the text
	stem       string
}

// words splits text into words (runs of letters, marks and digits) and
// stems each with the language's Snowball stemmer, after composing
// accented letters (NFC), folding case and ё into е, so that отчёта,
// Отчётом and отчете have the same stem.
func words(text, lang string) []word {
	var ws []word
	start := -1
	flush := func(end int) {
		if start >= 0 {
			ws = append(ws, word{start: start, end: end, stem: stem(text[start:end], lang)})
			start = -1
		}
	}
	for i, r := range text {
		if unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		flush(i)
	}
	flush(len(text))
	return ws
}

var foldYo = strings.NewReplacer("ё", "е")

// stems keeps the stem of every word met, per language and word: a site's
// texts use a few thousand words many times over, and stemming costs more
// than looking up.
var stems sync.Map // [2]string{lang, word} → string

// stem returns the stem of one word in lang; a language without a stemmer
// compares whole words.
func stem(w, lang string) string {
	key := [2]string{lang, w}
	if s, ok := stems.Load(key); ok {
		return s.(string)
	}
	s := foldYo.Replace(strings.ToLower(norm.NFC.String(w))) // ё typed as е and a combining diaeresis too
	if name, ok := stemmers[lang]; ok {
		if st, err := snowball.Stem(s, name, true); err == nil {
			s = st
		}
	}
	stems.Store(key, s)
	return s
}

// joiner is what may stand between two words of a phrase besides what the
// phrase itself has there: white space and hyphens, so that "cross
// innovation" also finds "cross-innovation" and a phrase broken across
// lines.
func joiner(r rune) bool {
	return unicode.IsSpace(r) || r == '-' || r == '\u2010' || r == '\u2011' || r == '\u00ad'
}

// gapKey is the gap between two words without its joiners: two gaps with
// the same key join words alike ("" for words next to each other).
func gapKey(gap string) string {
	return strings.Map(func(r rune) rune {
		if joiner(r) {
			return -1
		}
		return r
	}, gap)
}

// phrase is a term, variant or allowed phrase as the matcher sees it.
type phrase struct {
	stems []string
	gaps  []string // gapKey of what stands between word i and i+1
}

func newPhrase(text, lang string) phrase {
	ws := words(text, lang)
	p := phrase{}
	for i, w := range ws {
		p.stems = append(p.stems, w.stem)
		if i > 0 {
			p.gaps = append(p.gaps, gapKey(text[ws[i-1].end:w.start]))
		}
	}
	return p
}

func (p phrase) same(q phrase) bool {
	return strings.Join(p.stems, " ") == strings.Join(q.stems, " ") && strings.Join(p.gaps, " ") == strings.Join(q.gaps, " ")
}

// at reports whether the phrase is said in text from word i of ws, and
// returns the byte offset where it ends.
func (p phrase) at(text string, ws []word, i int) (end int, ok bool) {
	if len(p.stems) == 0 || i+len(p.stems) > len(ws) {
		return 0, false
	}
	for k, s := range p.stems {
		w := ws[i+k]
		if w.stem != s {
			return 0, false
		}
		if k > 0 && gapKey(text[ws[i+k-1].end:w.start]) != p.gaps[k-1] {
			return 0, false
		}
	}
	return ws[i+len(p.stems)-1].end, true
}
