package markdown

import (
	"bytes"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"ndpc/generator/typo"
)

// Typography is the goldmark extension that sets the site's punctuation
// in a language: goldmark's typographer for quotes, dashes and ellipses,
// then two transformations of the parsed text.
//
// Quotes inside quotes: goldmark's typographer tells opening from closing
// quotes, but gives every level the same marks. The levels are counted
// per paragraph (or heading, or cell): in Russian the outer quotes are
// «ёлочки» and those inside them „лапки“ ("Фабрика "PROTO"" → «Фабрика
// „PROTO“»), whether the editor typed double or single quotes; in English
// double quotes inside double quotes become ‘single’ ones, and single
// quotes stay as typed. Quotation marks the editor typed themselves («…»
// in Russian, “…” in English) count as a level: «Фабрика "PROTO"» gives
// «Фабрика „PROTO“». A closing single quote that closes nothing is an
// apostrophe (the Smiths' house) and stays one.
//
// No-break spaces: package typo's rules (Russian short words bound to the
// next, a no-break space before a dash), applied to the text outside code.
type Typography struct {
	Lang string
}

// The marks goldmark's typographer is told to write, so that the
// transformation finds them; an apostrophe is written as itself, to be
// told from a closing single quote.
const (
	markLeftDouble  = "&ldquo;"
	markRightDouble = "&rdquo;"
	markLeftSingle  = "&lsquo;"
	markRightSingle = "&rsquo;"
)

// Extend adds the typographer and the transformations to m.
func (t Typography) Extend(m goldmark.Markdown) {
	extension.NewTypographer(extension.WithTypographicSubstitutions(map[extension.TypographicPunctuation]string{
		extension.LeftDoubleQuote:  markLeftDouble,
		extension.RightDoubleQuote: markRightDouble,
		extension.LeftSingleQuote:  markLeftSingle,
		extension.RightSingleQuote: markRightSingle,
		extension.Apostrophe:       "’",
	})).Extend(m)
	m.Parser().AddOptions(parser.WithASTTransformers(
		util.Prioritized(quoteLevels{lang: t.Lang}, 900),
		util.Prioritized(noBreakSpaces{lang: t.Lang}, 901),
	))
}

// quoteLevels gives nested quotes the marks of their level.
type quoteLevels struct{ lang string }

// quoteMarks returns the opening and closing marks of a quote of kind
// ('"' or '\”) at level (1 for the outermost).
func (q quoteLevels) quoteMarks(kind byte, level int) (open, close string) {
	if q.lang == "ru" {
		if level == 1 {
			return "«", "»"
		}
		return "„", "“"
	}
	if kind == '\'' || level%2 == 0 {
		return markLeftSingle, markRightSingle
	}
	return markLeftDouble, markRightDouble
}

func (q quoteLevels) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	src := reader.Source()
	// open holds the kind of each open quote, innermost last: '"' or '\''
	// for straight quotes the typographer set, 'l' for a quotation mark
	// the editor typed (« or “), which counts as a level too.
	var open []byte
	literalOpen, literalClose := '“', '”'
	if q.lang == "ru" {
		literalOpen, literalClose = '«', '»'
	}
	typed := bytes.ContainsRune(src, literalOpen) // else no text needs reading
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if n.Type() == ast.TypeBlock {
			open = open[:0]
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.CodeSpan, *ast.RawHTML, *ast.AutoLink:
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			if !typed {
				break
			}
			for _, r := range string(n.Segment.Value(src)) {
				switch {
				case r == literalOpen:
					open = append(open, 'l')
				case r == literalClose && len(open) > 0 && open[len(open)-1] == 'l':
					open = open[:len(open)-1]
				}
			}
		case *ast.String:
			if n.IsCode() {
				open = q.set(n, open)
			}
		}
		return ast.WalkContinue, nil
	})
}

// set gives a quotation mark the typographer wrote the marks of its level,
// and returns the open quotes after it.
func (q quoteLevels) set(s *ast.String, open []byte) []byte {
	switch v := string(s.Value); v {
	case markLeftDouble, markLeftSingle:
		kind := byte('"')
		if v == markLeftSingle {
			kind = '\''
		}
		open = append(open, kind)
		o, _ := q.quoteMarks(kind, len(open))
		s.Value = []byte(o)
	case markRightDouble, markRightSingle:
		kind := byte('"')
		if v == markRightSingle {
			kind = '\''
		}
		// the innermost open quote of the same kind is closed; quotes
		// opened inside it and left open stay as they are
		i := len(open) - 1
		for kind == '"' && i >= 0 && open[i] != kind {
			i--
		}
		if i < 0 || open[i] != kind {
			return open // an apostrophe, or a stray mark
		}
		_, c := q.quoteMarks(kind, i+1)
		s.Value = []byte(c)
		open = open[:i]
	}
	return open
}

