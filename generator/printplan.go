package generator

import (
	"ndpc/generator/content"
)

// printJob is a planned print edition: a brief's PDF, or the report's in
// a language.
type printJob struct {
	url    string         // site path: /en/briefs/SLUG/SLUG-en.pdf
	brief  *content.Brief // nil for the report
	lang   content.Lang
	where  string  // the content file its problems name
	inputs []input // what it is made from (see deps.go)
}

// printJobs plans the PDFs the build typesets, none without Options.PDF:
// each brief in each of its languages unless its editors supply their own
// with download:, and the report in each language that has chapters. A
// brief whose bundle holds a file where its PDF would be written is
// reported to the run's problems and left out.
//
// A brief's PDF is made from the brief's front matter and body, the report's
// from its chapters' and the report section's (and the other language's
// section, whose date serves where this one's gives none), each with its
// Typst templates, the i18n tables and the settings. (The pictures they
// show are read with the content; the PDF cache keys on all of it.)
func (b *builder) printJobs() []printJob {
	if !b.opts.PDF {
		return nil
	}
	published := map[string]bool{}
	for _, f := range b.site.Files {
		for _, u := range b.site.FileURLs(f) {
			published[u] = true
		}
	}
	shared := []input{templateInput("print/common.typ"), inI18n, inSettings}
	var jobs []printJob
	for _, lang := range content.Langs {
		for _, br := range b.site.Briefs[lang] {
			if br.Download != "" {
				continue
			}
			url := briefPDF(br)
			if published[url] {
				b.problems.Errorf(br.Path, 0, 0, "the bundle has a file %s where the build writes the brief's PDF: name it in download: to offer it instead, or rename it", url[len(br.URL()):])
				continue
			}
			in := append(pageInputs(br.Page), templateInput("print/brief.typ"))
			jobs = append(jobs, printJob{url: url, brief: br, lang: lang, where: br.Path, inputs: append(in, shared...)})
		}
		chapters := b.site.Chapters[lang]
		if len(chapters) == 0 {
			continue
		}
		in := []input{sectionInput(lang, content.SectionReport), templateInput("print/report.typ")}
		if twin := b.site.Sections[lang.Other()][content.SectionReport]; twin != nil {
			in = append(in, fmInput(twin))
		}
		for _, ch := range chapters {
			in = append(in, bodyInput(ch.Page))
		}
		jobs = append(jobs, printJob{url: reportPDF(lang), lang: lang, where: chapters[0].Path, inputs: append(in, shared...)})
	}
	return jobs
}
