// Package corpus writes a synthetic content tree for benchmarks: n case
// studies in English and Russian, each with about 700 words of Markdown
// (headings, emphasis, links to other case studies, a list and a table),
// plus briefs with PDFs, report chapters, events and plain pages. The
// tree is the same for the same options.
package corpus

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
)

var (
	countries = []string{"DK", "EE", "FI", "DE", "IS", "LV", "LT", "NO", "PL", "RU", "SE"}
	sectors   = []string{"digital", "economic", "environmental", "social", "education"}
	outcomes  = []string{"impact", "ongoing", "problems", "discontinued"}
	fields    = []string{"design", "architecture", "music", "film", "games", "crafts", "museums", "media"}
	words     = map[string][]string{
		"en": strings.Fields(`culture creative industry innovation partnership region museum design digital platform community network city craft heritage education school youth audience festival artist company business cluster policy support funding programme research university lab sustainable circular material product service`),
		"ru": strings.Fields(`культура творческий индустрия инновации партнёрство регион музей дизайн цифровой платформа сообщество сеть город ремесло наследие образование школа молодёжь аудитория фестиваль художник компания бизнес кластер политика поддержка финансирование программа исследование университет лаборатория устойчивый циркулярный материал продукт услуга`),
	}
)

// Write writes the tree under dir/content and returns that folder: n case
// studies, and 4 briefs, each with its own PDF (download:).
func Write(dir string, n int, seed int64) (string, error) {
	return WriteTree(dir, Options{CaseStudies: n, Seed: seed})
}

// Options say what a tree holds.
type Options struct {
	CaseStudies int
	Seed        int64
	// Briefs is the number of policy briefs; 0 means 4.
	Briefs int
	// Typeset leaves download: out of the briefs and their PDFs out of
	// their bundles, so that the build typesets their PDFs.
	Typeset bool
}

// WriteTree writes the tree under dir/content and returns that folder.
func WriteTree(dir string, opts Options) (string, error) {
	n := opts.CaseStudies
	if opts.Briefs == 0 {
		opts.Briefs = 4
	}
	r := rand.New(rand.NewSource(opts.Seed))
	root := filepath.Join(dir, "content")
	slugs := make([]string, n)
	for i := range slugs {
		slugs[i] = fmt.Sprintf("case-%05d", i)
	}
	var files []file
	for _, slug := range slugs {
		cs, ss := pick(r, countries, 1+r.Intn(3)), pick(r, sectors, 1+r.Intn(2))
		cc, outcome, year := pick(r, fields, 1+r.Intn(2)), outcomes[r.Intn(len(outcomes))], 2010+r.Intn(11)
		for _, lang := range []string{"en", "ru"} {
			var b strings.Builder
			fmt.Fprintf(&b, "---\ntitle: %q\nsummary: %q\ndate: %d-%02d-%02d\n", sentence(r, lang, 4), sentence(r, lang, 18), year, 1+r.Intn(12), 1+r.Intn(28))
			fmt.Fprintf(&b, "countries: [%s]\nsectors: [%s]\ncci: [%s]\noutcome: %s\nyears: \"%d–%d\"\n---\n\n",
				strings.Join(cs, ", "), strings.Join(ss, ", "), strings.Join(cc, ", "), outcome, year, year+2)
			body(&b, r, lang, "", slugs)
			files = append(files, file{filepath.Join(root, "case-studies", slug+"."+lang+".md"), b.String()})
		}
	}
	for i := 1; i <= opts.Briefs; i++ {
		for _, lang := range []string{"en", "ru"} {
			pdf := fmt.Sprintf("brief-%d-%s.pdf", i, lang)
			var b strings.Builder
			fmt.Fprintf(&b, "---\ntitle: %q\nnumber: %d\ndate: %d-%02d-15\nsummary: %q\n", sentence(r, lang, 5), i, 2020+(5+i)/12, (5+i)%12+1, sentence(r, lang, 20))
			if !opts.Typeset {
				fmt.Fprintf(&b, "download: %s\n", pdf)
			}
			b.WriteString("---\n\n")
			body(&b, r, lang, "../../case-studies/", slugs)
			dir := filepath.Join(root, "briefs", fmt.Sprintf("%02d-brief", i))
			files = append(files, file{filepath.Join(dir, "index."+lang+".md"), b.String()})
			if !opts.Typeset {
				files = append(files, file{filepath.Join(dir, pdf), string(PDF(2))})
			}
		}
	}
	for i := 1; i <= 6; i++ {
		for _, lang := range []string{"en", "ru"} {
			var b strings.Builder
			fmt.Fprintf(&b, "---\ntitle: %q\nweight: %d\n---\n\n", sentence(r, lang, 3), i)
			body(&b, r, lang, "../case-studies/", slugs)
			files = append(files, file{filepath.Join(root, "report", fmt.Sprintf("chapter-%d.%s.md", i, lang)), b.String()})
		}
	}
	for i := 1; i <= 4; i++ {
		for _, lang := range []string{"en", "ru"} {
			var b strings.Builder
			fmt.Fprintf(&b, "---\ntitle: %q\nstart: 2020-%02d-02T11:00:00+03:00\nsummary: %q\n---\n\n", sentence(r, lang, 3), 6+i, sentence(r, lang, 12))
			body(&b, r, lang, "../case-studies/", slugs)
			files = append(files, file{filepath.Join(root, "events", fmt.Sprintf("event-%d.%s.md", i, lang)), b.String()})
		}
	}
	for _, page := range []string{"_index", "about", "team"} {
		for _, lang := range []string{"en", "ru"} {
			var b strings.Builder
			fmt.Fprintf(&b, "---\ntitle: %q\n---\n\n", sentence(r, lang, 3))
			body(&b, r, lang, "case-studies/", slugs)
			files = append(files, file{filepath.Join(root, page+"."+lang+".md"), b.String()})
		}
	}
	for _, f := range files {
		if err := os.MkdirAll(filepath.Dir(f.path), 0o755); err != nil {
			return "", err
		}
		if err := os.WriteFile(f.path, []byte(f.text), 0o644); err != nil {
			return "", err
		}
	}
	return root, nil
}

