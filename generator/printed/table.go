package printed

import (
	east "github.com/yuin/goldmark/extension/ast"
)

// The cells of a table: padding and line height, in millimetres.
const (
	cellPadX = 1.8
	cellPadY = 1.3
	cellLead = 4.3
)

var headCell = style{family: "sans", bold: true, size: 8.3, color: ink}

// tableCell is a cell's words and alignment.
type tableCell struct {
	words []word
	how   align
}

// table sets a table with a rule around every cell and its header row
// on a tinted ground, repeated at the top of every page it continues on.
// Columns get the width their text asks for, shared out when the text
// is wider than the column of the page.
func (d *doc) table(t *east.Table, src []byte) {
	var rows [][]tableCell
	header := -1
	for r := t.FirstChild(); r != nil; r = r.NextSibling() {
		st := cellText
		if _, ok := r.(*east.TableHeader); ok {
			st = headCell
			header = len(rows)
		}
		var row []tableCell
		for c := r.FirstChild(); c != nil; c = c.NextSibling() {
			cell, ok := c.(*east.TableCell)
			if !ok {
				continue
			}
			how := alignLeft
			switch cell.Alignment {
			case east.AlignRight:
				how = alignRight
			case east.AlignCenter:
				how = alignCenter
			}
			row = append(row, tableCell{words: d.words(d.inlines(cell, src, st)), how: how})
		}
		rows = append(rows, row)
	}
	cols := 0
	for _, r := range rows {
		cols = max(cols, len(r))
	}
	if cols == 0 {
		return
	}
	widths := d.columns(rows, cols)

	type setRow struct {
		lines  [][]line
		height float64
	}
	set := make([]setRow, len(rows))
	for i, r := range rows {
		lines := make([][]line, cols)
		h := 1
		for j := range cols {
			if j < len(r) {
				lines[j] = d.breakLines(r[j].words, widths[j]-2*cellPadX)
				h = max(h, len(lines[j]))
			}
		}
		set[i] = setRow{lines: lines, height: float64(h)*cellLead + 2*cellPadY}
	}

	draw := func(i int) {
		r, s := rows[i], set[i]
		x := d.x0
		top := d.y
		d.drawMarker(top + cellPadY + baseline(cellLead, cellText.size))
		if i == header {
			d.fill(d.x0, top, sum(widths), s.height, tint)
		}
		for j := range cols {
			if j < len(r) {
				st := cellText
				if i == header {
					st = headCell
				}
				for k, ln := range s.lines[j] {
					lt := top + cellPadY + float64(k)*cellLead
					d.drawLine(ln, x+cellPadX, lt, lt+baseline(cellLead, st.size), cellLead, widths[j]-2*cellPadX, r[j].how)
				}
			}
			d.rule(x, top, x, top+s.height, 0.2, ruleColor)
			x += widths[j]
		}
		d.rule(x, top, x, top+s.height, 0.2, ruleColor)
		d.rule(d.x0, top, x, top, 0.2, ruleColor)
		d.rule(d.x0, top+s.height, x, top+s.height, 0.2, ruleColor)
		d.y += s.height
	}

	d.space(1.5)
	first := 0
	if header >= 0 {
		first = header + 1
		need := set[header].height
		if first < len(rows) {
			need += set[first].height
		}
		d.fit(need)
		draw(header)
	}
	for i := first; i < len(rows); i++ {
		if d.y+set[i].height > bottom+0.01 {
			d.newPage()
			if header >= 0 {
				draw(header)
			}
		}
		draw(i)
	}
	d.y += bodyPara.after + 1
}

// columns shares the column's width out among a table's columns: each
// gets at least its longest word, and what is left in proportion to how
// much more its text would take on one line.
func (d *doc) columns(rows [][]tableCell, cols int) []float64 {
	least := make([]float64, cols)
	most := make([]float64, cols)
	for _, r := range rows {
		for j, c := range r {
			total := 0.0
			for k, w := range c.words {
				least[j] = max(least[j], w.w+2*cellPadX)
				total += w.w
				if k < len(c.words)-1 {
					total += w.space
				}
			}
			most[j] = max(most[j], total+2*cellPadX)
		}
	}
	for j := range least {
		least[j] = min(max(least[j], 12), d.w*0.45) // a long address breaks
		most[j] = max(most[j], least[j])
	}
	widths := make([]float64, cols)
	sumLeast, sumMost := sum(least), sum(most)
	switch {
	case sumMost <= d.w: // everything fits on one line: spread to the full width
		for j := range widths {
			widths[j] = most[j] + (d.w-sumMost)*most[j]/sumMost
		}
	case sumLeast <= d.w:
		for j := range widths {
			widths[j] = least[j] + (d.w-sumLeast)*(most[j]-least[j])/(sumMost-sumLeast)
		}
	default:
		for j := range widths {
			widths[j] = d.w * least[j] / sumLeast
		}
	}
	return widths
}

func sum(xs []float64) float64 {
	t := 0.0
	for _, x := range xs {
		t += x
	}
	return t
}
