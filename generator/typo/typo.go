// Package typo holds the rules of typography that goldmark's typographer
// does not apply, so that Markdown (package markdown) and the interface
// strings (package locale) follow the same ones:
//
//   - in Russian, a one-letter word (в, к, с, у, о, и, а, я) and a short
//     preposition, conjunction or particle (на, по, из, для, не, …) is
//     bound to the next word by a no-break space, so that no line ends
//     with «в»;
//   - in both languages, the space before a dash (– or —) is a no-break
//     space, so that no line starts with a dash.
//
// Quotes inside quotes are the business of package markdown, which knows
// which quotation marks goldmark opened and closed.
package typo

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// NoBreakSpace is U+00A0, the space that never ends a line.
const NoBreakSpace = "\u00a0"

// boundWords are the Russian words bound to the word after them: the
// one-letter words, and the prepositions, conjunctions and particles of
// two and three letters that typesetters keep with the next word.
var boundWords = map[string]bool{}

// maxBound is the length in letters of the longest bound word: longer
// words need no look-up.
var maxBound int

func init() {
	for _, w := range strings.Fields(`в к с у о и а я
		во ко со об от до из за на по не ни но да же ли
		обо изо без для под над при про меж`) {
		boundWords[w] = true
		maxBound = max(maxBound, utf8.RuneCountInString(w))
	}
}

// Bound reports whether a word of lang is bound to the next word.
func Bound(lang, word string) bool {
	if lang != "ru" || utf8.RuneCountInString(word) > maxBound {
		return false
	}
	return boundWords[word] || boundWords[strings.ToLower(word)]
}

// Spaces returns the byte offsets in s of the spaces (U+0020) that must
// be no-break spaces. before is the character before s (0 at the start of
// the text), next the character after it (0 at the end): a word at the
// start of s is a word only when before is not a letter or digit, and a
// space at the end of s is bound only when something follows.
func Spaces(lang, s string, before, next rune) []int {
	if lang != "ru" && !isDash(next) && !strings.Contains(s, "–") && !strings.Contains(s, "—") {
		return nil // only the dash rule holds outside Russian
	}
	var out []int
	for i := 0; ; i++ {
		k := strings.IndexByte(s[i:], ' ')
		if k < 0 {
			return out
		}
		i += k
		if isDash(firstRune(s[i+1:], next)) || (lang == "ru" && boundBefore(s[:i], before) && followed(s[i+1:], next)) {
			out = append(out, i)
		}
	}
}

// boundBefore reports whether text ends with a whole bound word; before
// is the character before text.
func boundBefore(text string, before rune) bool {
	start, letters := len(text), 0
	for start > 0 && letters <= maxBound {
		r, size := utf8.DecodeLastRuneInString(text[:start])
		if !isLetter(r) {
			break
		}
		start -= size
		letters++
	}
	if letters == 0 || letters > maxBound {
		return false
	}
	prev := before
	if start > 0 {
		prev, _ = utf8.DecodeLastRuneInString(text[:start])
	}
	return !isLetter(prev) && !unicode.IsDigit(prev) && Bound("ru", text[start:])
}

// followed reports whether a space with rest after it (and next after
// that) is followed by a word or sign, not by more space or the end.
func followed(rest string, next rune) bool {
	r := firstRune(rest, next)
	return r != 0 && !unicode.IsSpace(r)
}

func firstRune(rest string, next rune) rune {
	if rest == "" {
		return next
	}
	r, _ := utf8.DecodeRuneInString(rest)
	return r
}

// isLetter is unicode.IsLetter, answered at once for ASCII and the
// Cyrillic letters, which make most of the text.
func isLetter(r rune) bool {
	switch {
	case r < 0x80:
		return 'a' <= r|0x20 && r|0x20 <= 'z'
	case 0x400 <= r && r <= 0x481: // Cyrillic: Ѐ … ҁ are all letters
		return true
	}
	return unicode.IsLetter(r)
}

func isDash(r rune) bool { return r == '–' || r == '—' }

// Text returns s, a whole text in lang, with the spaces that Spaces
// names made no-break spaces.
func Text(lang, s string) string {
	at := Spaces(lang, s, 0, 0)
	if len(at) == 0 {
		return s
	}
	var b strings.Builder
	last := 0
	for _, i := range at {
		b.WriteString(s[last:i])
		b.WriteString(NoBreakSpace)
		last = i + 1
	}
	b.WriteString(s[last:])
	return b.String()
}
