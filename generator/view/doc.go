// Package view holds the template data: what each page template of
// templates/ (and each partial) is executed with. Package generator makes
// these values from the content; the templates read their fields and
// methods, so a field renamed here is renamed in the templates too.
//
// Every page's data embeds Base, the layout's part: language, titles,
// addresses of the page and its translations, navigation. The rest is one
// type per page template (Home for home.html, CaseStudy for
// case-study.html, CaseStudyList for case-studies.html, Page for a plain
// page, …) and one per partial whose data is more than a page's field
// (CaseCard for "case-card", Matrix for "matrix", …).
package view
