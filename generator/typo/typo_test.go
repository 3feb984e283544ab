package typo

import (
	"strings"
	"testing"
	"unicode"
)

func TestText(t *testing.T) {
	const nb = NoBreakSpace
	for _, tc := range []struct{ lang, in, want string }{
		{"ru", "Кросс-инновации в Северном измерении", "Кросс-инновации в" + nb + "Северном измерении"},
		{"ru", "В Риге и Таллине", "В" + nb + "Риге и" + nb + "Таллине"},
		{"ru", "к школам, с детьми, у моря, о проекте, а я", "к" + nb + "школам, с" + nb + "детьми, у" + nb + "моря, о" + nb + "проекте, а" + nb + "я"},
		{"ru", "на сайте для всех из-за ветра", "на" + nb + "сайте для" + nb + "всех из-за" + nb + "ветра"},
		{"ru", "не только", "не" + nb + "только"},
		{"ru", "Это проект — центр", "Это проект" + nb + "— центр"},
		{"ru", "2019 – 2020", "2019" + nb + "– 2020"},
		{"ru", "в «Фабрике»", "в" + nb + "«Фабрике»"},
		{"ru", "кейс в", "кейс в"},                      // nothing follows: nothing to bind to
		{"ru", "в  два", "в  два"},                      // two spaces are left as typed
		{"ru", "5в доме", "5в доме"},                    // not a word
		{"ru", "вагон в депо", "вагон в" + nb + "депо"}, // «в» inside «вагон» is no word
		{"ru", "Навстречу", "Навстречу"},
		{"en", "a cat in a hat", "a cat in a hat"}, // English words stay free
		{"en", "the method – and the data", "the method" + nb + "– and the data"},
	} {
		if got := Text(tc.lang, tc.in); got != tc.want {
			t.Errorf("Text(%s, %q) = %q, want %q", tc.lang, tc.in, strings.ReplaceAll(got, nb, "~"), strings.ReplaceAll(tc.want, nb, "~"))
		}
	}
}

// A piece of a longer text knows what comes before and after it.
func TestSpacesAtTheEdges(t *testing.T) {
	if got := Spaces("ru", "в ", 0, 'Р'); len(got) != 1 || got[0] != len("в") {
		t.Errorf("a bound word at the end of a piece followed by more text: %v", got)
	}
	if got := Spaces("ru", "в ", 'о', 'Р'); len(got) != 0 {
		t.Errorf("«в» after a letter of the piece before is no word: %v", got)
	}
	if got := Spaces("ru", "слово ", 0, '—'); len(got) != 1 {
		t.Errorf("a space before a dash in the next piece: %v", got)
	}
}

func TestIsLetter(t *testing.T) {
	for r := rune(0); r < 0x600; r++ {
		if isLetter(r) != unicode.IsLetter(r) {
			t.Errorf("isLetter(%U) = %v", r, isLetter(r))
		}
	}
}
