// Package markdown converts page bodies to HTML.
//
// It configures goldmark once per language, at start: GitHub tables
// (alignment as attributes, so no inline styles), strikethrough, task lists,
// bare links, footnotes, and typographic punctuation (“quotes” with
// ‘quotes’ inside in English, «ёлочки» with „лапки“ inside in Russian,
// dashes and ellipses in both; no-break spaces after Russian short words
// and before dashes: see Typography). Raw HTML in Markdown
// is left out unless the site allows it. Headings get IDs that keep every
// script (## Методология → id="методология"), unique within the page.
//
// Links and images with a relative destination are handed to the caller's
// LinkResolver, which turns a link to a Markdown file into the target
// page's URL; a link it cannot resolve is reported with the file, line
// and column of the destination. Links to javascript: and data: URLs are
// refused.
//
// Parse stops before HTML: it returns the parsed body, links resolved, for
// other renderers to walk (the print editions, package printed).
package markdown

import (
	"bytes"
	"errors"
	"fmt"
	stdhtml "html"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"

	"ndpc/generator/diag"
)

// Converter turns Markdown into HTML; it is safe for concurrent use.
type Converter struct {
	byLang   map[string]configs
	reserved func(id string) bool
}

// configs are a language's goldmark configuration with and without
// Linkify. Linkify's parser is called at every space of every paragraph,
// a fifth of the time of converting a page. A page in which no "://",
// "www." or "@" occurs holds no bare address for it to link; if, besides,
// it has no blanks but single spaces and line ends (runs of blanks are
// trimmed differently at a line's end when Linkify splits the text there),
// Convert converts it without Linkify, to the same HTML. Parse,
// whose tree others walk, always uses Linkify: the tree's text can be
// split into other nodes.
type configs struct {
	full, noLinkify goldmark.Markdown
}

// forSource returns the configuration that converts src.
func (c configs) forSource(src []byte) goldmark.Markdown {
	for _, s := range [][]byte{[]byte("://"), []byte("www."), []byte("  "), []byte(" \r"), []byte("\r "), []byte("\r\r")} {
		if bytes.Contains(src, s) {
			return c.full
		}
	}
	if bytes.ContainsAny(src, "@\t\v\f") {
		return c.full
	}
	return c.noLinkify
}

// Options configure a Converter.
type Options struct {
	// RawHTML lets HTML written in Markdown through to the page. Off by
	// default: content also comes from the public submission form.
	RawHTML bool
	// ReservedID reports the IDs that the page around the text uses
	// (the layout's), which headings must not take; nil for none.
	ReservedID func(id string) bool
}

// New returns a converter for the given languages.
func New(langs []string, opts Options) *Converter {
	c := &Converter{byLang: map[string]configs{}, reserved: opts.ReservedID}
	for _, lang := range langs {
		config := func(linkify bool) goldmark.Markdown {
			exts := []goldmark.Extender{
				extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignAttribute)),
				extension.Strikethrough,
				extension.TaskList,
				extension.Footnote,
				Typography{Lang: lang},
			}
			if linkify {
				exts = append(exts, extension.Linkify)
			}
			options := []goldmark.Option{goldmark.WithExtensions(exts...), goldmark.WithParserOptions(parser.WithAutoHeadingID())}
			if opts.RawHTML {
				options = append(options, goldmark.WithRendererOptions(html.WithUnsafe()))
			}
			return goldmark.New(options...)
		}
		c.byLang[lang] = configs{full: config(true), noLinkify: config(false)}
	}
	return c
}

// LinkResolver turns a relative link destination, as written in the page,
// into the URL to publish; an error explains why it cannot. A *Fallback
// error is a warning: the link is published with the fallback's URL.
type LinkResolver func(dest string) (string, error)

// Fallback is returned by a LinkResolver that resolved a link, but not as
// written (a page that exists only in the other language, say).
type Fallback struct {
	URL     string
	Message string
}

func (f *Fallback) Error() string { return f.Message }

// Input is one page body to convert.
type Input struct {
	Source     []byte
	Lang       string
	Path       string // the file, for problems
	LineOffset int    // file lines before Source
	Resolve    LinkResolver
	// ImageSize gives the size of an image by its destination as written,
	// so that pages reserve its space; 0, 0 when unknown.
	ImageSize func(dest string) (width, height int)
}

// Heading is a heading of the converted page, for tables of contents.
type Heading struct {
	Level int
	ID    string
	Text  string
}

// Convert writes the HTML of in.Source to w and returns the page's
// headings. Problems in links go to problems, and so does a body that
// crosses one of the limits (see MaxLineBytes): it is not converted.
func (c *Converter) Convert(in Input, w *bytes.Buffer, problems *diag.List) ([]Heading, error) {
	configs, ok := c.byLang[in.Lang]
	if !ok {
		return nil, fmt.Errorf("markdown: no configuration for language %q", in.Lang)
	}
	md := configs.forSource(in.Source)
	doc, err := c.parse(md, in, problems)
	if err != nil {
		return nil, err
	}
	if err := md.Renderer().Render(w, doc.Source, doc.Root); err != nil {
		return nil, fmt.Errorf("rendering %s: %w", in.Path, err)
	}
	return doc.Headings, nil
}

// Document is a page body parsed as Convert parses it before rendering:
// links and images checked and resolved (a link to a Markdown file
// carries the target page's address), headings with their IDs. Other
// renderers, such as the print editions, walk Root.
type Document struct {
	Root     ast.Node
	Source   []byte // the text that Root's segments point into: in.Source
	Headings []Heading
}

