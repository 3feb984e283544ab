package content

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// maxNesting is how deep a front matter value may nest: a field holds a
// list (level 1) of single values (level 2); nothing in the schema needs
// more, and the slack leaves room for the schema's own messages about a
// list inside a list.
const maxNesting = 8

// parseYAML reads YAML front matter into fields. data is the text between
// the delimiters and first the file's line number of its first line. A
// syntax error is returned as a *positionError at the mistake; values
// the schema never reads as YAML means them (anchors, aliases, tags,
// nesting past maxNesting) carry their own problem in value.Problem.
func parseYAML(data []byte, first int) ([]field, error) {
	doc, err := decodeYAML(data)
	var second *secondDocument
	switch {
	case errors.As(err, &second):
		return nil, &positionError{first + second.Line - 1, 1, "the front matter goes on after a line that ends it (...): remove that line"}
	case err != nil:
		return nil, yamlSyntaxError(err, data, first)
	case doc == nil:
		return nil, nil // empty front matter
	}
	root := doc
	if root.Kind != yaml.MappingNode {
		return nil, &positionError{first + root.Line - 1, root.Column, "the front matter must be a list of fields, one per line, such as title: My project"}
	}
	r := yamlReader{lines: splitLines(data), first: first}
	fields := make([]field, 0, len(root.Content)/2)
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		f := field{Key: k.Value, Line: first + k.Line - 1, Col: k.Column}
		f.Value = r.value(v, k, 1)
		if f.Value.Problem == nil {
			f.Value.Problem = r.refused(k, 0)
		}
		fields = append(fields, f)
	}
	return fields, nil
}

