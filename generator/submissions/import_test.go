package submissions

import (
	"flag"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"ndpc/generator/content"
	"ndpc/generator/diag"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// existingCaseStudy is in the content folder before the import.
const existingCaseStudy = "---\ntitle: PROTO Invention Factory\nsummary: A VR centre.\ncountries: [EE]\nsectors: [digital]\noutcome: impact\n---\n\nText.\n"

const trickyTitle = `=HYPERLINK("http://evil.example","click"): "new" <script>alert(1)</script> #tag`

// caseStudy is what a test expects of an imported page.
type caseStudy struct {
	Title, Summary     string
	Countries, Sectors []string
	Outcome, Years     string
	CCI, Organisations []string
	Website            string
	Draft              bool
}

func loaded(cs *content.CaseStudy) caseStudy {
	got := caseStudy{
		Title: cs.Title, Summary: cs.Summary, Outcome: string(cs.Outcome), Years: cs.Years,
		CCI: cs.CCI, Organisations: cs.Organisations, Website: cs.Website, Draft: cs.Draft,
	}
	for _, c := range cs.Countries {
		got.Countries = append(got.Countries, c.Code)
	}
	for _, s := range cs.Sectors {
		got.Sectors = append(got.Sectors, string(s))
	}
	return got
}

func importFixture(t *testing.T) (dir string, res Result) {
	t.Helper()
	dir = t.TempDir()
	os.MkdirAll(filepath.Join(dir, "case-studies"), 0o777)
	if err := os.WriteFile(filepath.Join(dir, "case-studies", "proto-invention-factory.en.md"), []byte(existingCaseStudy), 0o666); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open("testdata/submissions.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	res, err = Import(f, Options{I18n: repoI18n, Content: dir, Source: "testdata/submissions.csv"})
	if err != nil {
		t.Fatal(err)
	}
	return dir, res
}

func TestImport(t *testing.T) {
	dir, res := importFixture(t)

	wantWritten := []string{
		"case-studies/cross-border-design-lab.en.md",
		"case-studies/fabrika-izobretenii.ru.md",
		"case-studies/proto-invention-factory-2.en.md", // the name is taken by a page
		"case-studies/urban-garden.en.md",
		"case-studies/urban-garden-2.ru.md", // taken by the row before, in the other language
		"case-studies/hyperlink-http-evil-example-click-new-script-alert-1-script.en.md",
		"case-studies/proto-invention-factory-3.en.md",
	}
	var written []string
	for _, p := range res.Written {
		rel, _ := filepath.Rel(dir, p)
		written = append(written, filepath.ToSlash(rel))
	}
	if !slices.Equal(written, wantWritten) {
		t.Errorf("written:\n%s\nwant:\n%s", strings.Join(written, "\n"), strings.Join(wantWritten, "\n"))
	}
	var files []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			files = append(files, filepath.ToSlash(rel))
		}
		return nil
	})
	wantFiles := append([]string{"case-studies/proto-invention-factory.en.md"}, wantWritten...)
	slices.Sort(wantFiles)
	if !slices.Equal(files, wantFiles) {
		t.Errorf("files in the content folder:\n%s\nwant:\n%s", strings.Join(files, "\n"), strings.Join(wantFiles, "\n"))
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "case-studies", "proto-invention-factory.en.md")); string(b) != existingCaseStudy {
		t.Error("the existing case study was changed")
	}

	wantRefused := []Refusal{
		{8, `unknown country "Atlantis": use the ISO code or the English or Russian name of a Northern Dimension country (DK, EE, FI, DE, IS, LV, LT, NO, PL, RU, SE)`},
		{9, "the project name is empty"},
		{15, "no consent: the submitter did not agree to publication"},
		{16, `unknown language "de": the form sends en or ru; unknown outcome "great": use impact, ongoing, problems or discontinued`},
		{18, `unknown sector "culture": use digital, economic, environmental, social or education`},
	}
	if !slices.Equal(res.Refused, wantRefused) {
		t.Errorf("refused:\n%v\nwant:\n%v", res.Refused, wantRefused)
	}
}

