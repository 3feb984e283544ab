package glossary

import (
	"testing"

	"ndpc/generator/diag"
)

// FuzzLoad: no glossary, however broken, makes Load or the search panic,
// and every problem has a position inside the file.
func FuzzLoad(f *testing.F) {
	f.Add(testGlossary)
	f.Add("[[term]]\nconcept = \"c\"\nru = [1, {a = 2}]\navoid.ru = \"\"\"\nx\"\"\"\n[a.b]\n[[term]]\navoid = { ru = [\"x\"] }\n")
	f.Add("[[term]\nconcept = 'c\n")
	f.Fuzz(func(t *testing.T, src string) {
		var problems diag.List
		g := Load([]byte(src), "g.toml", []string{"en", "ru"}, &problems)
		lines := 1
		for _, c := range src {
			if c == '\n' {
				lines++
			}
		}
		for _, p := range problems.Sorted() {
			if p.Line < 0 || p.Line > lines {
				t.Errorf("%s: line outside the file (%d lines)", p, lines)
			}
		}
		g.Find(src, "ru")
		g.Markdown([]byte(src), "ru")
		g.TOML([]byte(src), "ru")
	})
}
