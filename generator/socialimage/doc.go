// Package socialimage draws the social preview images of the site's pages
// (og:image): 1200 × 630 PNG pictures that show a page's kind and title
// with the site's identity, as link previews in messengers and social
// networks show them.
//
// A card (Card) is laid out as the site's header and footer are: on the
// page's background colour, the brand mark (the two overlapping circles
// of templates/partials/layout.html) and the site's name at the top; the
// page's kind ("Case study", «Кейс») in the accent colour; the title in
// Noto Serif Bold; a band in the footer's colours with the publisher at
// the bottom. The colours are the light theme's of
// static/assets/css/style.css (a test compares them).
//
// The title is word-wrapped by its measured width at the largest of a few
// sizes whose lines fit the title's box; when even the smallest does not
// fit, the last line that fits ends with an ellipsis. Spaces that do not
// break (U+00A0, U+202F) keep their words together; a word wider than
// the box is broken between its characters.
//
// Text is drawn with golang.org/x/image/font/opentype (the Go team's
// rasteriser of OpenType glyph outlines, golang.org/x/image/vector
// underneath) from the fonts of the print editions (package printed,
// Noto Serif and Noto Sans, SIL Open Font License). Those files carry no
// OpenType layout tables, so shaping is what they allow and what Latin
// and Cyrillic need: one glyph per character, after Unicode
// normalisation to NFC, so that a letter and its combining accent
// (е + ◌̈) become the one precomposed glyph (ё) where it exists.
//
// Drawing is deterministic: the same Card gives the same bytes, on any
// machine. Cached keeps the images between builds under a hash of the
// card and of the program.
package socialimage
