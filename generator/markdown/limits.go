package markdown

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"ndpc/generator/diag"
)

// Limits on a page body, checked before it is parsed. goldmark takes time
// that grows with the square of some of these (nested block quotes,
// lists and brackets, link openings on one line, footnotes), so that a
// few kilobytes written to hurt could keep a build busy for minutes. Each
// is far above what a page of prose uses: the site's pages and a
// generated tree of 8,000 case studies nest one level at most, have lines
// of at most 1,300 bytes, 6 brackets in a paragraph, 2 notes and 4
// columns in a table.
const (
	// MaxLineBytes is the longest line, in bytes: 16 KiB, some 2,500
	// words.
	MaxLineBytes = 16 << 10
	// MaxBlockDepth is how deep block quotes and lists may nest.
	MaxBlockDepth = 16
	// MaxBracketDepth is how deep brackets ("[", links and images) may
	// nest within a paragraph.
	MaxBracketDepth = 16
	// MaxBrackets is how many "[" (links, images, notes) a page may have.
	MaxBrackets = 5000
	// MaxFootnotes is how many footnote references and notes a page may
	// have.
	MaxFootnotes = 1000
	// MaxHeadings is how many headings a page may have: each is a
	// bookmark and a block of its own in the print editions, where a
	// megabyte of headings took a minute.
	MaxHeadings = 1000
	// MaxTableColumns is how many columns a table may have.
	MaxTableColumns = 64
	// MaxTableCells is how many cells the tables of a page may have in
	// all, counting the empty cells that fill a short row: 20,000, such
	// as 1,000 rows of 20 columns.
	MaxTableCells = 20000
)

// checkLimits reports every place where in.Source crosses a limit, at its
// line and column, and returns false when it does.
func (in Input) checkLimits(problems *diag.List) bool {
	ok := true
	report := func(line int, lineText []byte, offset int, format string, args ...any) {
		ok = false
		col := utf8.RuneCount(lineText[:min(offset, len(lineText))]) + 1
		problems.Errorf(in.Path, in.LineOffset+line, col, format, args...)
	}
	brackets, notes, depth, cells, tableCols := 0, 0, 0, 0, 0
	deep := false // the line before nested too deep: reported once
	headings := 0
	var before []byte // the line before, for setext underlines
	src := in.Source
	for line := 1; len(src) > 0; line++ {
		text := src
		if i := bytes.IndexByte(src, '\n'); i >= 0 {
			text, src = src[:i], src[i+1:]
		} else {
			src = nil
		}
		if len(text) > MaxLineBytes {
			report(line, text, MaxLineBytes, "the line is %d KiB long, more than %d KiB: break it into paragraphs with blank lines", len(text)>>10, MaxLineBytes>>10)
			continue
		}
		if blank(text) {
			depth, tableCols, deep, before = 0, 0, false, nil
			continue
		}
		if heading(text, before) {
			headings++
			if headings == MaxHeadings+1 {
				report(line, text, 0, "the page has more than %d headings: split it into several pages", MaxHeadings)
			}
		}
		before = text
		at := blockDepth(text)
		if at >= 0 && !deep {
			report(line, text, at, "block quotes and lists nest more than %d levels deep here: nest fewer of them", MaxBlockDepth)
		}
		deep = at >= 0
		if cols := tableColumns(text); cols > MaxTableColumns {
			report(line, text, 0, "the table has %d columns, more than %d: split it into several tables, or offer the data as a file to download", cols, MaxTableColumns)
		} else if cols > 0 {
			tableCols = cols
			cells += cols // the header row
		}
		if tableCols > 0 {
			if cells <= MaxTableCells && cells+tableCols > MaxTableCells {
				report(line, text, 0, "the page's tables have more than %d cells: split the page, or offer the data as a file to download", MaxTableCells)
			}
			cells += tableCols
		}
		for i := 0; i < len(text); i++ {
			switch text[i] {
			case '\\':
				i++ // an escaped character is text
			case '[':
				brackets++
				if brackets == MaxBrackets+1 {
					report(line, text, i, "the page has more than %d brackets (links, images and notes): split it into several pages", MaxBrackets)
				}
				if i+1 < len(text) && text[i+1] == '^' {
					notes++
					if notes == MaxFootnotes+1 {
						report(line, text, i, "the page has more than %d footnote references and notes: split it into several pages", MaxFootnotes)
					}
				}
				depth++
				if depth == MaxBracketDepth+1 {
					report(line, text, i, "brackets nest more than %d levels deep here: close some of them with ]", MaxBracketDepth)
				}
			case ']':
				depth = max(0, depth-1)
			}
		}
	}
	return ok
}

