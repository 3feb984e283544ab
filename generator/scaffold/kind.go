package scaffold

import "ndpc/generator/content"

// Kind is a kind of page that ndpc new writes.
type Kind struct {
	Name    string // case-study, brief, event, chapter: the template's name
	Section string // the content folder it goes in
	Bundle  bool   // written as SLUG/index.LANG.md
}

// Kinds lists the kinds of page ndpc new writes.
var Kinds = []Kind{
	{Name: "case-study", Section: content.SectionCaseStudies},
	{Name: "brief", Section: content.SectionBriefs, Bundle: true},
	{Name: "event", Section: content.SectionEvents},
	{Name: "chapter", Section: content.SectionReport},
}

// KindNamed finds a kind by its name or by its section's name.
func KindNamed(name string) (Kind, bool) {
	for _, k := range Kinds {
		if name == k.Name || name == k.Section {
			return k, true
		}
	}
	return Kind{}, false
}
