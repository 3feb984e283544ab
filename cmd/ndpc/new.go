package main

import (
	"fmt"
	"io"
	"time"

	"ndpc/generator/scaffold"
)

const newUsage = `Usage: ndpc new [--content DIR] KIND SLUG

Writes a new page in English and Russian, with draft: true, ready to be
filled in. Every field of the section is listed with a comment; the optional
ones are commented out.

  case-study  content/case-studies/SLUG.en.md and SLUG.ru.md
  brief       content/briefs/SLUG/index.en.md and index.ru.md (the PDF goes
              beside them); the number is the next free one, the date today
  event       content/events/SLUG.en.md and SLUG.ru.md, starting today
  chapter     content/report/SLUG.en.md and SLUG.ru.md, after the last chapter

The section names case-studies, briefs, events and report work as KIND too.
SLUG is the page's address: lower-case letters, digits and hyphens, such as
proto-factory. A page that exists is never overwritten. See the new pages
with ndpc build --drafts.

Flags:
`

// newClock is the clock of ndpc new, for dates and times of new pages;
// tests set it.
var newClock = time.Now

func newCommand(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("ndpc new", newUsage, stdout, stderr)
	contentDir := fs.String("content", "content", "content `folder`")
	rest, code, ok := fs.parse(args)
	if !ok {
		return code
	}
	if len(rest) != 2 {
		fmt.Fprintf(stderr, "ndpc new: give a kind and a name, such as: ndpc new case-study proto-factory (see ndpc new --help)\n")
		return 2
	}
	kind, ok := scaffold.KindNamed(rest[0])
	if !ok {
		fmt.Fprintf(stderr, "ndpc new: unknown kind %q: use case-study, brief, event or chapter\n", rest[0])
		return 2
	}
	paths, err := scaffold.New(kind, rest[1], scaffold.Options{Content: *contentDir, Now: newClock})
	if err != nil {
		fmt.Fprintf(stderr, "ndpc new: %v\n", err)
		return 1
	}
	for _, p := range paths {
		fmt.Fprintln(stdout, p)
	}
	return 0
}
