package tomlpos

import "testing"

func TestRead(t *testing.T) {
	pl := Read([]byte("base_url = \"x\"\n\n[privacy.en]\ncontroller = \"\"\nlimits.pages = 3\n\n[finder]\nfound = { one = \"a\", other = \"b\" }\n\n"))
	for key, want := range map[string]int{
		"base_url": 1, "privacy.en.controller": 4, "privacy.en.limits.pages": 5,
		"finder.found": 8, "finder.found.other": 8, "nowhere": 0,
	} {
		if got := pl.Keys[key]; got != want {
			t.Errorf("Keys[%q] = %d, want %d", key, got, want)
		}
	}
	if pl.At("privacy.en") != 3 || pl.At("finder.found") != 8 || pl.Last != 8 {
		t.Errorf("At(privacy.en) = %d, At(finder.found) = %d, Last = %d", pl.At("privacy.en"), pl.At("finder.found"), pl.Last)
	}
	if table, line := pl.Header("finder.found.one"); table != "finder.found" || line != 8 {
		t.Errorf("Header(finder.found.one) = %q, %d", table, line)
	}
	if table, line := pl.Header("privacy.ru.controller"); table != "" || line != 0 {
		t.Errorf("Header(privacy.ru.controller) = %q, %d; want none", table, line)
	}
	if len(pl.Order) != 2 || pl.Order[0] != "privacy.en" || pl.Order[1] != "finder" {
		t.Errorf("Order = %v", pl.Order)
	}
}
