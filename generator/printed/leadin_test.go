package printed

import (
	"fmt"
	"strings"
	"testing"
)

// TestLeadInKeptWithList: a paragraph that ends with a colon stays on the
// page of what it introduces, so that a picture floated to the top of a
// page never comes between them. The fixture brief is typeset with ever
// more text before it, so that its lead-in falls at every place of a
// page's foot.
func TestLeadInKeptWithList(t *testing.T) {
	var pubs []Publication
	for n := range 24 {
		b := fixtureBrief(t)
		b.Body = parseSource(t, "lead-in.ru.md", []byte(russianFiller(n)+readString(t, "testdata/lead-in.ru.md")), "ru", "/ru/briefs/01-first/")
		pubs = append(pubs, b)
	}
	for n, ed := range typeset(t, pubs...) {
		var lead, item, figure [2]int // page, line of the page
		for p := 1; p <= ed.Pages; p++ {
			for i, l := range strings.Split(poppler(t, ed.PDF, "pdftotext", "-enc", "UTF-8", "-layout", "-f", fmt.Sprint(p), "-l", fmt.Sprint(p)), "\n") {
				switch {
				case strings.Contains(l, "трем вопросам:"):
					lead = [2]int{p, i}
				case strings.Contains(l, "как работают связи"):
					item = [2]int{p, i}
				case strings.Contains(l, "Рисунок 2. Карта стран"):
					figure = [2]int{p, i}
				}
			}
		}
		if lead[0] == 0 || item[0] == 0 || figure[0] == 0 {
			t.Fatalf("filler %d: the lead-in, its list or the picture is missing", n)
		}
		if lead[0] != item[0] {
			t.Errorf("filler %d: the lead-in ends page %d, its list starts page %d", n, lead[0], item[0])
		}
		if figure[0] == item[0] && figure[1] > lead[1] && figure[1] < item[1] {
			t.Errorf("filler %d: the picture is set between the lead-in and its list on page %d", n, item[0])
		}
	}
}

// russianFiller is text that runs over a page, and longer by about half
// a line for each n.
func russianFiller(n int) string {
	var b strings.Builder
	for i := range 14 {
		fmt.Fprintf(&b, "Абзац %d. Исследование рассматривает кросс-инновации между культурными и креативными индустриями и пятью секторами в странах Северного измерения.\n\n", i+1)
	}
	b.WriteString(strings.Repeat("Встреча прошла онлайн. ", n) + "\n\n")
	return b.String()
}
