package generator

import (
	"sync"

	"ndpc/generator/content"
)

// pieces holds the rendered pieces many pages show alike (a case study's
// card, a menu, the layout's cached partials), made the first time a page
// asks for one. A run is given its pieces: a build makes them afresh, and
// the preview gives every run over its model the same ones.
//
// Each piece is keyed by everything it is made from besides the model's
// templates and i18n tables (which a new model brings new pieces for), so
// a changed input makes a new key, and nothing is ever evicted by hand: a
// card by its case study and the revision of its front matter, a menu by its
// language, current entry and the about page's title, a cached partial by
// its data.
type pieces struct {
	cards  sync.Map // cardKey → template.HTML of a case study's card
	menus  sync.Map // menuKey → *view.Menu
	shared sync.Map // sharedKey → template.HTML of a cached partial
}

// cardKey names a case study's card as its front matter now reads.
type cardKey struct {
	cs       *content.CaseStudy
	revision uint64 // of its page's front matter
}
