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
// and drafts.

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
			missing := content.Langs[0]
			for _, l := range content.Langs {
				if l != p.Lang {
					missing = l
				}
			}
			name := b.locales[content.English].Text("language." + string(missing))
			if b.untranslated == nil {
				b.untranslated = map[content.Lang][]string{}
			}
			b.untranslated[missing] = append(b.untranslated[missing], p.Path)
			b.problems.Warnf(p.Path, 0, 0, "missing translation: there is no %s version of this page", strings.TrimPrefix(name, "the "))
		}
		if p.Draft {
			b.problems.Warnf(p.Path, p.FieldLine("draft"), 1, "draft: left out of the published site until draft: true is removed")
		}
		if cs, ok := p.Typed.(*content.CaseStudy); ok && cs.Image != "" && cs.ImageAlt == "" {
			b.problems.Errorf(p.Path, p.FieldLine("image"), 1, "the image has no image_alt: add image_alt with a short description of the picture for readers who cannot see it")
		}
	}
}
