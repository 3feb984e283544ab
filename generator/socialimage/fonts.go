package socialimage

import (
	"fmt"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"

	"ndpc/generator/printed"
)

// typeface is one of the fonts a card uses.
type typeface int

const (
	serifBold   typeface = iota // the title and the site's name
	sansBold                    // the kind
	sansRegular                 // the publisher
)

var fontFiles = [...]string{
	serifBold:   "NotoSerif-Bold.ttf",
	sansBold:    "NotoSans-Bold.ttf",
	sansRegular: "NotoSans-Regular.ttf",
}

var (
	loadFonts sync.Once
	parsed    [len(fontFiles)]*opentype.Font
	fontErr   error
)

// face returns a typeface at a size in pixels. A face keeps buffers of
// its own: each drawing makes its faces, and the parsed fonts are shared.
func face(t typeface, size float64) (font.Face, error) {
	loadFonts.Do(func() {
		for i, name := range fontFiles {
			data, err := printed.FontFile(name)
			if err == nil {
				parsed[i], err = opentype.Parse(data)
			}
			if err != nil {
				fontErr = fmt.Errorf("font %s: %w", name, err)
				return
			}
		}
	})
	if fontErr != nil {
		return nil, fontErr
	}
	return opentype.NewFace(parsed[t], &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
}
