package printed

import (
	"strings"
)

// style is how a piece of text is drawn.
type style struct {
	family       string // serif or sans
	bold, italic bool
	size         float64 // points
	color        rgb
	rise         float64 // points above the baseline: footnote numbers
	link         string  // absolute address the text links to
	target       int     // internal link (a footnote), 0 for none
	strike       bool
}

// fontKey names the font file: family and fpdf style. Sans has no
// italic.
func (s style) fontKey() string {
	k := s.family
	if s.bold {
		k += "B"
	}
	if s.italic && s.family == "serif" {
		k += "I"
	}
	return k
}

// span is a piece of inline text in one style; hard ends a line after it.
type span struct {
	text string
	st   style
	hard bool
}

// piece is text in one style within a word, measured.
type piece struct {
	text string
	st   style
	w    float64
}

// word is what a line may not break inside: text between spaces. Lines
// do not break after the hyphen of a compound (онлайн-встречи): text
// extraction would take it for a hyphenation and drop it.
type word struct {
	pieces []piece
	w      float64
	space  float64 // the width of the space after it; 0 inside a split word
	spSt   style   // the style of that space
	hard   bool    // a line break follows
}

// line is the words of one typeset line.
type line struct {
	words []word
	w     float64 // natural width, spaces between words included
	last  bool    // the paragraph's last line (or one before a hard break)
}

// words splits spans into measured words.
func (d *doc) words(spans []span) []word {
	var out []word
	var cur word
	var pending strings.Builder // text of the current piece
	var pendingSt style
	flushPiece := func() {
		if pending.Len() == 0 {
			return
		}
		t := pending.String()
		w := d.measure(t, pendingSt)
		cur.pieces = append(cur.pieces, piece{text: t, st: pendingSt, w: w})
		cur.w += w
		pending.Reset()
	}
	endWord := func(space float64, spSt style) {
		flushPiece()
		if len(cur.pieces) > 0 {
			cur.space, cur.spSt = space, spSt
			out = append(out, cur)
		} else if n := len(out); n > 0 && out[n-1].space == 0 && space > 0 && !out[n-1].hard {
			out[n-1].space, out[n-1].spSt = space, spSt
		}
		cur = word{}
	}
	for _, sp := range spans {
		if pending.Len() > 0 && sp.st != pendingSt {
			flushPiece()
		}
		pendingSt = sp.st
		for _, r := range sp.text {
			switch {
			case r == ' ' || r == '\t' || r == '\n' || r == '\r':
				endWord(d.measure(" ", sp.st), sp.st)
				continue
			case r == '\u00ad': // a soft hyphen: this layout does not hyphenate
				continue
			}
			pending.WriteRune(r)
		}
		if sp.hard {
			flushPiece()
			if len(cur.pieces) > 0 {
				cur.hard = true
				out = append(out, cur)
				cur = word{}
			} else if n := len(out); n > 0 {
				out[n-1].hard, out[n-1].space = true, 0
			}
		}
	}
	endWord(0, pendingSt)
	if n := len(out); n > 0 {
		out[n-1].space = 0
	}
	return out
}

// breakLines sets words into lines of at most width millimetres, each
// line as full as it can be; a word longer than a line is split.
func (d *doc) breakLines(words []word, width float64) []line {
	var lines []line
	var cur line
	flush := func(last bool) {
		if len(cur.words) == 0 {
			return
		}
		cur.last = last
		lines = append(lines, cur)
		cur = line{}
	}
	for _, wd := range words {
		need := wd.w
		if n := len(cur.words); n > 0 {
			need += cur.words[n-1].space
		}
		if len(cur.words) > 0 && cur.w+need > width+0.01 {
			flush(false)
			need = wd.w
		}
		if len(cur.words) == 0 && wd.w > width+0.01 {
			parts := d.split(wd, width)
			for _, p := range parts[:len(parts)-1] {
				cur = line{words: []word{p}, w: p.w}
				flush(false)
			}
			wd = parts[len(parts)-1]
			need = wd.w
		}
		cur.words = append(cur.words, wd)
		cur.w += need
		if wd.hard {
			flush(true)
		}
	}
	flush(true)
	return lines
}

