package scaffold

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"text/template"
	"time"

	"ndpc/generator/content"
	"ndpc/generator/diag"
)

//go:embed templates/*.md.tmpl
var templateFiles embed.FS

var templates = template.Must(template.New("").Option("missingkey=error").ParseFS(templateFiles, "templates/*.md.tmpl"))

// Options say where New writes and what day it is.
type Options struct {
	Content string           // the content folder
	Now     func() time.Time // the clock for dates and times; time.Now when nil
}

// placeholders are the values a template fills in.
type placeholders struct {
	Slug   string
	Date   string // today, 2006-01-02
	Start  string // an event's start: today at 10:00 +03:00
	End    string // two hours later
	Number int    // a brief's number: the highest so far plus one
	Weight int    // a chapter's weight: the highest so far plus one
}

// eventZone is the offset new events start in: Riga and Helsinki in
// summer, Moscow all year.
var eventZone = time.FixedZone("+03:00", 3*60*60)

// New writes a new page of kind in English and Russian and returns the
// paths it wrote, English first. It writes nothing when the slug is not
// valid or the page exists.
func New(kind Kind, slug string, opts Options) ([]string, error) {
	if !content.ValidSlug(slug) {
		suggestion := Slug(slug)
		if suggestion == "" {
			suggestion = "my-page"
		}
		return nil, fmt.Errorf("%q is not a valid page name: use lower-case letters, digits and hyphens, such as %s", slug, suggestion)
	}
	if err := CheckContentFolder(opts.Content); err != nil {
		return nil, err
	}
	existing, err := ExistingPage(opts.Content, kind.Section, slug)
	if err != nil {
		return nil, err
	}
	if existing != "" {
		return nil, alreadyThere(existing)
	}
	values, err := fill(kind, slug, opts)
	if err != nil {
		return nil, err
	}
	files := make([]newFile, 0, len(content.Langs))
	for _, lang := range content.Langs {
		var b bytes.Buffer
		if err := templates.ExecuteTemplate(&b, kind.Name+"."+string(lang)+".md.tmpl", values); err != nil {
			return nil, fmt.Errorf("filling in the %s template: %w", kind.Name, err)
		}
		files = append(files, newFile{path: pagePath(opts.Content, kind, slug, lang), data: b.Bytes()})
	}
	return write(opts.Content, kind, slug, files)
}

// fill works out the placeholder values from the clock and, for briefs
// and chapters, the pages already in the content folder.
func fill(kind Kind, slug string, opts Options) (placeholders, error) {
	now := time.Now
	if opts.Now != nil {
		now = opts.Now
	}
	y, m, d := now().Date()
	start := time.Date(y, m, d, 10, 0, 0, 0, eventZone)
	values := placeholders{
		Slug:  slug,
		Date:  start.Format(time.DateOnly),
		Start: start.Format(time.RFC3339),
		End:   start.Add(2 * time.Hour).Format(time.RFC3339),
	}
	if kind.Section == content.SectionBriefs || kind.Section == content.SectionReport {
		number, weight, err := highest(opts.Content)
		if err != nil {
			return placeholders{}, err
		}
		values.Number, values.Weight = number+1, weight+1
	}
	return values, nil
}

// highest returns the highest brief number and chapter weight in the
// content folder, in either language, drafts and pages with mistakes
// included (the mistakes are for ndpc check to report).
func highest(contentDir string) (number, weight int, err error) {
	site, err := content.Load(os.DirFS(contentDir), content.Options{Drafts: true}, &diag.List{})
	if err != nil {
		return 0, 0, fmt.Errorf("reading the pages already there: %w", err)
	}
	for _, pages := range [][]*content.Page{site.Pages, site.Invalid} {
		for _, p := range pages {
			switch t := p.Typed.(type) {
			case *content.Brief:
				number = max(number, t.Number)
			case *content.ReportChapter:
				weight = max(weight, t.Weight)
			}
		}
	}
	return number, weight, nil
}

// pagePath returns where the page of kind in lang goes.
func pagePath(contentDir string, kind Kind, slug string, lang content.Lang) string {
	if kind.Bundle {
		return filepath.Join(contentDir, kind.Section, slug, "index."+string(lang)+".md")
	}
	return filepath.Join(contentDir, kind.Section, slug+"."+string(lang)+".md")
}

type newFile struct {
	path string
	data []byte
}

// write creates the section folder when needed, the bundle folder, and
// the files, none of which may exist. When one cannot be written, the
// files and folder written so far are removed again.
func write(contentDir string, kind Kind, slug string, files []newFile) ([]string, error) {
	section := filepath.Join(contentDir, kind.Section)
	if err := os.MkdirAll(section, 0o777); err != nil {
		return nil, fmt.Errorf("making the section folder: %w", err)
	}
	var written []string
	undo := func() {
		for _, p := range written {
			os.Remove(p)
		}
		if kind.Bundle {
			os.Remove(filepath.Join(section, slug))
		}
	}
	if kind.Bundle {
		if err := os.Mkdir(filepath.Join(section, slug), 0o777); err != nil {
			if errors.Is(err, os.ErrExist) {
				return nil, alreadyThere(filepath.Join(section, slug))
			}
			return nil, fmt.Errorf("making the bundle folder: %w", err)
		}
	}
	for _, f := range files {
		if err := CreateFile(f.path, f.data); err != nil {
			undo()
			if errors.Is(err, os.ErrExist) {
				return nil, alreadyThere(f.path)
			}
			return nil, err
		}
		written = append(written, f.path)
	}
	return written, nil
}

func alreadyThere(path string) error {
	return fmt.Errorf("%s already exists: choose another name for the new page, or edit that one", path)
}
