package printed

import (
	"html"
	"net/url"
	"strconv"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"
)

// markup writes a page body as Typst markup: only Typst's own elements
// (heading, list, table, figure, footnote, link …), which the templates
// in templates/print style with show and set rules, and text escaped
// with escapeText, so that nothing written in Markdown becomes markup.
type markup struct {
	b      strings.Builder
	src    []byte
	meta   *Meta
	path   string                     // the site path of the page, which #headings lead to
	notes  map[int]*east.Footnote     // the body's footnotes by number
	label  string                     // prefix of the footnotes' labels, unique in the document
	placed map[int]bool               // footnotes already set: a second mark refers to the first
	inNote bool                       // setting a footnote: marks in it print as numbers
	images *[]file                    // the pictures the body prints, to hand to Typst
	warn   func(offset int, s string) // told of each run of characters the fonts lack
}

// file is a file a document reads, by its path in Typst's workspace.
type file struct {
	Path string
	Data []byte
}

// bodyMarkup returns a body as Typst markup. Its ## headings become
// level-2 headings (# ones too: the page's title is the only level 1);
// its pictures are added to images as /images/PREFIX-N.EXT, and its
// footnotes are labelled PREFIX-N.
func bodyMarkup(b Body, m *Meta, prefix string, images *[]file) string {
	w := &markup{src: b.Source, meta: m, path: b.Path, notes: map[int]*east.Footnote{}, label: prefix, placed: map[int]bool{}, images: images, warn: b.Unprintable}
	if b.Root == nil {
		return ""
	}
	for n := b.Root.FirstChild(); n != nil; n = n.NextSibling() {
		if fl, ok := n.(*east.FootnoteList); ok {
			for c := fl.FirstChild(); c != nil; c = c.NextSibling() {
				if fn, ok := c.(*east.Footnote); ok {
					w.notes[fn.Index] = fn
				}
			}
		}
	}
	for n := b.Root.FirstChild(); n != nil; n = n.NextSibling() {
		if _, ok := n.(*east.FootnoteList); !ok {
			w.block(n)
		}
	}
	return w.b.String()
}

func (w *markup) write(s ...string) {
	for _, x := range s {
		w.b.WriteString(x)
	}
}

// blocks writes the children of n as blocks.
func (w *markup) blocks(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		w.block(c)
	}
}

// content writes [ … ] around what fn writes: a content argument.
func (w *markup) content(fn func()) {
	w.write("[")
	fn()
	w.write("]")
}

// block writes one block, followed by a blank line.
func (w *markup) block(n ast.Node) {
	switch n := n.(type) {
	case *ast.Heading:
		level := max(n.Level, 2)
		w.write("#heading(level: ", strconv.Itoa(level), ")")
		w.content(func() { w.inlines(n) })
	case *ast.Paragraph, *ast.TextBlock:
		w.paragraph(n)
	case *ast.List:
		w.list(n)
	case *ast.Blockquote:
		w.write("#quote(block: true)")
		w.content(func() { w.blocks(n) })
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		var text strings.Builder
		lines := n.Lines()
		for i := 0; i < lines.Len(); i++ {
			seg := lines.At(i)
			text.WriteString(w.printable(string(seg.Value(w.src)), seg.Start))
		}
		lang := ""
		if f, ok := n.(*ast.FencedCodeBlock); ok && f.Info != nil {
			lang = string(f.Language(w.src))
		}
		w.write("#raw(block: true, ")
		if lang != "" {
			w.write("lang: ", quote(lang), ", ")
		}
		w.write(quote(code(strings.TrimRight(text.String(), "\n"))), ")")
	case *ast.ThematicBreak:
		w.write("#line(length: 100%)")
	case *east.Table:
		w.table(n)
	case *ast.HTMLBlock:
		return // HTML written in Markdown has no print form
	default:
		w.blocks(n)
		return
	}
	w.write("\n\n")
}

