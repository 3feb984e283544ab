package main

import (
	"fmt"
	"io"
	"os"

	"ndpc/generator/locale"
	"ndpc/generator/submissions"
)

const importUsage = `Usage: ndpc import [--content DIR] FILE.csv

Turns the submissions of the site's form into draft case studies. FILE.csv
is the CSV export of the Netlify form case-study-submission. Each row becomes
content/case-studies/SLUG.LANG.md in the language it was sent in, with
draft: true; SLUG comes from the project's name, with -2, -3, … when the name
is taken. Existing pages are never overwritten. The submitter's name and
address are not written anywhere.

Rows that cannot become a case study (no name or description, an unknown
country, sector, outcome or language, no consent) are listed as FILE:LINE:
reason, and the command exits with 1 after writing the others.

Flags:
`

func importCommand(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("ndpc import", importUsage, stdout, stderr)
	contentDir := fs.String("content", "content", "content `folder`")
	i18nDir := fs.String("i18n", "i18n", "interface strings `folder`, whose names of the countries, sectors and outcomes the export may use")
	rest, code, ok := fs.parse(args)
	if !ok {
		return code
	}
	if len(rest) != 1 {
		fmt.Fprintf(stderr, "ndpc import: give one CSV file, the export of the form case-study-submission (see ndpc import --help)\n")
		return 2
	}
	name := rest[0]
	f, err := os.Open(name)
	if err != nil {
		fmt.Fprintf(stderr, "ndpc import: %v\n", err)
		return 1
	}
	defer f.Close()
	res, err := submissions.Import(f, submissions.Options{Content: *contentDir, I18n: *i18nDir, Source: name})
	for _, p := range res.Written {
		fmt.Fprintln(stdout, p)
	}
	if err != nil {
		fmt.Fprintf(stderr, "ndpc import: %v\n", err)
		return 1
	}
	for _, r := range res.Refused {
		fmt.Fprintf(stderr, "%s:%d: %s\n", name, r.Line, r.Reason)
	}
	fmt.Fprintf(stderr, "ndpc import: %s written, %s refused\n",
		locale.Count(len(res.Written), "draft case study", "draft case studies"), locale.Count(len(res.Refused), "row", "rows"))
	if len(res.Refused) > 0 {
		return 1
	}
	return 0
}