// decodeYAML parses data as one YAML document and returns its root
// node, nil when it holds none. It reads on to the end: yaml.v3 stops after
// the first document, so text past a line that closes it (fields indented
// less than the first one, say) would otherwise be dropped unread.
func decodeYAML(data []byte) (*yaml.Node, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc, next yaml.Node
	if err := dec.Decode(&doc); err == io.EOF {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	if err := dec.Decode(&next); err != io.EOF {
		if err != nil {
			return nil, err
		}
		return nil, &secondDocument{Line: next.Line}
	}
	if len(doc.Content) == 0 {
		return nil, nil
	}
	return doc.Content[0], nil
}

// secondDocument is YAML text after the end of the first document.
type secondDocument struct{ Line int }

func (e *secondDocument) Error() string {
	return fmt.Sprintf("line %d: a second YAML document", e.Line)
}

// yamlReader turns yaml.v3 nodes into values, with the source lines at
// hand to place comments.
type yamlReader struct {
	lines []string
	first int
}

// value converts the node n, at nesting level depth; key is the node of
// the field's name for a field's value (its comments belong to the value
// when the value is empty), nil for a list item.
func (r yamlReader) value(n, key *yaml.Node, depth int) value {
	v := value{Line: r.first + n.Line - 1, Col: n.Column}
	if p := r.refused(n, depth); p != nil {
		v.Problem = p
		return v
	}
	switch n.Kind {
	case yaml.ScalarNode:
		v.Tag, v.Scalar = n.ShortTag(), n.Value
		if n.Style == 0 { // unquoted
			v.Comment = r.comment(n, key)
		}
	case yaml.SequenceNode:
		v.IsList = true
		for _, item := range n.Content {
			iv := r.value(item, nil, depth+1)
			if iv.Problem == nil && item.Kind == yaml.ScalarNode && item.Style == 0 {
				iv.Problem = r.misindentedItem(n, item)
			}
			v.List = append(v.List, iv)
		}
	case yaml.MappingNode:
		v.IsMap = true
		if len(n.Content) == 2 && n.Content[0].Kind == yaml.ScalarNode && n.Content[1].Kind == yaml.ScalarNode {
			// Most likely text with a colon and a space, "Hamburg: Kreativ",
			// that YAML took for a name and its value.
			v.Scalar = n.Content[0].Value + ": " + n.Content[1].Value
		}
	}
	return v
}

// refused returns the problem with a node the front matter does not
// accept anywhere inside it, or nil. Aliases are refused rather than
// followed: nothing in the schema needs them, and following them lets a
// few lines expand to millions of values.
func (r yamlReader) refused(n *yaml.Node, depth int) *positionError {
	at := func(n *yaml.Node, format string, args ...any) *positionError {
		return &positionError{r.first + n.Line - 1, n.Column, fmt.Sprintf(format, args...)}
	}
	// An explicit stack: the tree may be as deep as the parser allows.
	type entry struct {
		n     *yaml.Node
		depth int
	}
	stack := []entry{{n, depth}}
	for len(stack) > 0 {
		e := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		switch {
		case e.n.Kind == yaml.AliasNode:
			return at(e.n, "*%s is a YAML alias, which front matter does not allow: write the value itself, or put the whole value in quotes if the * is part of the text", e.n.Value)
		case e.n.Anchor != "":
			return at(e.n, "&%s is a YAML anchor, which front matter does not allow: remove it, or put the whole value in quotes if the & is part of the text", e.n.Anchor)
		case e.n.Style&yaml.TaggedStyle != 0:
			return at(e.n, "this value starts with !, which YAML takes for a type (%s): put the whole value in quotes", e.n.Tag)
		case e.depth > maxNesting:
			return at(e.n, "this value is nested more than %d levels deep, the most front matter allows: a field holds one value or a list of values, as in countries: [EE, FI]", maxNesting)
		}
		if e.n.Kind == yaml.SequenceNode || e.n.Kind == yaml.MappingNode {
			for i := len(e.n.Content) - 1; i >= 0; i-- {
				stack = append(stack, entry{e.n.Content[i], e.depth + 1})
			}
		}
	}
	return nil
}

// comment finds a comment that follows the plain scalar n on its line:
// YAML ends an unquoted value at " #", so the comment may hold text the
// editor meant to publish. For an empty value the comment is on the key.
func (r yamlReader) comment(n, key *yaml.Node) *comment {
	start := n
	if n.LineComment == "" {
		if key == nil || key.LineComment == "" || n.Value != "" {
			return nil
		}
		start = key
	}
	// A plain value cannot contain " #", so the first # after whitespace
	// past its start, on its first line or a following one, opens the comment.
	for i := start.Line - 1; i < len(r.lines); i++ {
		line, from := r.lines[i], 0
		if i == start.Line-1 {
			from = byteOffset(line, start.Column-1)
		}
		for j := from; j < len(line); j++ {
			if line[j] == '#' && (j == 0 || line[j-1] == ' ' || line[j-1] == '\t') {
				typed := ""
				if i == n.Line-1 && n.Value != "" {
					typed = strings.TrimSpace(line[byteOffset(line, n.Column-1):])
				}
				return &comment{Line: r.first + i, Col: utf8.RuneCountInString(line[:j]) + 1, Text: strings.TrimSpace(line[j:]), Typed: typed}
			}
		}
	}
	return nil
}

// misindentedItem reports a list item that swallowed the next line: with
// "- FI" and then "   - EE" indented more, YAML reads one item "FI - EE".
func (r yamlReader) misindentedItem(list, item *yaml.Node) *positionError {
	if !strings.Contains(item.Value, " - ") && !strings.HasSuffix(item.Value, " -") {
		return nil
	}
	if list.Style&yaml.FlowStyle != 0 || item.Line-1 >= len(r.lines) {
		return nil
	}
	first := r.lines[item.Line-1]
	dash := strings.LastIndexByte(first[:byteOffset(first, item.Column-1)], '-') // the item's "-"
	if dash < 0 {
		return nil
	}
	dash = utf8.RuneCountInString(first[:dash])
	for i := item.Line; i < len(r.lines); i++ {
		line := r.lines[i]
		trimmed := strings.TrimLeft(line, " ")
		indent := len(line) - len(trimmed)
		if trimmed == "" || strings.HasPrefix(trimmed, "#") || indent <= dash {
			return nil
		}
		if trimmed == "-" || strings.HasPrefix(trimmed, "- ") {
			return &positionError{r.first + i, indent + 1, fmt.Sprintf(
				"the items of a list must be indented alike: this item is %s, the one on line %d is %s, so the two are read as one item %q; indent this - like the one above",
				indented(indent), r.first+item.Line-1, indented(dash), item.Value)}
		}
	}
	return nil
}

// comment is a YAML comment right after an unquoted value.
type comment struct {
	Line, Col int    // where its # is
	Text      string // from the # to the end of the line
	Typed     string // the value as typed with the comment, when on one line
}

// splitLines splits front matter into lines without their line ends.
func splitLines(data []byte) []string {
	lines := strings.Split(string(data), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSuffix(l, "\r")
	}
	return lines
}

// byteOffset returns the byte offset of the rune at index col (0-based)
// of line, or len(line) past its end. yaml.v3 counts columns in runes.
func byteOffset(line string, col int) int {
	for i := range line {
		if col == 0 {
			return i
		}
		col--
	}
	return len(line)
}

// indented says how a line n spaces in is indented.
func indented(n int) string {
	if n == 0 {
		return "not indented"
	}
	return "indented by " + spaces(n)
}

// spaces says how many spaces n is, in words for the small numbers an
// editor meets.
func spaces(n int) string {
	words := []string{"no spaces", "one space", "two spaces", "three spaces", "four spaces", "five spaces", "six spaces", "seven spaces", "eight spaces", "nine spaces", "ten spaces"}
	if n < len(words) {
		return words[n]
	}
	return fmt.Sprintf("%d spaces", n)
}
