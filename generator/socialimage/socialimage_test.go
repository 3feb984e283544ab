package socialimage

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"
)

// sampleCards are cards of every kind of text a page can give: short,
// Russian, so long that it is cut, a word wider than the image, and the
// site's default.
var sampleCards = map[string]Card{
	"en":   {Brand: "Cross-innovation in the Northern Dimension", Kind: "Case study", Title: "PROTO Invention Factory", Footer: "Northern Dimension Partnership on Culture"},
	"ru":   {Brand: "Кросс-инновации в Северном измерении", Kind: "Кейс", Title: "Фабрика изобретений PROTO: виртуальная реальность для семей и школ", Footer: "Партнерство Северного измерения в сфере культуры"},
	"long": {Brand: "Кросс-инновации в Северном измерении", Kind: "Аналитическая записка", Title: longTitle, Footer: "Партнерство Северного измерения в сфере культуры"},
	"word": {Brand: "Cross-innovation in the Northern Dimension", Kind: "Case study", Title: "Donaudampfschifffahrtsgesellschaftskapitänswitwenrentenversicherungsanstaltsangestelltengewerkschaftsvorsitzender", Footer: "Northern Dimension Partnership on Culture"},
	"home": {Brand: "Northern Dimension Partnership on Culture", Kind: "Case studies, report and policy briefs", Title: "Cross-innovation in the Northern Dimension"},
}

const longTitle = "Культурные и креативные индустрии и цифровая сфера: как партнёрства между музеями, разработчиками игр, университетами и муниципалитетами в одиннадцати странах Северного измерения создают новые продукты, услуги и рабочие места, и что мешает им расти дальше"

// TestCardsDecode draws every sample and reads it back as a PNG of the
// stated size, with its text inside the margins: nothing drawn right of
// the text's column or between the title's box and the footer band. With
// SOCIAL_LOOK set to a folder, the images are written there to be looked
// at.
func TestCardsDecode(t *testing.T) {
	look := os.Getenv("SOCIAL_LOOK")
	for name, c := range sampleCards {
		data, err := Draw(c)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if look != "" {
			if err := os.WriteFile(filepath.Join(look, name+".png"), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		img, err := png.Decode(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s: not a PNG: %v", name, err)
		}
		if b := img.Bounds(); b.Dx() != 1200 || b.Dy() != 630 {
			t.Fatalf("%s: %d × %d pixels, want 1200 × 630", name, b.Dx(), b.Dy())
		}
		bg := img.At(0, 0)
		ink := func(r image.Rectangle) bool {
			for y := r.Min.Y; y < r.Max.Y; y++ {
				for x := r.Min.X; x < r.Max.X; x++ {
					if img.At(x, y) != bg {
						return true
					}
				}
			}
			return false
		}
		if ink(image.Rect(Width-margin+4, 0, Width, bandTop)) {
			t.Errorf("%s: text runs into the right margin", name)
		}
		if ink(image.Rect(0, titleBot, Width, bandTop)) {
			t.Errorf("%s: the title runs below its box", name)
		}
		if !ink(image.Rect(margin, titleTop, Width-margin, titleTop+60)) {
			t.Errorf("%s: no title drawn", name)
		}
	}
}

// TestTitleSetting checks the lines of titles: a short one on few lines
// at the largest size, a long one cut after the lines that fit, ending
// with an ellipsis, every line no wider than the column.
func TestTitleSetting(t *testing.T) {
	width := fixed.I(Width - 2*margin)
	check := func(title string) (float64, []string) {
		f, size, lines, err := setTitle(clean(title), width)
		if err != nil {
			t.Fatal(err)
		}
		if len(lines) > maxLines(size) {
			t.Errorf("%d lines at %v px, the box holds %d", len(lines), size, maxLines(size))
		}
		for _, l := range lines {
			if w := font.MeasureString(f, l); w > width {
				t.Errorf("line %q is %v px wide, wider than %v", l, w.Round(), width.Round())
			}
		}
		return size, lines
	}
	if size, lines := check("PROTO Invention Factory"); size != titleSizes[0] || strings.Join(lines, " ") != "PROTO Invention Factory" {
		t.Errorf("short title: %v px, %q", size, lines)
	}
	size, lines := check(longTitle)
	if size != titleSizes[len(titleSizes)-1] || !strings.HasSuffix(lines[len(lines)-1], "…") {
		t.Errorf("long title: %v px, %q: want the smallest size and an ellipsis", size, lines)
	}
	if !strings.HasPrefix(longTitle, strings.TrimSuffix(strings.Join(lines, " "), "…")) {
		t.Errorf("long title: the lines %q are not its start", lines)
	}
	_, lines = check(sampleCards["word"].Title)
	if got := strings.Join(lines, ""); got != sampleCards["word"].Title {
		t.Errorf("a word wider than the column was broken into %q", lines)
	}
	// A no-break space holds its words together.
	f, _ := face(serifBold, 72)
	for _, l := range wrap(f, "Партнерство Северного измерения в\u00a0сфере культуры", fixed.I(700)) {
		if strings.HasSuffix(l, " в") || strings.HasPrefix(l, "сфере") {
			t.Errorf("line %q broke at a no-break space", l)
		}
	}
}

// TestComposedAccents draws a title whose ё is written as е and a
// combining diaeresis as the title with the precomposed letter.
func TestComposedAccents(t *testing.T) {
	a, err := Draw(Card{Kind: "Кейс", Title: "Партнёрства"})
	if err != nil {
		t.Fatal(err)
	}
	b, err := Draw(Card{Kind: "Кейс", Title: "Партне\u0308рства"})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Error("е + U+0308 is drawn differently from ё")
	}
}

// TestDeterministic draws a card twice, once after other cards, with the
// same bytes.
func TestDeterministic(t *testing.T) {
	c := sampleCards["ru"]
	first, err := Draw(c)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Draw(sampleCards["home"]); err != nil {
		t.Fatal(err)
	}
	again, err := Draw(c)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first, again) {
		t.Error("the same card was drawn differently")
	}
}

