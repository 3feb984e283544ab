package printed

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"ndpc/generator/diag"
	"ndpc/generator/markdown"
)

// hostile are Markdown bodies full of what Typst reads as markup.
var hostile = []string{
	"#set page(fill: red)\n\n#pagebreak() $x^2$ <label> @ref ~ -- --- ... 'a' \"b\" `c`\n",
	"= Heading?\n- list?\n+ enum?\n/ term: desc\n1. real list\n",
	"// comment\n/* block comment */ text */ /* \n\n\\ backslash \\u{41} \\\n",
	"#{ panic() }\n\n#let x = 1\n\n[#x] ]] [[ ) (( } {{\n",
	"*strong* _emph_ **bold** __b__ ***both*** \\*not\\* \\_not\\_\n",
	"| a \\| b | `c | d` |\n|---|---|\n| #x | $y$ |\n| ] | [ |\n",
	"![alt with ] and \" and #](p.png \"title ] #x\")\n\n[link ] text](https://e.org/?a=\"b\"&c=]#x)\n",
	"Note[^a] and again[^a] and [^b].\n\n[^a]: Note with *emphasis* and #x.\n[^b]: Note with a mark [^a] inside.\n",
	"```typst\n#panic(\"x\")\n\"quote\" \\ \u0000 \n```\n\n    indented #code\n",
	"> quote #x\n> > nested ]\n\n---\n\n***\n",
	"https://example.org/#x http://a.b/c_d_e @user <mail@example.org>\n",
	"\u2028line\u2029sep\u0085 \u00a0nbsp \u200bzw \ufeffbom \x01\x02\x1f",
	"- [ ] task\n- [x] done #x\n\n~~strike ]~~\n",
	"1) one\n2) two\n\n10. ten\n11. eleven\n\n0. zero\n",
	"Text with ![an inline picture](p.png) inside, [![a linked picture](p.png)](https://e.org/) and ![](p.png).\n\n[![alone, linked](p.png \"caption\")](x.md)\n",
	"| head | ![in a cell](p.png) |\n|---|---|\n| note[^n] | `code` |\n\n[^n]: A note in a table.\n",
}

// markdownSeeds returns the hostile bodies and the inputs of the Markdown
// converter's fuzz corpus that are small enough to typeset.
func markdownSeeds(t testing.TB) []string {
	seeds := append([]string(nil), hostile...)
	files, _ := filepath.Glob("../markdown/testdata/fuzz/FuzzConvert/*")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil || len(data) > 8<<10 {
			continue
		}
		lines := strings.Split(string(data), "\n")
		if len(lines) < 2 || !strings.HasPrefix(lines[1], "string(") {
			continue
		}
		s, err := strconv.Unquote(strings.TrimSuffix(strings.TrimPrefix(lines[1], "string("), ")"))
		if err == nil {
			seeds = append(seeds, s)
		}
	}
	return seeds
}

// markupOf parses Markdown as the build does and returns the body's
// Typst markup.
func markupOf(src string) string {
	doc, err := converter.Parse(markdown.Input{Source: []byte(src), Lang: "en", Path: "fuzz.md",
		Resolve: func(dest string) (string, error) { return "/en/" + dest, nil }}, &diag.List{})
	if err != nil {
		return ""
	}
	var images []file
	m := Meta{BaseURL: "https://example.org", Image: func(string) ([]byte, bool) { return gradientPNG(4, 4), true }}
	return bodyMarkup(Body{Root: doc.Root, Source: doc.Source, Path: "/en/x/"}, &m, "f", &images)
}

// balanced reports where markup opens or closes a bracket it does not
// close or open, reading it as the renderer writes it: a backslash
// escapes the next character, and an unescaped double quote starts a
// string (text never holds one: escapeText escapes it). "" when every
// bracket of the code and content is matched.
func balanced(markup string) string {
	var stack []rune
	pair := map[rune]rune{')': '(', ']': '[', '}': '{'}
	rs := []rune(markup)
	for i := 0; i < len(rs); i++ {
		switch r := rs[i]; r {
		case '\\':
			i++
		case '"':
			for i++; i < len(rs) && rs[i] != '"'; i++ {
				if rs[i] == '\\' {
					i++
				}
			}
			if i >= len(rs) {
				return "an unclosed string"
			}
		case '(', '[', '{':
			stack = append(stack, r)
		case ')', ']', '}':
			if len(stack) == 0 || stack[len(stack)-1] != pair[r] {
				return "an unmatched " + string(r) + " at " + strconv.Itoa(i)
			}
			stack = stack[:len(stack)-1]
		}
	}
	if len(stack) > 0 {
		return "an unclosed " + string(stack[len(stack)-1])
	}
	return ""
}

// FuzzEscapeText: escaped text is read back by Typst's rule (a
// backslash and a character stand for the character) as the text itself,
// control characters and line breaks as spaces; no character Typst
// treats specially stands unescaped, and no backslash precedes white
// space or a letter (a line break, \u{…}).
func FuzzEscapeText(f *testing.F) {
	for _, s := range hostile {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		e := escapeText(s)
		var back strings.Builder
		rs := []rune(e)
		for i := 0; i < len(rs); i++ {
			r := rs[i]
			if r == '\\' {
				if i+1 == len(rs) || unicode.IsSpace(rs[i+1]) || unicode.IsLetter(rs[i+1]) || unicode.IsDigit(rs[i+1]) {
					t.Fatalf("escapeText(%q) = %q: a backslash before %q", s, e, rs[min(i+1, len(rs)-1)])
				}
				i++
				back.WriteRune(rs[i])
				continue
			}
			if r < 0x80 && (unicode.IsPunct(r) || unicode.IsSymbol(r)) {
				t.Fatalf("escapeText(%q) = %q: %q unescaped", s, e, r)
			}
			if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
				t.Fatalf("escapeText(%q) = %q: control character %q", s, e, r)
			}
			back.WriteRune(r)
		}
		want := strings.Map(func(r rune) rune {
			if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
				return ' '
			}
			return r
		}, s)
		if back.String() != want {
			t.Fatalf("escapeText(%q) reads back as %q", s, back.String())
		}
	})
}

