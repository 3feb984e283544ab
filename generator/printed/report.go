package printed

import (
	"strconv"
	"strings"
)

// Report is the report to typeset: its chapters in reading order.
type Report struct {
	Meta               // Title is the document's title as viewers show it
	Publication string // the site's title: the title page's and the running heads'
	Heading     string // the report's own title: "The report"
	Summary     string
	Dateline    string // when it was last changed, as the language writes it
	Chapters    []Chapter
}

// Chapter is a chapter of the report.
type Chapter struct {
	Title   string
	Summary string
	Body    Body
}

// entry is a line of the table of contents: a chapter or one of its
// sections (## headings).
type entry struct {
	level  int // 1 chapter, 2 section
	number string
	title  string
	link   int // where it leads in the document
	page   int // where it starts, once set
}

// Typeset sets the report: a title page; the table of contents, with the
// page of every chapter and section; then each chapter from a new page,
// with its notes at its end. Running heads name the chapter.
func (r Report) Typeset() (Edition, error) {
	d, err := newDoc(r.Meta)
	if err != nil {
		return Edition{}, err
	}
	d.plain = true
	d.newPage()
	d.titlePage(r)
	d.plain = false

	var entries []entry
	for i, ch := range r.Chapters {
		entries = append(entries, entry{level: 1, number: strconv.Itoa(i + 1), title: ch.Title, link: d.pdf.AddLink()})
		for _, h := range headings(ch.Body, 2) {
			entries = append(entries, entry{level: 2, title: h, link: d.pdf.AddLink()})
		}
	}
	d.head = r.Labels.Contents
	tocFirst := len(d.pages) + 1
	for range d.contents(entries, 0) {
		d.newPage()
	}
	d.use(bodyText)
	d.pdf.Bookmark(r.Labels.Contents, 0, marginT)

	e := 0
	for i, ch := range r.Chapters {
		d.head = ch.Title
		d.newPage()
		d.pages[len(d.pages)-1].head = "" // the opening page has the title instead
		page := d.pdf.PageNo()
		entries[e].page = page
		d.pdf.SetLink(entries[e].link, 0, page)
		e++
		d.use(bodyText)
		d.pdf.Bookmark(ch.Title, 0, 0)
		d.y += 14
		d.plainLines(strconv.Itoa(i+1), para{st: style{family: "sans", bold: true, size: 26, color: accent}, lead: 11, how: alignLeft, after: 1})
		d.plainLines(ch.Title, para{st: style{family: "sans", bold: true, size: 20, color: accentDark}, lead: 8.6, how: alignLeft, after: 3})
		if ch.Summary != "" {
			d.plainLines(ch.Summary, para{st: style{family: "serif", italic: true, size: 11, color: ink2}, lead: 5.8, how: alignLeft, after: 2})
		}
		d.rule(marginL, d.y+1, marginL+24, d.y+1, 0.8, accent)
		d.y += 8
		d.onHead = func(level int, text string) {
			if level != 2 || e >= len(entries) || entries[e].level != 2 {
				return
			}
			entries[e].page = d.pdf.PageNo()
			d.pdf.SetLink(entries[e].link, d.y, entries[e].page)
			d.use(bodyText)
			d.pdf.Bookmark(text, 1, d.y)
			e++
		}
		d.body(ch.Body, bodyPara)
		d.onHead = nil
	}
	d.contents(entries, tocFirst)
	d.frame(r.Publication)
	return d.output()
}

