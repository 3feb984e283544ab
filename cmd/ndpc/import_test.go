package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// repoI18n is the repository's i18n folder, seen from this package.
const repoI18n = "../../i18n"

const exportHeader = "created_at,id,language,project,countries,sectors,cci,organisations,years,outcome,description,links,contact_name,contact_email,consent,form-name\n"

func TestImportCommand(t *testing.T) {
	dir := t.TempDir()
	contentDir := filepath.Join(dir, "content")
	os.Mkdir(contentDir, 0o777)
	csvPath := filepath.Join(dir, "export.csv")
	os.WriteFile(csvPath, []byte(exportHeader+
		`2021-03-01,1,en,Proto Factory,"Estonia, FI","digital, education",Design,BLRT Grupp; KOKO,2019-,impact,"A VR centre in Tallinn. It opened in 2019.","https://example.org/proto
https://example.org/news",Anna Example,anna@example.org,yes,case-study-submission
2021-03-02,2,ru,Фабрика изобретений,Эстония,digital,,,,ongoing,Центр в Таллине.,,Иван Петров,ivan@example.ru,yes,case-study-submission
2021-03-03,3,en,Atlantis,Atlantis,digital,,,,impact,Nowhere.,,Eve,eve@example.org,yes,case-study-submission
`), 0o666)

	var out, errOut bytes.Buffer
	code := importCommand([]string{csvPath, "--content", contentDir, "--i18n", repoI18n}, &out, &errOut)
	if code != 1 {
		t.Errorf("exit %d, want 1 (a row was refused)", code)
	}
	wantOut := filepath.Join(contentDir, "case-studies", "proto-factory.en.md") + "\n" +
		filepath.Join(contentDir, "case-studies", "fabrika-izobretenii.ru.md") + "\n"
	if out.String() != wantOut {
		t.Errorf("standard output:\n%s\nwant:\n%s", out.String(), wantOut)
	}
	wantErr := csvPath + `:5: unknown country "Atlantis": use the ISO code or the English or Russian name of a Northern Dimension country (DK, EE, FI, DE, IS, LV, LT, NO, PL, RU, SE)` + "\n" +
		"ndpc import: 2 draft case studies written, 1 row refused\n"
	if errOut.String() != wantErr {
		t.Errorf("standard error:\n%s\nwant:\n%s", errOut.String(), wantErr)
	}
	page, _ := os.ReadFile(filepath.Join(contentDir, "case-studies", "proto-factory.en.md"))
	for _, personal := range []string{"Anna", "anna@", "Иван", "ivan@"} {
		if strings.Contains(string(page), personal) {
			t.Errorf("the page holds %q:\n%s", personal, page)
		}
	}

	buildDrafts(t, dir)
	if _, err := os.Stat(filepath.Join(dir, "public", "ru", "case-studies", "fabrika-izobretenii", "index.html")); err != nil {
		t.Error(err)
	}

	// The same export again: new names, nothing overwritten.
	out.Reset()
	importCommand([]string{"--content", contentDir, "--i18n", repoI18n, csvPath}, &out, &errOut)
	if !strings.Contains(out.String(), "proto-factory-2.en.md") || !strings.Contains(out.String(), "fabrika-izobretenii-2.ru.md") {
		t.Errorf("second import wrote:\n%s", out.String())
	}
}

func TestImportCommandAllGood(t *testing.T) {
	dir := t.TempDir()
	csvPath := filepath.Join(dir, "export.csv")
	os.WriteFile(csvPath, []byte(exportHeader+"2021,1,,Lab,FI,social,,,,ongoing,Text.,,A,a@example.org,on,x\n"), 0o666)
	var out, errOut bytes.Buffer
	if code := importCommand([]string{"--content", dir, "--i18n", repoI18n, csvPath}, &out, &errOut); code != 0 {
		t.Errorf("exit %d: %s", code, errOut.String())
	}
	if out.String() != filepath.Join(dir, "case-studies", "lab.en.md")+"\n" {
		t.Errorf("printed %q", out.String())
	}
}

func TestImportCommandRefuses(t *testing.T) {
	dir := t.TempDir()
	noColumns := filepath.Join(dir, "wrong.csv")
	os.WriteFile(noColumns, []byte("name,email\nA,a@example.org\n"), 0o666)
	for _, c := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no file", nil, 2, "give one CSV file"},
		{"two files", []string{"a.csv", "b.csv"}, 2, "give one CSV file"},
		{"unknown flag", []string{"--force", "a.csv"}, 2, "unknown flag --force"},
		{"missing file", []string{"--content", dir, "--i18n", repoI18n, filepath.Join(dir, "none.csv")}, 1, "none.csv: no such file"},
		{"not the export", []string{"--content", dir, "--i18n", repoI18n, noColumns}, 1, noColumns + ":1: the header row has no column project, description, countries, sectors, outcome"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			if code := importCommand(c.args, &out, &errOut); code != c.code || !strings.Contains(errOut.String(), c.want) {
				t.Errorf("exit %d, want %d; standard error:\n%s\nwant it to contain %q", code, c.code, errOut.String(), c.want)
			}
		})
	}
	if entries, _ := os.ReadDir(filepath.Join(dir, "case-studies")); len(entries) > 0 {
		t.Errorf("%d files written", len(entries))
	}
}
