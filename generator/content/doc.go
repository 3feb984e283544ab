// Package content loads the content tree into typed pages and validates
// them against the site's schema.
//
// # Files
//
// A page is SECTION/SLUG.LANG.md, or a bundle SECTION/SLUG/index.LANG.md with
// its images and PDFs beside it. LANG is en or ru; a file without one is
// English. Files with the same section and slug are translations of each
// other. _index.LANG.md is the home page of the site (at the top) or of a
// section. Top-level SLUG.LANG.md files are plain pages (about, team, …).
// Names starting with a dot and editor backups ending in ~ are ignored.
//
// # Front matter
//
// YAML between --- lines, or TOML between +++ lines, at the top of the file.
// Fields per section:
//
//	case-studies  title, summary, countries, sectors, outcome (required);
//	              date, years, cci, organisations, website, image, image_alt,
//	              draft, weight
//	briefs        title, number, date, summary (required); download, draft, weight
//	report        title, weight (required); summary, draft; the section's
//	              own _index page: date, the study's (issued.go)
//	events        title, start, summary (required); end, location, country,
//	              online, draft, weight
//	other pages   title (required); summary, draft, weight
//
// Every page may also list aliases: old addresses (/en/old-path/) that
// redirect to it.
//
// countries holds ISO 3166-1 alpha-2 codes of the 11 Northern Dimension
// countries (DK EE FI DE IS LV LT NO PL RU SE); sectors holds digital,
// economic, environmental, social, education; outcome is one of impact,
// ongoing, problems, discontinued. date is YYYY-MM-DD; start and end are
// RFC 3339 times with an offset, or days (YYYY-MM-DD), or for an event whose
// day is not certain its month (start: YYYY-MM, no end: eventmonth.go).
// years is a span of years, "2016–2022", "2019–" or "2019" (years.go).
//
// Values are read as typed: text fields keep numbers, dates and YAML 1.1
// words as written (title: 2020 is "2020", summary: 1.10 is "1.10"). What
// YAML would silently change is refused instead: a comment after unquoted
// text (it cuts the text at " #"), anchors, aliases and tags, "null" in a
// text field, nesting past eight levels, a field written twice in other
// capitals. draft and online take true or false in any capitals. Front
// matter holds at most 64 KiB.
//
// Every mistake is reported with the file, line and column of the mistake
// itself, syntax errors included (yaml.go and toml.go read, yamlsyntax.go
// and tomlsyntax.go explain), and loading goes on so that one run lists
// them all. Unknown fields are warnings that suggest the closest known
// field.
package content
