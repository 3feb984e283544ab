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

func init() {
	for _, w := range strings.Fields(`в к с у о и а я
		во ко со об от до из за на по не ни но да же ли
		обо изо без для под над при про меж`) {
		boundWords[w] = true
	}
}

// Bound reports whether a word of lang is bound to the next word.
func Bound(lang, word string) bool {
	return lang == "ru" && boundWords[strings.ToLower(word)]
}

// Spaces returns the byte offsets in s of the spaces (U+0020) that must
// be no-break spaces. before is the character before s (0 at the start of
// the text), next the character after it (0 at the end): a word at the
// start of s is a word only when before is not a letter or digit, and a
// space at the end of s is bound only when something follows.
func Spaces(lang, s string, before, next rune) []int {
	var out []int
	wordStart := -1 // byte offset of the word that runs up to here, or -1
	prev := before
	for i, r := range s {
		if unicode.IsLetter(r) {
			if wordStart < 0 && !unicode.IsLetter(prev) && !unicode.IsDigit(prev) {
				wordStart = i
			}
			prev = r
			continue
		}
		if r == ' ' {
			switch {
			case wordStart >= 0 && Bound(lang, s[wordStart:i]) && followed(s[i+1:], next):
				out = append(out, i)
			case isDash(firstRune(s[i+1:], next)):
				out = append(out, i)
			}
		}
		wordStart = -1
		prev = r
	}
	return out
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
