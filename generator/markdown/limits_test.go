package markdown

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"ndpc/generator/diag"
)

// TestLimits converts a body of each kind that goldmark would take
// minutes or gigabytes over, at sizes a page may have, and checks the
// problem that names the limit. Each conversion must end within a bound
// far above its real time, which stands for a hang.
func TestLimits(t *testing.T) {
	nested := func(n int) string {
		var b strings.Builder
		for i := range n {
			b.WriteString(strings.Repeat("  ", i) + "- item\n")
		}
		return b.String()
	}
	cases := []struct {
		name, src, want string
	}{
		{"block quotes", strings.Repeat(">", 17) + " deep\n", "x.md:4:17: block quotes and lists nest more than 16 levels deep here: nest fewer of them"},
		{"block quotes, a megabyte", strings.Repeat("> ", 500000) + "\n", "x.md:4:16385: the line is 976 KiB long, more than 16 KiB: break it into paragraphs with blank lines"},
		{"lists by their markers", strings.Repeat("1. ", 17) + "deep\n", "x.md:4:49: block quotes and lists nest more than 16 levels deep here: nest fewer of them"},
		{"lists by their indentation, reported once", nested(400), "x.md:20:33: block quotes and lists nest more than 16 levels deep here: nest fewer of them"},
		{"quotes in lists", strings.Repeat("> - ", 9) + "deep\n", "x.md:4:33: block quotes and lists nest more than 16 levels deep here: nest fewer of them"},
		{"brackets", strings.Repeat("[", 17) + "a" + strings.Repeat("]", 17) + "\n", "x.md:4:17: brackets nest more than 16 levels deep here: close some of them with ]"},
		{"links in links", strings.Repeat("[", 17) + "a" + strings.Repeat("](b.md)", 17) + "\n", "x.md:4:17: brackets nest more than 16 levels deep here: close some of them with ]"},
		{"images in links", strings.Repeat("[![", 9) + "a\n", "x.md:4:25: brackets nest more than 16 levels deep here: close some of them with ]"},
		{"link openings", strings.Repeat(strings.Repeat("[a](", 4000)+"\n", 2), "x.md:5:4001: the page has more than 5000 brackets (links, images and notes): split it into several pages"},
		{"footnotes", strings.Repeat("[^1] ", 1001) + "\n\n[^1]: A note.\n", "x.md:4:5001: the page has more than 1000 footnote references and notes: split it into several pages"},
		{"table columns", strings.Repeat("| a ", 65) + "|\n" + strings.Repeat("|---", 65) + "|\n", "x.md:5:1: the table has 65 columns, more than 64: split it into several tables, or offer the data as a file to download"},
		{"table columns, Windows line endings", strings.Repeat("| a ", 65) + "|\r\n" + strings.Repeat("|---", 65) + "|\r\n", "x.md:5:1: the table has 65 columns, more than 64: split it into several tables, or offer the data as a file to download"},
		{"table columns, form feeds", strings.Repeat("| a ", 65) + "|\n" + strings.Repeat("|---\f", 65) + "|\n", "x.md:5:1: the table has 65 columns, more than 64: split it into several tables, or offer the data as a file to download"},
		{"short rows filled to the table's columns", strings.Repeat("| a ", 64) + "|\n" + strings.Repeat("|---", 64) + "|\n" + strings.Repeat("x\n", 400000), "x.md:316:1: the page's tables have more than 20000 cells: split the page, or offer the data as a file to download"},
		{"headings", strings.Repeat("## A section\n\nText.\n\n", 500) + strings.Repeat("Title\n===\n", 501), "x.md:3005:1: the page has more than 1000 headings: split it into several pages"},
		{"a long line", strings.Repeat("word ", 4000) + "\n", "x.md:4:16385: the line is 19 KiB long, more than 16 KiB: break it into paragraphs with blank lines"},
	}
	c := New([]string{"en", "ru"}, Options{})
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			problems := &diag.List{}
			var html bytes.Buffer
			done := make(chan error, 1)
			go func() {
				_, err := c.Convert(Input{Source: []byte(tc.src), Lang: "en", Path: "x.md", LineOffset: 3}, &html, problems)
				done <- err
			}()
			select {
			case err := <-done:
				if err != nil {
					t.Fatal(err)
				}
			case <-time.After(time.Minute):
				t.Fatal("still converting after a minute")
			}
			var got []string
			for _, p := range problems.Sorted() {
				got = append(got, p.String())
			}
			if strings.Join(got, "\n") != tc.want {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), tc.want)
			}
			if html.Len() != 0 {
				t.Errorf("a body over a limit was converted: %.100s", html.String())
			}
		})
	}
}

// TestWithinLimits: what real pages write stays within the limits, up to
// them: nested lists and quotes, rules of spaced dashes, tables, links.
func TestWithinLimits(t *testing.T) {
	var b strings.Builder
	for i := range MaxBlockDepth {
		b.WriteString(strings.Repeat("  ", i) + "- item\n")
	}
	b.WriteString("\n" + strings.Repeat("> ", MaxBlockDepth) + "quoted\n\n- - - - - - - - - - - - - - - - - - - -\n\n")
	b.WriteString(strings.Repeat("[", MaxBracketDepth) + "a" + strings.Repeat("]", MaxBracketDepth) + "\n\n")
	b.WriteString(strings.Repeat("| a ", MaxTableColumns) + "|\n" + strings.Repeat("|:-:", MaxTableColumns) + "|\n\n")
	b.WriteString("A [link](x.md) and a note[^1], *emphasis*, \\[escaped\\[\\[\\[\\[.\n\n[^1]: The note.\n")
	b.WriteString(strings.Repeat("word ", MaxLineBytes/5) + "\n")
	b.WriteString(strings.Repeat("An unclosed [ bracket.\n\n", 2*MaxBracketDepth))
	text := b.String()
	for _, src := range []string{text, strings.ReplaceAll(text, "\n", "\r\n")} {
		checkWithin(t, src)
	}
}

func checkWithin(t *testing.T, src string) {
	t.Helper()
	problems := &diag.List{}
	var html bytes.Buffer
	c := New([]string{"en"}, Options{})
	if _, err := c.Convert(Input{Source: []byte(src), Lang: "en", Path: "x.md"}, &html, problems); err != nil {
		t.Fatal(err)
	}
	if len(problems.Sorted()) > 0 {
		t.Fatalf("refused: %v", problems.Err())
	}
	if !strings.Contains(html.String(), "<table>") || !strings.Contains(html.String(), "<blockquote>") {
		t.Errorf("not converted: %.300s", html.String())
	}
}

// TestManyEqualHeadings: headings with the same text get numbered IDs in
// the order they come, as before the counter was kept per text.
func TestManyEqualHeadings(t *testing.T) {
	h := newHeadingIDs(nil)
	h.Put([]byte("a-2"))
	var got []string
	for range 5 {
		got = append(got, string(h.Generate([]byte("A"), 0)))
	}
	if want := "a a-1 a-3 a-4 a-5"; strings.Join(got, " ") != want {
		t.Errorf("got %s, want %s", strings.Join(got, " "), want)
	}
}
