// Package submissions turns the submissions of the site's form into draft
// case studies: ndpc import FILE.csv reads the CSV export of the Netlify
// form case-study-submission and writes one page per submission.
//
// # The export
//
// The first row names the columns: the form's fields
// (Fields) and whatever Netlify adds (created_at, id,
// ip, user_agent, referrer, form-name, …), in any order; unknown columns
// are ignored. project, description, countries, sectors and outcome must
// be there. Fields with several values (countries, sectors) arrive joined
// with ", " in one cell. A file that cannot be read as CSV, or lacks a
// required column, is refused as a whole and nothing is written.
//
// # From a row to a page
//
// Each row becomes content/case-studies/SLUG.LANG.md, in the language it
// was submitted in, with draft: true:
//
//	language       LANG: en or ru; empty means en
//	project        title (spaces tidied); SLUG: the name in lower case,
//	               Cyrillic transliterated ("Фабрика изобретений" →
//	               fabrika-izobretenii), see scaffold.Slug
//	description    the page's text, as Markdown; summary: its first
//	               sentence, or its first 200 characters cut between words
//	countries      countries: ISO codes, or English or Russian names in any
//	               letter case ("Finland", "финляндия" → FI)
//	sectors        sectors: digital, economic, environmental, social,
//	               education, or their English or Russian names
//	outcome        outcome: impact, ongoing, problems, discontinued, or
//	               their English or Russian names
//	years          years, with a dash between years made an en dash
//	cci            cci: split at commas and semicolons, lower case, a
//	               hyphen for spaces ("Visual Arts" → visual-arts)
//	organisations  organisations: split at semicolons
//	links          website: the first http(s) address; every address is
//	               listed under "## Links" ("## Ссылки") after the text
//	contact_name,  never written anywhere: they are personal data, and the
//	contact_email  form promises not to publish them
//	consent        must be yes (or on, or true)
//
// The codes and values are the content schema's (package content); the
// names are the ones the site shows, from the i18n tables ([country],
// [sector] and [outcome] in i18n/en.toml and i18n/ru.toml, Options.I18n),
// with a few usual forms the tables do not use ("Russian Federation").
//
// The front matter is written with a YAML encoder, every text in double
// quotes, so that no project name can break it.
//
// # Never overwriting
//
// When a page SLUG exists in either language (or an earlier row took the
// name), the next free name SLUG-2, SLUG-3, … is used; files are created
// with O_EXCL and never replace anything.
//
// # Refused rows
//
// A row without a project name or description, with an unknown country,
// sector, outcome or language, or without consent is not written. Import
// reports it with its line in the file (the header is line 1; a row whose
// cells hold line breaks starts on the line given) and every reason, and
// writes the other rows.
package submissions