type file struct{ path, text string }

// PDF returns a minimal valid PDF of blank A4 pages, as an editor's own
// PDF of a brief stands in a tree.
func PDF(pages int) []byte {
	var b strings.Builder
	var offsets []int
	obj := func(body string) {
		offsets = append(offsets, b.Len())
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", len(offsets), body)
	}
	b.WriteString("%PDF-1.4\n")
	obj("<< /Type /Catalog /Pages 2 0 R >>")
	kids := make([]string, pages)
	for i := range kids {
		kids[i] = fmt.Sprintf("%d 0 R", 3+i)
	}
	obj(fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), pages))
	for range pages {
		obj("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>")
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(offsets)+1)
	for _, o := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(offsets)+1, xref)
	return []byte(b.String())
}

// body writes about 700 words with links to other case studies; rel leads
// from the page's folder to case-studies/.
func body(b *strings.Builder, r *rand.Rand, lang, rel string, slugs []string) {
	w := words[lang]
	for s := 0; s < 4; s++ {
		fmt.Fprintf(b, "## %s\n\n", sentence(r, lang, 3))
		for p := 0; p < 3; p++ {
			other := slugs[r.Intn(len(slugs))]
			fmt.Fprintf(b, "%s *%s* %s [%s](%s%s.%s.md) %s **%s**.\n\n", sentence(r, lang, 20), w[r.Intn(len(w))], sentence(r, lang, 15), w[r.Intn(len(w))], rel, other, lang, sentence(r, lang, 12), w[r.Intn(len(w))])
		}
		if s == 1 {
			for k := 0; k < 4; k++ {
				fmt.Fprintf(b, "- %s\n", sentence(r, lang, 8))
			}
			b.WriteString("\n| | 2019 | 2020 |\n|---|---:|---:|\n")
			for k := 0; k < 3; k++ {
				fmt.Fprintf(b, "| %s | %d | %d |\n", w[r.Intn(len(w))], r.Intn(500), r.Intn(500))
			}
			b.WriteString("\n")
		}
	}
}

func sentence(r *rand.Rand, lang string, n int) string {
	w := words[lang]
	parts := make([]string, n)
	for i := range parts {
		parts[i] = w[r.Intn(len(w))]
	}
	s := []rune(strings.Join(parts, " "))
	return strings.ToUpper(string(s[0])) + string(s[1:])
}

func pick(r *rand.Rand, from []string, k int) []string {
	out := make([]string, k)
	for i, j := range r.Perm(len(from))[:k] {
		out[i] = from[j]
	}
	return out
}
