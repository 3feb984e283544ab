package printed

import (
	"bytes"
	"image"
	_ "image/gif" // GIF pictures
	"image/jpeg"
	"image/png"

	"github.com/go-pdf/fpdf"
	"github.com/yuin/goldmark/ast"
	xdraw "golang.org/x/image/draw"
	_ "golang.org/x/image/webp" // WebP pictures

	"ndpc/generator/content"
)

// Pictures are printed at 150 dots per inch, or smaller to fit the
// column; larger files are scaled down to this many pixels across.
const (
	pictureDPI   = 150
	maxPixels    = 2000
	captionSize  = 8.5
	captionSpace = 1.5
)

// picture sets an image of the body as a block, scaled to the column,
// with its title as a caption. A picture that cannot be printed (an SVG,
// a file elsewhere on the web) leaves its description in its place.
func (d *doc) picture(n *ast.Image, link string, src []byte) {
	dest := string(n.Destination)
	alt := altText(n, src)
	name, w, h, ok := d.register(dest)
	if !ok {
		st := bodyText
		st.italic, st.color = true, muted
		if alt != "" {
			d.lines(d.breakLines(d.words([]span{{text: "[" + alt + "]", st: st}}), d.w), bodyPara)
		}
		return
	}
	width := min(d.w, float64(w)*25.4/pictureDPI)
	height := width * float64(h) / float64(w)
	if most := (bottom - marginT) * 0.9; height > most {
		height = most
		width = height * float64(w) / float64(h)
	}
	var caption []line
	capPara := para{st: style{family: "serif", italic: true, size: captionSize, color: muted}, lead: 3.9, how: alignLeft, after: 0}
	if len(n.Title) > 0 {
		caption = d.breakLines(d.words([]span{{text: string(n.Title), st: capPara.st}}), d.w)
	}
	d.space(1.5)
	d.fit(height + float64(len(caption))*capPara.lead + captionSpace)
	d.drawMarker(d.y + baseline(bodyPara.lead, bodyText.size))
	x := d.x0 + (d.w-width)/2
	linkStr := ""
	if link != "" {
		linkStr = d.href(link)
	}
	d.pdf.ImageOptions(name, x, d.y, width, height, false, fpdf.ImageOptions{}, 0, linkStr)
	d.y += height + captionSpace
	if len(caption) > 0 {
		d.lines(caption, capPara)
	}
	d.y += bodyPara.after
}

// register gives the PDF a picture once, as a JPEG or an 8-bit PNG
// (what the PDF writer reads), and returns its name and size in pixels.
// A picture is decoded whole only when its header declares at most
// content.MaxPicturePixels.
func (d *doc) register(dest string) (string, int, int, bool) {
	if d.meta.Image == nil {
		return "", 0, 0, false
	}
	data, ok := d.meta.Image(dest)
	if !ok {
		return "", 0, 0, false
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil || cfg.Width <= 0 || cfg.Height <= 0 {
		return "", 0, 0, false
	}
	if int64(cfg.Width)*int64(cfg.Height) > content.MaxPicturePixels {
		return "", 0, 0, false // refused when the content is loaded; this one grew since
	}
	w, h := cfg.Width, cfg.Height
	if d.images[dest] {
		return dest, w, h, true
	}
	kind := "JPG"
	if format != "jpeg" || w > maxPixels {
		img, _, err := image.Decode(bytes.NewReader(data))
		if err != nil {
			return "", 0, 0, false
		}
		if w > maxPixels {
			img = shrink(img, maxPixels)
			w, h = img.Bounds().Dx(), img.Bounds().Dy()
		}
		var buf bytes.Buffer
		if format == "jpeg" {
			err = jpeg.Encode(&buf, img, &jpeg.Options{Quality: 85})
		} else {
			kind = "PNG"
			nrgba := image.NewNRGBA(img.Bounds())
			xdraw.Draw(nrgba, nrgba.Bounds(), img, img.Bounds().Min, xdraw.Src)
			err = (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&buf, nrgba)
		}
		if err != nil {
			return "", 0, 0, false
		}
		data = buf.Bytes()
	}
	d.pdf.RegisterImageOptionsReader(dest, fpdf.ImageOptions{ImageType: kind, ReadDpi: false}, bytes.NewReader(data))
	if d.pdf.Err() {
		d.pdf.ClearError()
		return "", 0, 0, false
	}
	d.images[dest] = true
	return dest, w, h, true
}

// shrink scales a picture down to width pixels across.
func shrink(img image.Image, width int) image.Image {
	b := img.Bounds()
	dst := image.NewNRGBA(image.Rect(0, 0, width, max(1, b.Dy()*width/b.Dx())))
	xdraw.CatmullRom.Scale(dst, dst.Bounds(), img, b, xdraw.Src, nil)
	return dst
}