// split cuts a word wider than width into parts that fit, after a slash,
// dot or other separator of an address where it can, else after a
// hyphen, else anywhere.
func (d *doc) split(wd word, width float64) []word {
	var parts []word
	var cur word
	var runes []struct {
		r  rune
		st style
		w  float64
	}
	for _, p := range wd.pieces {
		for _, r := range p.text {
			runes = append(runes, struct {
				r  rune
				st style
				w  float64
			}{r, p.st, d.measure(string(r), p.st)})
		}
	}
	start := 0
	for start < len(runes) {
		w, end, goodEnd := 0.0, start, -1
		hyphenEnd := -1
		for end < len(runes) && (end == start || w+runes[end].w <= width+0.01) {
			w += runes[end].w
			switch runes[end].r {
			case '/', '.', '_', '?', '&', '=', '#', ',', ';':
				goodEnd = end + 1
			case '-':
				hyphenEnd = end + 1
			}
			end++
		}
		if end < len(runes) {
			// A separator late in the line, else a hyphen (which text
			// extraction may take for a hyphenation), else one earlier.
			half, third := start+(end-start)/2, start+(end-start)/3
			switch {
			case goodEnd > half:
				end = goodEnd
			case hyphenEnd > half:
				end = hyphenEnd
			case goodEnd > third:
				end = goodEnd
			case hyphenEnd > third:
				end = hyphenEnd
			}
		}
		cur = word{}
		var b strings.Builder
		var bst style
		flush := func() {
			if b.Len() > 0 {
				t := b.String()
				pw := d.measure(t, bst)
				cur.pieces = append(cur.pieces, piece{text: t, st: bst, w: pw})
				cur.w += pw
				b.Reset()
			}
		}
		for i := start; i < end; i++ {
			if b.Len() > 0 && runes[i].st != bst {
				flush()
			}
			bst = runes[i].st
			b.WriteRune(runes[i].r)
		}
		flush()
		parts = append(parts, cur)
		start = end
	}
	last := &parts[len(parts)-1]
	last.space, last.spSt, last.hard = wd.space, wd.spSt, wd.hard
	return parts
}

// run is text drawn with one call: consecutive pieces of one style.
type run struct {
	text string
	st   style
	x, w float64
}

// align says where lines sit in their column.
type align int

const (
	alignLeft align = iota
	alignCenter
	alignRight
	alignJustify
)

// drawLine draws a line whose top is at top and whose baseline is base,
// in a column from x of width width, and puts link areas over its links.
func (d *doc) drawLine(ln line, x, top, base, lead, width float64, how align) {
	gap := 0.0
	switch how {
	case alignCenter:
		x += (width - ln.w) / 2
	case alignRight:
		x += width - ln.w
	case alignJustify:
		if !ln.last {
			spaces := 0
			for _, wd := range ln.words[:len(ln.words)-1] {
				if wd.space > 0 {
					spaces++
				}
			}
			if spaces > 0 {
				gap = (width - ln.w) / float64(spaces)
				if gap > 2.2 || gap < 0 { // too loose: leave the line ragged
					gap = 0
				}
			}
		}
	}
	var runs []run
	cx := x
	push := func(text string, st style, w float64, fresh bool) {
		if n := len(runs); n > 0 && !fresh && runs[n-1].st == st {
			runs[n-1].text += text
			runs[n-1].w += w
		} else {
			runs = append(runs, run{text: text, st: st, x: cx, w: w})
		}
		cx += w
	}
	for i, wd := range ln.words {
		for j, p := range wd.pieces {
			push(p.text, p.st, p.w, gap > 0 && j == 0)
		}
		if i == len(ln.words)-1 || wd.space == 0 {
			continue
		}
		if gap > 0 {
			cx += wd.space + gap
			continue
		}
		push(" ", wd.spSt, wd.space, false)
	}
	for _, r := range runs {
		if strings.TrimSpace(r.text) == "" && r.st.link == "" && r.st.target == 0 {
			continue
		}
		y := base - r.st.rise*ptmm
		d.text(r.x, y, r.text, r.st)
		if r.st.strike {
			sy := y - r.st.size*ptmm*0.3
			d.rule(r.x, sy, r.x+r.w, sy, 0.25, r.st.color)
		}
		if r.st.link != "" {
			d.pdf.LinkString(r.x, top, r.w, lead, r.st.link)
		} else if r.st.target != 0 {
			d.pdf.Link(r.x, top, r.w, lead, r.st.target)
		}
	}
	d.drawMarker(base)
	for q := 1; q <= d.quotes; q++ {
		qx := d.x0 - 4*float64(q)
		d.rule(qx, top, qx, top+lead, 0.6, ruleColor)
	}
}

// drawMarker draws a pending list marker in the indent left of the
// column, on the baseline base.
func (d *doc) drawMarker(base float64) {
	if d.marker == nil {
		return
	}
	m := d.marker
	d.marker = nil
	d.text(d.x0-d.measure(m.text, m.st)-2.2, base, m.text, m.st)
}

// baseline returns where the baseline of a line of lead millimetres
// sits below its top, for text of size pt.
func baseline(lead, size float64) float64 {
	return (lead+size*ptmm*0.72)/2 + 0.1
}
