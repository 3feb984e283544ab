package locale

import (
	"strings"

	"github.com/pelletier/go-toml/v2/unstable"
)

// places says where a table's keys are written: the line of each dotted
// key (country.FI, finder.found.one), of each table header ([finder],
// [finder.found]) and the last line of the file. BurntSushi's decoder,
// which reads the values, gives no positions; go-toml's parser does.
type places struct {
	keys    map[string]int // dotted key → line of its key
	headers map[string]int // table → line of its header, or of the key of an inline table
	order   []string       // the headers in the order written
	last    int            // the file's last line with text, or 1
}

// readPlaces reads the positions of keys and headers in a TOML table that
// BurntSushi's decoder has already found valid.
func readPlaces(data []byte) places {
	pl := places{keys: map[string]int{}, headers: map[string]int{}, last: 1}
	var p unstable.Parser
	p.Reset(data)
	table := ""
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.Table, unstable.ArrayTable:
			key, line := dottedAt(&p, e.Key())
			table = key
			if _, ok := pl.headers[key]; !ok {
				pl.headers[key] = line
				pl.order = append(pl.order, key)
			}
		case unstable.KeyValue:
			pl.keyValue(&p, table, e)
		}
	}
	if text := strings.TrimRight(string(data), " \t\r\n"); text != "" {
		pl.last = strings.Count(text, "\n") + 1
	}
	return pl
}

// keyValue records a key = value line under table, and the keys of an
// inline table as written on it.
func (pl *places) keyValue(p *unstable.Parser, table string, e *unstable.Node) {
	key, line := dottedAt(p, e.Key())
	if table != "" {
		key = table + "." + key
	}
	pl.keys[key] = line
	if v := e.Value(); v.Kind == unstable.InlineTable {
		pl.headers[key] = line
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

// at returns the line of key: of its header for a table or plural
// message, else of its key; 0 when the file does not write it.
func (pl places) at(key string) int {
	if line, ok := pl.headers[key]; ok {
		return line
	}
	return pl.keys[key]
}

// header returns the line of the header of the innermost table that the
// file has among the tables holding key (finder for finder.found.one), and
// that table's name; "" and 0 when none of them has a header.
func (pl places) header(key string) (string, int) {
	for t := parent(key); t != ""; t = parent(t) {
		if line, ok := pl.headers[t]; ok {
			return t, line
		}
	}
	return "", 0
}

// parent returns the table that holds a dotted key: finder for
// finder.clear, "" for a key at the top.
func parent(key string) string {
	if i := strings.LastIndexByte(key, '.'); i >= 0 {
		return key[:i]
	}
	return ""
}

// lastPart returns a dotted key's own name: clear for finder.clear.
func lastPart(key string) string {
	return key[strings.LastIndexByte(key, '.')+1:]
}
