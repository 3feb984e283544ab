package content

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/pelletier/go-toml/v2/unstable"
)

// parseTOML reads TOML front matter (between +++ lines) into fields, as
// parseYAML does for YAML. data is the text between the delimiters and
// first the file's line number of its first line.
//
// go-toml's parser is used rather than a decoder into Go values because
// it keeps what the front matter needs: the position of every key and
// value, and each number as typed (summary = 1.10 stays "1.10"). A
// syntax error is returned as a *positionError at the mistake.
func parseTOML(data []byte, first int) ([]field, error) {
	t := tomlReader{data: data, first: first}
	var p unstable.Parser
	p.Reset(data)
	var fields []field
	inTable := false // keys after a [table] header belong to the table
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.Table, unstable.ArrayTable:
			inTable = true
			k := e.Key()
			if k.Next() {
				f := t.field(k.Node())
				f.Value = value{Line: f.Line, Col: f.Col, IsMap: true}
				fields = append(fields, f)
			}
		case unstable.KeyValue:
			k := e.Key()
			if inTable || !k.Next() {
				continue
			}
			name := k.Node()
			f := t.field(name)
			if k.Next() { // a dotted key, title.en = …, makes a table
				f.Value = value{Line: f.Line, Col: f.Col, IsMap: true}
			} else {
				f.Value = t.value(e.Value(), name, 1)
			}
			fields = append(fields, f)
		}
	}
	if err := p.Error(); err != nil {
		var perr *unstable.ParserError
		if !errors.As(err, &perr) {
			return nil, &positionError{first, 1, fmt.Sprintf("the front matter is not valid TOML: %v", err)}
		}
		return nil, t.syntaxError(perr, p.Range(perr.Highlight).Offset)
	}
	return fields, nil
}

// tomlReader turns go-toml nodes into fields and values with positions.
type tomlReader struct {
	data  []byte
	first int
}

// position returns the file line and column (in characters, as for YAML)
// of the byte offset in data.
func (t tomlReader) position(offset int) (int, int) {
	offset = min(offset, len(t.data))
	before := t.data[:offset]
	lineStart := bytes.LastIndexByte(before, '\n') + 1
	return t.first + bytes.Count(before, []byte("\n")), utf8.RuneCount(before[lineStart:]) + 1
}

func (t tomlReader) field(key *unstable.Node) field {
	line, col := t.position(int(key.Raw.Offset))
	return field{Key: string(key.Data), Line: line, Col: col}
}

// value converts the value node n of the key key at nesting level depth.
func (t tomlReader) value(n, key *unstable.Node, depth int) value {
	offset := int(n.Raw.Offset)
	if n.Raw.Length == 0 { // arrays and tables carry no range: find their bracket
		from := int(key.Raw.Offset + key.Raw.Length)
		offset = from + bytes.IndexAny(t.data[from:], "[{")
	}
	v := value{}
	v.Line, v.Col = t.position(offset)
	if depth > maxNesting {
		v.Problem = &positionError{v.Line, v.Col, fmt.Sprintf("this value is nested more than %d levels deep, the most front matter allows: a field holds one value or a list of values, as in countries = [\"EE\", \"FI\"]", maxNesting)}
		return v
	}
	switch n.Kind {
	case unstable.String:
		v.Tag, v.Scalar = "!!str", string(n.Data)
	case unstable.Integer:
		v.Tag, v.Scalar = "!!int", string(n.Data)
	case unstable.Float:
		v.Tag, v.Scalar = "!!float", string(n.Data)
	case unstable.Bool:
		v.Tag, v.Scalar = "!!bool", string(n.Data)
	case unstable.LocalDate, unstable.LocalTime:
		v.Tag, v.Scalar = "!!timestamp", string(n.Data)
	case unstable.LocalDateTime, unstable.DateTime:
		// TOML allows a space or a lower-case t between date and time, and a
		// lower-case z; RFC 3339 as the schema reads it wants T and Z.
		s := []byte(strings.ToUpper(string(n.Data)))
		if len(s) > 10 && s[10] == ' ' {
			s[10] = 'T'
		}
		v.Tag, v.Scalar = "!!timestamp", string(s)
	case unstable.Array:
		v.IsList = true
		for it := n.Children(); it.Next(); {
			if item := it.Node(); item.Kind != unstable.Comment {
				iv := t.value(item, key, depth+1)
				if depth > 1 && v.Problem == nil {
					v.Problem = iv.Problem // reported with the field's item that holds it
				}
				v.List = append(v.List, iv)
			}
		}
	case unstable.InlineTable:
		v.IsMap = true
	}
	return v
}
