package glossary

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/pelletier/go-toml/v2/unstable"

	"ndpc/generator/diag"
)

// Load reads a glossary from data, the file shown in problems as name.
// langs are the site's languages (en, ru). Every mistake is reported in
// problems as an error at its line and column; the entries without
// mistakes are kept.
func Load(data []byte, name string, langs []string, problems *diag.List) *Glossary {
	r := &reader{data: data, name: name, langs: langs, problems: problems}
	g := &Glossary{Path: name}
	var cur *entry
	r.p.Reset(data)
	for r.p.NextExpression() {
		e := r.p.Expression()
		switch e.Kind {
		case unstable.ArrayTable:
			g.add(r.finish(cur))
			key, at := r.key(e.Key())
			cur = &entry{line: r.pos(at).line, values: map[string]value{}, seen: map[string]unstable.Range{}}
			if key != "term" {
				r.errorf(at, "unknown list [[%s]]: the glossary is a list of [[term]] entries", key)
				cur.skip = true
			}
		case unstable.Table:
			g.add(r.finish(cur))
			key, at := r.key(e.Key())
			cur = &entry{skip: true}
			r.errorf(at, "[%s] is not a glossary entry: start each entry with [[term]], in two brackets, and write the words to avoid as avoid.ru = [\"…\"]", key)
		case unstable.KeyValue:
			key, at := r.key(e.Key())
			if cur == nil {
				r.errorf(at, "%s is outside any entry: start each entry with a line [[term]]", key)
				continue
			}
			if !cur.skip {
				r.set(cur, key, at, e.Value())
			}
		}
	}
	if err := r.p.Error(); err != nil {
		r.syntaxError(err) // the entry it stopped in is not checked
	} else {
		g.add(r.finish(cur))
	}
	r.crossCheck(g)
	return g
}

// reader holds what reading one glossary file needs.
type reader struct {
	p        unstable.Parser
	data     []byte
	name     string
	langs    []string
	problems *diag.List
}

// entry is one [[term]] as written: each key with its value.
type entry struct {
	line   int
	skip   bool                      // a table that is not a [[term]]: its keys are not read
	values map[string]value          // the keys with a value of the right kind
	seen   map[string]unstable.Range // every key given, where
}

// value is the text or list of texts of one key.
type value struct {
	texts []string
	at    []unstable.Range // where each text is
	key   unstable.Range   // where the key is
}

func (r *reader) keys() []string {
	ks := []string{"concept"}
	ks = append(ks, r.langs...)
	for _, l := range r.langs {
		ks = append(ks, "avoid."+l)
	}
	for _, l := range r.langs {
		ks = append(ks, "allow."+l)
	}
	return ks
}

// set records the value of key in the entry, reporting unknown keys,
// keys given twice, and values of the wrong kind.
func (r *reader) set(e *entry, key string, at unstable.Range, v *unstable.Node) {
	known := false
	for _, k := range r.keys() {
		known = known || k == key
	}
	if !known {
		r.errorf(at, "unknown key %s: an entry has %s", key, quoteList(r.keys()))
		return
	}
	if first, ok := e.seen[key]; ok {
		r.errorf(at, "%s is given twice in this entry (first on line %d): keep one", key, r.pos(first).line)
		return
	}
	e.seen[key] = at
	list := strings.Contains(key, ".")
	val := value{key: at}
	switch {
	case !list && v.Kind == unstable.String:
		val.texts, val.at = []string{string(v.Data)}, []unstable.Range{v.Raw}
	case list && v.Kind == unstable.Array:
		for it := v.Children(); it.Next(); {
			n := it.Node()
			if n.Kind != unstable.String {
				r.errorf(r.rangeOf(n), "%s must list texts in quotes: %s = [\"…\", \"…\"]", key, key)
				return
			}
			val.texts, val.at = append(val.texts, string(n.Data)), append(val.at, n.Raw)
		}
	case list:
		r.errorf(r.rangeOf(v), "%s must be a list of texts in quotes: %s = [\"…\"]", key, key)
		return
	default:
		r.errorf(r.rangeOf(v), "%s must be a text in quotes: %s = \"…\"", key, key)
		return
	}
	e.values[key] = val
}

// finish checks a whole entry and returns its terms, one per language.
func (r *reader) finish(e *entry) []*Term {
	if e == nil || e.skip {
		return nil
	}
	concept, ok := e.values["concept"]
	if _, given := e.seen["concept"]; given && !ok {
		return nil // reported as of the wrong kind
	}
	if !ok || strings.TrimSpace(concept.texts[0]) == "" {
		r.errorAt(e.line, 1, "this entry has no concept: add concept = \"…\", a few words that say what the term means")
		return nil
	}
	var terms []*Term
	for _, lang := range r.langs {
		use, hasUse := e.values[lang]
		if hasUse && len(words(use.texts[0], lang)) == 0 {
			r.errorf(use.at[0], "%s has no word: write the term to use", lang)
			continue
		}
		t := &Term{Concept: strings.TrimSpace(concept.texts[0]), Lang: lang, Line: e.line}
		if hasUse {
			t.Use = strings.TrimSpace(use.texts[0])
		}
		self := newPhrase(t.Use, lang)
		for _, kind := range []string{"avoid", "allow"} {
			v, ok := e.values[kind+"."+lang]
			if !ok {
				continue
			}
			if !hasUse {
				r.errorf(v.key, "%s.%s lists words but the entry has no %s term to use instead: add %s = \"…\"", kind, lang, lang, lang)
				break
			}
			for i, text := range v.texts {
				ph := newPhrase(text, lang)
				switch {
				case len(ph.stems) == 0:
					r.errorf(v.at[i], "%q has no word: remove it or write the word", text)
				case kind == "avoid" && ph.same(self):
					r.errorf(v.at[i], "%q is a form of the term %q itself: remove it from avoid.%s", text, t.Use, lang)
				case kind == "avoid":
					t.Avoid, t.avoid = append(t.Avoid, strings.TrimSpace(text)), append(t.avoid, ph)
					t.at = append(t.at, r.pos(v.at[i]))
				default:
					t.allow = append(t.allow, ph)
				}
			}
		}
		if hasUse {
			terms = append(terms, t)
		}
	}
	return terms
}

