package submissions

// Fields are the names of the fields of the submission form
// (templates/page-submit.html), as Netlify lists them in the CSV export of
// the form's submissions:
//
//	language       en or ru: the language the form was filled in
//	project        the project's name
//	countries      ISO codes of the countries (several values)
//	sectors        sectors (several values)
//	cci            creative fields, free text
//	organisations  organisations, separated by semicolons
//	years          such as 2018–2021, or 2019– while it runs
//	outcome        impact, ongoing, problems or discontinued
//	description    what happened, free text
//	links          addresses, one per line
//	contact_name   the submitter's name (not published)
//	contact_email  the submitter's address (not published)
//	consent        yes
var Fields = []string{
	"language", "project", "countries", "sectors", "cci", "organisations", "years",
	"outcome", "description", "links", "contact_name", "contact_email", "consent",
}
