package printed

import (
	"html"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"
)

// The text styles, in points.
var (
	bodyText = style{family: "serif", size: 10, color: ink}
	noteText = style{family: "serif", size: 8.5, color: ink2}
	cellText = style{family: "serif", size: 8.8, color: ink}
	codeText = style{family: "sans", size: 8.5, color: ink2}
)

// para says how a paragraph is set: its style, line height, alignment
// and the space after it, in millimetres.
type para struct {
	st    style
	lead  float64
	how   align
	after float64
}

var (
	bodyPara = para{st: bodyText, lead: 5.1, how: alignLeft, after: 2.6}
	notePara = para{st: noteText, lead: 4.1, how: alignLeft, after: 1.2}
)

// headingPara returns how a heading of the body (## and deeper) is set,
// and the space before it.
func headingPara(level int) (para, float64) {
	switch level {
	case 1, 2:
		return para{st: style{family: "sans", bold: true, size: 13, color: accentDark}, lead: 6.2, how: alignLeft, after: 2.2}, 5.5
	case 3:
		return para{st: style{family: "sans", bold: true, size: 10.5, color: ink}, lead: 5.2, how: alignLeft, after: 1.4}, 3.6
	}
	return para{st: style{family: "serif", bold: true, size: 10, color: ink}, lead: 5.1, how: alignLeft, after: 0.8}, 2.6
}

// body sets a page body: its blocks, then its footnotes.
func (d *doc) body(b Body, p para) {
	d.pagePath = b.Path
	d.notes = map[int]int{}
	var notes *east.FootnoteList
	for n := b.Root.FirstChild(); n != nil; n = n.NextSibling() {
		if fl, ok := n.(*east.FootnoteList); ok {
			notes = fl
			continue
		}
		d.block(n, b.Source, p)
	}
	if notes != nil {
		d.footnotes(notes, b.Source)
	}
}

// block sets one block of the body.
func (d *doc) block(n ast.Node, src []byte, p para) {
	switch n := n.(type) {
	case *ast.Heading:
		d.heading(n, src)
	case *ast.Paragraph:
		d.paragraph(n, src, p)
	case *ast.TextBlock: // an item of a tight list
		tight := p
		tight.after = 1
		d.paragraph(n, src, tight)
	case *ast.List:
		d.list(n, src, p)
	case *ast.Blockquote:
		d.indent(6, func() {
			d.quotes++
			q := p
			q.st.color = ink2
			q.st.italic = !q.st.italic
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				d.block(c, src, q)
			}
			d.quotes--
		})
		d.y += 0.8
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		d.code(n, src)
	case *ast.ThematicBreak:
		d.space(2)
		d.fit(4)
		d.rule(d.x0+d.w/2-15, d.y+2, d.x0+d.w/2+15, d.y+2, 0.3, ruleColor)
		d.y += 6
	case *east.Table:
		d.table(n, src)
	case *ast.HTMLBlock:
		// HTML written in Markdown has no print form.
	default:
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			d.block(c, src, p)
		}
	}
}

// indent narrows the column by mm on the left while fn sets blocks.
func (d *doc) indent(mm float64, fn func()) {
	d.x0 += mm
	d.w -= mm
	fn()
	d.x0 -= mm
	d.w += mm
}

// heading sets a heading of the body, kept with the lines after it, and
// makes it a bookmark.
func (d *doc) heading(n *ast.Heading, src []byte) {
	p, before := headingPara(n.Level)
	spans := d.inlines(n, src, p.st)
	lines := d.breakLines(d.words(spans), d.w)
	d.space(before)
	need := float64(len(lines))*p.lead + p.after + 2*bodyPara.lead
	if next, ok := n.NextSibling().(*ast.Heading); ok { // keep a heading with the one under it
		np, nbefore := headingPara(next.Level)
		need += nbefore + float64(len(d.breakLines(d.words(d.inlines(next, src, np.st)), d.w)))*np.lead + np.after
	}
	d.fit(need)
	text := plain(spans)
	if d.onHead != nil {
		d.onHead(n.Level, text)
	}
	d.lines(lines, p)
}

