package content

import "path"

// unbuilt is a page file that is not part of the output: one whose front
// matter could not be read (its errors are reported), or a draft left out.
type unbuilt struct {
	Path  string // as shown in problems
	Draft bool   // a draft left out; false: the file failed to load
}

// noteUnbuilt records the file rel, shown as shown, as a page of the site
// that is not built; p is the page when it could be loaded at all.
func (s *Site) noteUnbuilt(rel, shown string, p *Page) {
	loc, err := locate(rel)
	if err != nil {
		return
	}
	if s.unbuilt == nil {
		s.unbuilt = map[string]unbuilt{}
	}
	u := unbuilt{Path: shown, Draft: p != nil && !p.Invalid && p.Draft}
	s.unbuilt[twinKey(loc.section, loc.slug, loc.lang)] = u
}

func twinKey(section, slug string, lang Lang) string {
	return path.Join(section, slug) + "\x00" + string(lang)
}

// UnbuiltTwin returns the file of p's version in lang when that file
// exists but is not built: draft is false when the file failed to load
// (its own errors say why), true when it is a draft left out of the site.
// ok is false when there is no such file.
func (s *Site) UnbuiltTwin(p *Page, lang Lang) (file string, draft, ok bool) {
	u, ok := s.unbuilt[twinKey(p.Section, p.Slug, lang)]
	return u.Path, u.Draft, ok
}

// UnbuiltFile tells whether the page file rel (relative to the content
// folder, such as "case-studies/proto.ru.md") exists but is not built:
// draft is true for a draft left out of the site, false for a file that
// failed to load, whose own errors say why. address is where the page
// would be published. ok is false when no such file was found.
func (s *Site) UnbuiltFile(rel string) (address string, draft, ok bool) {
	loc, err := locate(rel)
	if err != nil {
		return "", false, false
	}
	u, ok := s.unbuilt[twinKey(loc.section, loc.slug, loc.lang)]
	if !ok {
		return "", false, false
	}
	return URLFor(loc.lang, loc.section, loc.slug), u.Draft, true
}
