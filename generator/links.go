package generator

import (
	"errors"
	"fmt"
	"path"
	"path/filepath"
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
			var unloaded *unloadedTarget
			if errors.As(err, &unloaded) {
				return unloaded.url + frag, nil
			}
			var fallback *markdown.Fallback
			if errors.As(err, &fallback) {
				fallback.URL += frag
			}
			if err != nil {
				return "", err // a *markdown.Fallback carries its own URL
			}
			if err := b.checkAnchor(q, dest, strings.TrimPrefix(frag, "#")); err != nil {
				return "", err
			}
			return q.URL() + frag, nil
		}
		if f, ok := b.site.Files[rel]; ok {
			return b.site.FileURL(f, p.Lang) + frag, nil
		}
		// A folder: its bundle page in this language.
		q, err := b.linkedPage(p, path.Join(rel, "index.md"), dest)
		var unloaded *unloadedTarget
		if errors.As(err, &unloaded) {
			return unloaded.url + frag, nil
		}
		if err == nil || isFallback(err) {
			if q == nil {
				return "", err
			}
			return q.URL() + frag, nil
		}
		return "", fmt.Errorf("broken link %q: there is no file %s; correct the path (it is relative to %s)", dest, path.Join(filepath.ToSlash(b.opts.Content), rel), path.Dir(p.Path))
	}
}

// linkedPage finds the page a link to a Markdown file means. A link to
// SLUG.md means the linking page's language; when that translation does
// not exist, the link leads to the other language's page, with a warning.
func (b *builder) linkedPage(from *content.Page, rel, dest string) (*content.Page, error) {
	stem := strings.TrimSuffix(rel, ".md")
	if hasLangSuffix(stem) {
		return b.publishedPage(rel, dest, from)
	}
	own := stem + "." + string(from.Lang) + ".md"
	candidates := []string{own, stem + ".en.md", rel, stem + ".ru.md"}
	for _, c := range candidates {
		if _, ok := b.site.PageBySource(c); !ok {
			continue
		}
		q, err := b.publishedPage(c, dest, from)
		if err != nil || q.Lang == from.Lang {
			return q, err
		}
		language := b.locales[content.English].Text("language." + string(from.Lang))
		return nil, &markdown.Fallback{URL: q.URL(), Message: fmt.Sprintf("link %q: there is no %s version of %s yet, so the link leads to %s", dest, language, stem, q.Path)}
	}
	for _, c := range candidates {
		if err := b.unbuiltTarget(c, dest); err != nil {
			return nil, err
		}
	}
	return nil, b.brokenLink(dest, own, from)
}

// unloadedTarget is the error of a link to a page file that exists but
// failed to load: its own errors are reported, and the link, which is
// right, is not reported as well.
type unloadedTarget struct{ url string }

func (u *unloadedTarget) Error() string { return "link to " + u.url + ", a page with errors" }

// unbuiltTarget returns, for a link to the page file rel that exists but
// is not built, why: an *unloadedTarget when the file failed to load, an
// error naming the draft when it is a draft left out; nil when rel is no
// such file.
func (b *builder) unbuiltTarget(rel, dest string) error {
	address, draft, ok := b.site.UnbuiltFile(rel)
	switch {
	case !ok:
		return nil
	case draft:
		return fmt.Errorf("link %q points to a draft (%s), which is not published: finish the draft or remove the link", dest, path.Join(filepath.ToSlash(b.opts.Content), rel))
	}
	return &unloadedTarget{url: address}
}

// publishedPage returns the page at rel if it is part of the output.
func (b *builder) publishedPage(rel, dest string, from *content.Page) (*content.Page, error) {
	q, ok := b.site.PageBySource(rel)
	if !ok {
		if err := b.unbuiltTarget(rel, dest); err != nil {
			return nil, err
		}
		return nil, b.brokenLink(dest, rel, from)
	}
	if !b.site.Built(q) {
		return nil, fmt.Errorf("link %q points to a draft (%s), which is not published: finish the draft or remove the link", dest, q.Path)
	}
	return q, nil
}

func (b *builder) brokenLink(dest, rel string, from *content.Page) error {
	return fmt.Errorf("broken link %q: there is no page %s; correct the path (it is relative to %s)", dest, path.Join(filepath.ToSlash(b.opts.Content), rel), path.Dir(from.Path))
}

func hasLangSuffix(stem string) bool {
	for _, l := range content.Langs {
		if strings.HasSuffix(stem, "."+string(l)) {
			return true
		}
	}
	return false
}

func isFallback(err error) bool {
	var f *markdown.Fallback
	return errors.As(err, &f)
}

// imageSize gives the size of an image that page p shows by a relative
// destination.
func (b *builder) imageSize(p *content.Page) func(string) (int, int) {
	return func(dest string) (int, int) {
		rel, err := content.ResolveRelative(path.Dir(p.Source), dest)
		if err != nil {
			return 0, 0
		}
		f := b.site.Files[rel]
		return f.Width, f.Height
	}
}
