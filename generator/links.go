package generator

import (
	"fmt"
	"path"
	"strings"

	"ndpc/generator/content"
	"ndpc/generator/markdown"
)

// linkResolver resolves the relative links of page p: a link to a
// Markdown file becomes that page's address (a link to SLUG.md without a
// language means p's language), a link to a folder means its bundle page,
// and a link to another file becomes the address where it is published.
func (b *builder) linkResolver(p *content.Page) markdown.LinkResolver {
	return func(dest string) (string, error) {
		target, frag, _ := strings.Cut(dest, "#")
		if frag != "" {
			frag = "#" + frag
		}
		target, _, _ = strings.Cut(target, "?")
		rel, err := content.ResolveRelative(path.Dir(p.Source), target)
		if err != nil {
			return "", fmt.Errorf("link %q: %v", dest, err)
		}
		if strings.HasSuffix(rel, ".md") {
			q, err := b.linkedPage(p, rel, dest)
			if err != nil {
				return "", err
			}
			return q.URL() + frag, nil
		}
		if f, ok := b.site.Files[rel]; ok {
			return b.site.FileURL(f, p.Lang) + frag, nil
		}
		// A folder: its bundle page in this language.
		if q, err := b.linkedPage(p, path.Join(rel, "index.md"), dest); err == nil {
			return q.URL() + frag, nil
		}
		return "", fmt.Errorf("broken link %q: there is no file %s in the content folder; correct the path (it is relative to %s)", dest, rel, path.Dir(p.Path))
	}
}

// linkedPage finds the page a link to a Markdown file means.
func (b *builder) linkedPage(from *content.Page, rel, dest string) (*content.Page, error) {
	candidates := []string{rel}
	stem := strings.TrimSuffix(rel, ".md")
	if !hasLangSuffix(stem) {
		// SLUG.md means the linking page's language; English files may
		// also have no suffix.
		candidates = []string{stem + "." + string(from.Lang) + ".md"}
		if from.Lang == content.English {
			candidates = append(candidates, rel)
		}
	}
	for _, c := range candidates {
		q, ok := b.site.PageBySource(c)
		if !ok {
			continue
		}
		if !b.site.Built(q) {
			return nil, fmt.Errorf("link %q points to a draft (%s), which is not published: finish the draft or remove the link", dest, q.Path)
		}
		return q, nil
	}
	return nil, fmt.Errorf("broken link %q: there is no page %s in the content folder; correct the path (it is relative to %s)", dest, candidates[0], path.Dir(from.Path))
}

func hasLangSuffix(stem string) bool {
	for _, l := range content.Langs {
		if strings.HasSuffix(stem, "."+string(l)) {
			return true
		}
	}
	return false
}
