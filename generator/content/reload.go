package content

import (
	"io/fs"
	"time"

	"ndpc/generator/diag"
)

// Change says what reloading one file changed, for a preview server that
// rebuilds only what depends on it.
type Change int

const (
	// Unchanged: the file reads as before.
	Unchanged Change = iota
	// BodyChanged: only the Markdown body changed; only the page itself
	// needs rendering again.
	BodyChanged
	// FieldsChanged: the front matter changed, but the page keeps its kind,
	// address, translation and draft state, and is still valid; the page
	// and the indexes it appears on need rendering again. The lists of the
	// site are sorted again.
	FieldsChanged
	// Structural: anything else (a new, removed or invalid page, a page
	// that becomes a draft); the whole site must be loaded again.
	Structural
)

// Reload reads the page at rel (relative to the content folder) again and
// updates the site in place where it can. It returns what changed and,
// for FieldsChanged, a copy of the page's typed value before the change
// (nil for home, section and plain pages).
// Problems in the file go to problems; a file with errors in its front
// matter is a Structural change. After reloading every changed file, call
// CheckTranslation for each FieldsChanged page.
func (s *Site) Reload(fsys fs.FS, rel string, problems *diag.List) (Change, TypedPage, error) {
	p, ok := s.bySource[rel]
	if !ok || p.Invalid || !s.built(p) {
		return Structural, nil, nil
	}
	src, err := readPage(fsys, rel)
	if err != nil {
		return Structural, nil, nil // removed, renamed, or to be reported by loading it again
	}
	_, body, bodyLine, head, err := splitFrontMatter(src)
	if err != nil {
		return Structural, nil, nil
	}
	if string(head) == p.head {
		if string(body) == string(p.Body) && bodyLine == p.BodyLine {
			return Unchanged, nil, nil
		}
		p.Body, p.BodyLine = body, bodyLine
		return BodyChanged, nil, nil
	}
	local := &diag.List{}
	q := loadPage(fsys, rel, p.Path, s.Files, local)
	s.typesetPage(q)
	for _, pr := range local.Sorted() {
		problems.Add(pr)
	}
	if q == nil || q.Invalid || q.Kind != p.Kind || q.Draft != p.Draft || q.URL() != p.URL() || local.HasErrors() {
		return Structural, nil, nil
	}
	if p.Kind == KindPage || p.Kind == KindHome || p.Kind == KindSection {
		if q.Title != p.Title { // titles of plain pages appear in the navigation
			return Structural, nil, nil
		}
	}
	before := snapshot(p)
	replace(p, q)
	s.Latest = time.Time{} // the newest date may have been this page's
	for _, q := range s.Pages {
		if q.Date.After(s.Latest) {
			s.Latest = q.Date
		}
	}
	s.sortLists()
	return FieldsChanged, before, nil
}

// snapshot copies a page's typed value, so that a caller can tell which
// indexes it was on; nil for a page without one.
func snapshot(p *Page) TypedPage {
	switch t := p.Typed.(type) {
	case *CaseStudy:
		c := *t
		return &c
	case *Brief:
		c := *t
		return &c
	case *ReportChapter:
		c := *t
		return &c
	case *Event:
		c := *t
		return &c
	}
	return nil
}

// replace puts q's fields into p, keeping p (and its typed value) at the
// same address, so that the site's lists stay valid.
func replace(p, q *Page) {
	translation, typed, revision := p.Translation, p.Typed, p.revision
	*p = *q
	p.Translation, p.revision = translation, revision+1
	switch t := typed.(type) {
	case *CaseStudy:
		*t = *q.Typed.(*CaseStudy)
		t.Page = p
	case *Brief:
		*t = *q.Typed.(*Brief)
		t.Page = p
	case *ReportChapter:
		prev, next := t.Prev, t.Next
		*t = *q.Typed.(*ReportChapter)
		t.Page, t.Prev, t.Next = p, prev, next
	case *Event:
		*t = *q.Typed.(*Event)
		t.Page = p
	}
	p.Typed = typed
}

// CheckTranslation reports a page that disagrees with its translation.
func (s *Site) CheckTranslation(p *Page, problems *diag.List) {
	if t := p.Translation; t != nil {
		s.checkTwins(p, t, problems)
	}
}
