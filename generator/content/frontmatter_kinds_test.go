package content

import (
	"strings"
	"testing"
	"testing/fstest"

	"ndpc/generator/diag"
)

// loadProblems loads src as the case study case-studies/x.en.md and
// returns its page (nil when it could not be read) and problems.
func loadProblems(t *testing.T, src string) (*Page, []string) {
	t.Helper()
	problems := &diag.List{}
	fsys := fstest.MapFS{"case-studies/x.en.md": {Data: []byte(src)}}
	p := loadPage(fsys, "case-studies/x.en.md", "x.en.md", nil, problems)
	var out []string
	for _, pr := range problems.Sorted() {
		out = append(out, strings.TrimPrefix(pr.String(), "x.en.md:"))
	}
	return p, out
}

// A case study's fields after the one under test, so that only the
// mistake under test is reported.
const (
	yamlRest = "summary: S.\ncountries: [EE]\nsectors: [digital]\noutcome: impact\n"
	tomlRest = "summary = \"S.\"\ncountries = [\"EE\"]\nsectors = [\"digital\"]\noutcome = \"impact\"\n"
)

// TestFrontMatterMistakeKinds checks each kind of front matter mistake,
// YAML and TOML, in several places: the position must be the mistake's
// own, the message must name the fix.
func TestFrontMatterMistakeKinds(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      string // line:col: and the start of the message
	}{
		// A comment after free text.
		{"comment after title", "---\ntitle: Brief #2 on crafts\n" + yamlRest + "---\n", `2:14: the text of "title" stops before this #`},
		{"comment after Russian title", "---\ntitle: Записка №2 #ремёсла\n" + yamlRest + "---\n", `2:19: the text of "title" stops before this #`},
		{"comment after an organisation", "---\ntitle: T\norganisations:\n  - Guild #2\n" + yamlRest + "---\n", `4:11: the text of "organisations" stops before this #`},
		{"comment after a folded summary", "---\ntitle: T\nsummary: one\n  two # c\ncountries: [EE]\nsectors: [digital]\noutcome: impact\n---\n", `4:7: the text of "summary" stops before this #`},
		{"comment after a title with CRLF", "---\r\ntitle: Brief #2\r\n" + strings.ReplaceAll(yamlRest, "\n", "\r\n") + "---\r\n", `2:14: the text of "title" stops before this #`},
		{"a title that is a comment", "---\ntitle: #1\n" + yamlRest + "---\n", `2:8: the value of "title" starts with #`},
		// Characters YAML reserves at the start of a value.
		{"alias", "---\ntitle: *Stars*\n" + yamlRest + "---\n", `2:8: the value of "title" starts with *`},
		{"anchor", "---\ntitle: &Co\n" + yamlRest + "---\n", `2:8: &Co is a YAML anchor`},
		{"tag", "---\ntitle: !News\n" + yamlRest + "---\n", `2:8: this value starts with !`},
		{"percent", "---\ntitle: T\nsummary: A rise of 100% in a year\ncountries: [EE]\nsectors: [digital]\noutcome: impact\nyears: %20\n---\n", `7:8: the value of "years" starts with %`},
		{"at sign", "---\ntitle: @home\n" + yamlRest + "---\n", `2:8: the value of "title" starts with @`},
		{"backquote", "---\ntitle: `x`\n" + yamlRest + "---\n", "2:8: the value of \"title\" starts with `"},
		{"anchor on a list", "---\ntitle: T\ncountries: &c [EE]\n" + strings.TrimPrefix(yamlRest, "summary: S.\ncountries: [EE]\n") + "summary: S.\n---\n", `3:12: &c is a YAML anchor`},
		{"alias of a list", "---\ntitle: T\ncountries: [EE]\nsectors: [digital]\nsummary: S.\noutcome: impact\ncci: *c\n---\n", `7:6: the value of "cci" starts with *`},
		// Colons.
		{"colon in a value", "---\ntitle: Part one: the method\n" + yamlRest + "---\n", `2:16: the value of "title" contains a colon followed by a space`},
		{"colon at the end of a value", "---\n" + yamlRest + "title: Note:\n---\n", `6:12: the value of "title" contains a colon`},
		{"colon in a list item", "---\ntitle: T\norganisations:\n  - Hamburg: Kreativ\n" + yamlRest + "---\n", `4:5: this item of "organisations" contains a colon followed by a space, which YAML takes for the start of a field: put the whole item in quotes, as in organisations: ["Hamburg: Kreativ"]`},
		{"colon in a flow list item", "---\ntitle: T\norganisations: [A, Hamburg: Kreativ]\n" + yamlRest + "---\n", `3:20: this item of "organisations" contains a colon`},
		{"no space after a colon", "---\ntitle: T\n" + strings.Replace(yamlRest, "outcome: impact", "outcome:impact", 1) + "---\n", `6:8: the colon after "outcome" needs a space after it`},
		// Indentation.
		{"field indented", "---\ntitle: T\nsummary: S.\ncountries: [EE]\n  sectors: [digital]\noutcome: impact\n---\n", `5:1: the field "sectors" is indented by two spaces more`},
		{"field indented after comments", "---\n# a\n# b\ntitle: T\n# c\n   summary: S.\n---\n", `6:1: the field "summary" is indented by three spaces more`},
		{"first field indented", "---\n# a\n  title: T\nsummary: S.\n---\n", `3:1: the field "title" is indented by two spaces more than the fields below it`},
		{"first field indented, then more fields", "---\n  title: T\n  summary: S.\ncountries: [EE]\nsectors: [digital]\noutcome: impact\n---\n", `2:1: the field "title" is indented by two spaces more than the fields below it`},
		{"a second document", "---\ntitle: T\n" + yamlRest + "...\nweight: 1\n---\n", `7:1: the line ... ends the front matter's YAML`},
		{"list item indented more", "---\ntitle: T\nsummary: S.\ncountries:\n  - FI\n   - EE\nsectors: [digital]\noutcome: impact\n---\n", `6:4: the items of a list must be indented alike: this item is indented by three spaces, the one on line 5 is indented by two spaces`},
		{"list item indented less", "---\ntitle: T\nsummary: S.\ncountries:\n  - FI\n - EE\nsectors: [digital]\noutcome: impact\n---\n", `6:2: the items of a list must be indented alike`},
		{"tab", "---\ntitle: T\n\tsummary: S.\n---\n", `3:1: this line is indented with a tab`},
		{"tab after spaces", "---\ntitle: T\n  \tsummary: S.\n---\n", `3:3: this line is indented with a tab`},
		// Quotes and brackets.
		{"unclosed double quote", "---\ntitle: \"T\n" + yamlRest + "---\n", `2:8: the quote " that starts the value of "title" is never closed`},
		{"unclosed single quote", "---\ntitle: T\nsummary: 'S.\ncountries: [EE]\n---\n", `3:10: the quote ' that starts the value of "summary" is never closed`},
		{"text after a closing quote", "---\ntitle: \"PROTO\" factory\n" + yamlRest + "---\n", `2:8: the value of "title" goes on after its closing quote`},
		{"unclosed bracket", "---\ntitle: T\nsummary: S.\ncountries: [EE, FI\nsectors: [digital]\noutcome: impact\n---\n", `4:12: the [ that starts the value of "countries" is never closed`},
		{"stray dash", "---\ntitle: T\n-\n" + yamlRest + "---\n", `3:1: this line starts with -`},
		{"list item under a field with a value", "---\ntitle: T\n- x\n" + yamlRest + "---\n", `3:1: this line starts with -`},
		// Fields twice.
		{"field twice", "---\ntitle: T\n" + yamlRest + "title: U\n---\n", `7:1: the field "title" is given twice (first on line 2)`},
		{"field twice in other capitals", "---\ntitle: T\n" + yamlRest + "TITLE: U\n---\n", `7:1: the field "title" is given twice, as TITLE here and as title on line 2`},
		{"field in capitals", "---\ntitle: T\n" + yamlRest + "Draft: true\n---\n", `7:1: warning: unknown field "Draft" is ignored: field names are written in lower case, draft`},
		// Booleans.
		{"yes", "---\ntitle: T\n" + yamlRest + "draft: yes\n---\n", `7:8: "draft" must be true or false, not "yes"`},
		{"On", "---\ntitle: T\n" + yamlRest + "draft: On\n---\n", `7:8: "draft" must be true or false, not "On"`},
		// TOML.
		{"TOML unquoted text", "+++\ntitle = Brief\n" + tomlRest + "+++\n", `2:9: text in TOML front matter must be in quotes: write title = "Brief"`},
		{"TOML unquoted Russian text", "+++\ntitle = \"Т\"\nsummary = Кратко\ncountries = [\"EE\"]\n+++\n", `3:11: text in TOML front matter must be in quotes`},
		{"TOML colon", "+++\ntitle: \"T\"\n" + tomlRest + "+++\n", `2:6: TOML front matter (between +++ lines) separates a field from its value with =, not a colon: write title = "T"`},
		{"TOML unclosed quote", "+++\ntitle = \"T\n" + tomlRest + "+++\n", `2:9: the quote " that starts the value of "title" is never closed`},
		{"TOML unclosed bracket", "+++\ntitle = \"T\"\ncountries = [\"EE\"\nsectors = [\"digital\"]\n+++\n", `3:13: the [ that starts the value of "countries" is never closed`},
		{"TOML missing comma", "+++\ntitle = \"T\"\ncountries = [\"EE\" \"FI\"]\n+++\n", `3:19: the items of a list are separated by commas`},
		{"TOML unquoted list items", "+++\ntitle = \"T\"\ncountries = [EE]\n+++\n", `3:14: each item of "countries" must be in quotes`},
		{"TOML True", "+++\ntitle = \"T\"\n" + tomlRest + "draft = True\n+++\n", `7:9: TOML writes true and false in lower case: write draft = true`},
		{"TOML yes", "+++\ntitle = \"T\"\n" + tomlRest + "draft = yes\n+++\n", `7:9: "draft" must be true or false, not yes`},
		{"TOML stray line", "+++\ntitle = \"T\"\n- EE\n+++\n", `3:1: this line is not a field`},
		{"TOML text after a value", "+++\ntitle = \"T\" x\n+++\n", `2:13: the value of "title" goes on after it ends`},
		{"TOML empty value", "+++\ntitle =\n+++\n", `2:8: the field "title" has no value`},
		{"TOML field twice in other capitals", "+++\ntitle = \"T\"\n" + tomlRest + "Title = \"U\"\n+++\n", `7:1: the field "title" is given twice, as Title here`},
		{"TOML not a list", "+++\ntitle = \"T\"\nsummary = \"S.\"\ncountries = \"EE\"\nsectors = [\"digital\"]\noutcome = \"impact\"\n+++\n", `4:13: "countries" must be a list: write it as countries = ["EE", "FI"]`},
		{"TOML missing field", "+++\ntitle = \"T\"\n" + strings.TrimPrefix(tomlRest, "summary = \"S.\"\n") + "+++\n", `1:1: the required field "summary" is missing: add a line such as summary = "One or two sentences that say what it is." to the front matter`},
		{"TOML yes in quotes", "+++\ntitle = \"T\"\n" + tomlRest + "draft = \"yes\"\n+++\n", `7:9: "draft" must be true or false, not "yes": write draft = true or draft = false`},
		{"TOML value position", "+++\ntitle = \"T\"\nsummary = \"S.\"\ncountries = [\"EE\", \"XX\"]\nsectors = [\"digital\"]\noutcome = \"impact\"\n+++\n", `4:20: unknown country "XX"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, got := loadProblems(t, tc.src)
			if len(got) != 1 || !strings.HasPrefix(got[0], tc.want) {
				t.Errorf("problems:\n%s\nwant one starting %s", strings.Join(got, "\n"), tc.want)
			}
		})
	}
}

// TestFrontMatterAsTyped checks that values YAML or TOML would turn into
// something else are published as typed, and that what is allowed stays
// allowed: comments on their own lines and after codes, quoted text with
// # and colons, true and false in any capitals.
func TestFrontMatterAsTyped(t *testing.T) {
	for _, tc := range []struct {
		name, src      string
		title, summary string
		draft          bool
	}{
		{"numbers", "---\ntitle: 2020\nsummary: 1.10\ncountries: [EE]\nsectors: [digital]\noutcome: impact\n---\n", "2020", "1.10", false},
		{"YAML 1.1 words", "---\ntitle: Yes\nsummary: off\ncountries: [EE]\nsectors: [digital]\noutcome: impact\n---\n", "Yes", "off", false},
		{"dates and hex", "---\ntitle: 2020-10-15\nsummary: 0x1F\ncountries: [EE]\nsectors: [digital]\noutcome: impact\n---\n", "2020-10-15", "0x1F", false},
		{"quoted", "---\ntitle: \"Brief #2 on crafts\"  # a comment after quotes\nsummary: 'Part one: the method'\ncountries: [EE]\nsectors: [digital]\noutcome: impact\n---\n", "Brief #2 on crafts", "Part one: the method", false},
		{"comments after codes", "---\n# own line\ntitle: T\nsummary: S.\ncountries: [EE]  # Estonia\nsectors: [digital]\noutcome: ongoing  # or impact\ndraft: True  # until May\n---\n", "T", "S.", true},
		{"empty codes with comments", "---\ntitle: T\nsummary: S.\ncountries: [EE]\nsectors: [digital]\noutcome: impact\nwebsite: # to come\ndate: ~\n---\n", "T", "S.", false},
		{"comment after a list of text", "---\ntitle: T\nsummary: S.\ncountries: [EE]\nsectors: [digital]\noutcome: impact\norganisations: [A, B]  # both in Tallinn\n---\n", "T", "S.", false},
		{"capitals", "---\ntitle: T\nsummary: S.\ncountries: [EE]\nsectors: [digital]\noutcome: impact\ndraft: tRUE\n---\n", "T", "S.", true},
		{"TOML numbers", "+++\ntitle = 2020\nsummary = 1.10\n" + strings.TrimPrefix(tomlRest, "summary = \"S.\"\n") + "+++\n", "2020", "1.10", false},
		{"TOML comments", "+++\ntitle = \"Brief #2\" # note\nsummary = 'Part one: the method'\ncountries = [\"EE\"]\nsectors = [\"digital\"]\noutcome = \"impact\"\ndraft = true\n+++\n", "Brief #2", "Part one: the method", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, problems := loadProblems(t, tc.src)
			if len(problems) > 0 || p == nil {
				t.Fatalf("problems: %s", strings.Join(problems, "\n"))
			}
			if p.Title != tc.title || p.Summary != tc.summary || p.Draft != tc.draft {
				t.Errorf("title %q, summary %q, draft %v; want %q, %q, %v", p.Title, p.Summary, p.Draft, tc.title, tc.summary, tc.draft)
			}
		})
	}
}
