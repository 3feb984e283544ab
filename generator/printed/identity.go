package printed

import (
	"github.com/go-pdf/fpdf"

	"ndpc/generator/emblem"
)

// The European emblem's colours (package emblem) as PDF fill colours.
var (
	euBlue   = rgb{0x00, 0x33, 0x99}
	euYellow = rgb{0xFF, 0xCC, 0x00}
)

// emblemH is the emblem's height on a first page, in millimetres.
const emblemH = 12.0

// euIdentity sets, from the current line, the European emblem (drawn from
// its geometric description, package emblem) with the funding statement
// beside it, then the disclaimer across the column, as the EU's visibility
// rules ask of the publications of the actions it funds. It does nothing
// without a funding statement.
func (d *doc) euIdentity() {
	if d.meta.Labels.Funded == "" {
		return
	}
	x, y := d.x0, d.y
	d.fill(x, y, emblemH*emblem.Width, emblemH, euBlue)
	d.pdf.SetFillColor(euYellow.r, euYellow.g, euYellow.b)
	for _, c := range emblem.StarCentres() {
		var pts []fpdf.PointType
		for _, p := range emblem.Star(c) {
			pts = append(pts, fpdf.PointType{X: x + p.X*emblemH, Y: y + p.Y*emblemH})
		}
		d.pdf.Polygon(pts, "F")
	}
	x0, w := d.x0, d.w
	d.x0, d.w = x+emblemH*emblem.Width+4, w-(emblemH*emblem.Width+4)
	d.y = y + emblemH/2 - 2.6
	d.plainLines(d.meta.Labels.Funded, para{st: style{family: "sans", bold: true, size: 10.5, color: accentDark}, lead: 5.2, how: alignLeft})
	d.x0, d.w = x0, w
	d.y = y + emblemH + 3
	if d.meta.Labels.Disclaimer != "" {
		d.plainLines(d.meta.Labels.Disclaimer, para{st: style{family: "sans", size: 7.5, color: muted}, lead: 3.8, how: alignLeft, after: 2})
	}
}