// paragraph sets a paragraph; pictures in it stand as blocks of their own.
func (d *doc) paragraph(n ast.Node, src []byte, p para) {
	var group []ast.Node
	flush := func() {
		var spans []span
		for _, c := range group {
			spans = append(spans, d.inline(c, src, p.st)...)
		}
		group = nil
		if strings.TrimSpace(plain(spans)) == "" {
			return
		}
		d.lines(d.breakLines(d.words(spans), d.w), p)
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		img, link := picture(c)
		if img == nil {
			group = append(group, c)
			continue
		}
		flush()
		d.picture(img, link, src)
	}
	flush()
}

// picture returns the image a paragraph's child is, alone or as the only
// content of a link, and the link's destination.
func picture(n ast.Node) (*ast.Image, string) {
	switch n := n.(type) {
	case *ast.Image:
		return n, ""
	case *ast.Link:
		if img, ok := n.FirstChild().(*ast.Image); ok && n.ChildCount() == 1 {
			return img, string(n.Destination)
		}
	}
	return nil, ""
}

// lines sets lines in the column, starting pages as needed, and leaves
// p.after below the last. A paragraph's first line does not stay alone
// at the foot of a page, nor its last at the head of the next.
func (d *doc) lines(lines []line, p para) {
	for i := 0; i < len(lines); {
		left := len(lines) - i
		k := min(left, int((bottom+0.01-d.y)/p.lead))
		if k < left {
			if left-k < 2 {
				k = left - 2 // no last line alone on the next page
			}
			if k < 2 && i == 0 {
				k = 0 // no first line alone at the foot of this one
			}
		}
		if k <= 0 {
			if !d.atTop() {
				d.newPage()
				continue
			}
			k = max(1, min(left, int((bottom-d.y)/p.lead))) // a page of too tall lines
		}
		for _, ln := range lines[i : i+k] {
			d.drawLine(ln, d.x0, d.y, d.y+baseline(p.lead, p.st.size), p.lead, d.w, p.how)
			d.y += p.lead
		}
		i += k
		if i < len(lines) {
			d.newPage()
		}
	}
	d.y += p.after
}

// list sets a bulleted or numbered list, its markers hanging in the
// indent.
func (d *doc) list(n *ast.List, src []byte, p para) {
	depth := 0
	for a := n.Parent(); a != nil; a = a.Parent() {
		if _, ok := a.(*ast.List); ok {
			depth++
		}
	}
	num := n.Start
	if num == 0 {
		num = 1
	}
	d.indent(6.5, func() {
		for item := n.FirstChild(); item != nil; item = item.NextSibling() {
			m := marker{st: p.st}
			if n.IsOrdered() {
				m.text = strconv.Itoa(num) + "."
				num++
			} else {
				m.text = []string{"•", "–", "◦"}[depth%3]
				m.st.color = accent
			}
			d.marker = &m
			for c := item.FirstChild(); c != nil; c = c.NextSibling() {
				d.block(c, src, p)
			}
			d.marker = nil
		}
	})
	if n.IsTight {
		d.y += p.after - 1
	}
}

// code sets a code block line by line on a tinted ground.
func (d *doc) code(n ast.Node, src []byte) {
	lead := 4.2
	var text strings.Builder
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		text.Write(seg.Value(src))
	}
	d.space(1)
	for _, l := range strings.Split(strings.TrimRight(text.String(), "\n"), "\n") {
		words := d.words([]span{{text: strings.ReplaceAll(l, " ", "\u00a0"), st: codeText}})
		for _, ln := range d.breakLines(words, d.w-4) {
			d.fit(lead)
			d.fill(d.x0, d.y, d.w, lead, tint)
			d.drawLine(ln, d.x0+2, d.y, d.y+baseline(lead, codeText.size), lead, d.w-4, alignLeft)
			d.y += lead
		}
	}
	d.y += bodyPara.after
}

// footnotes sets a body's notes after it, under a rule, each where its
// number in the text links to.
func (d *doc) footnotes(list *east.FootnoteList, src []byte) {
	d.space(4)
	d.fit(4 + 3*notePara.lead)
	d.rule(d.x0, d.y, d.x0+40, d.y, 0.3, ruleColor)
	d.y += 2.5
	head := para{st: style{family: "sans", bold: true, size: 8.5, color: ink2}, lead: 4.6, how: alignLeft, after: 1}
	d.lines(d.breakLines(d.words([]span{{text: d.meta.Labels.Notes, st: head.st}}), d.w), head)
	for n := list.FirstChild(); n != nil; n = n.NextSibling() {
		fn, ok := n.(*east.Footnote)
		if !ok {
			continue
		}
		d.fit(notePara.lead)
		d.pdf.SetLink(d.noteLink(fn.Index), d.y, d.pdf.PageNo())
		d.indent(6, func() {
			d.marker = &marker{text: strconv.Itoa(fn.Index), st: style{family: "serif", size: noteText.size, color: accent}}
			for c := fn.FirstChild(); c != nil; c = c.NextSibling() {
				d.block(c, src, notePara)
			}
			d.marker = nil
		})
	}
}