// FuzzQuote: a string literal holds exactly the string, by Typst's
// escapes (\\ \" \n \r \t \u{…}), and no unescaped quote ends it early.
func FuzzQuote(f *testing.F) {
	for _, s := range hostile {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		q := quote(s)
		rs := []rune(q)
		if len(rs) < 2 || rs[0] != '"' || rs[len(rs)-1] != '"' {
			t.Fatalf("quote(%q) = %q", s, q)
		}
		var back strings.Builder
		for i := 1; i < len(rs)-1; i++ {
			r := rs[i]
			switch {
			case r == '"':
				t.Fatalf("quote(%q) = %q: an unescaped quote", s, q)
			case unicode.IsControl(r):
				t.Fatalf("quote(%q) = %q: a control character", s, q)
			case r != '\\':
				back.WriteRune(r)
				continue
			}
			i++
			switch rs[i] {
			case '\\', '"':
				back.WriteRune(rs[i])
			case 'n':
				back.WriteByte('\n')
			case 'r':
				back.WriteByte('\r')
			case 't':
				back.WriteByte('\t')
			case 'u':
				end := i + 2
				for end < len(rs) && rs[end] != '}' {
					end++
				}
				n, err := strconv.ParseInt(string(rs[i+2:end]), 16, 32)
				if rs[i+1] != '{' || err != nil {
					t.Fatalf("quote(%q) = %q: a bad \\u escape", s, q)
				}
				back.WriteRune(rune(n))
				i = end
			default:
				t.Fatalf("quote(%q) = %q: an unknown escape \\%c", s, q, rs[i])
			}
		}
		if back.String() != s {
			t.Fatalf("quote(%q) reads back as %q", s, back.String())
		}
	})
}

// FuzzMarkup: whatever the Markdown, the body's markup is valid UTF-8
// and every bracket it opens it closes, so that no text can end an
// element early or open one.
func FuzzMarkup(f *testing.F) {
	for _, s := range markdownSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if len(src) > 64<<10 {
			return
		}
		m := markupOf(src)
		if !utf8.ValidString(m) {
			t.Fatalf("markup of %q is not UTF-8", src)
		}
		if problem := balanced(m); problem != "" {
			t.Fatalf("markup of %q has %s:\n%s", src, problem, m)
		}
	})
}

// TestTypstReadsMarkup typesets every seed of the fuzz tests as a brief
// in one batch: Typst reads each body's markup without an error, and a
// seed's words are in its PDF.
func TestTypstReadsMarkup(t *testing.T) {
	seeds := markdownSeeds(t)
	var pubs []Publication
	for _, src := range seeds {
		doc, err := converter.Parse(markdown.Input{Source: []byte(src), Lang: "en", Path: "fuzz.md",
			Resolve: func(dest string) (string, error) { return "/en/" + dest, nil }}, &diag.List{})
		if err != nil {
			t.Fatal(err)
		}
		m := meta("en", "Fuzz", "/en/briefs/fuzz/")
		m.Image = func(string) ([]byte, bool) { return gradientPNG(4, 4), true }
		pubs = append(pubs, Brief{Meta: m, Kicker: "Brief", Body: Body{Root: doc.Root, Source: doc.Source, Path: "/en/x/"}})
	}
	eds, errs, err := typesetter(t).Typeset(pubs)
	if err != nil {
		t.Fatal(err)
	}
	for i, err := range errs {
		if err != nil {
			t.Errorf("Typst cannot read the markup of %q: %v\n%s", seeds[i], err, markupOf(seeds[i]))
		}
	}
	for i, src := range hostile[:4] {
		all := text(t, pdfFile(t, eds[i].PDF), 0, 0)
		for _, word := range []string{"#set page(fill: red)", "= Heading?", "// comment", "#{ panic() }"}[i : i+1] {
			if !strings.Contains(all, word) {
				t.Errorf("the PDF of %q lacks %q:\n%s", src, word, all)
			}
		}
	}
}

// FuzzTypst typesets arbitrary Markdown as a brief with Typst (one
// Node.js process per input, so run it with -fuzz for a while): Typst
// must read the markup without an error, whatever the text. Without
// Node.js it skips.
func FuzzTypst(f *testing.F) {
	for _, s := range hostile {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if len(src) > 16<<10 {
			return
		}
		doc, err := converter.Parse(markdown.Input{Source: []byte(src), Lang: "ru", Path: "fuzz.md",
			Resolve: func(dest string) (string, error) { return "/ru/" + dest, nil }}, &diag.List{})
		if err != nil {
			t.Fatal(err)
		}
		m := meta("ru", "Fuzz", "/ru/briefs/fuzz/")
		m.Image = func(string) ([]byte, bool) { return gradientPNG(4, 4), true }
		_, errs, err := typesetter(t).Typeset([]Publication{Brief{Meta: m, Kicker: "Brief", Body: Body{Root: doc.Root, Source: doc.Source, Path: "/ru/x/"}}})
		if err != nil {
			t.Fatal(err)
		}
		if errs[0] != nil {
			t.Fatalf("Typst cannot read the markup of %q: %v\n%s", src, errs[0], markupOf(src))
		}
	})
}
