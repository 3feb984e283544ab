package submissions

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"ndpc/generator/content"
)

// repoI18n is the repository's i18n folder, seen from this package.
const repoI18n = "../../i18n"

// repoNames are the names of the repository's i18n tables.
func repoNames(t testing.TB) names {
	t.Helper()
	n, err := loadNames(repoI18n)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestNamesFromTables checks that every country, sector and outcome is
// found by its value and by its name in each table, in any letter case,
// as the site shows it.
func TestNamesFromTables(t *testing.T) {
	n := repoNames(t)
	for _, c := range content.Countries {
		for _, s := range []string{c.Code, strings.ToLower(c.Code)} {
			if got, ok := n.country(s); !ok || got != c.Code {
				t.Errorf("country(%q) = %q, %v; want %s", s, got, ok, c.Code)
			}
		}
	}
	for _, tc := range []struct{ name, code string }{
		{"Finland", "FI"}, {"FINLAND", "FI"}, {"финляндия", "FI"}, {"Эстония", "EE"}, {"Германия", "DE"},
		{"russian federation", "RU"}, {"Российская Федерация", "RU"},
	} {
		if got, ok := n.country(tc.name); !ok || got != tc.code {
			t.Errorf("country(%q) = %q, %v; want %s", tc.name, got, ok, tc.code)
		}
	}
	for _, tc := range []struct{ name, want string }{
		{"digital", "digital"}, {"Education", "education"}, {"Цифровая сфера", "digital"}, {"образование", "education"},
	} {
		if got, ok := n.sector(tc.name); !ok || string(got) != tc.want {
			t.Errorf("sector(%q) = %q, %v; want %s", tc.name, got, ok, tc.want)
		}
	}
	for _, tc := range []struct{ name, want string }{
		{"impact", "impact"}, {"Faced problems", "problems"}, {"Доказанный эффект", "impact"}, {"Proven impact", "impact"}, {"Прекращено", "discontinued"}, {"прекращён", "discontinued"},
	} {
		if got, ok := n.outcome(tc.name); !ok || string(got) != tc.want {
			t.Errorf("outcome(%q) = %q, %v; want %s", tc.name, got, ok, tc.want)
		}
	}
	for _, unknown := range []string{"Atlantis", "XX", "", "Finland, Sweden"} {
		if code, ok := n.country(unknown); ok {
			t.Errorf("country(%q) = %q, want none", unknown, code)
		}
	}
	if x, ok := n.sector("culture"); ok {
		t.Errorf("sector(culture) = %q, want none", x)
	}
}

// TestNamesFollowTables checks that the names are the tables' own: a
// country renamed in a table is found by its new name, and no longer by
// the old one.
func TestNamesFollowTables(t *testing.T) {
	dir := t.TempDir()
	for _, lang := range content.Langs {
		data, err := os.ReadFile(filepath.Join(repoI18n, string(lang)+".toml"))
		if err != nil {
			t.Fatal(err)
		}
		if lang == content.English {
			if !strings.Contains(string(data), "\nFI = \"Finland\"\n") {
				t.Fatal("i18n/en.toml names Finland otherwise: adapt the test")
			}
			data = []byte(strings.Replace(string(data), "\nFI = \"Finland\"\n", "\nFI = \"Suomi\"\n", 1))
		}
		if err := os.WriteFile(filepath.Join(dir, string(lang)+".toml"), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	n, err := loadNames(dir)
	if err != nil {
		t.Fatal(err)
	}
	if code, ok := n.country("suomi"); !ok || code != "FI" {
		t.Errorf("country(suomi) = %q, %v; want FI", code, ok)
	}
	if code, ok := n.country("Finland"); ok {
		t.Errorf("country(Finland) = %q after the table renamed it", code)
	}
}

// TestNamesNeedTables checks that an import without the i18n tables
// stops before writing anything, and says why.
func TestNamesNeedTables(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "content")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	_, err := Import(strings.NewReader("project,description,countries,sectors,outcome\n"), Options{Content: dir, I18n: filepath.Join(dir, "no-i18n"), Source: "x.csv"})
	if err == nil || !strings.Contains(err.Error(), "reading the i18n tables") {
		t.Errorf("import without tables: %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("the import wrote %d entries into the content folder", len(entries))
	}
}
