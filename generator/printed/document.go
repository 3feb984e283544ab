package printed

import (
	"bytes"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/go-pdf/fpdf"
	"github.com/yuin/goldmark/ast"
)

// The page: A4, in millimetres; font sizes are in points.
const (
	pageW   = 210.0
	pageH   = 297.0
	marginL = 27.0
	marginR = 27.0
	marginT = 27.0  // top of the text
	bottom  = 271.0 // bottom of the text
	headY   = 16.0  // baseline of the running head
	footY   = 283.0 // baseline of the footer
	textW   = pageW - marginL - marginR
	ptmm    = 25.4 / 72 // millimetres in a point
)

// rgb is a colour; the palette is the site's (static/assets/css/style.css).
type rgb struct{ r, g, b int }

var (
	ink        = rgb{28, 34, 39}
	ink2       = rgb{61, 71, 80}
	muted      = rgb{90, 101, 112}
	accent     = rgb{10, 91, 124}
	accentDark = rgb{7, 69, 94}
	ruleColor  = rgb{190, 202, 209}
	tint       = rgb{236, 242, 245}
)

// Meta is what every edition has: its document information and where
// its links lead.
type Meta struct {
	Lang    string    // "en" or "ru": the document's language
	Title   string    // the document's title
	Subject string    // its summary
	Author  string    // the publisher
	Date    time.Time // creation date: not the build's, so that builds are reproducible; zero means 1 January 2020
	URL     string    // absolute address of the web version
	BaseURL string    // absolute address of the site, without a trailing slash
	Labels  Labels
	// Image returns the content of a picture by its address in the body
	// (a site path once links are resolved); false leaves its
	// description in its place.
	Image func(dest string) ([]byte, bool)
}

// Labels are the words an edition prints besides its content, in its
// language.
type Labels struct {
	Contents string // the report's table of contents: "Contents"
	Notes    string // the footnotes after a text: "Notes"
	Online   string // before the web address: "Online:"
	// Funded and Disclaimer are the European Union's funding statement and
	// its disclaimer, shown with the EU emblem on the first page.
	Funded, Disclaimer string
}

// Body is a page body parsed by package markdown, links resolved.
type Body struct {
	Root   ast.Node
	Source []byte
	// Path is the site path of the web page, which links to the page's
	// own #headings lead to.
	Path string
}

// Edition is a typeset PDF.
type Edition struct {
	PDF   []byte
	Pages int
}

// pageFrame is what the running head and footer of a page show.
type pageFrame struct {
	head  string // right side of the running head; "" for none
	plain bool   // no head and no footer: the report's title page
}

// fontState is the font last selected on a page.
type fontState struct {
	key  string
	size float64
	page int
}

// doc is one PDF being typeset: a text column flowing over A4 pages.
type doc struct {
	pdf    *fpdf.Fpdf
	meta   Meta
	fonts  map[string]*metrics
	loaded map[string]bool // fonts given to the PDF, when first used
	y      float64         // top of the next line
	x0     float64         // left edge of the column, indents included
	w      float64         // width of the column
	cur    fontState
	pages  []pageFrame
	head   string // running head of pages added from now on
	plain  bool   // pages added from now on are plain

	pagePath string          // the site path of the body being set
	notes    map[int]int     // footnote number → internal link, for the body being set
	marker   *marker         // a list item's marker, drawn with the next line
	quotes   int             // depth of block quotes, whose rule each line draws
	images   map[string]bool // pictures registered with the PDF
	onHead   func(level int, text string)
}

// marker is a list item's bullet or number, drawn in the indent left of
// the item's first line.
type marker struct {
	text string
	st   style
}

