package generator

import (
	"ndpc/generator/content"
	"ndpc/generator/locale"
	"ndpc/generator/view"
)

// studySettings are facts of the study as a whole that the pages count
// against, from the [study] table of site.toml:
//
//	[study]
//	case_studies = 121   # case studies the study documented (its deliverables)
//
// Zero means not set: the pages then count only what is published.
type studySettings struct {
	CaseStudies int `toml:"case_studies"`
}

// studyCount is the template function study: {{with study .Lang}}.
func (b *builder) studyCount(lang content.Lang) view.StudyCount {
	return view.StudyCount{Published: len(b.site.CaseStudies[lang]), Total: b.settings.Study.CaseStudies}
}

// checkStudy reports, at its line in site.toml, a study.case_studies that
// is negative or smaller than the case studies published in a language:
// a page would say "5 of the study's 4".
func (b *builder) checkStudy() {
	n := b.settings.Study.CaseStudies
	line := settingLine(b.settings.text, "study", "case_studies")
	if n < 0 {
		b.problems.Errorf(b.settings.file, line, 0, "study.case_studies is %d: write the number of case studies the study documented, or leave the line out", n)
		return
	}
	if n == 0 {
		return
	}
	for _, lang := range content.Langs {
		if published := len(b.site.CaseStudies[lang]); published > n {
			b.problems.Errorf(b.settings.file, line, 0, "study.case_studies is %d, but %s published (%s): the site would say \"%s\"; write the number of case studies the study documented",
				n, locale.Count(published, "case study is", "case studies are"), lang, b.locales[lang].Of("case_studies.of_study", published, n))
			return
		}
	}
}
