package printed

import (
	"strconv"
	"strings"
	"unicode"
)

// Typst reads its markup as code wherever a character has a meaning of
// its own: # starts code, $ maths, * and _ strong and emphasis, ` raw
// text, < > @ labels and references, = - + / at the start of a line
// headings and lists, [ ] content, // and /* comments, ~ and -- and ...
// shorthands, ' and " smart quotes, \ escapes, and http:// an automatic
// link. A backslash before any character other than white space or the
// u of \u{…} stands for the character itself.

// escapeText returns s as Typst markup that shows exactly s: every ASCII
// punctuation character escaped with a backslash, every line break and
// other control character as a space (a line break or a blank line
// would end a paragraph or a list item), so that no text can start or
// end markup.
func escapeText(s string) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	for _, r := range s {
		switch {
		case r < 0x80 && unicode.IsPunct(r), r < 0x80 && unicode.IsSymbol(r):
			b.WriteByte('\\')
			b.WriteRune(r)
		case unicode.IsControl(r) || r == '\u2028' || r == '\u2029' || r == '\u0085':
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// quote returns s as a Typst string literal: in double quotes, with
// backslash, double quote and control characters escaped, so that it
// holds exactly s.
func quote(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '\\' || r == '"':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case unicode.IsControl(r) || r == '\u2028' || r == '\u2029':
			b.WriteString(`\u{`)
			b.WriteString(strconv.FormatInt(int64(r), 16))
			b.WriteByte('}')
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
