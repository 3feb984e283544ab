package markdown

import (
	"strings"
	"testing"
)

// Titles and summaries get the typography of the text and nothing else:
// Markdown's signs stay as typed.
func TestTypeset(t *testing.T) {
	const nb = "\u00a0"
	for _, tc := range []struct{ lang, in, want string }{
		{"ru", `"Фабрика изобретений "PROTO""`, "«Фабрика изобретений „PROTO“»"},
		{"ru", `Фабрика изобретений "PROTO"`, "Фабрика изобретений «PROTO»"},
		{"ru", "Проект в Риге -- центр...", "Проект в" + nb + "Риге" + nb + "– центр…"},
		{"en", `The "PROTO" factory`, "The “PROTO” factory"},
		{"en", `"The "PROTO" factory"`, "“The ‘PROTO’ factory”"},
		{"en", `It's the '90s`, "It’s the ’90s"},
		{"en", `a\*b \\ c \ d`, `a\*b \\ c \ d`},
		{"en", `# not *a* [heading](x) <b>x</b> &amp; 1. x`, `# not *a* [heading](x) <b>x</b> &amp; 1. x`},
		{"en", "- item", "- item"},
		{"en", "1. first", "1. first"},
		{"en", "> quote", "> quote"},
		{"en", "    indented  ", "    indented  "},
		{"en", "`code` a_b_c", "`code` a_b_c"},
		{"en", "<script>alert(1)</script>", "<script>alert(1)</script>"},
		{"ru", "строка\nв две", "строка\nв" + nb + "две"},
		{"ru", "Центр в Таллине — и в Риге", "Центр в" + nb + "Таллине" + nb + "— и" + nb + "в" + nb + "Риге"},
		{"ru", "  В Риге  и\tв Таллине ", "  В" + nb + "Риге  и\tв" + nb + "Таллине "},
		{"en", "", ""},
	} {
		if got := parseLine(tc.lang, tc.in); !strings.Contains(tc.in, "\n") && got != tc.want {
			t.Errorf("parseLine(%s, %q) = %q, want %q", tc.lang, tc.in, got, tc.want)
		}
		if got := Typeset(tc.lang, tc.in); got != tc.want {
			t.Errorf("Typeset(%s, %q) = %q, want %q", tc.lang, tc.in, strings.ReplaceAll(got, nb, "~"), strings.ReplaceAll(tc.want, nb, "~"))
		}
	}
}
