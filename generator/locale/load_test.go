package locale

import (
	"strings"
	"testing"
	"testing/fstest"

	"ndpc/generator/diag"
)

// TestBadTableSaysHowToFix: a table that is not valid TOML is reported at
// the line and column of the mistake, with the mistake and how strings
// are written.
func TestBadTableSaysHowToFix(t *testing.T) {
	fsys := fstest.MapFS{
		"en.toml": {Data: []byte("[site]\ntitle = \"Cross-innovation\nin the Northern Dimension\"\n")},
	}
	problems := &diag.List{}
	Load(fsys, "i18n", []string{"en"}, problems)
	got := problems.Sorted()
	if len(got) != 1 || got[0].Path != "i18n/en.toml" || got[0].Line != 2 ||
		!strings.Contains(got[0].Message, "not valid TOML: ") || !strings.Contains(got[0].Message, `write each string as key = "text" on one line`) ||
		strings.Contains(got[0].Message, "toml: line") {
		t.Errorf("got %v", got)
	}
}
