package socialimage

import "image/color"

// The colours of the light theme in static/assets/css/style.css (its
// custom properties named in each comment); TestPaletteMatchesStylesheet
// fails when they drift apart.
var (
	background = rgb(0xfa, 0xfa, 0xf7) // --bg
	textColour = rgb(0x1c, 0x22, 0x27) // --text
	accent     = rgb(0x0a, 0x5b, 0x7c) // --accent: the kind, the brand mark
	line       = rgb(0xd9, 0xe0, 0xe4) // --line: the rule under the brand
	footBg     = rgb(0x0d, 0x34, 0x45) // --foot-bg
	footText   = rgb(0xe8, 0xf0, 0xf3) // --foot-text
)

// markOpacity is the brand mark's circles' fill-opacity in style.css.
const markOpacity = 0.6

func rgb(r, g, b uint8) color.RGBA { return color.RGBA{r, g, b, 0xff} }
