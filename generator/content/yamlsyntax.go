package content

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// maxLocateBytes bounds the text parsed again to find the line of a YAML
// syntax error, so that a long front matter costs a bounded time: 64
// parses of the longest front matter allowed, thousands of a real one.
const maxLocateBytes = 64 * maxFrontMatter

// yamlSyntaxError turns a yaml.v3 error into a *positionError at the line
// and column of the mistake, in plain words with the fix.
//
// yaml.v3 names a line only in some messages, and often the line where
// the enclosing block starts rather than the mistake (the first field, or
// a comment above it). The parser itself finds the line: the mistake is on
// the line after the longest beginning of the front matter that still
// parses as fields. That line is then explained by the kind of mistake on
// it: a tab, a field or list item indented wrongly, a colon without a
// space, an unclosed quote or bracket, a value starting with a character
// YAML reserves, a colon inside an unquoted value.
func yamlSyntaxError(err error, data []byte, first int) error {
	lines := splitLines(data)
	msg := yamlErrorMessage(err)
	line := locateYAMLError(lines)
	if strings.HasPrefix(msg, "exceeded max depth") {
		return &positionError{first + line - 1, 1, fmt.Sprintf("the front matter is nested deeper than the YAML reader allows (%s): a field holds one value or a list of values, as in countries: [EE, FI]", msg)}
	}
	for j := line - 2; j >= 0 && strings.Contains(msg, "document start"); j-- {
		if strings.TrimSpace(lines[j]) == "..." {
			return &positionError{first + j, 1, "the line ... ends the front matter's YAML, so the fields after it would not be read: remove it"}
		}
	}
	if j, n, key, ok := firstFieldIndented(lines, line-1); ok {
		return &positionError{first + j, 1, fieldIndented(key, n, "the fields below it")}
	}
	col, explained := explainYAMLLine(lines, line-1, first)
	if explained == "" {
		explained = fmt.Sprintf("the front matter is not valid YAML here (%s): check the indentation, and put values that contain a colon or start with a special character in quotes", msg)
	}
	return &positionError{first + line - 1, col, explained}
}

// yamlErrorMessage returns the words of a yaml.v3 error, without its
// "yaml: line 3:" prefix: the line it names is not always the mistake's.
func yamlErrorMessage(err error) string {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if num, text, ok := strings.Cut(rest, ":"); ok {
			if _, convErr := strconv.Atoi(num); convErr == nil {
				return strings.TrimSpace(text)
			}
		}
	}
	return msg
}

// locateYAMLError returns the 1-based line of the first YAML mistake: the
// line after the longest beginning of lines that parses as fields, every
// longer beginning failing too. Past maxLocateBytes of parsing it settles
// for a line after a beginning that parses, found by bisection.
func locateYAMLError(lines []string) int {
	budget := maxLocateBytes
	for k := len(lines) - 1; k >= 0; k-- {
		text := strings.Join(lines[:k], "\n")
		if budget -= len(text); budget < 0 {
			// lines[:0] parses, lines[:k+1] does not.
			lo, hi := 0, k+1
			for hi-lo > 1 {
				mid := (lo + hi) / 2
				if parsesAsFields(strings.Join(lines[:mid], "\n")) {
					lo = mid
				} else {
					hi = mid
				}
			}
			return hi
		}
		if parsesAsFields(text) {
			return k + 1
		}
	}
	return 1
}

// parsesAsFields reports whether text is valid YAML holding fields or
// nothing at all.
func parsesAsFields(text string) bool {
	root, err := decodeYAML([]byte(text))
	return err == nil && (root == nil || root.Kind == yaml.MappingNode)
}

// keyLine matches a line that starts with a field name and its colon; the
// rest follows the colon.
var keyLine = regexp.MustCompile(`^([\p{L}\p{N}_][\p{L}\p{N}_.-]*):(.*)$`)

