package generator

import "ndpc/generator/content"

// reportIssued returns the study's date in a language, from the date
// field of the report section's front matter (content/report/_index.LANG.md),
// or, where that page gives none, from its twin's; the zero Issued when
// neither does. The report's page and its PDF's cover show it.
func (b *builder) reportIssued(lang content.Lang) content.Issued {
	for _, l := range []content.Lang{lang, lang.Other()} {
		if p := b.site.Sections[l][content.SectionReport]; p != nil && !p.Issued.IsZero() {
			return p.Issued
		}
	}
	return content.Issued{}
}
