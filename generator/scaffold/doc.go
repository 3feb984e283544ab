// Package scaffold writes new pages into the content folder: ndpc new
// KIND SLUG writes a page and its translation, ready to be filled in.
//
// # What it writes
//
//	case-study  content/case-studies/SLUG.en.md and SLUG.ru.md
//	brief       content/briefs/SLUG/index.en.md and index.ru.md (a bundle:
//	            the PDF goes beside them)
//	event       content/events/SLUG.en.md and SLUG.ru.md
//	chapter     content/report/SLUG.en.md and SLUG.ru.md
//
// The section names (case-studies, briefs, events, report) name the kinds
// too. The files come from templates/KIND.LANG.md.tmpl. Their front matter
// lists every field of the section's schema (see package content), each
// after a comment that explains it and its allowed values, in the file's
// language. Required fields hold placeholder values that the schema
// accepts, so that ndpc build --drafts shows the new pages at once:
// countries [EE], sectors [digital], outcome ongoing; a brief's number is
// the highest number in the content folder plus one and its date today; an
// event starts today at 10:00 +03:00; a chapter's weight puts it after the
// last chapter. Optional fields are commented out, and every new page has
// draft: true. The body is a skeleton of ## headings.
//
// # Never overwriting
//
// New refuses, writing nothing, when the slug is not a valid page name
// (it suggests one) or when the page exists in any form: SLUG.en.md,
// SLUG.ru.md, SLUG.md or a bundle folder SLUG/. Files are created with
// O_EXCL, so that a file that appears meanwhile is not overwritten either.
// ExistingPage, CreateFile and Slug serve the other commands that add
// pages (ndpc import) in the same way.
package scaffold