// paragraph writes a paragraph's text; a picture alone in it (or alone
// in a link) is a figure.
func (w *markup) paragraph(n ast.Node) {
	if n.ChildCount() == 1 {
		if img, link := picture(n.FirstChild()); img != nil {
			w.figure(img, link)
			return
		}
	}
	if leadIn(n, w.src) {
		w.write("#block(sticky: true)")
		w.content(func() { w.inlines(n) })
		return
	}
	w.inlines(n)
}

// leadIn reports whether a paragraph introduces what follows it (ends
// with a colon, and a list, a table or another block that is not a
// heading comes next): it is set as a sticky block, which stays on the
// page where that block starts, so that neither a page's end nor a
// picture floated to a page's top comes between them.
func leadIn(n ast.Node, src []byte) bool {
	next := n.NextSibling()
	if next == nil || next.Kind() == ast.KindHeading || next.Kind() == east.KindFootnoteList || n.Lines().Len() == 0 {
		return false
	}
	last := n.Lines().At(n.Lines().Len() - 1)
	return strings.HasSuffix(strings.TrimRight(string(last.Value(src)), " \t\r\n*_"), ":")
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

func (w *markup) list(n *ast.List) {
	tight := "false"
	if n.IsTight {
		tight = "true"
	}
	if n.IsOrdered() {
		w.write("#enum(tight: ", tight, ", start: ", strconv.Itoa(max(n.Start, 0)))
	} else {
		w.write("#list(tight: ", tight)
	}
	for item := n.FirstChild(); item != nil; item = item.NextSibling() {
		w.write(", ")
		w.content(func() {
			for c := item.FirstChild(); c != nil; c = c.NextSibling() {
				w.block(c)
			}
		})
	}
	w.write(")")
}

func (w *markup) table(t *east.Table) {
	cols := 0
	for r := t.FirstChild(); r != nil; r = r.NextSibling() {
		cols = max(cols, r.ChildCount())
	}
	if cols == 0 {
		return
	}
	w.write("#table(columns: ", strconv.Itoa(cols), ", align: (")
	for i := range cols {
		a := "auto"
		if i < len(t.Alignments) {
			switch t.Alignments[i] {
			case east.AlignLeft:
				a = "left"
			case east.AlignRight:
				a = "right"
			case east.AlignCenter:
				a = "center"
			}
		}
		w.write(a, ", ")
	}
	w.write(")")
	for r := t.FirstChild(); r != nil; r = r.NextSibling() {
		_, head := r.(*east.TableHeader)
		if head {
			w.write(", table.header(")
		}
		n := 0
		for c := r.FirstChild(); c != nil; c = c.NextSibling() {
			if n > 0 || !head {
				w.write(", ")
			}
			w.content(func() { w.inlines(c) })
			n++
		}
		for ; n < cols; n++ {
			if n > 0 || !head {
				w.write(", ")
			}
			w.write("[]")
		}
		if head {
			w.write(")")
		}
	}
	w.write(")")
}

// inlines writes the children of n as inline markup.
func (w *markup) inlines(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		w.inline(c)
	}
}