func TestImportedPagesLoadBack(t *testing.T) {
	dir, _ := importFixture(t)
	problems := &diag.List{}
	site, err := content.Load(os.DirFS(dir), content.Options{Drafts: true, Prefix: "content"}, problems)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems.Sorted() {
		t.Errorf("problem: %s", p)
	}
	want := map[string]caseStudy{
		"case-studies/cross-border-design-lab.en.md": {
			Title:         "Cross-border Design Lab",
			Summary:       "Designers and engineers from Tallinn and Helsinki built prototypes together.",
			Countries:     []string{"EE", "FI"},
			Sectors:       []string{"digital", "education"},
			Outcome:       "impact",
			Years:         "2018–2021",
			CCI:           []string{"design", "visual-arts"},
			Organisations: []string{"Design Centre", "Tallinn University"},
			Website:       "https://example.org/lab",
			Draft:         true,
		},
		"case-studies/fabrika-izobretenii.ru.md": {
			Title:         "Фабрика изобретений",
			Summary:       "Центр виртуальной реальности для семей и школ в Таллине.",
			Countries:     []string{"EE", "FI"},
			Sectors:       []string{"digital"},
			Outcome:       "ongoing",
			Years:         "2019–",
			CCI:           []string{"дизайн", "медиа"},
			Organisations: []string{"BLRT Grupp", "KOKO architects"},
			Website:       "https://example.org/proto",
			Draft:         true,
		},
		"case-studies/proto-invention-factory-2.en.md": {
			Title: "PROTO Invention Factory", Summary: "Another virtual reality centre.",
			Countries: []string{"EE"}, Sectors: []string{"digital"}, Outcome: "impact", Draft: true,
		},
		"case-studies/urban-garden.en.md": {
			Title: "Urban Garden", Summary: "Neighbours grew vegetables on a roof in Riga.",
			Countries: []string{"LV"}, Sectors: []string{"environmental", "social"}, Outcome: "problems", Years: "2020", Draft: true,
		},
		"case-studies/urban-garden-2.ru.md": {
			Title: "Urban Garden", Summary: "Соседи выращивали овощи на крыше в Риге.",
			Countries: []string{"LV"}, Sectors: []string{"environmental", "social"}, Outcome: "problems", Years: "2020", Draft: true,
		},
		"case-studies/hyperlink-http-evil-example-click-new-script-alert-1-script.en.md": {
			Title:         trickyTitle,
			Summary:       "Line one: with a colon. --- title: injected --- <script>alert(1)</script>",
			Countries:     []string{"DE"},
			Sectors:       []string{"economic"},
			Outcome:       "discontinued",
			Organisations: []string{"Kultur: GmbH", `"Quoted" Org`},
			Draft:         true,
		},
		"case-studies/proto-invention-factory-3.en.md": {
			Title: "PROTO Invention Factory", Summary: "The same centre once more.",
			Countries: []string{"EE"}, Sectors: []string{"education"}, Outcome: "ongoing", Draft: true,
		},
	}
	for rel, w := range want {
		p, ok := site.PageBySource(rel)
		if !ok {
			t.Errorf("%s was not loaded", rel)
			continue
		}
		if got := loaded(p.Typed.(*content.CaseStudy)); !equal(got, w) {
			t.Errorf("%s:\n got %+v\nwant %+v", rel, got, w)
		}
	}
}

func equal(a, b caseStudy) bool {
	return a.Title == b.Title && a.Summary == b.Summary && a.Outcome == b.Outcome && a.Years == b.Years &&
		a.Website == b.Website && a.Draft == b.Draft && slices.Equal(a.Countries, b.Countries) &&
		slices.Equal(a.Sectors, b.Sectors) && slices.Equal(a.CCI, b.CCI) && slices.Equal(a.Organisations, b.Organisations)
}

// The submitter's contact details and what Netlify records about the
// request are written nowhere.
func TestImportWritesNoPersonalData(t *testing.T) {
	_, res := importFixture(t)
	for _, p := range res.Written {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, secret := range []string{"Sender", "Anna Example", "Иван Петров", "Дарья", "@example.org", "@example.ru", "192.0.2.", "Mozilla", "site.example", "2021-03-0"} {
			if strings.Contains(string(b), secret) {
				t.Errorf("%s contains %q", p, secret)
			}
		}
	}
}

// The whole of one imported page, as a golden file.
func TestImportedPageText(t *testing.T) {
	_, res := importFixture(t)
	for _, c := range []struct{ written, golden string }{
		{res.Written[0], "testdata/cross-border-design-lab.en.md"},
		{res.Written[1], "testdata/fabrika-izobretenii.ru.md"},
		{res.Written[5], "testdata/hyperlink.en.md"},
	} {
		got, err := os.ReadFile(c.written)
		if err != nil {
			t.Fatal(err)
		}
		if *update {
			os.WriteFile(c.golden, got, 0o666)
		}
		want, err := os.ReadFile(c.golden)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != string(want) {
			t.Errorf("%s:\n%s\nwant (%s):\n%s", c.written, got, c.golden, want)
		}
	}
}