// explainYAMLLine says what is wrong with line i (0-based) of a front
// matter that fails to parse there, and at which column; "" when it cannot
// tell. first is the file's line number of lines[0].
func explainYAMLLine(lines []string, i, first int) (int, string) {
	if i < 0 || i >= len(lines) {
		return 1, ""
	}
	line := lines[i]
	trimmed := strings.TrimLeft(line, " \t")
	if tab := strings.IndexByte(line[:len(line)-len(trimmed)], '\t'); tab >= 0 {
		return tab + 1, "this line is indented with a tab: YAML front matter is indented with spaces only; replace the tab with spaces"
	}
	indent := len(line) - len(trimmed)
	col := func(byteIndex int) int { return utf8.RuneCountInString(line[:byteIndex]) + 1 }

	if trimmed == "-" || strings.HasPrefix(trimmed, "- ") {
		if above, aboveIndent := listItemAbove(lines, i); above >= 0 && aboveIndent != indent {
			return indent + 1, fmt.Sprintf("the items of a list must be indented alike: this item is %s, the one on line %d is %s; indent this - like the one above",
				indented(indent), first+above, indented(aboveIndent))
		}
		if trimmed == "-" || !fieldWithoutValueAbove(lines, i) {
			return indent + 1, "this line starts with -, which makes it an item of a list, but it does not follow a field that takes a list (such as countries:): remove the line or the -, or move the item under its field"
		}
		if c, msg := explainValue(line, indent+2, "the list item"); msg != "" {
			return c, msg
		}
		return indent + 1, ""
	}
	m := keyLine.FindStringSubmatch(trimmed)
	if m == nil {
		return indent + 1, ""
	}
	key, rest := m[1], m[2]
	if indent > 0 {
		return 1, fieldIndented(key, indent, "the lines above it")
	}
	colon := indent + len(key)
	if rest != "" && rest[0] != ' ' && rest[0] != '\t' {
		return col(colon), fmt.Sprintf("the colon after %q needs a space after it: write %s: %s", key, key, rest)
	}
	return explainValue(line, colon+1, key)
}

// firstFieldIndented returns the index of the first field above line i
// and its indentation, when it is indented and line i, a field, is not:
// fields indented alike parse, so the mistake is the first one's spaces.
func firstFieldIndented(lines []string, i int) (int, int, string, bool) {
	if i >= len(lines) || !keyLine.MatchString(lines[i]) {
		return 0, 0, "", false
	}
	for j, l := range lines[:i] {
		t := strings.TrimLeft(l, " ")
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		if m := keyLine.FindStringSubmatch(t); m != nil && len(l) > len(t) {
			return j, len(l) - len(t), m[1], true
		}
		break
	}
	return 0, 0, "", false
}

// fieldIndented says that the field key is indented by n spaces more than
// the fields it is compared with.
func fieldIndented(key string, n int, than string) string {
	return fmt.Sprintf("the field %q is indented by %s more than %s; front matter fields start at the beginning of the line: remove the spaces before %s", key, spaces(n), than, key)
}

// listItemAbove returns the index and indentation of the list item on the
// nearest line above i that is not blank or a comment, if it is one.
func listItemAbove(lines []string, i int) (int, int) {
	for j := i - 1; j >= 0; j-- {
		t := strings.TrimLeft(lines[j], " ")
		switch {
		case t == "" || strings.HasPrefix(t, "#"):
			continue
		case t == "-" || strings.HasPrefix(t, "- "):
			return j, len(lines[j]) - len(t)
		}
		return -1, 0
	}
	return -1, 0
}

// fieldWithoutValueAbove reports whether the nearest line above i that is
// not blank, a comment or a list item is a field with nothing after its
// colon, the start of a list.
func fieldWithoutValueAbove(lines []string, i int) bool {
	for j := i - 1; j >= 0; j-- {
		t := strings.TrimLeft(lines[j], " ")
		if t == "" || strings.HasPrefix(t, "#") || t == "-" || strings.HasPrefix(t, "- ") {
			continue
		}
		m := keyLine.FindStringSubmatch(t)
		return m != nil && (strings.TrimSpace(m[2]) == "" || strings.HasPrefix(strings.TrimSpace(m[2]), "#"))
	}
	return false
}

