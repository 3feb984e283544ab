package socialimage

import (
	"strings"
	"unicode"

	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"
	"golang.org/x/text/unicode/norm"
)

// ellipsis ends a line after which text was left out.
const ellipsis = "…"

// clean prepares text for drawing: NFC, so that a letter and its
// combining accent take the precomposed glyph, and control characters
// as spaces.
func clean(s string) string {
	s = norm.NFC.String(s)
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
}

// breaks says where a line may break: at spaces, except those that are
// meant to hold words together.
func breaks(r rune) bool {
	return unicode.IsSpace(r) && r != '\u00a0' && r != '\u202f' && r != '\u2007'
}

// wrap breaks text into lines no wider than width in face: greedily by
// words, and a word wider than width between its characters (never before
// a combining mark).
func wrap(f font.Face, text string, width fixed.Int26_6) []string {
	var lines []string
	line := ""
	for _, word := range strings.FieldsFunc(text, breaks) {
		if line != "" && font.MeasureString(f, line+" "+word) <= width {
			line += " " + word
			continue
		}
		if line != "" {
			lines = append(lines, line)
		}
		line = word
		for font.MeasureString(f, line) > width {
			head := fitPrefix(f, line, width)
			lines = append(lines, line[:head])
			line = line[head:]
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// fitPrefix returns the length in bytes of the longest start of s that
// is no wider than width and does not end before a combining mark; at
// least one character.
func fitPrefix(f font.Face, s string, width fixed.Int26_6) int {
	best := 0
	for i, r := range s {
		if i > 0 && !unicode.Is(unicode.Mn, r) {
			if font.MeasureString(f, s[:i]) > width {
				break
			}
			best = i
		}
	}
	if best == 0 { // one character wider than the line: it goes alone
		for i := range s {
			if i > 0 {
				return i
			}
		}
		return len(s)
	}
	return best
}

// shorten returns line with an ellipsis at its end, words (or, for a
// single word, characters) taken off until it fits width.
func shorten(f font.Face, line string, width fixed.Int26_6) string {
	for {
		s := strings.TrimRightFunc(line, func(r rune) bool {
			return unicode.IsSpace(r) || unicode.IsPunct(r) && r != ')' && r != '»' && r != '"'
		})
		if font.MeasureString(f, s+ellipsis) <= width || s == "" {
			return s + ellipsis
		}
		if i := strings.LastIndexFunc(s, breaks); i > 0 {
			line = s[:i]
			continue
		}
		_, n := lastChar(s)
		line = s[:n]
	}
}

// lastChar returns the last character of s with its combining marks and
// where it starts.
func lastChar(s string) (string, int) {
	rs := []rune(s)
	i := len(rs) - 1
	for i > 0 && unicode.Is(unicode.Mn, rs[i]) {
		i--
	}
	start := len(string(rs[:i]))
	return s[start:], start
}
