package markdown

import (
	"html"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"ndpc/generator/typo"
)

// plainParsers read plain text, such as a title from front matter, with
// the typography of Markdown and nothing else: a paragraph, the
// typographer and Typography's transformations; no emphasis, links,
// headings or lists, so that *, [, # and the like stay as typed.
var plainParsers sync.Map // lang → parser.Parser

func plainParser(lang string) parser.Parser {
	if p, ok := plainParsers.Load(lang); ok {
		return p.(parser.Parser)
	}
	md := goldmark.New(
		goldmark.WithParser(parser.NewParser(
			parser.WithBlockParsers(util.Prioritized(parser.NewParagraphParser(), 100)),
		)),
		goldmark.WithExtensions(Typography{Lang: lang}),
	)
	p, _ := plainParsers.LoadOrStore(lang, md.Parser())
	return p.(parser.Parser)
}

// Typeset returns plain text in lang, such as a title or summary from
// front matter, with the typography of the site's Markdown: “quotes” and
// «ёлочки» with their inner quotes, dashes for -- and ---, ellipses, and
// no-break spaces after Russian short words and before dashes. Nothing
// else changes: the result is text, to be escaped where it is shown. Each
// line is set on its own, its leading and trailing blanks kept.
func Typeset(lang, s string) string {
	if s == "" {
		return s
	}
	lines := strings.Split(s, "\n")
	for i, line := range lines {
		lines[i] = typesetLine(lang, line)
	}
	return strings.Join(lines, "\n")
}

func typesetLine(lang, line string) string {
	if !typographic(line) {
		return typo.Text(lang, line) // what the parser would give, sooner
	}
	return parseLine(lang, line)
}

// typographic reports whether goldmark's typographer would change
// anything in s: quotes, "--", "...", "<<" or ">>".
func typographic(s string) bool {
	return strings.ContainsAny(s, `"'`) || strings.Contains(s, "--") || strings.Contains(s, "...") ||
		strings.Contains(s, "<<") || strings.Contains(s, ">>")
}

// parseLine sets a line with the plain parser.
func parseLine(lang, line string) string {
	body := strings.TrimSpace(line)
	if body == "" {
		return line
	}
	start := strings.Index(line, body)
	src := []byte(body)
	doc := plainParser(lang).Parse(text.NewReader(src))
	var b strings.Builder
	b.WriteString(line[:start])
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Text:
			b.Write(n.Segment.Value(src))
			if n.SoftLineBreak() || n.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.WriteString(html.UnescapeString(string(n.Value)))
		}
		return ast.WalkContinue, nil
	})
	b.WriteString(line[start+len(body):])
	return b.String()
}