// crossCheck reports a word to avoid listed twice, and one that another
// entry says to use.
func (r *reader) crossCheck(g *Glossary) {
	type place struct {
		t *Term
		i int // index in t.Avoid; -1 for the term itself
	}
	seen := map[string]place{}
	keyOf := func(lang string, p phrase) string {
		return lang + "\x00" + strings.Join(p.stems, " ") + "\x00" + strings.Join(p.gaps, " ")
	}
	for _, t := range g.Terms {
		seen[keyOf(t.Lang, newPhrase(t.Use, t.Lang))] = place{t, -1}
	}
	for _, t := range g.Terms {
		kept := 0
		for i, v := range t.avoid {
			k := keyOf(t.Lang, v)
			prev, dup := seen[k]
			switch {
			case dup && prev.i < 0:
				r.errorAt(t.at[i].line, t.at[i].col, "%q is the term to use for %s (line %d): it cannot also be a word to avoid", t.Avoid[i], prev.t.Concept, prev.t.Line)
				continue
			case dup:
				r.errorAt(t.at[i].line, t.at[i].col, "%q is already a word to avoid for %s (line %d): list each word once", t.Avoid[i], prev.t.Concept, prev.t.Line)
				continue
			}
			seen[k] = place{t, i}
			t.Avoid[kept], t.avoid[kept], t.at[kept] = t.Avoid[i], v, t.at[i]
			kept++
		}
		t.Avoid, t.avoid, t.at = t.Avoid[:kept], t.avoid[:kept], t.at[:kept]
	}
}

func (g *Glossary) add(terms []*Term) {
	g.Terms = append(g.Terms, terms...)
}

// key returns a dotted key as written and where it starts.
func (r *reader) key(it unstable.Iterator) (string, unstable.Range) {
	var parts []string
	var first unstable.Range
	for i := 0; it.Next(); i++ {
		n := it.Node()
		if i == 0 {
			first = n.Raw
		}
		parts = append(parts, string(n.Data))
	}
	return strings.Join(parts, "."), first
}

// rangeOf returns where a value starts: arrays and inline tables have no
// range of their own in go-toml's tree, their first element has.
func (r *reader) rangeOf(n *unstable.Node) unstable.Range {
	if n.Raw.Length > 0 || n.Raw.Offset > 0 {
		return n.Raw
	}
	if c := n.Child(); c != nil {
		return r.rangeOf(c)
	}
	return n.Raw
}

// syntaxError reports a TOML syntax error at its place.
func (r *reader) syntaxError(err error) {
	var perr *unstable.ParserError
	if !errors.As(err, &perr) {
		r.errorAt(0, 0, "not valid TOML: %v", err)
		return
	}
	at := unstable.Range{Offset: uint32(len(r.data))}
	if off, ok := offsetIn(r.data, perr.Highlight); ok {
		at = unstable.Range{Offset: uint32(off)}
	}
	r.errorf(at, "not valid TOML: %s", perr.Message)
}

// offsetIn returns where sub, a slice of data, starts in it.
func offsetIn(data, sub []byte) (int, bool) {
	if len(sub) == 0 || cap(sub) > cap(data) {
		return 0, false
	}
	off := cap(data) - cap(sub)
	if off > len(data) || !bytes.Equal(data[off:off+len(sub)], sub) {
		return 0, false
	}
	return off, true
}

// position is a line and column (in characters), both from 1.
type position struct{ line, col int }

func (r *reader) pos(at unstable.Range) position {
	return positionOf(r.data, int(at.Offset))
}

// positionOf returns the line and column of a byte offset in src.
func positionOf(src []byte, off int) position {
	off = min(off, len(src))
	lineStart := bytes.LastIndexByte(src[:off], '\n') + 1
	return position{bytes.Count(src[:off], []byte("\n")) + 1, utf8.RuneCount(src[lineStart:off]) + 1}
}

func (r *reader) errorf(at unstable.Range, format string, args ...any) {
	p := r.pos(at)
	r.errorAt(p.line, p.col, format, args...)
}

func (r *reader) errorAt(line, col int, format string, args ...any) {
	r.problems.Errorf(r.name, line, col, "%s", fmt.Sprintf(format, args...))
}
