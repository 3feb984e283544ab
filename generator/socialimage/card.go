package socialimage

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"
)

// Width and Height are the size of every image in pixels: the 1.91:1
// that Open Graph consumers and summary_large_image expect.
const (
	Width  = 1200
	Height = 630
)

// Card is what one image shows. Every field is plain text as the reader
// sees it.
type Card struct {
	Brand  string // beside the brand mark: the site's name
	Kind   string // above the title: "Case study"; "" for none
	Title  string // the page's title
	Footer string // in the band at the bottom: the publisher; "" for none
}

// The layout, in pixels.
const (
	margin     = 72
	markTop    = 56  // the brand mark's top edge
	markSize   = 64  // its width and height (the SVG's 32 × 32, doubled)
	ruleY      = 148 // the rule under the brand
	kindBase   = 214 // the kind's baseline
	titleTop   = 240 // the title's box
	titleBot   = 540
	bandTop    = 560 // the footer band, to the bottom edge
	lineHeight = 1.2 // of the title, in ems
)

// titleSizes are the title's sizes in pixels, largest first: the first
// at which the whole title fits its box is used.
var titleSizes = []float64{84, 72, 62, 54, 46}

// Draw draws a card and returns it as a PNG of Width × Height pixels.
// The error is that of reading the embedded fonts or of encoding.
func Draw(c Card) ([]byte, error) {
	img, err := frame(c.Brand, c.Footer)
	if err != nil {
		return nil, err
	}
	width := fixed.I(Width - 2*margin)
	if c.Kind != "" {
		f, err := face(sansBold, 28)
		if err != nil {
			return nil, err
		}
		text(img, f, accentRamp, margin, kindBase, oneLine(f, clean(c.Kind), width))
	}
	if err := drawTitle(img, clean(c.Title), width); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	buf.Grow(64 << 10)
	err = encoder.Encode(&buf, img)
	images.Put(img)
	if err != nil {
		return nil, fmt.Errorf("encoding the image: %w", err)
	}
	return buf.Bytes(), nil
}

// encoder writes the PNGs at the fastest compression, which costs a few
// per cent of their size, reusing its buffers between images.
var encoder = &png.Encoder{CompressionLevel: png.BestSpeed, BufferPool: &encoderBuffers{}}

type encoderBuffers struct{ pool sync.Pool }

func (p *encoderBuffers) Get() *png.EncoderBuffer {
	b, _ := p.pool.Get().(*png.EncoderBuffer)
	return b
}

func (p *encoderBuffers) Put(b *png.EncoderBuffer) { p.pool.Put(b) }

// images are the cards' pixels, reused once encoded.
var images = sync.Pool{New: func() any { return image.NewPaletted(image.Rect(0, 0, Width, Height), palette) }}

// drawTitle sets the title in its box (see setTitle).
func drawTitle(img *image.Paletted, title string, width fixed.Int26_6) error {
	f, size, lines, err := setTitle(title, width)
	if err != nil {
		return err
	}
	for i, l := range lines {
		text(img, f, onBackground, margin, titleTop+int(size*0.95+float64(i)*size*lineHeight), l)
	}
	return nil
}

// setTitle breaks the title into lines at the largest size at which all
// of them fit the title's box, or, at the smallest size, keeps the lines
// that fit with an ellipsis at the end of the last. It returns the face,
// its size in pixels and the lines.
func setTitle(title string, width fixed.Int26_6) (f font.Face, size float64, lines []string, err error) {
	for _, size = range titleSizes {
		if f, err = face(serifBold, size); err != nil {
			return nil, 0, nil, err
		}
		lines = wrap(f, title, width)
		if len(lines) <= maxLines(size) {
			return f, size, lines, nil
		}
	}
	n := maxLines(size)
	return f, size, append(lines[:n-1], shorten(f, lines[n-1], width)), nil
}

// maxLines is how many lines of the title fit its box at a size.
func maxLines(size float64) int {
	return int(float64(titleBot-titleTop) / (size * lineHeight))
}

// oneLine returns s, shortened with an ellipsis if it is wider than width.
func oneLine(f font.Face, s string, width fixed.Int26_6) string {
	if font.MeasureString(f, s) <= width {
		return s
	}
	return shorten(f, s, width)
}

// frames holds, by brand and footer, what every card with them shares:
// background, brand and footer band, drawn once.
var frames sync.Map // [2]string → *image.Paletted

// frame returns a new image with the background, the brand mark, the
// site's name and the footer band drawn.
func frame(brand, footer string) (*image.Paletted, error) {
	key := [2]string{brand, footer}
	cached, ok := frames.Load(key)
	if !ok {
		img, err := drawFrame(brand, footer)
		if err != nil {
			return nil, err
		}
		cached, _ = frames.LoadOrStore(key, img)
	}
	img := images.Get().(*image.Paletted)
	copy(img.Pix, cached.(*image.Paletted).Pix)
	return img, nil
}

func drawFrame(brand, footer string) (*image.Paletted, error) {
	img := image.NewPaletted(image.Rect(0, 0, Width, Height), palette) // all the background
	drawMark(img, margin, markTop, markSize)
	textX := margin + markSize + 20
	f, err := face(serifBold, 30)
	if err != nil {
		return nil, err
	}
	text(img, f, onBackground, textX, markTop+markSize/2+11, oneLine(f, clean(brand), fixed.I(Width-margin-textX)))
	fill(img, image.Rect(margin, ruleY, Width-margin, ruleY+2), ruleIndex)
	fill(img, image.Rect(0, bandTop, Width, Height), uint8(footRamp))
	if footer != "" {
		f, err := face(sansRegular, 24)
		if err != nil {
			return nil, err
		}
		text(img, f, footRamp, margin, bandTop+(Height-bandTop)/2+9, oneLine(f, clean(footer), fixed.I(Width-2*margin)))
	}
	return img, nil
}
