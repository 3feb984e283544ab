package content

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/pelletier/go-toml/v2/unstable"
	"gopkg.in/yaml.v3"
)

// tomlKeyLine matches a line that assigns a value to a key: the key, and
// the text after its =.
var tomlKeyLine = regexp.MustCompile(`^\s*([\p{L}\p{N}_.-]+)\s*=\s*(.*)$`)

// syntaxError explains a go-toml parser error, at the byte offset of the
// text it points at, in plain words with the fix. The parser finds the
// mistake; its kind (unquoted text, a colon for =, an unclosed quote or
// bracket, …) decides the words.
func (t tomlReader) syntaxError(perr *unstable.ParserError, offset uint32) error {
	line, col := t.position(int(offset))
	lines := splitLines(t.data)
	i := line - t.first // index of the line in lines
	text := ""
	if i >= 0 && i < len(lines) {
		text = lines[i]
	}
	at := func(line, col int, format string, args ...any) error {
		return &positionError{line, col, fmt.Sprintf(format, args...)}
	}
	key, rest := "", ""
	if m := tomlKeyLine.FindStringSubmatch(text); m != nil {
		key, rest = m[1], strings.TrimSpace(m[2])
	}
	msg := perr.Message
	switch {
	case strings.Contains(msg, "strings cannot have new lines"):
		// The quote that opens the value is the one never closed.
		if q := strings.IndexAny(text, `"'`); q >= 0 {
			return at(line, utf8.RuneCountInString(text[:q])+1, "the quote %c that starts the value of %q is never closed: end the value with %c on the same line", text[q], key, text[q])
		}
	case strings.Contains(msg, "expected ',' or ']' after array value") && col == 1+indentOf(text):
		// The list goes on to the next field: its [ is never closed.
		for j := i - 1; j >= 0; j-- {
			if m := tomlKeyLine.FindStringSubmatch(lines[j]); m != nil && strings.HasPrefix(strings.TrimSpace(m[2]), "[") {
				b := strings.IndexByte(lines[j], '[')
				return at(t.first+j, utf8.RuneCountInString(lines[j][:b])+1, "the [ that starts the value of %q is never closed: end the list with ]", m[1])
			}
		}
	case strings.Contains(msg, "expected ',' or ']' after array value"):
		return at(line, col, "the items of a list are separated by commas: write it as %s = [\"first\", \"second\"]", key)
	case strings.HasPrefix(msg, "expected '=' after key") && strings.HasPrefix(string(perr.Highlight), ":"):
		name, typed, _ := strings.Cut(text, ":")
		return at(line, col, "TOML front matter (between +++ lines) separates a field from its value with =, not a colon: write %s = %s", strings.TrimSpace(name), tomlExample(typed))
	case strings.HasPrefix(msg, "expected '=' after key"):
		return at(line, 1+indentOf(text), "this line is not a field: write it as name = \"value\", or put # in front of it to make it a comment")
	case strings.HasPrefix(msg, "unexpected character") && strings.HasSuffix(msg, "at start of value"):
		word := tomlWord(t.data[offset:])
		switch {
		case word == "":
			return at(line, col, "the field %q has no value: write it as %s = \"…\", or delete the line", key, key)
		case strings.EqualFold(word, "true") || strings.EqualFold(word, "false"):
			return at(line, col, "TOML writes true and false in lower case: write %s = %s", key, strings.ToLower(word))
		case slices.Contains([]string{"yes", "no", "on", "off"}, strings.ToLower(word)):
			return at(line, col, "%q must be true or false, not %s: write %s = true or %s = false", key, word, key, key)
		case strings.HasPrefix(rest, "["):
			return at(line, col, "each item of %q must be in quotes, as in %s = [\"EE\", \"FI\"]", key, key)
		}
		return at(line, col, "text in TOML front matter must be in quotes: write %s = %s", key, tomlExample(rest))
	case strings.Contains(msg, "nested more than"):
		return at(line, col, "the value is nested deeper than TOML front matter allows (%s): a field holds one value or a list of values, as in countries = [\"EE\", \"FI\"]", msg)
	case strings.HasPrefix(msg, "expected newline but got"):
		return at(line, col, "the value of %q goes on after it ends: put the whole value in quotes, as in %s = %s", key, key, quoteTOML(rest))
	}
	return at(line, col, "the front matter is not valid TOML here (%s): write each field as name = \"text\", name = 1 or name = [\"a\", \"b\"]", msg)
}

// indentOf returns the number of spaces and tabs that start line.
func indentOf(line string) int {
	return len(line) - len(strings.TrimLeft(line, " \t"))
}

// tomlWord returns the letters and digits at the start of b.
func tomlWord(b []byte) string {
	end := 0
	for end < len(b) {
		r, size := utf8.DecodeRune(b[end:])
		if !(r == '_' || r == '-' || r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r > 127) {
			break
		}
		end += size
	}
	return string(b[:end])
}

// tomlExample returns typed as a TOML value: as it is when it already
// starts like one (a quote, a list, a number), else quoted.
func tomlExample(typed string) string {
	typed = strings.TrimSpace(typed)
	if typed != "" && strings.ContainsRune(`"'[0123456789`, rune(typed[0])) {
		return typed
	}
	return quoteTOML(typed)
}

// quoteTOML writes text as a TOML string: in double quotes, or in single
// (literal) quotes when it holds a double quote and no single one.
func quoteTOML(text string) string {
	text = strings.TrimSpace(text)
	if strings.Contains(text, `"`) && !strings.Contains(text, "'") {
		return "'" + text + "'"
	}
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(text) + `"`
}

// tomlFromYAML writes a YAML example value (text, a number, a date, a flow
// list) as TOML: text in quotes, lists of quoted items, the rest as is.
func tomlFromYAML(example string) string {
	var n yaml.Node
	if err := yaml.Unmarshal([]byte("v: "+example), &n); err != nil || len(n.Content) == 0 || len(n.Content[0].Content) < 2 {
		return quoteTOML(example)
	}
	return tomlFromNode(n.Content[0].Content[1])
}

func tomlFromNode(n *yaml.Node) string {
	if n.Kind == yaml.SequenceNode {
		items := make([]string, len(n.Content))
		for i, item := range n.Content {
			items[i] = tomlFromNode(item)
		}
		return "[" + strings.Join(items, ", ") + "]"
	}
	switch n.ShortTag() {
	case "!!int", "!!float", "!!bool", "!!timestamp":
		return n.Value
	}
	return quoteTOML(n.Value)
}
