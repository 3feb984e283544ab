package submissions

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"ndpc/generator/content"
	"ndpc/generator/scaffold"
)

// Options say where Import writes.
type Options struct {
	Content string // the content folder
	// I18n is the folder of the i18n tables, whose names of the countries,
	// sectors and outcomes the form's values may use ("i18n").
	I18n   string
	Source string // the export's file name, for messages
}

// Result says what an import did.
type Result struct {
	Written []string  // the new case studies' paths, in the order of the rows
	Refused []Refusal // the rows not written, in their order
}

// Refusal is a row that was not written, and why.
type Refusal struct {
	Line   int    // where the row starts in the file; the header is line 1
	Reason string // every reason, separated by semicolons
}

// fallbackSlug names a case study whose project name has no letter or
// digit that a slug can hold.
const fallbackSlug = "case-study"

// Import reads a CSV export of the submission form and writes a draft
// case study for each row that can be one. It writes nothing when the
// export cannot be read; when a file cannot be written it stops, and the
// result lists what was written before.
func Import(r io.Reader, opts Options) (Result, error) {
	var res Result
	if err := scaffold.CheckContentFolder(opts.Content); err != nil {
		return res, err
	}
	n, err := loadNames(opts.I18n)
	if err != nil {
		return res, err
	}
	rows, err := readExport(r, opts.Source)
	if err != nil {
		return res, err
	}
	section := filepath.Join(opts.Content, content.SectionCaseStudies)
	if err := os.MkdirAll(section, 0o777); err != nil {
		return res, fmt.Errorf("making the case studies folder: %w", err)
	}
	taken := map[string]bool{}
	for _, row := range rows {
		s, reasons := parseRow(row.Cells, n)
		if len(reasons) > 0 {
			res.Refused = append(res.Refused, Refusal{Line: row.Line, Reason: strings.Join(reasons, "; ")})
			continue
		}
		page, err := s.page()
		if err != nil {
			return res, fmt.Errorf("%s:%d: %w", opts.Source, row.Line, err)
		}
		path, err := writeNew(opts.Content, s, page, taken)
		if err != nil {
			return res, fmt.Errorf("%s:%d: %w", opts.Source, row.Line, err)
		}
		res.Written = append(res.Written, path)
	}
	return res, nil
}

// writeNew writes a case study under the first free name made from its
// title: SLUG, SLUG-2, SLUG-3, … A name is free when no page has it in
// either language and no earlier row took it.
func writeNew(contentDir string, s submission, page []byte, taken map[string]bool) (string, error) {
	base := scaffold.Slug(s.Title)
	if base == "" {
		base = fallbackSlug
	}
	for n := 1; ; n++ {
		slug := base
		if n > 1 {
			slug = fmt.Sprintf("%s-%d", base, n)
		}
		if taken[slug] {
			continue
		}
		existing, err := scaffold.ExistingPage(contentDir, content.SectionCaseStudies, slug)
		if err != nil {
			return "", err
		}
		if existing != "" {
			continue
		}
		path := filepath.Join(contentDir, content.SectionCaseStudies, slug+"."+string(s.Lang)+".md")
		err = scaffold.CreateFile(path, page)
		if errors.Is(err, fs.ErrExist) {
			continue // it appeared meanwhile
		}
		if err != nil {
			return "", err
		}
		taken[slug] = true
		return path, nil
	}
}
