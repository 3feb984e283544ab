package generator

import (
	"bytes"
	"fmt"
	"sort"
	"strings"

	"ndpc/generator/content"
	"ndpc/generator/diag"
	"ndpc/generator/markdown"
	"ndpc/generator/parallel"
)

// The checks that ndpc check makes beyond a build's: links to headings of
// other pages, images without a description, pages without a translation,
// and drafts, each checked as fully as a published page.

// collectHeadings converts every page once to learn the IDs of its
// headings, so that links to #anchors of other pages can be checked.
func (b *builder) collectHeadings() {
	pages := b.site.Pages
	ids := make([]map[string]bool, len(pages))
	parallel.Each(len(pages), func(i int) {
		var buf bytes.Buffer
		hs, _ := b.md.Convert(markdown.Input{Source: pages[i].Body, Lang: string(pages[i].Lang), Path: pages[i].Path}, &buf, &diag.List{})
		set := map[string]bool{}
		for _, h := range hs {
			set[h.ID] = true
		}
		ids[i] = set
	})
	b.headings = map[*content.Page]map[string]bool{}
	for i, p := range pages {
		b.headings[p] = ids[i]
	}
}

// checkAnchor reports a link to a heading that page q does not have. It
// checks only when the headings were collected (ndpc check).
func (b *builder) checkAnchor(q *content.Page, dest, frag string) error {
	if b.headings == nil || frag == "" {
		return nil
	}
	ids, ok := b.headings[q]
	if !ok || ids[frag] {
		return nil
	}
	known := make([]string, 0, len(ids))
	for id := range ids {
		known = append(known, "#"+id)
	}
	sort.Strings(known)
	list := "it has no headings"
	if len(known) > 0 {
		list = "its headings are " + strings.Join(known, ", ")
	}
	return fmt.Errorf("link %q: %s has no heading #%s; %s", dest, q.Path, frag, list)
}

// checkSite adds the warnings and errors of ndpc check that concern whole
// pages rather than what the build renders.
func (b *builder) checkSite() {
	for _, p := range b.site.Pages {
		if p.Translation == nil {
			b.checkTranslated(p)
		}
		if p.Draft {
			b.drafts = append(b.drafts, p.Path)
			b.problems.Warnf(p.Path, p.FieldLine("draft"), 1, "draft: left out of the published site until draft: true is removed")
		}
		if cs, ok := p.Typed.(*content.CaseStudy); ok && cs.Image != "" && cs.ImageAlt == "" {
			b.problems.Errorf(p.Path, p.FieldLine("image"), 1, "the image has no image_alt: add image_alt with a short description of the picture for readers who cannot see it")
		}
	}
}

// checkTranslated warns that page p, which has no translation, lacks one,
// unless its translation exists but failed to load: that file's own
// errors are reported, and it is still p's twin.
func (b *builder) checkTranslated(p *content.Page) {
	missing := p.Lang.Other()
	file, draft, exists := b.site.UnbuiltTwin(p, missing)
	if exists && !draft {
		return
	}
	name := b.locales[content.English].Text("language." + string(missing))
	name = strings.TrimPrefix(name, "the ")
	if b.untranslated == nil {
		b.untranslated = map[content.Lang][]string{}
	}
	b.untranslated[missing] = append(b.untranslated[missing], p.Path)
	if exists {
		b.problems.Warnf(p.Path, 0, 0, "missing translation: the %s version, %s, is a draft: it is published when draft: true is removed from it", name, file)
		return
	}
	b.problems.Warnf(p.Path, 0, 0, "missing translation: there is no %s version of this page", name)
}

// checkDrafts checks the site again with its drafts, as ndpc build
// --drafts would build it, and adds to problems what concerns the drafts'
// own files: their errors as warnings that say they are in a draft (a
// draft does not fail the check until it is published), their warnings
// as they are. It returns the drafts' files.
func checkDrafts(opts Options, problems *diag.List) ([]string, error) {
	opts.Drafts = true
	found := &diag.List{}
	b, err := load(opts, found)
	if err != nil {
		return nil, err
	}
	drafts := map[string]bool{}
	for _, p := range b.site.Pages {
		if p.Draft {
			drafts[p.Path] = true
		}
	}
	if len(drafts) == 0 {
		return nil, nil
	}
	b.collectHeadings()
	b.checkSite()
	b.run(discard{})
	known := map[diag.Problem]bool{}
	for _, p := range problems.Sorted() {
		known[p] = true
	}
	for _, p := range found.Sorted() {
		if !drafts[p.Path] || known[p] {
			continue
		}
		if p.Severity == diag.Error {
			p.Severity = diag.Warning
			p.Message = "in a draft: " + p.Message
		}
		problems.Add(p)
	}
	return b.drafts, nil
}