// inlines returns the text of a node's children as styled spans.
func (d *doc) inlines(n ast.Node, src []byte, st style) []span {
	var out []span
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		out = append(out, d.inline(c, src, st)...)
	}
	return out
}

// inline returns the spans of one inline node.
func (d *doc) inline(n ast.Node, src []byte, st style) []span {
	switch n := n.(type) {
	case *ast.Text:
		t := string(n.Segment.Value(src))
		if !n.IsRaw() {
			t = unescape(n.Segment.Value(src))
		}
		out := []span{{text: t, st: st}}
		if n.HardLineBreak() {
			out[0].hard = true
		} else if n.SoftLineBreak() {
			out = append(out, span{text: " ", st: st})
		}
		return out
	case *ast.String:
		return []span{{text: html.UnescapeString(string(n.Value)), st: st}}
	case *ast.CodeSpan:
		c := st
		c.family = "sans"
		c.size = st.size * 0.92
		var b strings.Builder
		for t := n.FirstChild(); t != nil; t = t.NextSibling() {
			if txt, ok := t.(*ast.Text); ok {
				b.Write(txt.Segment.Value(src))
			}
		}
		return []span{{text: b.String(), st: c}}
	case *ast.Emphasis:
		e := st
		if n.Level >= 2 {
			e.bold = true
		} else {
			e.italic = !e.italic
		}
		return d.inlines(n, src, e)
	case *ast.Link:
		l := st
		l.link = d.href(string(n.Destination))
		l.color = accent
		return d.inlines(n, src, l)
	case *ast.AutoLink:
		l := st
		dest := string(n.URL(src))
		if n.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(dest), "mailto:") {
			dest = "mailto:" + dest
		}
		l.link = d.href(dest)
		l.color = accent
		return []span{{text: string(n.Label(src)), st: l}}
	case *ast.Image:
		return []span{{text: altText(n, src), st: st}}
	case *east.FootnoteLink:
		f := st
		f.size = st.size * 0.68
		f.rise = st.size * 0.38
		f.color = accent
		f.target = d.noteLink(n.Index)
		return []span{{text: strconv.Itoa(n.Index), st: f}}
	case *east.FootnoteBacklink, *ast.RawHTML:
		return nil
	case *east.Strikethrough:
		s := st
		s.strike = true
		return d.inlines(n, src, s)
	case *east.TaskCheckBox:
		if n.IsChecked {
			return []span{{text: "[x] ", st: st}}
		}
		return []span{{text: "[ ] ", st: st}}
	}
	return d.inlines(n, src, st)
}

// unescape resolves backslash escapes and character references, as the
// HTML renderer does.
func unescape(b []byte) string {
	return string(util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(b))))
}

// altText returns an image's description.
func altText(n *ast.Image, src []byte) string {
	var b strings.Builder
	for _, s := range (&doc{}).inlinesPlain(n, src) {
		b.WriteString(s)
	}
	return b.String()
}

// inlinesPlain returns the text of a node's descendants.
func (d *doc) inlinesPlain(n ast.Node, src []byte) []string {
	var out []string
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := c.(type) {
		case *ast.Text:
			out = append(out, unescape(t.Segment.Value(src)))
			if t.SoftLineBreak() {
				out = append(out, " ")
			}
		case *ast.String:
			out = append(out, html.UnescapeString(string(t.Value)))
		}
		return ast.WalkContinue, nil
	})
	return out
}

// plain returns the text of spans.
func plain(spans []span) string {
	var b strings.Builder
	for _, s := range spans {
		b.WriteString(s.text)
	}
	return b.String()
}

// headings returns the text of a body's headings of a level, in order,
// as they will be set.
func headings(b Body, level int) []string {
	var out []string
	_ = ast.Walk(b.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering && h.Level == level {
			out = append(out, strings.Join((&doc{}).inlinesPlain(h, b.Source), ""))
		}
		return ast.WalkContinue, nil
	})
	return out
}