func TestImportRefusesUnreadableExports(t *testing.T) {
	header := "language,project,countries,sectors,outcome,description,consent\n"
	for _, c := range []struct{ name, csv, want string }{
		{"empty", "", "x.csv: the file is empty"},
		{"missing columns", "language,project,countries\nen,X,EE\n", "x.csv:1: the header row has no column description, sectors, outcome"},
		{"wrong number of fields", header + "en,X,EE,digital,impact,Text.,yes\nen,Y,EE\n", "x.csv:3:1: cannot read the file as CSV: wrong number of fields"},
		{"bare quote", header + "en,X \"Y\",EE,digital,impact,Text.,yes\n", "x.csv:2:6: cannot read the file as CSV: bare \" in non-quoted-field"},
		{"column twice", "project,description,countries,sectors,outcome,Project\n", `x.csv:1: the column "project" appears twice`},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			res, err := Import(strings.NewReader(c.csv), Options{I18n: repoI18n, Content: dir, Source: "x.csv"})
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error = %v, want one containing %q", err, c.want)
			}
			if len(res.Written) > 0 {
				t.Errorf("wrote %v", res.Written)
			}
			if entries, _ := os.ReadDir(filepath.Join(dir, "case-studies")); len(entries) > 0 {
				t.Errorf("the case studies folder holds %d files", len(entries))
			}
		})
	}
}

func TestImportNeedsContentFolder(t *testing.T) {
	_, err := Import(strings.NewReader("project\n"), Options{I18n: repoI18n, Content: filepath.Join(t.TempDir(), "content")})
	if err == nil || !strings.Contains(err.Error(), "there is no content folder") {
		t.Errorf("error = %v", err)
	}
}

// endless gives the same bytes again and again: an export without end.
type endless struct {
	text string
	at   int
}

func (e *endless) Read(b []byte) (int, error) {
	for i := range b {
		b[i] = e.text[e.at%len(e.text)]
		e.at++
	}
	return len(b), nil
}

// TestExportLimits: an export larger than a real one, or with more rows
// than one import takes, is refused as a whole with the line where the
// limit was crossed, having read no more than the limit; a cell larger
// than a real one refuses its row only.
func TestExportLimits(t *testing.T) {
	const header = "language,project,description,countries,sectors,outcome,consent\n"
	const good = "en,Project,\"A description.\nOn two lines.\",EE,digital,impact,yes\n"
	cases := []struct {
		name string
		r    io.Reader
		want string
	}{
		{"a file without end", io.MultiReader(strings.NewReader(header+good), &endless{text: "en,x,y,EE,digital,impact,yes\n"}),
			"x.csv:10003: the file has more than 10000 submissions, more than one import takes: import them in parts"},
		{"a cell without end", io.MultiReader(strings.NewReader(header+good+"en,Big,\""), &endless{text: "x"}),
			"x.csv:4: the file is larger than 16 MiB, more than an export of the form can be: is it the right file? Import the submissions in parts"},
		{"too many rows", strings.NewReader(header + strings.Repeat(good, MaxRows+1)),
			"x.csv:20002: the file has more than 10000 submissions, more than one import takes: import them in parts"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			res, err := Import(c.r, Options{I18n: repoI18n, Content: dir, Source: "x.csv"})
			if err == nil || err.Error() != c.want {
				t.Errorf("got %v, want %s", err, c.want)
			}
			if len(res.Written) > 0 {
				t.Errorf("wrote %v", res.Written)
			}
		})
	}

	big := header + good + "en,Big,\"" + strings.Repeat("x", MaxCellBytes+1) + "\",EE,digital,impact,yes\n" + good
	res, err := Import(strings.NewReader(big), Options{I18n: repoI18n, Content: t.TempDir(), Source: "x.csv"})
	if err != nil {
		t.Fatal(err)
	}
	want := []Refusal{{Line: 4, Reason: "the description is 64 KiB long, more than 64 KiB: shorten it in a copy of the export, or write the case study by hand"}}
	if len(res.Written) != 2 || !slices.Equal(res.Refused, want) {
		t.Errorf("wrote %v, refused %v; want 2 written, refused %v", res.Written, res.Refused, want)
	}
}
