// Package emblem draws the European emblem (the flag of Europe) as SVG,
// from its official geometric description in the EU's visual identity
// rules (the Graphical specifications of the European emblem, Publications
// Office of the EU):
//
//   - a rectangle whose width is one and a half times its height (the
//     hoist), in Reflex Blue, #003399;
//   - twelve five-pointed stars in Yellow, #FFCC00, set like the hours on
//     the face of a clock on an invisible circle whose radius is a third of
//     the height, centred on the rectangle;
//   - each star upright, one point straight up, its points on an invisible
//     circle whose radius is one eighteenth of the height.
//
// The site shows it beside "Funded by the European Union", as the
// visibility rules of EU-funded actions require; it is drawn here rather
// than copied so that it needs no file from elsewhere and no request.
package emblem

import (
	"fmt"
	"math"
	"strings"
)

// Colours of the emblem, as the graphical specifications give them in RGB.
const (
	Blue   = "#003399" // Reflex Blue
	Yellow = "#FFCC00"
)

// Geometry in units of the emblem's height.
const (
	Width      = 1.5      // the rectangle's width
	RingRadius = 1.0 / 3  // radius of the circle the stars stand on
	StarRadius = 1.0 / 18 // radius of the circle each star's points lie on
	Stars      = 12
)

// innerRatio is the ratio of the inner to the outer radius of a regular
// five-pointed star (a pentagram's outline): cos 72° / cos 36°.
var innerRatio = math.Cos(2*math.Pi/5) / math.Cos(math.Pi/5)

// Point is a position in units of the emblem's height, from its top left.
type Point struct{ X, Y float64 }

// StarCentres returns the centres of the twelve stars, the first at
// twelve o'clock and then clockwise.
func StarCentres() []Point {
	c := Point{Width / 2, 0.5}
	pts := make([]Point, Stars)
	for i := range pts {
		a := -math.Pi/2 + 2*math.Pi*float64(i)/Stars
		pts[i] = Point{c.X + RingRadius*math.Cos(a), c.Y + RingRadius*math.Sin(a)}
	}
	return pts
}

// Star returns the ten corners of an upright star centred on c: its
// points at StarRadius, alternating with the inner corners.
func Star(c Point) []Point {
	pts := make([]Point, 10)
	for i := range pts {
		r := StarRadius
		if i%2 == 1 {
			r *= innerRatio
		}
		a := -math.Pi/2 + math.Pi*float64(i)/5
		pts[i] = Point{c.X + r*math.Cos(a), c.Y + r*math.Sin(a)}
	}
	return pts
}

// SVG returns the emblem as an SVG element height pixels high (its width
// is 1.5 times that), for inline use in HTML. label is its accessible
// name; "" marks it as decorative (aria-hidden), for use beside a text
// that names it.
func SVG(height int, label string) string {
	const unit = 180.0 // user units per height: stars' coordinates stay short
	var b strings.Builder
	a11y := `aria-hidden="true" focusable="false"`
	if label != "" {
		a11y = fmt.Sprintf(`role="img" aria-label="%s"`, strings.NewReplacer(`&`, "&amp;", `"`, "&quot;", `<`, "&lt;").Replace(label))
	}
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" class="eu-emblem" width="%d" height="%d" viewBox="0 0 %g %g" %s>`,
		int(math.Round(float64(height)*Width)), height, Width*unit, unit, a11y)
	fmt.Fprintf(&b, `<rect width="%g" height="%g" fill="%s"/>`, Width*unit, unit, Blue)
	fmt.Fprintf(&b, `<g fill="%s">`, Yellow)
	for _, c := range StarCentres() {
		b.WriteString(`<path d="`)
		for i, p := range Star(c) {
			if i == 0 {
				b.WriteString("M")
			} else {
				b.WriteString("L")
			}
			fmt.Fprintf(&b, "%.2f %.2f", p.X*unit, p.Y*unit)
		}
		b.WriteString(`Z"/>`)
	}
	b.WriteString(`</g></svg>`)
	return b.String()
}
