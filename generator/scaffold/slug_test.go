package scaffold

import (
	"testing"

	"ndpc/generator/content"
)

func TestSlug(t *testing.T) {
	for name, want := range map[string]string{
		"Proto Factory":               "proto-factory",
		"PROTO Invention Factory":     "proto-invention-factory",
		"Фабрика изобретений":         "fabrika-izobretenii",
		"Щёлковская мастерская «Юла»": "shchelkovskaia-masterskaia-iula",
		"Объединённые художники":      "obedinennye-khudozhniki",
		"Cēsis Old Brewery":           "cesis-old-brewery",
		"Straße & Søholm, Łódź":       "strasse-soholm-lodz",
		"Children’s Museum":           "childrens-museum",
		`Brewery: "new" <script>`:     "brewery-new-script",
		"=HYPERLINK(\"http://x\")":    "hyperlink-http-x",
		"  --2020--  ":                "2020",
		"!!!":                         "",
		"東京":                          "",
		"a very long name that goes on and on and on past the sixty character limit": "a-very-long-name-that-goes-on-and-on-and-on-past-the-sixty",
	} {
		got := Slug(name)
		if got != want {
			t.Errorf("Slug(%q) = %q, want %q", name, got, want)
		}
		if got != "" && !content.ValidSlug(got) {
			t.Errorf("Slug(%q) = %q is not a valid slug", name, got)
		}
	}
}
