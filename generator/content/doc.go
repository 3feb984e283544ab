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
//	report        title, weight (required); summary, draft
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
// RFC 3339 times with an offset.
//
// Every mistake is reported with the file, line and column of the field,
// and loading goes on so that one run lists them all. Unknown fields are
// warnings that suggest the closest known field.
package content
