// Package printed typesets the print editions: a PDF of a policy brief,
// and of the whole report, from the same Markdown as their web pages.
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
// A brief's PDF opens with its number and date, its title and summary,
// then its text, its notes, and its web address. The report's opens with a
// title page (publisher, the site's title, the report's title and summary,
// date, web address) and the contents, every chapter and its ## sections
// with their pages, each a link; each chapter starts a page, with its
// number, title and summary, and ends with its notes.
//
// # Typography
//
// A4, text column of 156 mm with margins of 27 mm, set ragged right (the
// layout does not hyphenate, so lines are never stretched and never run
// over the margin: a word longer than a line, such as a web address, is
// broken after a slash, dot or hyphen). Text in Noto Serif 10 pt on
// 5.1 mm, headings, running heads and table headers in Noto Sans: the
// fonts are in fonts/, under the SIL Open Font License (fonts/OFL.txt),
// reduced to Latin and Cyrillic, and each PDF embeds the subset of the
// glyphs it uses, with a map back to Unicode, so that text copied from
// the PDF, Russian included, is the text of the page. Colours are the
// site's.
//
//   - Headings (## and ###) stay with the text under them, and become
//     bookmarks; a paragraph leaves no single line at the foot or the
//     head of a page.
//   - Bulleted and numbered lists, nested, with their markers hanging in
//     the indent; block quotes with a rule; code on a tinted ground.
//   - Tables with a rule around each cell and the header row tinted,
//     repeated on every page the table continues on; the columns share
//     the width by how much text each holds, and keep the alignment
//     written in the Markdown.
//   - Links stay links: to the address written, and a link to another
//     page of the site goes to that page on the web (the site's address
//     and the page's path; a #heading of the same page, to the page).
//   - Footnotes: the number in the text links to the note, and the notes
//     come at the end of the brief or of the chapter, under "Notes".
//   - Pictures (PNG, JPEG, GIF, WebP) at 150 dpi, or scaled down to the
//     column's width; the title in ![alt](file "title") is the caption. A
//     picture that cannot be printed (SVG, or on another site) leaves its
//     description in brackets. HTML written in the Markdown is left out.
//   - Running heads from the second page (the publication left, the
//     chapter or brief right) and a footer with the publisher and the page
//     number of the total.
//   - Document information: title, author (the Northern Dimension
//     Partnership on Culture, in the document's language), subject (the
//     summary), language, and as creation date the brief's date or the
//     newest date of the content (1 January 2020 without any), so that
//     two builds of the same content write the same bytes.
//
// # Speed
//
// Typesetting a PDF takes a few tens of milliseconds. Cached keeps each
// edition in a folder under a hash of everything it is made from and of
// the program, so that a build typesets only what changed (ndpc build
// keeps them in .cache/pdf beside the output folder).
package printed
