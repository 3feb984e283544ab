// Package tomlpos says where a TOML file writes its keys and table
// headers, by line, from go-toml's parser: the decoders that read the
// values (BurntSushi's for the settings and the i18n tables) give no
// positions, and a problem must name the line of the mistake.
package tomlpos

import (
	"strings"

	"github.com/pelletier/go-toml/v2/unstable"
)

// Places says where a TOML file writes its keys: the line (from 1) of
// each dotted key (country.FI, finder.found.one, privacy.en.controller),
// of each table header ([finder], [finder.found]) and the file's last
// line.
type Places struct {
	Keys    map[string]int // dotted key → line of its key
	Headers map[string]int // table → line of its header, or of the key of an inline table
	Order   []string       // the headers in the order written
	Last    int            // the file's last line with text, or 1
}

// Read reads the positions of keys and headers in TOML text. It is meant
// for text a decoder has already found valid: from invalid text it
// returns the positions read before the mistake.
func Read(data []byte) Places {
	pl := Places{Keys: map[string]int{}, Headers: map[string]int{}, Last: 1}
	var p unstable.Parser
	p.Reset(data)
	table := ""
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.Table, unstable.ArrayTable:
			key, line := dottedAt(&p, e.Key())
			table = key
			if _, ok := pl.Headers[key]; !ok {
				pl.Headers[key] = line
				pl.Order = append(pl.Order, key)
			}
		case unstable.KeyValue:
			pl.keyValue(&p, table, e)
		}
	}
	if text := strings.TrimRight(string(data), " \t\r\n"); text != "" {
		pl.Last = strings.Count(text, "\n") + 1
	}
	return pl
}

// keyValue records a key = value line under table, and the keys of an
// inline table as written on it.
func (pl *Places) keyValue(p *unstable.Parser, table string, e *unstable.Node) {
	key, line := dottedAt(p, e.Key())
	if table != "" {
		key = table + "." + key
	}
	pl.Keys[key] = line
	if v := e.Value(); v.Kind == unstable.InlineTable {
		pl.Headers[key] = line
		for it := v.Children(); it.Next(); {
			if n := it.Node(); n.Kind == unstable.KeyValue {
				pl.keyValue(p, key, n)
			}
		}
	}
}

// dottedAt joins the parts of a key with dots (social.kind) and gives the
// line of its first part.
func dottedAt(p *unstable.Parser, it unstable.Iterator) (string, int) {
	var parts []string
	line := 0
	for it.Next() {
		n := it.Node()
		if line == 0 {
			line = p.Shape(n.Raw).Start.Line
		}
		parts = append(parts, string(n.Data))
	}
	return strings.Join(parts, "."), line
}

// At returns the line of key: of its header for a table, else of its
// key; 0 when the file does not write it.
func (pl Places) At(key string) int {
	if line, ok := pl.Headers[key]; ok {
		return line
	}
	return pl.Keys[key]
}

// Header returns the line of the header of the innermost table that the
// file has among the tables holding key (finder for finder.found.one), and
// that table's name; "" and 0 when none of them has a header.
func (pl Places) Header(key string) (string, int) {
	for t := Parent(key); t != ""; t = Parent(t) {
		if line, ok := pl.Headers[t]; ok {
			return t, line
		}
	}
	return "", 0
}

// Parent returns the table that holds a dotted key: finder for
// finder.clear, "" for a key at the top.
func Parent(key string) string {
	if i := strings.LastIndexByte(key, '.'); i >= 0 {
		return key[:i]
	}
	return ""
}
