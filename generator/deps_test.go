package generator

import (
	"slices"
	"testing"

	"ndpc/generator/diag"
)

// TestPlanNamesEveryOutputsInputs: the plan a build writes from lists
// every kind of output with what it is made from: a page with its own
// front matter, body and template, a copied file with its file, and a
// brief's PDF with the brief and its Typst templates.
func TestPlanNamesEveryOutputsInputs(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"content/_index.en.md":                "---\ntitle: Home\n---\nWelcome.\n",
		"content/_index.ru.md":                "---\ntitle: Главная\n---\nТекст.\n",
		"content/briefs/01-first/index.en.md": "---\ntitle: First\nnumber: 1\ndate: 2021-03-04\nsummary: A brief.\n---\nText.\n",
	})
	opts := siteOptions(t, dir)
	opts.PDF = true // planned, not typeset here
	problems := &diag.List{}
	b, err := load(opts, problems)
	if err != nil || problems.HasErrors() {
		t.Fatalf("%v %v", err, problems.Err())
	}
	b.editions = newEditions()
	plan := b.replan(nil, nil)
	brief := "content/briefs/01-first/index.en.md"
	for path, want := range map[string][]input{
		"/en/briefs/01-first/index.html": {{inFM, brief}, {inBody, brief}, {inTemplate, "brief.html"}},
		"/en/briefs/index.html":          {{inSection, "en/briefs"}, {inTemplate, "briefs.html"}},
		"/en/feed.xml":                   {inAllFM, inI18n},
		"/assets/css/style.css":          {{inFile, "static/assets/css/style.css"}},
		"/en/briefs/01-first/01-first-en.pdf": {{inFM, brief}, {inBody, brief}, {inTemplate, "print/brief.typ"},
			{inTemplate, "print/common.typ"}, inI18n, inSettings},
	} {
		got, ok := plan.inputs[path]
		if !ok {
			t.Errorf("the plan has no %s", path)
			continue
		}
		for _, in := range want {
			if !slices.Contains(got, in) {
				t.Errorf("%s is made from %v, without %v", path, got, in)
			}
		}
	}
	if len(plan.prints) != 1 || plan.prints[0].url != "/en/briefs/01-first/01-first-en.pdf" {
		t.Errorf("the print editions planned: %v", plan.prints)
	}
}
