package pdfcheck

import (
	"reflect"
	"testing"
)

// The rule by which the print editions' tests read a PDF's text: a soft
// hyphen at a line's end (Typst's hyphenation) joins the word again,
// every other line's end is a space, and a passage is found verbatim,
// where a line may also have ended after a dash or a hyphen of its own.
func TestJoinAndContains(t *testing.T) {
	raw := "Межсекторальное сотрудни\u00ad\nчество и cross-\nsectoral work\nin 2021–\n2024 – and then\f" +
		"Running head\nthe next page – with\nmore.\n"
	text := Join(raw)
	if want := "Межсекторальное сотрудничество и cross- sectoral work in 2021– 2024 – and then Running head the next page – with more."; text != want {
		t.Errorf("Join = %q, want %q", text, want)
	}
	for s, want := range map[string]bool{
		"Межсекторальное сотрудничество и cross-sectoral work": true,
		"in 2021–2024 – and then":                true,
		"the next page\u00a0– with more.":        true, // a no-break space is a space
		"сотрудни-чество":                        false,
		"сотрудни\u00adчество":                   false,
		"crosssectoral":                          false,
		"in 2021 – 2024":                         false, // a space the text does not have
		"cross-sectoral work in 2021–2024 – and": true,
	} {
		if got := Contains(text, s); got != want {
			t.Errorf("Contains(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestFormatCharacters(t *testing.T) {
	raw := "сотрудни\u00ad\nчество . . . \u20603\nsoft\u00adhyphen in a line, zero\u200bwidth\n"
	got := FormatCharacters(raw)
	if len(got) != 3 || got[0][:6] != "U+2060" || got[1][:6] != "U+00AD" || got[2][:6] != "U+200B" {
		t.Errorf("FormatCharacters = %q, want the word joiner, the soft hyphen inside a line and the zero-width space", got)
	}
}

func TestHardHyphensAtLineEnd(t *testing.T) {
	raw := "a 19th-\ncentury brewery, a hyphen\u00ad\nated word, a dash –\nand (pre-\nCOVID)\n"
	if got, want := HardHyphensAtLineEnd(raw), []string{"19th-century", "(pre-COVID)"}; !reflect.DeepEqual(got, want) {
		t.Errorf("HardHyphensAtLineEnd = %q, want %q", got, want)
	}
}
