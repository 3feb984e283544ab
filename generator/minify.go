package generator

import (
	"path"
	"regexp"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/minify/v2/xml"
)

// minifier shrinks HTML, CSS, JS, SVG, JSON and XML output, chosen by the
// file's extension. A nil *minifier leaves output as it is (ndpc serve
// keeps pages readable).
type minifier struct {
	m *minify.M
}

var mediaTypes = map[string]string{
	".html": "text/html", ".css": "text/css", ".js": "application/javascript",
	".svg": "image/svg+xml", ".json": "application/json", ".xml": "application/xml",
	".webmanifest": "application/json",
}

// newMinifier returns the minifier of ndpc build. HTML keeps its end tags
// and one white-space character wherever the page has white space, also
// between blocks: Pagefind reads a page's text from its tags, and adds a
// break only at the end tag of a paragraph, heading, list item or table
// cell it sees, so that without them (or without the space between a
// term and its definition, or two table headings) the words of two blocks
// ran together in the search index and its excerpts ("1 case
// studyPublished here"). The minified page thus reads, space for space,
// as the page before minifying does (TestMinifyKeepsText), for about 1%
// more bytes after compression.
func newMinifier() *minifier {
	m := minify.New()
	m.Add("text/html", &html.Minifier{KeepDocumentTags: true, KeepDefaultAttrVals: true, KeepEndTags: true, KeepWhitespace: true})
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("application/javascript", js.Minify)
	m.AddFunc("image/svg+xml", svg.Minify)
	m.AddFuncRegexp(regexp.MustCompile(`[/+]json$`), json.Minify)
	m.AddFuncRegexp(regexp.MustCompile(`[/+]xml$`), xml.Minify)
	return &minifier{m: m}
}

// handles reports whether output at sitePath is minified.
func (mf *minifier) handles(sitePath string) bool {
	_, ok := mediaTypes[path.Ext(sitePath)]
	return mf != nil && ok
}

// apply returns data minified for its type, or data itself when the type
// is not minified.
func (mf *minifier) apply(sitePath string, data []byte) ([]byte, error) {
	if !mf.handles(sitePath) {
		return data, nil
	}
	// Bytes reads data in place (a reader would copy it first) and
	// returns a new slice.
	out, err := mf.m.Bytes(mediaTypes[path.Ext(sitePath)], data)
	if err != nil {
		return nil, err
	}
	return out, nil
}
