// Package printed makes the print editions: a PDF of a policy brief, and
// of the whole report, from the same Markdown as their web pages,
// typeset by Typst (https://typst.app).
//
// # What the build makes, and where
//
// ndpc build (package generator) makes, for every brief and each of its
// languages, /en/briefs/SLUG/SLUG-en.pdf (and -ru), and for each language
// with report chapters /en/report/report-en.pdf (and /ru/…-ru.pdf). The
// brief pages, the list of briefs and the report's contents page offer
// them in both languages with their size and number of pages.
//
// Editors who have a designed PDF of a brief put it in the brief's folder
// and name it in the front matter, download: policy-brief-1-en.pdf: that
// file is then offered in that language, with its pages counted
// (CountPages), and none is typeset. A file of the folder named as the one
// the build writes (SLUG-en.pdf) without download: is an error.
//
// # How
//
// A Brief or Report becomes a document (Publication): a main file that
// imports the edition's template from templates/print (brief.typ,
// report.typ, and common.typ, which they share), /meta.json with its
// title, language, labels and the like, and each page body as Typst
// markup (markup.go): Typst's own elements (heading, list, enum, table
// with table.header, figure with image and its alt text, footnote, link,
// quote, raw), the text escaped so that nothing written in Markdown is
// read as markup (escape.go). The templates give those elements their
// look with show and set rules: a designer changes the editions there,
// without Go.
//
// Typesetter.Typeset hands every document that is not in the cache to
// one Node.js process, which runs typeset.js with the npm package
// @myriaddreamin/typst-ts-node-compiler (Typst 0.14) and writes back each
// PDF. Every PDF is PDF/UA-1: tagged (headings, paragraphs, lists, tables
// with header cells, figures with their alternative text, links, the
// contents), with its title shown in a viewer's title bar and its
// language, which Typst also hyphenates by (English and Russian). The
// compiler writes one standard per PDF, and PDF/UA-1 is the one that
// makes the editions readable with a screen reader, so they are not also
// PDF/A.
//
// The fonts are those of fonts/ (Noto Serif and Noto Sans, SIL Open Font
// License), passed to Typst as data: no font of the machine is used, and
// each PDF embeds the subset of glyphs it uses. A character they lack
// would make Typst refuse the PDF: it prints as U+FFFD, and the caller is
// told where (Printables, Body.Unprintable). The creation date is the
// content's date (Meta.Date), never the build's, so that two builds of
// the same content write the same bytes.
//
// # Speed
//
// Typst needs about a third of a second to start and some tens of
// milliseconds per PDF. Typesetter keeps each PDF in its cache folder
// under a hash of everything Typst reads (the document, its pictures, the
// templates, the fonts, the compiler's version), so that a build typesets
// only what changed (ndpc build keeps them in .cache/pdf beside the output
// folder).
package printed
