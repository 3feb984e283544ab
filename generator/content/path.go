package content

import (
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"strings"
)

var slugPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// ValidSlug reports whether s can be a URL segment: lower-case ASCII
// letters and digits separated by single hyphens.
func ValidSlug(s string) bool { return slugPattern.MatchString(s) }

// suggestSlug turns a name into the nearest valid slug.
func suggestSlug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	if b.Len() == 0 {
		return "my-page"
	}
	return b.String()
}

// location says where a content file belongs.
type location struct {
	kind    Kind
	lang    Lang
	section string
	slug    string
	bundle  bool // SLUG/index.LANG.md
}

// Ignored reports whether a file or folder name in the content, static or
// templates folder is not part of the site, so that no build publishes it
// and the preview does not wait for it: hidden names (.git, .DS_Store),
// editors' temporary, swap and backup files (vim's file~, .file.swp and
// 4913, Emacs' #file#, JetBrains' file___jb_tmp___ and file___jb_old___,
// Kate's file.kate-swp, Chrome's file.crswap), files being written
// (.tmp, .part), and what a merge or patch leaves (.orig, .rej, .bak).
func Ignored(name string) bool {
	if strings.HasPrefix(name, ".") || strings.HasPrefix(name, "#") || strings.HasSuffix(name, "~") || name == "4913" {
		return true
	}
	for _, suffix := range []string{".swp", ".swx", ".swo", ".tmp", ".part", ".crswap", ".kate-swp",
		"___jb_tmp___", "___jb_old___", ".orig", ".rej", ".bak"} {
		if strings.HasSuffix(name, suffix) {
			return true
		}
	}
	return false
}

// locate maps a Markdown file's path (relative to the content folder) to
// its place in the site, or explains why it has none.
func locate(rel string) (location, error) {
	dir, file := path.Split(rel)
	dir = strings.TrimSuffix(dir, "/")
	name := strings.TrimSuffix(file, ".md")
	lang := English
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		l, ok := parseLang(name[i+1:])
		if !ok {
			return location{}, fmt.Errorf("unknown language %q in the file name: end the name with .en.md or .ru.md", name[i+1:])
		}
		lang, name = l, name[:i]
	}
	var parts []string
	if dir != "" {
		parts = strings.Split(dir, "/")
	}
	loc := location{lang: lang}
	switch {
	case name == "_index" && len(parts) == 0:
		loc.kind = KindHome
		return loc, nil
	case name == "_index" && len(parts) == 1:
		loc.kind, loc.section = KindSection, parts[0]
		if _, ok := sectionKinds[parts[0]]; !ok && !indexOnlySections[parts[0]] {
			return location{}, fmt.Errorf("unknown section %q: sections are %s", parts[0], sectionList())
		}
		return loc, nil
	case name == "index" && len(parts) >= 1:
		loc.bundle = true
		loc.slug = parts[len(parts)-1]
		parts = parts[:len(parts)-1]
	default:
		loc.slug = name
	}
	if !ValidSlug(loc.slug) {
		return location{}, fmt.Errorf("%q is not a valid page name: use lower-case letters, digits and hyphens, such as %q", loc.slug, suggestSlug(loc.slug))
	}
	switch len(parts) {
	case 0:
		loc.kind = KindPage
	case 1:
		kind, ok := sectionKinds[parts[0]]
		if !ok {
			return location{}, fmt.Errorf("unknown section %q: pages go in one of %s, or at the top of the content folder", parts[0], sectionList())
		}
		loc.kind, loc.section = kind, parts[0]
	default:
		return location{}, fmt.Errorf("the page is nested too deep: put it in a section folder (%s) or in a bundle folder SECTION/SLUG/index.%s.md", sectionList(), lang)
	}
	return loc, nil
}

func sectionList() string {
	return strings.Join([]string{SectionCaseStudies, SectionBriefs, SectionReport, SectionEvents}, ", ")
}

// dirOf returns the folder of a slash-separated path, "" at the top.
func dirOf(rel string) string {
	d := path.Dir(rel)
	if d == "." {
		return ""
	}
	return d
}

// ResolveRelative joins a relative reference written in a page (a link or
// a file name in the front matter) to the page's folder. It refuses
// absolute paths and references that lead out of the content folder.
func ResolveRelative(dir, ref string) (string, error) { return resolveRelative(dir, ref) }

func resolveRelative(dir, ref string) (string, error) {
	if dir != "" && !fs.ValidPath(dir) {
		return "", fmt.Errorf("the page's folder %q is not inside the content folder", dir)
	}
	if strings.HasPrefix(ref, "/") || strings.Contains(ref, "\\") || strings.Contains(ref, ":") {
		return "", fmt.Errorf("write the path relative to this page's folder, not as an absolute path")
	}
	joined := path.Join(dir, ref)
	if joined == ".." || strings.HasPrefix(joined, "../") {
		return "", fmt.Errorf("the path leads out of the content folder")
	}
	if joined == "." {
		joined = ""
	}
	return joined, nil
}
