package content

import (
	"bytes"
	"fmt"
	"io/fs"
	"time"
)

// Site is the loaded content: every page, typed and paired with its
// translation, and the lists the indexes are made from.
type Site struct {
	// Pages lists every page that is built, sorted by source path.
	Pages []*Page

	// Invalid lists the pages left out for errors in their front matter;
	// their bodies are still checked for broken links.
	Invalid []*Page

	Homes       map[Lang]*Page
	Sections    map[Lang]map[string]*Page // section home pages by section
	Plain       map[Lang][]*Page          // top-level pages: about, team, …
	CaseStudies map[Lang][]*CaseStudy     // by weight, then title
	Briefs      map[Lang][]*Brief         // newest first
	Chapters    map[Lang][]*ReportChapter // in reading order
	Events      map[Lang][]*Event         // newest first

	// Files are the content folder's other files (images, PDFs), by path
	// relative to the content folder.
	Files map[string]File

	// Latest is the newest date found in the content; entries without a
	// date of their own use it in feeds, so that output is reproducible.
	Latest time.Time

	bySource map[string]*Page   // every loaded page, drafts included
	unbuilt  map[string]unbuilt // page files not built, by twinKey
	byURL    map[string]*Page   // built pages by site path
	fsys     fs.FS              // the content folder, to read bodies again
	drafts   bool               // drafts are built
	typeset  func(Lang, string) string
}

// typesetPage sets the typography of a loaded page's title and summary
// (nil: a page that could not be loaded).
func (s *Site) typesetPage(p *Page) {
	if p == nil || s.typeset == nil {
		return
	}
	p.Title = s.typeset(p.Lang, p.Title)
	p.Summary = s.typeset(p.Lang, p.Summary)
}

// File is a file of the content folder that is not a page.
type File struct {
	Source string // relative to the content folder
	Size   int64
	// Type is the kind of content the file's first bytes show, as
	// net/http.DetectContentType names it ("application/pdf", "image/png").
	Type string
	// Width and Height are an image's size in pixels (0 for other files).
	Width, Height int
	// Bundle is the bundle folder the file belongs to ("briefs/01-x"), or "".
	Bundle string
}

// PageBySource returns the page loaded from a path relative to the content
// folder, drafts included.
func (s *Site) PageBySource(rel string) (*Page, bool) {
	p, ok := s.bySource[rel]
	return p, ok
}

// FileURLs returns the site paths where a content file is published: next
// to each language's page for a bundle's file, else at its own path.
func (s *Site) FileURLs(f File) []string {
	if f.Bundle == "" {
		return []string{"/" + f.Source}
	}
	var urls []string
	sub := f.Source[len(f.Bundle)+1:]
	for _, p := range s.bundlePages(f.Bundle) {
		urls = append(urls, p.URL()+sub)
	}
	return urls
}

// FileURL returns where a content file is published for a page in lang.
func (s *Site) FileURL(f File, lang Lang) string {
	if f.Bundle == "" {
		return "/" + f.Source
	}
	sub := f.Source[len(f.Bundle)+1:]
	pages := s.bundlePages(f.Bundle)
	for _, p := range pages {
		if p.Lang == lang {
			return p.URL() + sub
		}
	}
	if len(pages) > 0 {
		return pages[0].URL() + sub
	}
	return "/" + f.Source
}

func (s *Site) bundlePages(dir string) []*Page {
	var pages []*Page
	for _, lang := range Langs {
		if p, ok := s.bySource[dir+"/index."+string(lang)+".md"]; ok && s.built(p) {
			pages = append(pages, p)
		} else if p, ok := s.bySource[dir+"/index.md"]; ok && lang == English && s.built(p) {
			pages = append(pages, p)
		}
	}
	return pages
}

// built reports whether a loaded page is part of the output: drafts are
// left out unless the site was loaded with them.
func (s *Site) built(p *Page) bool { return !p.Draft || s.drafts }

// Built reports whether a loaded page is part of the output.
func (s *Site) Built(p *Page) bool { return s.built(p) }

// PlainPage returns the top-level page with the slug in lang ("about"),
// or nil.
func (s *Site) PlainPage(lang Lang, slug string) *Page {
	for _, p := range s.Plain[lang] {
		if p.Slug == slug {
			return p
		}
	}
	return nil
}

// Body returns a page's Markdown body, reading it again from the content
// folder when it was freed (a build frees each body once it is rendered).
// A file whose front matter changed since it was loaded is an error: the
// build must start again.
func (s *Site) Body(p *Page) ([]byte, error) {
	if p.Body != nil {
		return p.Body, nil
	}
	src, err := readPage(s.fsys, p.Source)
	if err != nil {
		return nil, fmt.Errorf("reading the file again: %w", err)
	}
	src = bytes.TrimPrefix(src, byteOrderMark)
	if !bytes.HasPrefix(src, []byte(p.head)) {
		return nil, fmt.Errorf("the file changed while the site was being built: build again")
	}
	return src[len(p.head):], nil
}
