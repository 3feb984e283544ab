package printed

import (
	"embed"
	"fmt"
	"math"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

//go:embed fonts/*.ttf
var fontFiles embed.FS

// face is one font file: a family and a style.
type face struct {
	family string // fpdf family name: serif, sans
	style  string // fpdf style: "", "B", "I", "BI"
	file   string
}

// faces are the fonts every edition loads (see fonts/README.md). Sans has
// no italic: emphasis in headings stays upright.
var faces = []face{
	{"serif", "", "NotoSerif-Regular.ttf"},
	{"serif", "I", "NotoSerif-Italic.ttf"},
	{"serif", "B", "NotoSerif-Bold.ttf"},
	{"serif", "BI", "NotoSerif-BoldItalic.ttf"},
	{"sans", "", "NotoSans-Regular.ttf"},
	{"sans", "B", "NotoSans-Bold.ttf"},
}

// metrics are a font's advance widths in thousandths of an em, rounded as
// fpdf rounds the widths it writes into the PDF, so that what the layout
// measures is what a viewer draws.
type metrics struct {
	data    []byte
	widths  map[rune]int
	missing int // the width of a character the font lacks
}

var (
	loadFonts sync.Once
	fontData  map[string]*metrics // by family+style
	fontErr   error
)

// fonts reads the embedded fonts and their widths, once.
func fonts() (map[string]*metrics, error) {
	loadFonts.Do(func() {
		fontData = map[string]*metrics{}
		for _, f := range faces {
			data, err := fontFiles.ReadFile("fonts/" + f.file)
			if err != nil {
				fontErr = err
				return
			}
			m, err := measure(data)
			if err != nil {
				fontErr = fmt.Errorf("font %s: %w", f.file, err)
				return
			}
			fontData[f.family+f.style] = m
		}
	})
	return fontData, fontErr
}

// measure reads the advance width of every character a font maps. A
// character of width 0 (a combining accent) counts as missing, as in the
// PDF, whose width table leaves it out.
func measure(data []byte) (*metrics, error) {
	f, err := sfnt.Parse(data)
	if err != nil {
		return nil, err
	}
	var buf sfnt.Buffer
	upem := f.UnitsPerEm()
	scale := 1000 / float64(upem)
	width := func(g sfnt.GlyphIndex) (int, error) {
		adv, err := f.GlyphAdvance(&buf, g, fixed.I(int(upem)), font.HintingNone)
		if err != nil {
			return 0, err
		}
		return int(math.Round(scale * float64(adv) / 64)), nil
	}
	m := &metrics{data: data, widths: map[rune]int{}}
	if m.missing, err = width(0); err != nil {
		return nil, err
	}
	for r := rune(0x20); r < 0x10000; r++ {
		g, err := f.GlyphIndex(&buf, r)
		if err != nil || g == 0 {
			continue
		}
		w, err := width(g)
		if err != nil {
			return nil, err
		}
		m.widths[r] = w
	}
	return m, nil
}

// width returns the width of s in points at size pt.
func (m *metrics) width(s string, size float64) float64 {
	total := 0
	for _, r := range s {
		if w := m.widths[r]; w > 0 {
			total += w
		} else {
			total += m.missing
		}
	}
	return float64(total) * size / 1000
}
