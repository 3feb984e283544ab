package glossary

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"ndpc/generator/diag"
)

const testGlossary = `# The site's terms.
[[term]]
concept = "the study's report"
en = "report"
ru = "доклад"
avoid.en = ["final paper"]
avoid.ru = ["отчёт", "отчет об исследовании"]
allow.ru = ["статьи, отчёты"]

[[term]]
concept = "cross-innovation"
en = "cross-innovation"
ru = "кросс-инновации"
avoid.en = ["cross-sector innovation"]
avoid.ru = ["межотраслевые инновации"]

[[term]]
concept = "a focus group"
ru = "фокус-группа"
avoid.ru = ["фокусная группа"]
`

func load(t *testing.T, src string) (*Glossary, []string) {
	t.Helper()
	var problems diag.List
	g := Load([]byte(src), "i18n/glossary.toml", []string{"en", "ru"}, &problems)
	var msgs []string
	for _, p := range problems.Sorted() {
		msgs = append(msgs, p.String())
	}
	return g, msgs
}

// TestFind: every form of a word to avoid is found, in either spelling of
// ё, and nothing else.
func TestFind(t *testing.T) {
	g, problems := load(t, testGlossary)
	if len(problems) > 0 {
		t.Fatalf("problems: %q", problems)
	}
	for _, tc := range []struct {
		lang, text string
		want       []string // what is said, each
	}{
		{"ru", "Наш отчёт готов.", []string{"отчёт"}},
		{"ru", "Выводы отчёта, согласно отчётом… и в отчете", []string{"отчёта", "отчётом", "отчете"}},
		{"ru", "ОТЧЁТЫ и Отчетов", []string{"ОТЧЁТЫ", "Отчетов"}},
		{"ru", "отче\u0308та (ё as е and a combining diaeresis)", []string{"отче\u0308та"}},
		{"ru", "отчётливо видно; доклад, доклада, докладом", nil},
		{"ru", "отчёте об\nисследовании", []string{"отчёте"}}, // the shorter variant first, once
		{"ru", "Межотраслевых инноваций много, межотраслевые-инновации,\nмежотраслевые\n  инновации", []string{"Межотраслевых инноваций", "межотраслевые-инновации", "межотраслевые инновации"}},
		{"ru", "межотраслевые. Инновации", nil}, // not across a full stop
		{"ru", "Сайт проекта, статьи, отчеты: по адресу в строке. А отчёт — здесь.", []string{"отчёт"}},
		{"en", "The final papers and the final-paper draft; the report.", []string{"final papers", "final-paper"}},
		{"en", "Cross-sector innovations and cross sector innovation", []string{"Cross-sector innovations", "cross sector innovation"}},
		{"ru", "В фокусной группе, фокусных групп; фокусная-группа", []string{"фокусной группе", "фокусных групп", "фокусная-группа"}},
		{"ru", "фокус-группа, фокус группы", nil},
		{"en", "отчёт is not English", nil},
		{"ru", "final paper is not Russian", nil},
	} {
		t.Run(tc.text, func(t *testing.T) {
			var got []string
			for _, h := range g.Find(tc.text, tc.lang) {
				got = append(got, h.Said)
				if strings.Join(strings.Fields(tc.text[h.Start:h.End]), " ") != h.Said {
					t.Errorf("offsets %d:%d do not hold %q", h.Start, h.End, h.Said)
				}
			}
			if fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
	h := g.Find("в отчетах", "ru")
	if len(h) != 1 || g.Message(h[0]) != `"отчетах": use "доклад" for the study's report, not "отчёт" (i18n/glossary.toml:2)` {
		t.Errorf("message: %v", h)
	}
}

func TestMarkdown(t *testing.T) {
	g, _ := load(t, testGlossary)
	body := "## Об отчёте\n\n" +
		"Текст **отчёта** и [ссылка на отчёт](report/otchet.ru.md \"отчёт\").\n" +
		"`отчёт` в коде, <span>отчёт</span> в HTML, <https://example.org/отчёт>.\n\n" +
		"```\nотчёт\n```\n\n" +
		"| столбец | отчёт |\n|---|---|\n| отчёты | ![отчёт на фото](a.png) |\n\n" +
		"- пункт: межотраслевые\n  инновации[^1]\n\n" +
		"[^1]: Примечание об отчёте.\n"
	var got []string
	for _, u := range g.Markdown([]byte(body), "ru") {
		got = append(got, fmt.Sprintf("%d:%d %s", u.Line, u.Col, u.Said))
	}
	// The text between HTML tags is text; the link's title and address,
	// code, HTML and addresses are not.
	want := []string{"1:7 отчёте", "3:9 отчёта", "3:31 отчёт", "4:23 отчёт", "10:13 отчёт", "12:3 отчёты", "12:14 отчёт", "14:10 межотраслевые инновации", "17:21 отчёте"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestTOML(t *testing.T) {
	g, _ := load(t, testGlossary)
	src := "# отчёт in a comment\ntitle = \"Отчёт\"\n[report]\n\"отчёт\" = \"доклад\"\nlist = [\"a\", \"отчеты\"]\nescaped = \"\\u043e\\u0442\\u0447\\u0451\\u0442\"\nlong = \"\"\"\nПервая строка,\nвторая: отчётом.\"\"\"\n"
	var got []string
	for _, u := range g.TOML([]byte(src), "ru") {
		got = append(got, fmt.Sprintf("%d:%d %s", u.Line, u.Col, u.Said))
	}
	want := []string{"2:10 Отчёт", "5:15 отчеты", "6:11 отчёт", "9:9 отчётом"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestLoadMistakes: every mistake in the glossary is reported at its line
// and column, with the fix.
func TestLoadMistakes(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      []string
	}{
		{"syntax", "[[term]]\nconcept = \"report\nen = \"report\"\n",
			[]string{"i18n/glossary.toml:2:18: not valid TOML: basic strings cannot have new lines"}},
		{"unclosed list", "[[term]]\nconcept = \"c\"\nru = \"доклад\"\navoid.ru = [\"отчёт\"\n",
			[]string{"i18n/glossary.toml:4:20: not valid TOML: array is incomplete"}},
		{"outside an entry", "concept = \"report\"\n[[term]]\nconcept = \"c\"\n",
			[]string{"i18n/glossary.toml:1:1: concept is outside any entry: start each entry with a line [[term]]"}},
		{"a table", "[term]\nconcept = \"c\"\n",
			[]string{`i18n/glossary.toml:1:2: [term] is not a glossary entry: start each entry with [[term]], in two brackets, and write the words to avoid as avoid.ru = ["…"]`}},
		{"another list", "[[terms]]\nconcept = \"c\"\n",
			[]string{"i18n/glossary.toml:1:3: unknown list [[terms]]: the glossary is a list of [[term]] entries"}},
		{"unknown key", "[[term]]\nconcept = \"c\"\nde = \"Bericht\"\navoid_ru = [\"отчёт\"]\n",
			[]string{
				"i18n/glossary.toml:3:1: unknown key de: an entry has concept, en, ru, avoid.en, avoid.ru, allow.en and allow.ru",
				"i18n/glossary.toml:4:1: unknown key avoid_ru: an entry has concept, en, ru, avoid.en, avoid.ru, allow.en and allow.ru",
			}},
		{"no concept", "[[term]]\nru = \"доклад\"\n\n[[term]]\nconcept = \"  \"\n",
			[]string{
				`i18n/glossary.toml:1:1: this entry has no concept: add concept = "…", a few words that say what the term means`,
				`i18n/glossary.toml:4:1: this entry has no concept: add concept = "…", a few words that say what the term means`,
			}},
		{"wrong kinds", "[[term]]\nconcept = 2020\nru = [\"доклад\"]\navoid.ru = \"отчёт\"\nallow.ru = [\"а\", 1]\n",
			[]string{
				`i18n/glossary.toml:2:11: concept must be a text in quotes: concept = "…"`,
				`i18n/glossary.toml:3:7: ru must be a text in quotes: ru = "…"`,
				`i18n/glossary.toml:4:12: avoid.ru must be a list of texts in quotes: avoid.ru = ["…"]`,
				`i18n/glossary.toml:5:18: allow.ru must list texts in quotes: allow.ru = ["…", "…"]`,
			}},
		{"twice", "[[term]]\nconcept = \"c\"\nru = \"доклад\"\nru = \"отчёт\"\n",
			[]string{"i18n/glossary.toml:4:1: ru is given twice in this entry (first on line 3): keep one"}},
		{"twice, first of the wrong kind", "[[term]]\nconcept = \"c\"\nru = 1\n\nru = \"отчёт\"\n",
			[]string{
				`i18n/glossary.toml:3:6: ru must be a text in quotes: ru = "…"`,
				"i18n/glossary.toml:5:1: ru is given twice in this entry (first on line 3): keep one",
			}},
		{"words without a term", "[[term]]\nconcept = \"c\"\nen = \"report\"\navoid.ru = [\"отчёт\"]\n",
			[]string{`i18n/glossary.toml:4:1: avoid.ru lists words but the entry has no ru term to use instead: add ru = "…"`}},
		{"empty words", "[[term]]\nconcept = \"c\"\nru = \"—\"\nen = \"report\"\navoid.en = [\"\", \"paper\"]\n",
			[]string{
				"i18n/glossary.toml:3:6: ru has no word: write the term to use",
				`i18n/glossary.toml:5:13: "" has no word: remove it or write the word`,
			}},
		{"a form of the term", "[[term]]\nconcept = \"the report\"\nru = \"доклад\"\navoid.ru = [\"отчёт\", \"Доклады\"]\n",
			[]string{`i18n/glossary.toml:4:22: "Доклады" is a form of the term "доклад" itself: remove it from avoid.ru`}},
		{"listed twice", "[[term]]\nconcept = \"the report\"\nru = \"доклад\"\navoid.ru = [\"отчёт\"]\n\n[[term]]\nconcept = \"a brief\"\nru = \"записка\"\navoid.ru = [\"отчеты\", \"доклад\"]\n",
			[]string{
				`i18n/glossary.toml:9:13: "отчеты" is already a word to avoid for the report (line 1): list each word once`,
				`i18n/glossary.toml:9:23: "доклад" is the term to use for the report (line 1): it cannot also be a word to avoid`,
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, got := load(t, tc.src)
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

// TestLongText: a page of 200,000 words to avoid on one line, and as many
// in a front matter field, are each placed in one pass over the text, not
// one per word (which would take hours). The deadline only bounds a hang.
func TestLongText(t *testing.T) {
	g, _ := load(t, testGlossary)
	line := strings.Repeat("отчёт, статьи, отчёты ", 100_000)
	done := make(chan [3]int, 1)
	go func() {
		md := g.Markdown([]byte(line), "ru")
		field := "title: " + line
		in := g.Within([]byte(field), 0, len(field), line, "ru")
		toml := g.TOML([]byte("t = \""+line+"\"\n"), "ru")
		done <- [3]int{len(md), len(in), len(toml)}
	}()
	select {
	case n := <-done:
		if n != [3]int{100_000, 100_000, 100_000} {
			t.Errorf("found %v, want 100,000 in each (the allowed phrase left alone)", n)
		}
	case <-time.After(2 * time.Minute):
		t.Fatal("still placing the words after two minutes")
	}
}
