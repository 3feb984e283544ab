package content

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/adrg/frontmatter"
)

// value is a front matter value with the file position where it starts.
type value struct {
	Line, Col int
	Tag       string  // YAML tag of a scalar: !!str, !!int, !!bool, !!timestamp, !!null, …
	Scalar    string  // the text of a scalar; for a YAML pair, "name: value"
	List      []value // the items of a list
	IsList    bool
	IsMap     bool

	// Comment is the comment that follows an unquoted value on its line.
	Comment *comment
	// Problem is why the value cannot be used, found while parsing
	// (a YAML alias, say); the decoder reports it.
	Problem *positionError
}

// field is one top-level key of the front matter.
type field struct {
	Key       string
	Line, Col int // where the key is
	Value     value
}

// positionError is a front matter mistake at a file position.
type positionError struct {
	Line, Col int
	Msg       string
}

func (e *positionError) Error() string { return fmt.Sprintf("%d:%d: %s", e.Line, e.Col, e.Msg) }

// maxFrontMatter is the most bytes front matter may hold. The longest of
// this site's is under 2 KiB; the limit bounds what a hostile file costs to
// parse and to explain.
const maxFrontMatter = 64 << 10

// rawFrontMatter is what the frontmatter package hands over: the text
// between the delimiters, decoded here so that positions survive.
type rawFrontMatter struct {
	data []byte
	toml bool
}

var frontMatterFormats = []*frontmatter.Format{
	frontmatter.NewFormat("---", "---", func(data []byte, v any) error {
		*v.(*rawFrontMatter) = rawFrontMatter{data: data}
		return nil
	}),
	frontmatter.NewFormat("+++", "+++", func(data []byte, v any) error {
		*v.(*rawFrontMatter) = rawFrontMatter{data: data, toml: true}
		return nil
	}),
}

// splitFrontMatter parses the front matter of a content file. It returns
// the fields in file order, the body, the number of lines before the body
// and the front matter's text. A file without front matter is an error.
func splitFrontMatter(src []byte) (fields []field, body []byte, bodyLine int, head []byte, err error) {
	var raw rawFrontMatter
	// The parser copies everything it is given; giving it only the front
	// matter spares a copy of every body.
	end := frontMatterEnd(src)
	body, err = frontmatter.MustParse(bytes.NewReader(src[:end]), &raw, frontMatterFormats...)
	if err != nil {
		return nil, nil, 0, nil, frontMatterMissing(src, err)
	}
	bodyStart := end - len(body)
	head = src[:bodyStart]
	body = src[bodyStart:] // the same bytes, without keeping the parser's copy of the file
	bodyLine = bytes.Count(head, []byte("\n"))
	first := firstContentLine(src) + 1 // the line after the opening delimiter
	if len(raw.data) > maxFrontMatter {
		return nil, body, bodyLine, head, &positionError{first - 1, 1, fmt.Sprintf(
			"the front matter is %d KiB long, more than the %d KiB it may hold: keep long text in the body, below the closing line", len(raw.data)>>10, maxFrontMatter>>10)}
	}
	if raw.toml {
		fields, err = parseTOML(raw.data, first)
	} else {
		fields, err = parseYAML(raw.data, first)
	}
	return fields, body, bodyLine, head, err
}

// frontMatterEnd returns where the front matter of src ends: after the
// first line, past the opening delimiter line, that is the same delimiter
// (spaces around either ignored, as the frontmatter package does); or
// len(src) when there is none, to let the parser say what is wrong.
func frontMatterEnd(src []byte) int {
	var open []byte
	for pos := 0; pos < len(src); {
		line, _, _ := bytes.Cut(src[pos:], []byte("\n"))
		next := pos + len(line) + 1
		switch t := bytes.TrimSpace(line); {
		case open != nil:
			if bytes.Equal(t, open) {
				return min(next, len(src))
			}
		case len(t) == 0:
		case string(t) == "---" || string(t) == "+++":
			open = t
		default:
			return len(src)
		}
		pos = next
	}
	return len(src)
}

// frontMatterMissing explains why the frontmatter package found none.
func frontMatterMissing(src []byte, err error) error {
	if !errors.Is(err, frontmatter.ErrNotFound) {
		return &positionError{1, 1, fmt.Sprintf("cannot read the front matter: %v", err)}
	}
	line := firstContentLine(src)
	lines := strings.Split(string(src), "\n")
	if line <= len(lines) {
		if d := strings.TrimSpace(lines[line-1]); d == "---" || d == "+++" {
			return &positionError{line, 1, fmt.Sprintf("the front matter opened here is never closed: add a line with %s after the last field", d)}
		}
	}
	return &positionError{1, 1, "the file has no front matter: start it with a line ---, then fields such as title: …, then another line ---"}
}

// firstContentLine returns the 1-based number of the first non-blank line.
func firstContentLine(src []byte) int {
	line := 1
	for len(src) > 0 {
		l, rest, _ := bytes.Cut(src, []byte("\n"))
		if len(bytes.TrimSpace(l)) > 0 {
			return line
		}
		src, line = rest, line+1
	}
	return 1
}