// heading reports whether a line is an ATX heading ("## Methods") or the
// underline of a setext heading ("===" or "---" under a line of text).
func heading(line, before []byte) bool {
	t := bytes.TrimLeft(line, " ")
	if len(line)-len(t) > 3 {
		return false
	}
	if n := len(t) - len(bytes.TrimLeft(t, "#")); n >= 1 && n <= 6 {
		return n == len(t) || strings.IndexByte(spaces, t[n]) >= 0
	}
	u := bytes.TrimRight(t, spaces)
	return before != nil && len(u) > 0 && (len(bytes.Trim(u, "=")) == 0 || len(bytes.Trim(u, "-")) == 0)
}

// spaces are the bytes goldmark takes for white space (util.IsSpace),
// the carriage return of a Windows line ending among them.
const spaces = " \t\n\v\f\r"

// blank reports whether a line has only white space.
func blank(line []byte) bool {
	return len(bytes.Trim(line, spaces)) == 0
}

// blockDepth returns the offset of the block quote or list marker that
// nests deeper than MaxBlockDepth at the start of a line, or -1. A list
// item nested by its indentation counts one level for every two columns
// (the narrowest a list item's content can be indented).
func blockDepth(line []byte) int {
	if thematicBreak(line) {
		return -1
	}
	depth := 0
	for i := 0; i < len(line); {
		// Indentation before a marker: each two columns can be a level.
		cols := 0
		for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
			if line[i] == '\t' {
				cols += 4
			} else {
				cols++
			}
			i++
		}
		n := markerLen(line[i:])
		if n == 0 {
			return -1
		}
		depth += 1 + cols/2
		if depth > MaxBlockDepth {
			return i
		}
		i += n
	}
	return -1
}

// thematicBreak reports whether a line is a rule such as "* * *" or
// "- - -": three or more of one of "-", "*", "_", with blanks.
func thematicBreak(line []byte) bool {
	t := bytes.Trim(line, spaces)
	if len(t) == 0 {
		return false
	}
	c := t[0]
	n := 0
	for _, b := range t {
		switch {
		case b == c:
			n++
		case strings.IndexByte(spaces, b) < 0:
			return false
		}
	}
	return n >= 3 && (c == '-' || c == '*' || c == '_')
}

// markerLen returns the length of a block quote marker (">") or list
// marker ("-", "+", "*", "1.", "1)" followed by a space, a tab or the
// line's end) at the start of s, or 0.
func markerLen(s []byte) int {
	if len(s) == 0 {
		return 0
	}
	if s[0] == '>' {
		return 1
	}
	n := 0
	switch {
	case s[0] == '-' || s[0] == '+' || s[0] == '*':
		n = 1
	case s[0] >= '0' && s[0] <= '9':
		for n < len(s) && n < 10 && s[n] >= '0' && s[n] <= '9' {
			n++
		}
		if n == len(s) || s[n] != '.' && s[n] != ')' {
			return 0
		}
		n++
	default:
		return 0
	}
	if n < len(s) && strings.IndexByte(spaces, s[n]) < 0 {
		return 0
	}
	return n
}

// tableColumns returns how many columns a table's delimiter row (such as
// "|---|:-:|") sets, or 0 for a line that is not one.
func tableColumns(line []byte) int {
	t := bytes.Trim(line, spaces)
	if !bytes.ContainsRune(t, '-') || !bytes.ContainsRune(t, '|') && !bytes.ContainsRune(t, ':') {
		return 0
	}
	for _, c := range t {
		if c != '|' && c != '-' && c != ':' && strings.IndexByte(spaces, c) < 0 {
			return 0
		}
	}
	t = bytes.TrimSuffix(bytes.TrimPrefix(t, []byte("|")), []byte("|"))
	return bytes.Count(t, []byte("|")) + 1
}