func newDoc(m Meta) (*doc, error) {
	all, err := fonts()
	if err != nil {
		return nil, err
	}
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(marginL, marginT, marginR)
	pdf.SetCompression(true)
	pdf.SetCatalogSort(true)
	date := m.Date
	if date.IsZero() { // never the time of the build: builds are reproducible
		date = time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	pdf.SetCreationDate(date)
	pdf.SetModificationDate(date)
	pdf.SetTitle(m.Title, true)
	pdf.SetSubject(m.Subject, true)
	pdf.SetAuthor(m.Author, true)
	pdf.SetCreator("ndpc", true)
	pdf.SetProducer("ndpc (go-pdf/fpdf)", true)
	pdf.SetLang(m.Lang)
	d := &doc{pdf: pdf, meta: m, fonts: all, loaded: map[string]bool{}, x0: marginL, w: textW, images: map[string]bool{}}
	return d, pdf.Error()
}

// newPage starts a page; text continues at its top.
func (d *doc) newPage() {
	d.pdf.AddPage()
	d.pages = append(d.pages, pageFrame{head: d.head, plain: d.plain})
	d.y = marginT
	d.cur = fontState{}
}

// fit starts a new page unless h millimetres fit below the current line.
func (d *doc) fit(h float64) {
	if d.y+h > bottom+0.01 {
		d.newPage()
	}
}

// atTop reports whether nothing has been set on the page yet.
func (d *doc) atTop() bool { return d.y <= marginT+0.01 }

// space adds vertical space, unless at the top of a page.
func (d *doc) space(h float64) {
	if !d.atTop() {
		d.y += h
	}
}

// use selects the font of a style for drawing.
func (d *doc) use(st style) {
	key := st.fontKey()
	page := d.pdf.PageNo()
	if d.cur.key == key && d.cur.size == st.size && d.cur.page == page {
		return
	}
	if !d.loaded[key] {
		d.pdf.AddUTF8FontFromBytes(st.family, key[len(st.family):], d.fonts[key].data)
		d.loaded[key] = true
	}
	d.pdf.SetFont(st.family, key[len(st.family):], st.size)
	d.cur = fontState{key: key, size: st.size, page: page}
}

// text draws s with its left end at x and its baseline at y.
func (d *doc) text(x, y float64, s string, st style) {
	d.use(st)
	d.pdf.SetTextColor(st.color.r, st.color.g, st.color.b)
	d.pdf.Text(x, y, s)
}

// measure returns the width of s in millimetres.
func (d *doc) measure(s string, st style) float64 {
	return d.fonts[st.fontKey()].width(s, st.size) * ptmm
}

// rule draws a line from (x1, y1) to (x2, y2).
func (d *doc) rule(x1, y1, x2, y2, width float64, c rgb) {
	d.pdf.SetDrawColor(c.r, c.g, c.b)
	d.pdf.SetLineWidth(width)
	d.pdf.Line(x1, y1, x2, y2)
}

// fill paints a rectangle.
func (d *doc) fill(x, y, w, h float64, c rgb) {
	d.pdf.SetFillColor(c.r, c.g, c.b)
	d.pdf.Rect(x, y, w, h, "F")
}

// href makes a link destination from the body absolute: a site path gets
// the site's address, a #heading the page's, and non-ASCII characters are
// percent-encoded, as PDF addresses are ASCII.
func (d *doc) href(dest string) string {
	switch {
	case strings.HasPrefix(dest, "#"):
		dest = d.meta.BaseURL + d.pagePath + dest
	case strings.HasPrefix(dest, "/") && !strings.HasPrefix(dest, "//"):
		dest = d.meta.BaseURL + dest
	}
	if u, err := url.Parse(dest); err == nil {
		return u.String()
	}
	return dest
}

// noteLink returns the internal link of footnote n of the body being set.
func (d *doc) noteLink(n int) int {
	if id, ok := d.notes[n]; ok {
		return id
	}
	id := d.pdf.AddLink()
	d.notes[n] = id
	return id
}

// frame draws the running heads and footers once every page is set:
// left the publication, right the page's chapter, and the page number
// of the total in the footer.
func (d *doc) frame(left string) {
	total := len(d.pages)
	headSt := style{family: "sans", size: 7.5, color: muted}
	for i, f := range d.pages {
		if f.plain {
			continue
		}
		d.pdf.SetPage(i + 1)
		d.cur = fontState{}
		if f.head != "" {
			half := textW/2 - 3
			l := d.truncate(left, headSt, half)
			r := d.truncate(f.head, headSt, textW-d.measure(l, headSt)-8)
			d.text(marginL, headY, l, headSt)
			d.text(pageW-marginR-d.measure(r, headSt), headY, r, headSt)
			d.rule(marginL, headY+2.2, pageW-marginR, headY+2.2, 0.2, ruleColor)
		}
		d.rule(marginL, footY-4.5, pageW-marginR, footY-4.5, 0.2, ruleColor)
		d.text(marginL, footY, d.truncate(d.meta.Author, headSt, textW-30), headSt)
		num := strconv.Itoa(i+1) + " / " + strconv.Itoa(total)
		d.text(pageW-marginR-d.measure(num, headSt), footY, num, headSt)
	}
	d.pdf.SetPage(total)
}

// truncate shortens s with an ellipsis to fit width.
func (d *doc) truncate(s string, st style, width float64) string {
	if d.measure(s, st) <= width {
		return s
	}
	r := []rune(s)
	for len(r) > 0 && d.measure(string(r)+"…", st) > width {
		r = r[:len(r)-1]
	}
	return strings.TrimRight(string(r), " ,.:;–—") + "…"
}

// output closes the document and returns it.
func (d *doc) output() (Edition, error) {
	var buf bytes.Buffer
	if err := d.pdf.Output(&buf); err != nil {
		return Edition{}, fmt.Errorf("writing the PDF: %w", err)
	}
	return Edition{PDF: buf.Bytes(), Pages: len(d.pages)}, nil
}