func (w *markup) inline(n ast.Node) {
	switch n := n.(type) {
	case *ast.Text:
		t := n.Segment.Value(w.src)
		if !n.IsRaw() {
			t = unescape(t)
		}
		w.write(escapeText(w.printable(string(t), n.Segment.Start)))
		if n.HardLineBreak() {
			w.write("#linebreak()")
		} else if n.SoftLineBreak() {
			w.write(" ")
		}
	case *ast.String:
		w.write(escapeText(html.UnescapeString(string(n.Value))))
	case *ast.CodeSpan:
		var b strings.Builder
		for t := n.FirstChild(); t != nil; t = t.NextSibling() {
			if txt, ok := t.(*ast.Text); ok {
				b.WriteString(w.printable(string(txt.Segment.Value(w.src)), txt.Segment.Start))
			} else if s, ok := t.(*ast.String); ok {
				b.Write(s.Value)
			}
		}
		w.write("#raw(", quote(code(b.String())), ")")
	case *ast.Emphasis:
		if n.Level >= 2 {
			w.write("#strong")
		} else {
			w.write("#emph")
		}
		w.content(func() { w.inlines(n) })
	case *ast.Link:
		w.write("#link(", quote(w.href(string(n.Destination))), ")")
		w.content(func() { w.inlines(n) })
	case *ast.AutoLink:
		dest := string(n.URL(w.src))
		if n.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(dest), "mailto:") {
			dest = "mailto:" + dest
		}
		w.write("#link(", quote(w.href(dest)), ")")
		w.content(func() { w.write(escapeText(w.printable(string(n.Label(w.src)), w.offset(n, n.Label(w.src))))) })
	case *ast.Image:
		w.image(n, "")
	case *east.FootnoteLink:
		w.footnote(n.Index)
	case *east.FootnoteBacklink, *ast.RawHTML:
		// no print form
	case *east.Strikethrough:
		w.write("#strike")
		w.content(func() { w.inlines(n) })
	case *east.TaskCheckBox:
		if n.IsChecked {
			w.write(escapeText("[x] "))
		} else {
			w.write(escapeText("[ ] "))
		}
	default:
		w.inlines(n)
	}
}

// footnote writes footnote n where its mark is: Typst sets it at the
// foot of the page. A second mark of the same note refers to the first.
func (w *markup) footnote(n int) {
	fn := w.notes[n]
	label := w.label + "-" + strconv.Itoa(n)
	switch {
	case fn == nil || w.inNote:
		w.write("#super[", strconv.Itoa(n), "]")
	case w.placed[n]:
		w.write("#footnote(<", label, ">)")
	default:
		w.placed[n] = true
		w.inNote = true
		w.write("#footnote")
		w.content(func() {
			for c := fn.FirstChild(); c != nil; c = c.NextSibling() {
				if c.ChildCount() == 0 || c.Kind() == ast.KindParagraph && onlyBacklinks(c) {
					continue
				}
				w.block(c)
			}
		})
		w.write(" <", label, ">")
		w.inNote = false
	}
}

// onlyBacklinks reports whether a paragraph holds nothing but the
// footnote's links back to its marks.
func onlyBacklinks(n ast.Node) bool {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if _, ok := c.(*east.FootnoteBacklink); !ok {
			return false
		}
	}
	return true
}

// figure writes a picture of the body as a figure with its description
// as the alternative text and its title as the caption, inside a link
// when it is one. A picture that cannot be printed (an SVG, a file
// elsewhere on the web) leaves its description in brackets. One without
// a description, which PDF/UA refuses and the build reports as a mistake
// before it typesets, is set as decoration (an artifact) here.
func (w *markup) figure(img *ast.Image, link string) {
	path, width, ok := w.picture(img)
	alt := altText(img, w.src)
	if !ok {
		w.write("#par[", escapeText("["+w.printable(alt, w.offset(img, nil))+"]"), "]")
		return
	}
	// At PictureDPI, or the column's width where that is narrower.
	pic := "layout(size => image(" + quote(path) + ", alt: " + quote(alt) +
		", width: calc.min(size.width, " + strconv.FormatFloat(width, 'f', 2, 64) + "mm)))"
	if link != "" {
		pic = "link(" + quote(w.href(link)) + ", " + pic + ")"
	}
	if strings.TrimSpace(alt) == "" {
		pic = "pdf.artifact(" + pic + ")"
	}
	w.write("#figure(", pic)
	if len(img.Title) > 0 {
		w.write(", caption: [", escapeText(w.printable(string(img.Title), w.offset(img, img.Title))), "]")
	}
	w.write(")")
}

