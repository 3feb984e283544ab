package submissions

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
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
// usable, when the file is not valid CSV or lacks a required column; the
// error starts with source, the file's name, and the line when it has one.
func readExport(r io.Reader, source string) ([]row, error) {
	cr := csv.NewReader(r)
	header, err := cr.Read()
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
	for {
		record, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return rows, nil
		}
		if err != nil {
			return nil, csvError(source, err)
		}
		line, _ := cr.FieldPos(0)
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