// titlePage sets the report's first page.
func (d *doc) titlePage(r Report) {
	d.fill(0, 0, pageW, 12, accentDark)
	d.y = 38
	d.plainLines(strings.ToUpper(r.Author), para{st: style{family: "sans", bold: true, size: 9.5, color: accent}, lead: 5, how: alignLeft})
	d.y = 92
	d.rule(marginL, d.y, marginL+24, d.y, 1.2, accent)
	d.y += 8
	d.plainLines(r.Publication, para{st: style{family: "sans", bold: true, size: 30, color: accentDark}, lead: 12.5, how: alignLeft, after: 5})
	if r.Heading != "" {
		d.plainLines(r.Heading, para{st: style{family: "sans", size: 16, color: ink2}, lead: 7.5, how: alignLeft, after: 8})
	}
	if r.Summary != "" {
		d.w = textW * 0.82
		d.plainLines(r.Summary, para{st: style{family: "serif", italic: true, size: 11.5, color: ink2}, lead: 6.2, how: alignLeft})
		d.w = textW
	}
	d.y = 222
	d.euIdentity()
	d.y = 252
	d.rule(marginL, d.y, pageW-marginR, d.y, 0.2, ruleColor)
	d.y += 3
	st := style{family: "sans", size: 9, color: muted}
	link := st
	link.color, link.link = accent, d.href(d.meta.URL)
	p := para{st: st, lead: 4.8, how: alignLeft}
	if r.Dateline != "" {
		d.plainLines(r.Dateline, p)
	}
	d.lines(d.breakLines(d.words([]span{{text: d.meta.Labels.Online + " ", st: st}, {text: d.meta.URL, st: link}}), d.w), p)
}

// contents lays out the table of contents from page first, or, with
// first 0, only measures it; it returns how many pages it takes. Every entry links to its place and ends with its page number.
func (d *doc) contents(entries []entry, first int) int {
	draw := first > 0
	pages := 1
	y := marginT
	if draw {
		d.pdf.SetPage(first)
		d.cur = fontState{}
	}
	next := func() {
		pages++
		y = marginT
		if draw {
			d.pdf.SetPage(first + pages - 1)
			d.cur = fontState{}
		}
	}
	title := para{st: style{family: "sans", bold: true, size: 20, color: accentDark}, lead: 8.6}
	if draw {
		d.text(marginL, y+baseline(title.lead, title.st.size), d.meta.Labels.Contents, title.st)
	}
	y += title.lead + 7
	chapter := para{st: style{family: "sans", bold: true, size: 10.5, color: ink}, lead: 5.4}
	section := para{st: style{family: "serif", size: 9.5, color: ink2}, lead: 4.7}
	const indent, numW = 8.0, 14.0
	for i, en := range entries {
		p := section
		if en.level == 1 {
			p = chapter
			if i > 0 {
				y += 3.5
			}
		}
		lines := d.breakLines(d.words([]span{{text: en.title, st: p.st}}), textW-indent-numW)
		h := float64(len(lines)) * p.lead
		if en.level == 1 && i+1 < len(entries) && entries[i+1].level == 2 {
			h += section.lead // keep a chapter with its first section
		}
		if y+h > bottom {
			next()
		}
		if draw {
			top := y
			if en.level == 1 {
				d.text(marginL, y+baseline(p.lead, p.st.size), en.number, style{family: "sans", bold: true, size: p.st.size, color: accent})
			}
			for k, ln := range lines {
				d.drawLine(ln, marginL+indent, y, y+baseline(p.lead, p.st.size), p.lead, textW-indent-numW, alignLeft)
				if k < len(lines)-1 {
					y += p.lead
				}
			}
			num := strconv.Itoa(en.page)
			numSt := p.st
			nw := d.measure(num, numSt)
			base := y + baseline(p.lead, p.st.size)
			d.text(pageW-marginR-nw, base, num, numSt)
			from := marginL + indent + lines[len(lines)-1].w + 2
			if to := pageW - marginR - nw - 2; to > from {
				d.pdf.SetDashPattern([]float64{0.15, 1.1}, 0)
				d.rule(from, base, to, base, 0.3, ruleColor)
				d.pdf.SetDashPattern([]float64{}, 0)
			}
			y += p.lead
			d.pdf.Link(marginL, top, textW, y-top, en.link)
		} else {
			y += float64(len(lines)) * p.lead
		}
	}
	return pages
}
