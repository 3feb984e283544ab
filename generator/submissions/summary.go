package submissions

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxSummary is the longest summary, in characters.
const maxSummary = 200

// summarise makes a case study's summary from its description: the first
// sentence when it is short enough, else the first 200 characters cut
// between words, with an ellipsis.
func summarise(description string) string {
	text := tidy(description)
	if end := firstSentenceEnd(text); end > 0 && utf8.RuneCountInString(text[:end]) <= maxSummary {
		return text[:end]
	}
	if utf8.RuneCountInString(text) <= maxSummary {
		return text
	}
	cut := string([]rune(text)[:maxSummary])
	if i := strings.LastIndexByte(cut, ' '); i > 0 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:–—-") + "…"
}

// firstSentenceEnd returns the byte offset just after the first sentence
// of text, or 0 when it has none before its end. A sentence ends with .,
// ! or ? followed by a space and a capital letter or digit; a period after
// a short capitalised word (St., Dr., Ltd.) does not end one.
func firstSentenceEnd(text string) int {
	for i, r := range text {
		if r != '.' && r != '!' && r != '?' && r != '…' {
			continue
		}
		end := i + utf8.RuneLen(r)
		rest := text[end:]
		if !strings.HasPrefix(rest, " ") {
			continue
		}
		next, _ := utf8.DecodeRuneInString(strings.TrimLeft(rest[1:], "\"'«“‘("))
		if !unicode.IsUpper(next) && !unicode.IsDigit(next) {
			continue
		}
		if r == '.' && abbreviation(text[:i]) {
			continue
		}
		return end
	}
	return 0
}

// abbreviation reports whether the word at the end of text is a short
// capitalised one, such as St or Dr, that a period abbreviates.
func abbreviation(text string) bool {
	word := text[strings.LastIndexByte(text, ' ')+1:]
	first, _ := utf8.DecodeRuneInString(word)
	return utf8.RuneCountInString(word) <= 3 && unicode.IsUpper(first)
}
