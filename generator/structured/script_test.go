package structured

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestScriptEscapesMarkup: whatever an editor writes, the encoded
// description has no character that could end the script element or
// start markup, and reads back as written.
func TestScriptEscapesMarkup(t *testing.T) {
	for _, name := range []string{
		"</script><script>alert(1)</script>",
		"<!-- comment --> & <![CDATA[ x ]]>",
		"line\u2028paragraph\u2029end",
		"«ёлочки» „лапки“ — Ölüdeniz",
	} {
		js, err := Script(Event{Context: Context, Type: "Event", Name: name, StartDate: "2020-09-10", URL: "https://example.org/"})
		if err != nil {
			t.Fatal(err)
		}
		if strings.ContainsAny(string(js), "<>&\u2028\u2029") {
			t.Errorf("%q: markup characters left in %s", name, js)
		}
		var back Event
		if err := json.Unmarshal([]byte(js), &back); err != nil {
			t.Fatalf("%q: not valid JSON: %v\n%s", name, err, js)
		}
		if back.Name != name {
			t.Errorf("read back %q, want %q", back.Name, name)
		}
	}
}