// noBreakSpaces makes the spaces that package typo names no-break spaces.
type noBreakSpaces struct{ lang string }

func (t noBreakSpaces) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	src := reader.Source()
	if t.lang != "ru" && !bytes.Contains(src, []byte("--")) && !bytes.Contains(src, []byte("–")) && !bytes.Contains(src, []byte("—")) {
		return // only the dash rule holds outside Russian, and there is no dash
	}
	var texts []*ast.Text
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.CodeSpan, *ast.CodeBlock, *ast.FencedCodeBlock, *ast.HTMLBlock, *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			texts = append(texts, n)
		}
		return ast.WalkContinue, nil
	})
	for _, n := range texts {
		t.bind(n, src)
	}
}

// bind splits a text node at each space to be a no-break space. A soft
// line break after a bound word, or before a dash, becomes one too.
func (t noBreakSpaces) bind(n *ast.Text, src []byte) {
	seg := n.Segment
	value := string(seg.Value(src))
	// The letters just before the node belong to a word that the node's
	// first space may follow: goldmark splits text at spaces at times.
	lead := seg.Start
	for lead > 0 {
		r, size := utf8.DecodeLastRune(src[:lead])
		if !unicode.IsLetter(r) {
			break
		}
		lead -= size
	}
	before, _ := utf8.DecodeLastRune(src[:lead])
	if lead == 0 {
		before = 0
	}
	next := nextRune(src, seg.Stop)
	checked := string(src[lead:seg.Start]) + value
	if n.SoftLineBreak() {
		checked += " " // the line break is a space that could end a line
		next = nextRune(src, skipLineBreak(src, seg.Stop))
	}
	var at []int
	for _, i := range typo.Spaces(t.lang, checked, before, next) {
		if i -= seg.Start - lead; i >= 0 {
			at = append(at, i)
		}
	}
	if len(at) == 0 {
		return
	}
	parent := n.Parent()
	soft := n.SoftLineBreak()
	var after ast.Node = n
	start := seg.Start
	for k, i := range at {
		piece := ast.NewTextSegment(text.NewSegment(start, seg.Start+i))
		if k == 0 {
			n.Segment = piece.Segment
			n.SetSoftLineBreak(false)
		} else {
			parent.InsertAfter(parent, after, piece)
			after = piece
		}
		nb := ast.NewString([]byte(typo.NoBreakSpace))
		nb.SetCode(true)
		parent.InsertAfter(parent, after, nb)
		after = nb
		start = seg.Start + i + 1
	}
	if start < seg.Stop {
		rest := ast.NewTextSegment(text.NewSegment(start, seg.Stop))
		rest.SetSoftLineBreak(soft)
		parent.InsertAfter(parent, after, rest)
	} else if start == seg.Stop && soft && at[len(at)-1] != len(value) {
		// the text ended in a bound space; the line break stays
		last := ast.NewTextSegment(text.NewSegment(seg.Stop, seg.Stop))
		last.SetSoftLineBreak(true)
		parent.InsertAfter(parent, after, last)
	}
}

// nextRune returns the character at src[i:], a dash for "--", and 0 at
// the end or at a line's end.
func nextRune(src []byte, i int) rune {
	if i >= len(src) {
		return 0
	}
	if src[i] == '-' && i+1 < len(src) && src[i+1] == '-' {
		return '–'
	}
	r, _ := utf8.DecodeRune(src[i:])
	if r == '\n' || r == '\r' {
		return 0
	}
	return r
}

// skipLineBreak returns the offset of the next line's text after the
// line break at src[i:] and the next line's indentation.
func skipLineBreak(src []byte, i int) int {
	for i < len(src) && (src[i] == ' ' || src[i] == '\t') {
		i++
	}
	if i < len(src) && src[i] == '\r' {
		i++
	}
	if i < len(src) && src[i] == '\n' {
		i++
	}
	for i < len(src) && (src[i] == ' ' || src[i] == '\t') {
		i++
	}
	return i
}
