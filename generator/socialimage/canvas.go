package socialimage

import (
	"image"
	"image/color"
	"unicode/utf8"

	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"
)

// A card is drawn straight into a paletted image: every colour on it is
// a step of one of three ramps, from a background to the colour drawn on
// it (the edges of letters and circles, by their coverage), or the
// rule's. An 8-bit palette makes the PNG a third of the size of an RGB
// one, and its encoding several times faster (no filters to choose),
// with steps too fine to see.

// ramp is a range of the palette from a background (step 0) to a colour.
type ramp uint8

const (
	steps = 85 // per ramp: three ramps and the rule's colour fill 256

	onBackground ramp = 0         // the page's background to the text colour
	accentRamp   ramp = steps     // the background to the accent colour
	footRamp     ramp = 2 * steps // the footer band to its text colour
	ruleIndex         = 3 * steps
)

// palette is the cards' palette, made from the stylesheet's colours.
var palette = func() color.Palette {
	p := make(color.Palette, 0, 256)
	for _, r := range []struct{ from, to color.RGBA }{
		{background, textColour}, {background, accent}, {footBg, footText},
	} {
		for i := range steps {
			p = append(p, mix(r.from, r.to, float64(i)/(steps-1)))
		}
	}
	return append(p, line)
}()

// mix returns the colour t of the way from a to b.
func mix(a, b color.RGBA, t float64) color.RGBA {
	m := func(x, y uint8) uint8 { return uint8(float64(x) + (float64(y)-float64(x))*t + 0.5) }
	return color.RGBA{m(a.R, b.R), m(a.G, b.G), m(a.B, b.B), 0xff}
}

// fill paints a rectangle with one palette index.
func fill(img *image.Paletted, r image.Rectangle, index uint8) {
	r = r.Intersect(img.Rect)
	for y := r.Min.Y; y < r.Max.Y; y++ {
		row := img.Pix[img.PixOffset(r.Min.X, y):img.PixOffset(r.Max.X, y)]
		for i := range row {
			row[i] = index
		}
	}
}

// paint marks the pixels of r covered by mask (from mp) with the step of
// ramp rp that their coverage gives. A pixel already further along the
// same ramp keeps its step, so that overlapping glyph boxes do not erase
// each other.
func paint(img *image.Paletted, r image.Rectangle, rp ramp, mask *image.Alpha, mp image.Point) {
	clipped := r.Intersect(img.Rect)
	mp = mp.Add(clipped.Min.Sub(r.Min))
	for y := clipped.Min.Y; y < clipped.Max.Y; y++ {
		dst := img.Pix[img.PixOffset(clipped.Min.X, y):img.PixOffset(clipped.Max.X, y)]
		src := mask.Pix[mask.PixOffset(mp.X, mp.Y+y-clipped.Min.Y):]
		for i, cov := range src[:len(dst)] {
			if cov == 0 {
				continue
			}
			step := uint8((int(cov)*(steps-1) + 127) / 255)
			cur := dst[i]
			if cur >= uint8(rp) && cur < uint8(rp)+steps && cur-uint8(rp) >= step {
				continue
			}
			dst[i] = uint8(rp) + step
		}
	}
}

// text draws s from the baseline point (x, y) in ramp rp, as
// font.Drawer.DrawString places glyphs: by their advances and kerning.
func text(img *image.Paletted, f font.Face, rp ramp, x, y int, s string) {
	dot := fixed.P(x, y)
	prev := rune(-1)
	for len(s) > 0 {
		r, n := utf8.DecodeRuneInString(s)
		s = s[n:]
		if prev >= 0 {
			dot.X += f.Kern(prev, r)
		}
		dr, mask, mp, advance, ok := f.Glyph(dot, r)
		if ok {
			if a, isAlpha := mask.(*image.Alpha); isAlpha {
				paint(img, dr, rp, a, mp)
			} else {
				a := image.NewAlpha(dr.Sub(dr.Min))
				for yy := 0; yy < dr.Dy(); yy++ {
					for xx := 0; xx < dr.Dx(); xx++ {
						_, _, _, al := mask.At(mp.X+xx, mp.Y+yy).RGBA()
						a.Pix[a.PixOffset(xx, yy)] = uint8(al >> 8)
					}
				}
				paint(img, dr, rp, a, image.Point{})
			}
		}
		dot.X += advance
		prev = r
	}
}

// drawMark draws the brand mark of templates/partials/layout.html, two
// circles (r 9 at 11,16 and 21,16 of a 32 × 32 view box) filled with the
// accent colour at the stylesheet's opacity, into a square at (x, y):
// where they overlap the accent shows through twice.
func drawMark(img *image.Paletted, x, y, size int) {
	scale := float32(size) / 32
	box := image.Rect(x, y, x+size, y+size)
	var covers [2]*image.Alpha
	for i, cx := range []float32{11, 21} {
		z := vector.NewRasterizer(size, size)
		circle(z, cx*scale, 16*scale, 9*scale)
		covers[i] = image.NewAlpha(image.Rect(0, 0, size, size))
		z.Draw(covers[i], covers[i].Rect, image.Opaque, image.Point{})
	}
	both := image.NewAlpha(covers[0].Rect)
	for i := range both.Pix {
		a, b := float64(covers[0].Pix[i])/255*markOpacity, float64(covers[1].Pix[i])/255*markOpacity
		both.Pix[i] = uint8((1-(1-a)*(1-b))*255 + 0.5)
	}
	paint(img, box, accentRamp, both, image.Point{})
}

// circle adds a circle to z as four cubic Bézier curves.
func circle(z *vector.Rasterizer, cx, cy, r float32) {
	const k = 0.5522847498 // control-point distance for a quarter circle
	c := k * r
	z.MoveTo(cx+r, cy)
	z.CubeTo(cx+r, cy+c, cx+c, cy+r, cx, cy+r)
	z.CubeTo(cx-c, cy+r, cx-r, cy+c, cx-r, cy)
	z.CubeTo(cx-r, cy-c, cx-c, cy-r, cx, cy-r)
	z.CubeTo(cx+c, cy-r, cx+r, cy-c, cx+r, cy)
	z.ClosePath()
}
