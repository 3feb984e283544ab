package generator

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"sort"
	"strings"

	"ndpc/generator/content"
)

// The site paths of the open data files.
const (
	openDataJSONPath = "/data/case-studies.json"
	openDataCSVPath  = "/data/case-studies.csv"
)

// openCaseStudy is one case study in the open data files
// /data/case-studies.json and /data/case-studies.csv, with its texts in
// every language it is published in.
//
//	slug           the case study's address: /LANG/case-studies/SLUG/
//	title          the title, by language (en, ru)
//	summary        the one- or two-sentence summary, by language
//	countries      ISO 3166-1 alpha-2 codes of the countries
//	sectors        digital, economic, environmental, social, education
//	outcome        impact, ongoing, problems or discontinued
//	years          the years it ran, as written ("2016–2022")
//	cci            creative fields (design, music, …)
//	organisations  the organisations involved, by language
//	website        the project's own website
//	url            the case study's page, by language
type openCaseStudy struct {
	Slug          string              `json:"slug"`
	Title         map[string]string   `json:"title"`
	Summary       map[string]string   `json:"summary"`
	Countries     []string            `json:"countries"`
	Sectors       []string            `json:"sectors"`
	Outcome       string              `json:"outcome"`
	Years         string              `json:"years"`
	CCI           []string            `json:"cci"`
	Organisations map[string][]string `json:"organisations"`
	Website       string              `json:"website"`
	URL           map[string]string   `json:"url"`
}

// openData gathers every published case study, paired across languages,
// sorted by slug.
func (b *builder) openData() []openCaseStudy {
	bySlug := map[string]*openCaseStudy{}
	var slugs []string
	for _, lang := range content.Langs {
		l := string(lang)
		for _, cs := range b.site.CaseStudies[lang] {
			o, ok := bySlug[cs.Slug]
			if !ok {
				o = &openCaseStudy{Slug: cs.Slug, Title: map[string]string{}, Summary: map[string]string{},
					Organisations: map[string][]string{}, URL: map[string]string{},
					Countries: []string{}, Sectors: []string{}, CCI: []string{}}
				for _, c := range cs.Countries {
					o.Countries = append(o.Countries, c.Code)
				}
				for _, s := range cs.Sectors {
					o.Sectors = append(o.Sectors, string(s))
				}
				o.Outcome, o.Years, o.Website = string(cs.Outcome), cs.Years, cs.Website
				o.CCI = append(o.CCI, cs.CCI...)
				bySlug[cs.Slug] = o
				slugs = append(slugs, cs.Slug)
			}
			o.Title[l], o.Summary[l] = cs.Title, cs.Summary
			o.Organisations[l] = append([]string{}, cs.Organisations...)
			o.URL[l] = b.baseURL + cs.URL()
		}
	}
	sort.Strings(slugs)
	out := make([]openCaseStudy, len(slugs))
	for i, s := range slugs {
		out[i] = *bySlug[s]
	}
	return out
}

// openDataJSON is /data/case-studies.json. Markup characters are escaped
// (\u003c), so the file is safe to embed anywhere.
func openDataJSON(records []openCaseStudy) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", " ")
	if err := enc.Encode(map[string]any{"case_studies": records}); err != nil {
		panic("generator: encoding open data: " + err.Error()) // plain strings and maps always encode
	}
	return buf.Bytes()
}

// openDataCSV is /data/case-studies.csv: one row per case study, lists
// joined with "; ", every cell safe from spreadsheet formulas. It follows
// RFC 4180 (CRLF line endings) and starts with a UTF-8 byte-order mark,
// without which Excel reads the file in the system's legacy encoding and
// shows the Russian text garbled.
func openDataCSV(records []openCaseStudy) []byte {
	var buf bytes.Buffer
	buf.WriteString("\ufeff")
	w := csv.NewWriter(&buf)
	w.UseCRLF = true
	header := []string{"slug"}
	for _, l := range content.Langs {
		header = append(header, "title_"+string(l), "summary_"+string(l))
	}
	header = append(header, "countries", "sectors", "outcome", "years", "cci")
	for _, l := range content.Langs {
		header = append(header, "organisations_"+string(l))
	}
	header = append(header, "website")
	for _, l := range content.Langs {
		header = append(header, "url_"+string(l))
	}
	_ = w.Write(header)
	for _, r := range records {
		row := []string{r.Slug}
		for _, l := range content.Langs {
			row = append(row, r.Title[string(l)], r.Summary[string(l)])
		}
		row = append(row, strings.Join(r.Countries, "; "), strings.Join(r.Sectors, "; "), r.Outcome, r.Years, strings.Join(r.CCI, "; "))
		for _, l := range content.Langs {
			row = append(row, strings.Join(r.Organisations[string(l)], "; "))
		}
		row = append(row, r.Website)
		for _, l := range content.Langs {
			row = append(row, r.URL[string(l)])
		}
		for i := range row {
			row[i] = formulaSafe(row[i])
		}
		_ = w.Write(row)
	}
	w.Flush()
	return buf.Bytes()
}

// formulaSafe keeps a spreadsheet from running a cell as a formula: a
// value that starts with =, +, -, @, a tab or a carriage return gets a
// leading apostrophe, which spreadsheets show as text.
func formulaSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