// TestCache draws a card into an empty cache, takes it from the cache the
// second time, and draws it again when the cached file is damaged.
func TestCache(t *testing.T) {
	dir := t.TempDir()
	c := sampleCards["en"]
	drawn, hit, err := Cached(dir, c)
	if err != nil || hit {
		t.Fatalf("first: hit %v, err %v", hit, err)
	}
	cached, hit, err := Cached(dir, c)
	if err != nil || !hit || !bytes.Equal(drawn, cached) {
		t.Fatalf("second: hit %v, err %v, same bytes %v", hit, err, bytes.Equal(drawn, cached))
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.png"))
	if len(files) != 1 {
		t.Fatalf("the cache holds %d images, want 1", len(files))
	}
	if err := os.WriteFile(files[0], []byte("not a PNG"), 0o644); err != nil {
		t.Fatal(err)
	}
	again, hit, err := Cached(dir, c)
	if err != nil || hit || !bytes.Equal(drawn, again) {
		t.Fatalf("damaged: hit %v, err %v, same bytes %v", hit, err, bytes.Equal(drawn, again))
	}
	other, _, _ := Cached(dir, sampleCards["ru"])
	if bytes.Equal(other, drawn) {
		t.Error("two cards share one cached image")
	}
}

// TestPaletteMatchesStylesheet compares the colours with the light
// theme's custom properties in static/assets/css/style.css.
func TestPaletteMatchesStylesheet(t *testing.T) {
	css, err := os.ReadFile("../../static/assets/css/style.css")
	if err != nil {
		t.Fatal(err)
	}
	root := string(css)
	if i := strings.Index(root, "@media"); i > 0 {
		root = root[:i] // the light theme comes first
	}
	for prop, c := range map[string][3]uint8{
		"--bg": {background.R, background.G, background.B}, "--text": {textColour.R, textColour.G, textColour.B},
		"--accent": {accent.R, accent.G, accent.B}, "--line": {line.R, line.G, line.B},
		"--foot-bg": {footBg.R, footBg.G, footBg.B}, "--foot-text": {footText.R, footText.G, footText.B},
	} {
		m := regexp.MustCompile(regexp.QuoteMeta(prop) + `:\s*#([0-9a-f]{6})\b`).FindStringSubmatch(root)
		if m == nil {
			t.Errorf("style.css has no %s", prop)
			continue
		}
		if want := strings.ToLower(m[1]); want != hexRGB(c) {
			t.Errorf("%s is #%s in style.css, #%s here", prop, want, hexRGB(c))
		}
	}
	if !strings.Contains(string(css), ".brand-mark circle { fill: var(--accent); fill-opacity: .6; }") {
		t.Error("the brand mark's fill in style.css changed: update markOpacity and this test")
	}
}

func hexRGB(c [3]uint8) string {
	const digits = "0123456789abcdef"
	var s []byte
	for _, v := range c {
		s = append(s, digits[v>>4], digits[v&15])
	}
	return string(s)
}
