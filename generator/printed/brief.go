package printed

// Brief is a policy brief to typeset.
type Brief struct {
	Meta            // Title is the brief's title
	Kicker   string // "Policy brief #1", the running head's left side
	Dateline string // the brief's date as its language writes it
	Summary  string
	Body     Body
}

// Typeset sets the brief: on its first page the kicker and date, the
// title and the summary; then the body with its notes; last, where it
// is online. Running heads from the second page on.
func (b Brief) Typeset() (Edition, error) {
	d, err := newDoc(b.Meta)
	if err != nil {
		return Edition{}, err
	}
	d.head = b.Title
	d.newPage()
	d.pages[0].head = "" // the first page has the title instead

	kicker := b.Kicker
	if b.Dateline != "" {
		kicker += " · " + b.Dateline
	}
	d.plainLines(kicker, para{st: style{family: "sans", bold: true, size: 9, color: accent}, lead: 4.8, how: alignLeft, after: 3})
	d.use(bodyText)
	d.pdf.Bookmark(b.Title, 0, d.y)
	d.plainLines(b.Title, para{st: style{family: "sans", bold: true, size: 20, color: accentDark}, lead: 8.6, how: alignLeft, after: 3.5})
	if b.Summary != "" {
		d.plainLines(b.Summary, para{st: style{family: "serif", italic: true, size: 11.5, color: ink2}, lead: 6, how: alignLeft, after: 3})
	}
	d.rule(marginL, d.y+1, marginL+24, d.y+1, 0.8, accent)
	d.y += 5
	d.euIdentity()
	d.y += 4

	d.onHead = func(level int, text string) {
		if level <= 2 {
			d.use(bodyText)
			d.pdf.Bookmark(text, 1, d.y)
		}
	}
	d.body(b.Body, bodyPara)
	d.onHead = nil
	d.colophon()
	d.frame(b.Kicker)
	return d.output()
}

// plainLines sets text in one style as a paragraph of the column.
func (d *doc) plainLines(text string, p para) {
	d.lines(d.breakLines(d.words([]span{{text: text, st: p.st}}), d.w), p)
}

// colophon closes a text with where it is online, and who publishes it.
func (d *doc) colophon() {
	st := style{family: "sans", size: 8, color: muted}
	link := st
	link.color, link.link = accent, d.href(d.meta.URL)
	d.space(6)
	d.fit(14)
	d.rule(d.x0, d.y, d.x0+d.w, d.y, 0.2, ruleColor)
	d.y += 2.5
	p := para{st: st, lead: 4.2, how: alignLeft, after: 0}
	d.lines(d.breakLines(d.words([]span{{text: d.meta.Labels.Online + " ", st: st}, {text: d.meta.URL, st: link}}), d.w), p)
	d.lines(d.breakLines(d.words([]span{{text: d.meta.Author, st: st}}), d.w), p)
}
