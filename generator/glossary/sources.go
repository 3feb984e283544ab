package glossary

import (
	"bytes"
	"strings"

	"github.com/pelletier/go-toml/v2/unstable"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// Use is a hit placed in a file: its line and column (in characters, from
// 1).
type Use struct {
	Hit
	Line, Col int
}

// mdParser reads Markdown as the site does for text: tables and footnotes
// are text, code is not.
var mdParser = goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote)).Parser()

// Markdown returns the uses in the text of a Markdown body, in lang: in
// paragraphs, headings, lists, tables, notes, link texts and image
// descriptions, not in code, HTML or addresses. Lines count from 1 at the
// body's first line.
func (g *Glossary) Markdown(src []byte, lang string) []Use {
	if !g.checks(lang) {
		return nil
	}
	doc := mdParser.Parse(text.NewReader(src))
	var uses []Use
	var b runs
	loc := &locator{src: src}
	flush := func() {
		uses = append(uses, b.find(g, loc, lang)...)
		b = runs{}
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n := n.(type) {
		case *ast.CodeSpan, *ast.RawHTML, *ast.AutoLink:
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			if entering {
				b.add(string(n.Segment.Value(src)), n.Segment.Start)
				if n.SoftLineBreak() || n.HardLineBreak() {
					b.add("\n", -1)
				}
			}
			return ast.WalkContinue, nil
		}
		if n.Type() == ast.TypeBlock && !entering {
			flush() // a phrase does not run from one block into the next
		}
		return ast.WalkContinue, nil
	})
	flush()
	return uses
}

// runs is the text of one block as readers see it, pieced from the
// source: where each piece starts in the text and in the source.
type runs struct {
	text   strings.Builder
	starts []int // in text
	srcAt  []int // in the source; -1 for a line break the text adds
}

func (b *runs) add(s string, srcAt int) {
	b.starts = append(b.starts, b.text.Len())
	b.srcAt = append(b.srcAt, srcAt)
	b.text.WriteString(s)
}

// find returns the uses in the block's text, placed in the source.
func (b *runs) find(g *Glossary, loc *locator, lang string) []Use {
	text := b.text.String()
	var uses []Use
	for _, h := range g.Find(text, lang) {
		i := len(b.starts) - 1
		for i > 0 && b.starts[i] > h.Start {
			i--
		}
		off := b.srcAt[i] + h.Start - b.starts[i]
		p := loc.at(off)
		uses = append(uses, Use{Hit: h, Line: p.line, Col: p.col})
	}
	return uses
}

// Within returns the uses in value, a text written in lang that src holds
// between byte offsets from and to (a front matter field, say): each is
// placed where its words are first written after the previous one, or at
// from when the source spells them otherwise (with escapes, or across
// lines).
func (g *Glossary) Within(src []byte, from, to int, value, lang string) []Use {
	return g.within(&locator{src: src}, from, to, value, lang)
}

func (g *Glossary) within(loc *locator, from, to int, value, lang string) []Use {
	var uses []Use
	at, lost := from, false
	for _, h := range g.Find(value, lang) {
		off := from
		first := value[h.Start:h.End]
		if i := strings.IndexFunc(first, joiner); i > 0 {
			first = first[:i] // a phrase broken across lines: find its first word
		}
		for _, s := range []string{h.Said, first} {
			if lost {
				break // once the source spells a hit otherwise, the next ones are not looked for
			}
			if i := bytes.Index(loc.src[at:to], []byte(s)); i >= 0 {
				off = at + i
				at = off + len(s)
				break
			}
			lost = s == first
		}
		p := loc.at(off)
		uses = append(uses, Use{Hit: h, Line: p.line, Col: p.col})
	}
	return uses
}

// locator turns byte offsets of a source into lines and columns, counting
// on from the offset it was last asked for, so that offsets asked for in
// order cost one pass over the source in all.
type locator struct {
	src  []byte
	off  int
	last position
}

func (l *locator) at(off int) position {
	off = min(max(off, 0), len(l.src))
	if off < l.off || l.last.line == 0 {
		l.off, l.last = 0, position{1, 1}
	}
	for _, r := range string(l.src[l.off:off]) {
		if r == '\n' {
			l.last.line, l.last.col = l.last.line+1, 1
		} else {
			l.last.col++
		}
	}
	l.off = off
	return l.last
}

// Offset returns the byte offset of the start of line (from 1) in src.
func Offset(src []byte, line int) int {
	off := 0
	for ; line > 1; line-- {
		i := bytes.IndexByte(src[off:], '\n')
		if i < 0 {
			return len(src)
		}
		off += i + 1
	}
	return off
}

// TOML returns the uses in the texts of a TOML file written in lang, such
// as the interface strings of i18n/ru.toml: in every text value, not in
// keys or comments. A file that is not valid TOML has none (the build
// reports it).
func (g *Glossary) TOML(src []byte, lang string) []Use {
	if !g.checks(lang) {
		return nil
	}
	var p unstable.Parser
	p.Reset(src)
	loc := &locator{src: src}
	var uses []Use
	var visit func(n *unstable.Node)
	visit = func(n *unstable.Node) {
		switch n.Kind {
		case unstable.String:
			uses = append(uses, g.within(loc, int(n.Raw.Offset), int(n.Raw.Offset+n.Raw.Length), string(n.Data), lang)...)
		case unstable.Array, unstable.InlineTable, unstable.KeyValue:
			if n.Kind == unstable.KeyValue {
				visit(n.Value())
				return
			}
			for it := n.Children(); it.Next(); {
				visit(it.Node())
			}
		}
	}
	for p.NextExpression() {
		if e := p.Expression(); e.Kind == unstable.KeyValue {
			visit(e)
		}
	}
	if p.Error() != nil {
		return nil
	}
	return uses
}
