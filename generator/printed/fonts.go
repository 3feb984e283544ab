package printed

import (
	"embed"
	"io/fs"
	"sort"
)

// The fonts of the print editions (see fonts/README.md): Noto Serif and
// Noto Sans, reduced to Latin and Cyrillic. Every edition is typeset with
// these and Typst's own DejaVu Sans Mono (for code) alone, never with a
// font of the machine, so that every machine makes the same PDF.
//
//go:embed fonts/*.ttf
var fontFiles embed.FS

// fonts returns the content of every font file, in the order of their
// names.
func fonts() ([][]byte, error) {
	names, err := fs.Glob(fontFiles, "fonts/*.ttf")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	var out [][]byte
	for _, name := range names {
		data, err := fontFiles.ReadFile(name)
		if err != nil {
			return nil, err
		}
		out = append(out, data)
	}
	return out, nil
}
