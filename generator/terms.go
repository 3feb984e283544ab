package generator

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"

	"ndpc/generator/content"
	"ndpc/generator/glossary"
	"ndpc/generator/parallel"
)

// glossaryFile is the glossary's name in the i18n folder.
const glossaryFile = "glossary.toml"

// checkTerms warns at every use, in the content and the interface strings,
// of a word the glossary says to avoid; a site without a glossary has no
// such check.
func (b *builder) checkTerms() {
	prefix := filepath.ToSlash(b.opts.I18n)
	data, err := os.ReadFile(filepath.Join(b.opts.I18n, glossaryFile))
	if errors.Is(err, fs.ErrNotExist) {
		return
	}
	name := path.Join(prefix, glossaryFile)
	if err != nil {
		b.problems.Errorf(name, 0, 0, "cannot read the glossary: %v", err)
		return
	}
	var langs []string
	for _, l := range content.Langs {
		langs = append(langs, string(l))
	}
	g := glossary.Load(data, name, langs, b.problems)
	pages := b.site.Pages
	parallel.Each(len(pages), func(i int) { b.checkPageTerms(g, pages[i]) })
	for _, lang := range langs {
		file := lang + ".toml"
		if src, err := os.ReadFile(filepath.Join(b.opts.I18n, file)); err == nil { // else the build says why
			for _, u := range g.TOML(src, lang) {
				b.problems.Warnf(path.Join(prefix, file), u.Line, u.Col, "%s", g.Message(u.Hit))
			}
		}
	}
}

// checkPageTerms checks the text of a page: the front matter's text fields
// and the Markdown.
func (b *builder) checkPageTerms(g *glossary.Glossary, p *content.Page) {
	lang := string(p.Lang)
	for _, u := range g.Markdown(p.Body, lang) {
		b.problems.Warnf(p.Path, p.BodyLine+u.Line, u.Col, "%s", g.Message(u.Hit))
	}
	src, err := os.ReadFile(filepath.Join(b.opts.Content, filepath.FromSlash(p.Source)))
	if err != nil {
		return // the page was read a moment ago; a file that went since is no mistake
	}
	end := glossary.Offset(src, p.BodyLine+1)
	for _, f := range textFields(p) {
		for _, v := range f.values {
			for _, u := range g.Within(src, glossary.Offset(src, p.FieldLine(f.name)), end, v, lang) {
				b.problems.Warnf(p.Path, u.Line, u.Col, "%s", g.Message(u.Hit))
			}
		}
	}
}

type textField struct {
	name   string
	values []string
}

// textFields lists the front matter fields of a page that readers read as
// text, with their values.
func textFields(p *content.Page) []textField {
	fs := []textField{{"title", []string{p.Title}}, {"summary", []string{p.Summary}}}
	switch t := p.Typed.(type) {
	case *content.CaseStudy:
		fs = append(fs, textField{"image_alt", []string{t.ImageAlt}}, textField{"organisations", t.Organisations}, textField{"cci", t.CCI})
	case *content.Event:
		fs = append(fs, textField{"location", []string{t.Location}})
	}
	return fs
}