// image writes a picture within a line of text, at the height of the
// text, or its description in brackets.
func (w *markup) image(img *ast.Image, link string) {
	path, _, ok := w.picture(img)
	alt := altText(img, w.src)
	if !ok {
		w.write(escapeText("[" + w.printable(alt, w.offset(img, nil)) + "]"))
		return
	}
	pic := "image(" + quote(path) + ", alt: " + quote(alt) + ")"
	if strings.TrimSpace(alt) == "" {
		pic = "pdf.artifact(" + pic + ")"
	}
	w.write("#box(height: 1em, ", pic, ")")
}

// printable returns text with the characters that the fonts lack
// replaced (see Printables), and tells the body's Unprintable of each run
// of them by its offset in the source, the text starting at offset at.
func (w *markup) printable(text string, at int) string {
	out, missing := Printables(text)
	if w.warn == nil {
		return out
	}
	for _, run := range missing {
		off := at
		if at >= 0 && at <= len(w.src) {
			if i := strings.Index(string(w.src[at:]), run.Text); i >= 0 {
				off = at + i
			}
		}
		w.warn(off, run.Text)
	}
	return out
}

// offset returns where in the source an inline node's text, or else
// what, is written: its first text, or what in its block's lines.
func (w *markup) offset(n ast.Node, what []byte) int {
	start := -1
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			start = t.Segment.Start
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	if start < 0 {
		for p := n.Parent(); p != nil; p = p.Parent() {
			if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
				start = p.Lines().At(0).Start
				break
			}
		}
	}
	if start >= 0 && len(what) > 0 {
		if i := strings.Index(string(w.src[start:]), string(what)); i >= 0 {
			return start + i
		}
	}
	return start
}

// code returns the text of code with control characters other than line
// breaks and tabs as spaces: Typst would try to show them.
func code(s string) string {
	return strings.Map(func(r rune) rune {
		if r != '\n' && r != '\t' && (unicode.IsControl(r) || r == '\u2028' || r == '\u2029') {
			return ' '
		}
		return r
	}, s)
}

// picture adds an image's file to the document's files and returns its
// path there and its width at PictureDPI in millimetres; false when it
// cannot be printed.
func (w *markup) picture(img *ast.Image) (string, float64, bool) {
	if w.meta.Image == nil {
		return "", 0, false
	}
	data, ok := w.meta.Image(string(img.Destination))
	if !ok {
		return "", 0, false
	}
	ext, width, ok := pictureFormat(data)
	if !ok {
		return "", 0, false
	}
	path := "/images/" + w.label + "-" + strconv.Itoa(len(*w.images)+1) + "." + ext
	*w.images = append(*w.images, file{Path: path, Data: data})
	return path, float64(width) * 25.4 / PictureDPI, true
}

// PictureDPI is the resolution pictures are printed at, or lower where
// the column is narrower: a picture 600 pixels wide is 101.6 mm wide.
const PictureDPI = 150

// href makes a link destination from the body absolute: a site path gets
// the site's address, a #heading the page's, and non-ASCII characters are
// percent-encoded, as PDF addresses are ASCII.
func (w *markup) href(dest string) string {
	switch {
	case strings.HasPrefix(dest, "#"):
		dest = w.meta.BaseURL + w.path + dest
	case strings.HasPrefix(dest, "/") && !strings.HasPrefix(dest, "//"):
		dest = w.meta.BaseURL + dest
	}
	if u, err := url.Parse(dest); err == nil {
		return u.String()
	}
	return dest
}

// unescape resolves backslash escapes and character references, as the
// HTML renderer does.
func unescape(b []byte) []byte {
	return util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(b)))
}

// AltText returns an image's description as the PDF gives it: the text
// of its children, without markup.
func AltText(n ast.Node, src []byte) string { return altText(n, src) }

// altText returns an image's description: the text of its children.
func altText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := c.(type) {
		case *ast.Text:
			b.Write(unescape(t.Segment.Value(src)))
			if t.SoftLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.WriteString(html.UnescapeString(string(t.Value)))
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}
