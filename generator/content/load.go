package content

import (
	"bytes"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"ndpc/generator/diag"
	"ndpc/generator/parallel"
)

// Options controls loading.
type Options struct {
	// Drafts keeps pages with draft: true.
	Drafts bool
	// Root is the content folder on disk, when fsys is one: symbolic links
	// in it are followed only to files inside it.
	Root string

	// Prefix is put before content paths in problems, so that they are
	// relative to the repository ("content").
	Prefix string

	// Typeset, when not nil, sets the typography of a title or summary
	// in the page's language (quotes, dashes, no-break spaces): what the
	// site shows wherever the text appears.
	Typeset func(lang Lang, s string) string
}

// Load reads every page and file of the content folder fsys, validates
// them, and pairs translations. Problems go to problems; the returned
// site holds every page that could be read, so that later stages can
// find more problems in one run.
func Load(fsys fs.FS, opts Options, problems *diag.List) (*Site, error) {
	site := &Site{
		Homes:       map[Lang]*Page{},
		Sections:    map[Lang]map[string]*Page{},
		Plain:       map[Lang][]*Page{},
		CaseStudies: map[Lang][]*CaseStudy{},
		Briefs:      map[Lang][]*Brief{},
		Chapters:    map[Lang][]*ReportChapter{},
		Events:      map[Lang][]*Event{},
		Files:       map[string]File{},
		bySource:    map[string]*Page{},
		byURL:       map[string]*Page{},
		drafts:      opts.Drafts,
		fsys:        fsys,
		typeset:     opts.Typeset,
	}
	display := func(rel string) string { return path.Join(opts.Prefix, rel) }

	var sources []string
	bundleDirs := map[string]bool{}
	err := fs.WalkDir(fsys, ".", func(rel string, d fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("reading the content folder: %w", err)
		}
		if rel != "." && Ignored(d.Name()) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if rel == "site.toml" { // the site settings, read by the generator
			return nil
		}
		if !Usable(opts.Root, rel, display(rel), d, problems) {
			return nil
		}
		if strings.HasSuffix(rel, ".md") {
			sources = append(sources, rel)
			if name := path.Base(rel); strings.HasPrefix(name, "index.") || name == "index.md" {
				bundleDirs[path.Dir(rel)] = true
			}
			return nil
		}
		f, err := describeFile(fsys, rel)
		if err != nil {
			problems.Errorf(display(rel), 0, 0, "cannot read the file: %v", err)
			return nil
		}
		if err := checkPicture(f); err != nil {
			problems.Errorf(display(rel), 0, 0, "%v", err) // kept in the site, so that pages that show it are not told it is missing
		}
		site.Files[rel] = f
		return nil
	})
	if err != nil {
		return nil, err
	}
	for rel, f := range site.Files {
		for dir := dirOf(rel); dir != ""; dir = dirOf(dir) {
			if bundleDirs[dir] {
				f.Bundle = dir
				site.Files[rel] = f
				break
			}
		}
	}

	pages := make([]*Page, len(sources))
	parallel.Each(len(sources), func(i int) {
		pages[i] = loadPage(fsys, sources[i], display(sources[i]), site.Files, problems)
		site.typesetPage(pages[i])
	})

	for i, p := range pages {
		if p == nil || p.Invalid || !site.built(p) {
			site.noteUnbuilt(sources[i], display(sources[i]), p)
		}
		if p != nil {
			site.add(p, problems)
		}
	}
	site.pairTranslations(problems)
	site.sortLists()
	return site, nil
}

// loadPage reads and decodes one Markdown file; nil when it cannot be
// placed in the site at all.
func loadPage(fsys fs.FS, rel, shown string, files map[string]File, problems *diag.List) (page *Page) {
	defer func() {
		if r := recover(); r != nil { // a bug of ours, not the editor's: say so, without a stack trace
			problems.Errorf(shown, 0, 0, "internal error while reading this file (%v): please report it with the file attached", r)
			page = nil
		}
	}()
	loc, err := locate(rel)
	if err != nil {
		problems.Errorf(shown, 0, 0, "%v", err)
		return nil
	}
	src, ok := readText(fsys, rel, shown, problems)
	if !ok {
		return nil
	}
	p := &Page{Kind: loc.kind, Lang: loc.lang, Section: loc.section, Slug: loc.slug, Source: rel, Path: shown}
	fields, body, bodyLine, head, err := splitFrontMatter(src)
	if err != nil {
		if pe, ok := err.(*positionError); ok {
			problems.Errorf(shown, pe.Line, pe.Col, "%s", pe.Msg)
		} else {
			problems.Errorf(shown, 1, 1, "%v", err)
		}
		return nil
	}
	p.Body, p.BodyLine, p.head = body, bodyLine, string(head)
	toml := bytes.HasPrefix(bytes.TrimSpace(head), []byte("+++"))
	d := newDecoder(shown, firstContentLine(src), toml, fields, problems)
	decodePage(p, d, files)
	return p
}