// explainValue explains a value that YAML cannot read, starting at byte
// from of line, for the field (or list item) named what.
func explainValue(line string, from int, what string) (int, string) {
	if from > len(line) {
		return 1, ""
	}
	rest := line[from:]
	v := strings.TrimLeft(rest, " \t")
	start := from + len(rest) - len(v)
	col := utf8.RuneCountInString(line[:start]) + 1
	if v == "" || v[0] == '#' {
		return col, ""
	}
	name, quoted := what, "- "+quoteYAML(strings.TrimSpace(v))
	if what != "the list item" {
		name, quoted = fmt.Sprintf("the value of %q", what), what+": "+quoteYAML(strings.TrimSpace(v))
	}
	switch v[0] {
	case '"', '\'':
		end := closingQuote(v)
		if end < 0 {
			return col, fmt.Sprintf("the quote %c that starts %s is never closed: end the value with %c", v[0], name, v[0])
		}
		if after := strings.TrimSpace(v[end+1:]); after != "" && after[0] != '#' {
			return col, fmt.Sprintf("%s goes on after its closing quote: put the whole value in quotes, as in %s", name, quoted)
		}
	case '[', '{':
		closing := map[byte]string{'[': "]", '{': "}"}[v[0]]
		if !bracketsClosed(v) {
			return col, fmt.Sprintf("the %c that starts %s is never closed: end it with %s, or put the whole value in quotes if the %c is part of the text", v[0], name, closing, v[0])
		}
		return col, fmt.Sprintf("%s starts with %c, which YAML takes for a list: put the whole value in quotes, as in %s", name, v[0], quoted)
	case '*', '&', '!', '%', '@', '`', '|', '>', '?', ',':
		return col, fmt.Sprintf("%s starts with %c, which YAML reserves: put the whole value in quotes, as in %s", name, v[0], quoted)
	case '-':
		if v == "-" || strings.HasPrefix(v, "- ") {
			return col, fmt.Sprintf("%s starts with - and a space, which YAML takes for a list: put the whole value in quotes, as in %s", name, quoted)
		}
	}
	if i := strings.Index(v, ": "); i >= 0 || strings.HasSuffix(v, ":") {
		if i < 0 {
			i = len(v) - 1
		}
		return utf8.RuneCountInString(line[:start+i]) + 1, fmt.Sprintf(
			"%s contains a colon followed by a space, which YAML takes for the start of another field: put the whole value in quotes, as in %s", name, quoted)
	}
	return col, ""
}

// closingQuote returns the index in v of the quote that closes the one v
// starts with, or -1. In double quotes a backslash escapes; in single
// quotes two single quotes stand for one.
func closingQuote(v string) int {
	q := v[0]
	for i := 1; i < len(v); i++ {
		switch {
		case q == '"' && v[i] == '\\':
			i++
		case v[i] == q && q == '\'' && i+1 < len(v) && v[i+1] == '\'':
			i++
		case v[i] == q:
			return i
		}
	}
	return -1
}

// bracketsClosed reports whether every [ and { in v, outside quotes, is
// closed on the line.
func bracketsClosed(v string) bool {
	depth := 0
	for i := 0; i < len(v); i++ {
		switch v[i] {
		case '"', '\'':
			end := closingQuote(v[i:])
			if end < 0 {
				return false
			}
			i += end
		case '[', '{':
			depth++
		case ']', '}':
			depth--
		case '#':
			if i > 0 && (v[i-1] == ' ' || v[i-1] == '\t') {
				return depth <= 0
			}
		}
	}
	return depth <= 0
}

// quoteYAML writes text as a quoted YAML value: in double quotes, or in
// single quotes when it holds a double quote.
func quoteYAML(text string) string {
	if strings.Contains(text, `"`) {
		return "'" + strings.ReplaceAll(text, "'", "''") + "'"
	}
	return `"` + strings.ReplaceAll(text, `\`, `\\`) + `"`
}
