package generator

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"ndpc/generator/internal/pdfcheck"
)

// checkPrintedText reads the text of a real site's PDF back, as a reader
// copying it gets it, against the web pages it was made from (pages:
// the brief's page, or the report's chapters):
//
//   - no invisible character (Unicode's category Cf: word joiners,
//     zero-width spaces …) but the soft hyphen that ends a line where
//     Typst hyphenated a word;
//   - with each soft hyphen and the line's end after it removed, and
//     every other line's end a space, every sentence of the pages' text
//     (paragraphs, list items, headings, table cells, notes) verbatim, a
//     sentence that a page ends being read on both pages;
//   - a hyphen of the PDF's text at a line's end only where the pages
//     have one: Typst's own hyphens are soft hyphens.
func checkPrintedText(t *testing.T, file string, pages []string) {
	t.Helper()
	raw, err := pdfcheck.Raw(file, 0, 0)
	popplerError(t, err)
	for _, c := range pdfcheck.FormatCharacters(raw) {
		t.Errorf("%s: an invisible character: %s", file, c)
	}

	var sentences []string
	var source strings.Builder
	for _, page := range pages {
		doc := readFile(t, page)
		sentences = append(sentences, proseSentences(t, doc)...)
		source.WriteString(html.UnescapeString(doc))
	}
	if len(sentences) < 10 {
		t.Fatalf("%s: only %d sentences in %v", file, len(sentences), pages)
	}
	text := pdfcheck.Join(raw)
	var byPage []string
	for _, p := range strings.Split(raw, "\f") {
		byPage = append(byPage, pdfcheck.Join(p))
	}
	for _, s := range sentences {
		if !pdfcheck.Contains(text, s) && !acrossPages(byPage, s) {
			t.Errorf("%s lacks the sentence %q", file, s)
		}
	}

	src := strings.ReplaceAll(source.String(), "\u00a0", " ")
	for _, word := range pdfcheck.HardHyphensAtLineEnd(raw) {
		if w := strings.Trim(word, ".,;:!?()«»“”„\"'’"); !strings.Contains(src, w) {
			t.Errorf("%s: a hyphen at a line's end that the text does not have: %q", file, word)
		}
	}
}

// acrossPages reports whether a sentence begins on one page and ends on
// the next (which the running head, the notes and the footer come
// between in the text).
func acrossPages(pages []string, s string) bool {
	for i := 0; i+1 < len(pages); i++ {
		for j := range s {
			if j > 0 && pdfcheck.Contains(pages[i], strings.TrimSpace(s[:j])) && pdfcheck.Contains(pages[i+1], strings.TrimSpace(s[j:])) {
				return true
			}
		}
	}
	return false
}

// sentenceEnd matches the end of a sentence: its mark, closing quotes or
// brackets, and the space after it.
var sentenceEnd = regexp.MustCompile(`[.!?…][”»"’)]*\s+`)

// proseSentences returns the sentences of a built page's text (the prose
// of its article, notes included) as the site shows them: the text of
// its paragraphs, list items, headings and table cells, cut at the end
// of each sentence and at each note's mark (which the PDF sets as a
// superscript number), without the notes' links back.
func proseSentences(t *testing.T, doc string) []string {
	t.Helper()
	root, err := html.Parse(strings.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	var prose *html.Node
	var find func(n *html.Node)
	find = func(n *html.Node) {
		for c := n.FirstChild; c != nil && prose == nil; c = c.NextSibling {
			if c.DataAtom == atom.Div && attr(c, "class") == "prose" {
				prose = c
				return
			}
			find(c)
		}
	}
	find(root)
	if prose == nil {
		t.Fatal("no prose in the page")
	}
	var out []string
	var b strings.Builder
	flush := func() {
		text := b.String()
		b.Reset()
		for len(text) > 0 {
			end := len(text)
			if loc := sentenceEnd.FindStringIndex(text); loc != nil {
				end = loc[1]
			}
			if s := strings.Join(strings.Fields(text[:end]), " "); strings.ContainsFunc(s, unicode.IsLetter) {
				out = append(out, s)
			}
			text = text[end:]
		}
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch {
		case n.Type == html.TextNode:
			b.WriteString(n.Data)
			return
		case n.DataAtom == atom.Sup || attr(n, "class") == "footnote-backref":
			flush() // a note's mark, or the way back from its note
			return
		}
		block := n.DataAtom == atom.P || n.DataAtom == atom.Li || n.DataAtom == atom.Td || n.DataAtom == atom.Th ||
			n.DataAtom == atom.H2 || n.DataAtom == atom.H3 || n.DataAtom == atom.H4 || n.DataAtom == atom.Ul || n.DataAtom == atom.Ol
		if block {
			flush()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			flush()
		}
	}
	walk(prose)
	flush()
	return out
}

// reportChapterPages returns the built pages of the report's chapters in
// a language.
func reportChapterPages(t *testing.T, out, lang string) []string {
	t.Helper()
	pages, _ := filepath.Glob(filepath.Join(out, lang, "report", "*", "index.html"))
	if len(pages) < 3 {
		t.Fatalf("%d chapters of the report in %s", len(pages), lang)
	}
	return pages
}