// Parse parses in.Source with the language's configuration and the same
// link checks and resolution as Convert. Problems in links go to problems;
// a body that crosses a limit gives an empty document.
func (c *Converter) Parse(in Input, problems *diag.List) (Document, error) {
	configs, ok := c.byLang[in.Lang]
	if !ok {
		return Document{}, fmt.Errorf("markdown: no configuration for language %q", in.Lang)
	}
	return c.parse(configs.full, in, problems)
}

// parse is Parse with the configuration md.
func (c *Converter) parse(md goldmark.Markdown, in Input, problems *diag.List) (Document, error) {
	if !in.checkLimits(problems) {
		return Document{Root: ast.NewDocument(), Source: in.Source}, nil
	}
	ctx := parser.NewContext(parser.WithIDs(newHeadingIDs(c.reserved)))
	doc := md.Parser().Parse(text.NewReader(in.Source), parser.WithContext(ctx))
	var headings []Heading
	err := ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			id, _ := n.AttributeString("id")
			idBytes, _ := id.([]byte)
			headings = append(headings, Heading{Level: n.Level, ID: string(idBytes), Text: plainText(n, in.Source)})
		case *ast.Link:
			n.Destination = in.destination(n, n.Destination, problems)
		case *ast.Image:
			if in.ImageSize != nil {
				if w, h := in.ImageSize(string(n.Destination)); w > 0 && h > 0 {
					n.SetAttributeString("width", []byte(strconv.Itoa(w)))
					n.SetAttributeString("height", []byte(strconv.Itoa(h)))
				}
			}
			// Pictures in the text come below the page's header: load them
			// when the reader gets near.
			n.SetAttributeString("loading", []byte("lazy"))
			n.SetAttributeString("decoding", []byte("async"))
			n.Destination = in.destination(n, n.Destination, problems)
		case *ast.AutoLink:
			if unsafeScheme(string(n.URL(in.Source))) {
				in.report(n, n.URL(in.Source), problems, "links to javascript: or data: addresses are not allowed: link to a web page instead")
			}
		}
		return ast.WalkContinue, nil
	})
	if err != nil {
		return Document{}, err
	}
	return Document{Root: doc, Source: in.Source, Headings: headings}, nil
}

// destination checks and resolves a link or image destination.
func (in Input) destination(n ast.Node, dest []byte, problems *diag.List) []byte {
	d := string(dest)
	if unsafeScheme(d) {
		in.report(n, dest, problems, "links to javascript: or data: addresses are not allowed: link to a web page instead")
		return []byte("#")
	}
	if !isRelative(d) || in.Resolve == nil {
		return dest
	}
	unescaped, err := url.PathUnescape(d)
	if err != nil {
		unescaped = d
	}
	resolved, err := in.Resolve(unescaped)
	var fallback *Fallback
	if errors.As(err, &fallback) {
		in.at(n, dest, func(line, col int) { problems.Warnf(in.Path, line, col, "%s", fallback.Message) })
		return []byte(fallback.URL)
	}
	if err != nil {
		in.report(n, dest, problems, err.Error())
		return dest
	}
	return []byte(resolved)
}

func unsafeScheme(d string) bool {
	s := strings.ToLower(strings.TrimSpace(d))
	s = strings.Map(func(r rune) rune {
		if r < ' ' {
			return -1
		}
		return r
	}, s)
	return strings.HasPrefix(s, "javascript:") || strings.HasPrefix(s, "data:") || strings.HasPrefix(s, "vbscript:")
}

// isRelative reports whether a destination points into the site's own
// files rather than to another site, an address on this site, an anchor
// of the same page, or an e-mail.
func isRelative(d string) bool {
	if d == "" || strings.HasPrefix(d, "#") || strings.HasPrefix(d, "/") || strings.HasPrefix(d, "?") {
		return false
	}
	u, err := url.Parse(d)
	return err != nil || u.Scheme == ""
}

// report records an error at the destination's place in the file.
func (in Input) report(n ast.Node, dest []byte, problems *diag.List, msg string) {
	in.at(n, dest, func(line, col int) { problems.Errorf(in.Path, line, col, "%s", msg) })
}

// Position returns the file line and column where an inline node's
// destination dest is written, or, without it, where the node's text
// starts.
func (in Input) Position(n ast.Node, dest []byte) (line, col int) {
	in.at(n, dest, func(l, c int) { line, col = l, c })
	return line, col
}

// at calls fn with the file line and column of a destination.
func (in Input) at(n ast.Node, dest []byte, fn func(line, col int)) {
	off := startOffset(n, in.Source)
	pos := off
	if i := bytes.Index(in.Source[off:], dest); i >= 0 && len(dest) > 0 {
		pos = off + i
	}
	fn(in.PositionAt(pos))
}

// PositionAt returns the file line and column of a byte offset of
// in.Source.
func (in Input) PositionAt(offset int) (line, col int) {
	offset = max(0, min(offset, len(in.Source)))
	line = bytes.Count(in.Source[:offset], []byte("\n")) + 1
	lineStart := bytes.LastIndexByte(in.Source[:offset], '\n') + 1
	col = utf8.RuneCount(in.Source[lineStart:offset]) + 1
	return in.LineOffset + line, col
}

// startOffset returns the source offset where an inline node's text
// starts, or its block's first line when it has no text.
func startOffset(n ast.Node, src []byte) int {
	found := -1
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			found = t.Segment.Start
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	if found >= 0 {
		return found
	}
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
			return p.Lines().At(0).Start
		}
	}
	return 0
}

// plainText returns the text of a node without markup.
func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := c.(type) {
		case *ast.Text:
			b.Write(t.Segment.Value(src))
			if t.SoftLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			if t.IsCode() { // the typographer's marks, written as HTML: &ldquo;
				b.WriteString(stdhtml.UnescapeString(string(t.Value)))
			} else {
				b.Write(t.Value)
			}
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}