// add files a page into the site's lists, refusing a second page at the
// same address.
func (s *Site) add(p *Page, problems *diag.List) {
	s.bySource[p.Source] = p
	if p.Invalid {
		s.Invalid = append(s.Invalid, p)
		return
	}
	if !s.built(p) {
		return
	}
	if q, dup := s.byURL[p.URL()]; dup {
		first, second := q, p
		if second.Source < first.Source {
			first, second = second, first
		}
		problems.Errorf(second.Path, 0, 0, "this page has the same address %s as %s: rename or remove one of them", p.URL(), first.Path)
		return
	}
	s.byURL[p.URL()] = p
	s.Pages = append(s.Pages, p)
	switch p.Kind {
	case KindHome:
		s.Homes[p.Lang] = p
	case KindSection:
		if s.Sections[p.Lang] == nil {
			s.Sections[p.Lang] = map[string]*Page{}
		}
		s.Sections[p.Lang][p.Section] = p
	case KindPage:
		s.Plain[p.Lang] = append(s.Plain[p.Lang], p)
	case KindCaseStudy:
		s.CaseStudies[p.Lang] = append(s.CaseStudies[p.Lang], p.Typed.(*CaseStudy))
	case KindBrief:
		s.Briefs[p.Lang] = append(s.Briefs[p.Lang], p.Typed.(*Brief))
	case KindChapter:
		s.Chapters[p.Lang] = append(s.Chapters[p.Lang], p.Typed.(*ReportChapter))
	case KindEvent:
		s.Events[p.Lang] = append(s.Events[p.Lang], p.Typed.(*Event))
	}
	if p.Date.After(s.Latest) {
		s.Latest = p.Date
	}
}

// pairTranslations links each page to its twin in the other language and
// checks that twins agree on the facts that place them in the indexes.
func (s *Site) pairTranslations(problems *diag.List) {
	byKey := map[string]map[Lang]*Page{}
	for _, p := range s.Pages {
		k := p.TranslationKey()
		if byKey[k] == nil {
			byKey[k] = map[Lang]*Page{}
		}
		byKey[k][p.Lang] = p
	}
	for _, twins := range byKey {
		en, ru := twins[English], twins[Russian]
		if en == nil || ru == nil {
			continue
		}
		en.Translation, ru.Translation = ru, en
		s.checkTwins(en, ru, problems)
	}
}

// checkTwins reports a translation that disagrees with its twin on the
// facts that place a case study in the indexes. The problem is reported on
// the Russian file, naming the English one.
func (s *Site) checkTwins(p, q *Page, problems *diag.List) {
	en, ru := p, q
	if en.Lang != English {
		en, ru = q, p
	}
	checkIssuedTwins(en, ru, problems)
	a, ok1 := en.Typed.(*CaseStudy)
	b, ok2 := ru.Typed.(*CaseStudy)
	if !ok1 || !ok2 {
		return
	}
	check := func(key string, x, y []string) {
		if !sameSet(x, y) {
			problems.Errorf(ru.Path, ru.FieldLine(key), 1, "%s [%s] differ from the English version %s:%d [%s]: a translation must name the same %s",
				key, strings.Join(y, ", "), en.Path, en.FieldLine(key), strings.Join(x, ", "), key)
		}
	}
	check("countries", codes(a.Countries), codes(b.Countries))
	check("sectors", strs(a.Sectors), strs(b.Sectors))
	if a.Outcome != b.Outcome && a.Outcome != "" && b.Outcome != "" {
		problems.Errorf(ru.Path, ru.FieldLine("outcome"), 1, "outcome %s differs from the English version %s:%d (%s): a translation must have the same outcome",
			b.Outcome, en.Path, en.FieldLine("outcome"), a.Outcome)
	}
}

func codes(cs []Country) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.Code
	}
	return out
}

func strs[T ~string](v []T) []string {
	out := make([]string, len(v))
	for i, x := range v {
		out[i] = string(x)
	}
	return out
}

// sortLists puts every list in its reading order.
func (s *Site) sortLists() {
	sort.Slice(s.Pages, func(i, j int) bool { return s.Pages[i].Source < s.Pages[j].Source })
	for _, lang := range Langs {
		col := Collator(lang)
		var buf collate.Buffer
		cs := s.CaseStudies[lang]
		for _, c := range cs {
			if c.sortKey == nil {
				c.sortKey = append([]byte{}, col.KeyFromString(&buf, c.Title)...)
				buf.Reset()
			}
		}
		sort.SliceStable(cs, func(i, j int) bool {
			if cs[i].Weight != cs[j].Weight {
				return cs[i].Weight < cs[j].Weight
			}
			if c := bytes.Compare(cs[i].sortKey, cs[j].sortKey); c != 0 {
				return c < 0
			}
			return cs[i].Slug < cs[j].Slug
		})
		bs := s.Briefs[lang]
		sort.SliceStable(bs, func(i, j int) bool {
			if !bs[i].Date.Equal(bs[j].Date) {
				return bs[i].Date.After(bs[j].Date)
			}
			return bs[i].Number > bs[j].Number
		})
		ch := s.Chapters[lang]
		sort.SliceStable(ch, func(i, j int) bool {
			if ch[i].Weight != ch[j].Weight {
				return ch[i].Weight < ch[j].Weight
			}
			return ch[i].Slug < ch[j].Slug
		})
		for i, c := range ch {
			c.Prev, c.Next = nil, nil
			if i > 0 {
				c.Prev = ch[i-1]
			}
			if i+1 < len(ch) {
				c.Next = ch[i+1]
			}
		}
		ev := s.Events[lang]
		sort.SliceStable(ev, func(i, j int) bool { return ev[i].Before(ev[j]) })
		pl := s.Plain[lang]
		sort.SliceStable(pl, func(i, j int) bool {
			if pl[i].Weight != pl[j].Weight {
				return pl[i].Weight < pl[j].Weight
			}
			return pl[i].Slug < pl[j].Slug
		})
	}
}

// Collator returns a collator that sorts text the way readers of lang
// expect (Cyrillic in alphabet order, ё beside е).
func Collator(lang Lang) *collate.Collator {
	return collate.New(language.Make(string(lang)))
}
