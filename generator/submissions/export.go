package submissions

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Limits on an export, so that a file made to hurt cannot take the
// memory of the machine that imports it. The form's real exports hold a
// few submissions of a few kilobytes each.
const (
	// MaxExportBytes is the largest export read: 16 MiB, thousands of
	// submissions.
	MaxExportBytes = 16 << 20
	// MaxRows is how many submissions one import takes.
	MaxRows = 10000
	// MaxCellBytes is the longest cell: 64 KiB, some 10,000 words of
	// description.
	MaxCellBytes = 64 << 10
)

// requiredColumns are the columns without which no row can become a case
// study.
var requiredColumns = []string{"project", "description", "countries", "sectors", "outcome"}

// row is one submission: its cells by column name, and where it starts.
type row struct {
	Line  int // line of the file where the row starts; the header is line 1
	Cells map[string]string
}

// readExport reads a whole CSV export. It fails, having read nothing
// usable, when the file is not valid CSV, lacks a required column, or is
// larger than MaxExportBytes or MaxRows; the error starts with source,
// the file's name, and the line when it has one.
func readExport(r io.Reader, source string) ([]row, error) {
	limited := &io.LimitedReader{R: r, N: MaxExportBytes + 1}
	cr := csv.NewReader(limited)
	tooLarge := func(line int) error {
		return fmt.Errorf("%s:%d: the file is larger than %d MiB, more than an export of the form can be: is it the right file? Import the submissions in parts", source, line, MaxExportBytes>>20)
	}
	header, err := cr.Read()
	if limited.N <= 0 {
		return nil, tooLarge(1)
	}
	if errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("%s: the file is empty: export the submissions of the form case-study-submission from Netlify as CSV", source)
	}
	if err != nil {
		return nil, csvError(source, err)
	}
	columns := make([]string, len(header))
	seen := map[string]bool{}
	for i, name := range header {
		name = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(name, "\uFEFF")))
		if seen[name] && name != "" {
			return nil, fmt.Errorf("%s:1: the column %q appears twice in the header row: keep one of them", source, name)
		}
		seen[name], columns[i] = true, name
	}
	var missing []string
	for _, name := range requiredColumns {
		if !seen[name] {
			missing = append(missing, name)
		}
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("%s:1: the header row has no column %s: is this the CSV export of the form case-study-submission? Its first row names the form's fields, such as %s",
			source, strings.Join(missing, ", "), strings.Join(requiredColumns, ", "))
	}
	var rows []row
	next := 2 // the line where the row being read starts
	for {
		record, err := cr.Read()
		if limited.N <= 0 { // the reader stopped at the limit, whatever it made of it
			return nil, tooLarge(next)
		}
		if errors.Is(err, io.EOF) {
			return rows, nil
		}
		if err != nil {
			return nil, csvError(source, err)
		}
		line, _ := cr.FieldPos(0)
		end, _ := cr.FieldPos(len(record) - 1)
		next = end + strings.Count(record[len(record)-1], "\n") + 1
		if len(rows) == MaxRows {
			return nil, fmt.Errorf("%s:%d: the file has more than %d submissions, more than one import takes: import them in parts", source, line, MaxRows)
		}
		cells := make(map[string]string, len(columns))
		for i, name := range columns {
			cells[name] = record[i]
		}
		rows = append(rows, row{Line: line, Cells: cells})
	}
}

// csvError says where the CSV reader gave up.
func csvError(source string, err error) error {
	var perr *csv.ParseError
	if errors.As(err, &perr) {
		return fmt.Errorf("%s:%d:%d: cannot read the file as CSV: %w", source, perr.Line, perr.Column, perr.Err)
	}
	return fmt.Errorf("%s: cannot read the file: %w", source, err)
}
