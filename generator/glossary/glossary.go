// Package glossary reads the site's glossary, i18n/glossary.toml, in which
// editors fix one term per concept and language and list the words to
// avoid, and finds every use of a word to avoid in a text, in any of its
// forms: words are compared by their Snowball stems (github.com/kljensen/snowball,
// with stemmers for English and Russian), case and ё/е aside, so that
// "отчёт" finds отчёта, отчётом and отчете. A phrase of several words finds
// the same words in a row, separated alike (white space and hyphens aside).
//
// The glossary is a list of entries:
//
//	[[term]]
//	concept = "the study's report"   # what the term means
//	en = "report"                    # the term, per language
//	ru = "доклад"
//	avoid.ru = ["отчёт"]             # words to avoid for this concept
//	allow.ru = ["статьи, отчёты"]    # phrases where such a word is right
//
// It is read with go-toml's parser (github.com/pelletier/go-toml/v2/unstable),
// which gives the position of every key and value, so that each mistake in
// the glossary is reported at its line and column.
package glossary

import (
	"fmt"
	"sort"
	"strings"
)

// Glossary is every term of the site's glossary.
type Glossary struct {
	Path  string // the glossary's file, as shown in problems
	Terms []*Term
}

// Term is one concept with its term in one language and the words to avoid.
type Term struct {
	Concept string
	Lang    string // "en", "ru"
	Use     string // the term to use
	Avoid   []string
	Line    int // the line of the entry's [[term]], for messages
	avoid   []phrase
	at      []position // where each word to avoid is written
	allow   []phrase
}

// Hit is a use of a word to avoid in a text.
type Hit struct {
	Start, End int    // byte offsets of the words in the text
	Said       string // the words as written, white space run together
	Variant    string // the word to avoid, as the glossary lists it
	Term       *Term
}

// Message says what to write instead, for a problem at the hit's place.
func (g *Glossary) Message(h Hit) string {
	return fmt.Sprintf("%q: use %q for %s, not %q (%s:%d)", h.Said, h.Term.Use, h.Term.Concept, h.Variant, g.Path, h.Term.Line)
}

// Find returns every use in text, written in lang, of a word the glossary
// says to avoid, in order; nil for a nil glossary.
func (g *Glossary) Find(text, lang string) []Hit {
	if g == nil {
		return nil
	}
	var ws []word
	var hits []Hit
	for _, t := range g.Terms {
		if t.Lang != lang || len(t.avoid) == 0 {
			continue
		}
		if ws == nil {
			ws = words(text, lang)
		}
		var allowed [][2]int // byte ranges of the allowed phrases said, in order, apart
		for i := range ws {
			for _, a := range t.allow {
				end, ok := a.at(text, ws, i)
				if !ok {
					continue
				}
				if n := len(allowed); n > 0 && ws[i].start < allowed[n-1][1] {
					allowed[n-1][1] = max(allowed[n-1][1], end)
				} else {
					allowed = append(allowed, [2]int{ws[i].start, end})
				}
			}
		}
		next := 0 // the first allowed range that does not end before the word
		isAllowed := func(off int) bool {
			for next < len(allowed) && allowed[next][1] <= off {
				next++
			}
			return next < len(allowed) && allowed[next][0] <= off
		}
		for i := range ws {
			for k, v := range t.avoid {
				if end, ok := v.at(text, ws, i); ok && !isAllowed(ws[i].start) {
					said := strings.Join(strings.Fields(text[ws[i].start:end]), " ")
					hits = append(hits, Hit{Start: ws[i].start, End: end, Said: said, Variant: t.Avoid[k], Term: t})
					break
				}
			}
		}
	}
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].Start < hits[j].Start })
	return hits
}

// checks reports whether the glossary has words to avoid in lang.
func (g *Glossary) checks(lang string) bool {
	if g == nil {
		return false
	}
	for _, t := range g.Terms {
		if t.Lang == lang && len(t.avoid) > 0 {
			return true
		}
	}
	return false
}

// quoteList writes names as a, b and c.
func quoteList(names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}
