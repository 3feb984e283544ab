package generator

import (
	"strings"
	"sync/atomic"
	"time"

	"ndpc/generator/content"
	"ndpc/generator/parallel"
	"ndpc/generator/socialimage"
	"ndpc/generator/view"
)

// The social preview images (package socialimage): every page names one
// in og:image. Each page with a title of its own gets its own image,
// published beside it as social.png (/en/case-studies/proto/social.png);
// the home page's, /en/social.png, is the language's default, which the
// search page and the 404 page share, since their titles say nothing
// about the site. The preview (Live) draws none and its pages name none.

// socialFile is the file name of a page's preview image.
const socialFile = "social.png"

// socialCard returns what a job's preview image shows, and the site path
// the image is published at; shared is true for a page that names the
// default image of its language rather than its own.
func (b *builder) socialCard(j job) (card socialimage.Card, url string, shared bool) {
	L := b.locales[j.lang]
	home := content.URLFor(j.lang, "", "")
	kind := strings.TrimSuffix(j.template, ".html")
	switch kind {
	case "home", "search", "404":
		card = socialimage.Card{Brand: L.Text("site.publisher"), Kind: L.Text("social.kind.home"), Title: L.Text("site.title")}
		return card, home + socialFile, kind != "home"
	}
	key := "social.kind.page"
	switch kind {
	case "case-study", "brief", "chapter", "event", "country", "sector":
		key = "social.kind." + strings.ReplaceAll(kind, "-", "_")
	case "case-studies", "countries", "sectors", "briefs", "report", "events":
		key = "social.kind.section"
	}
	card = socialimage.Card{Brand: L.Text("site.title"), Kind: L.Text(key), Title: j.pageTitle(), Footer: L.Text("site.publisher")}
	return card, j.url + socialFile, false
}

// socialImages draws the preview image of every page (from the cache
// when an earlier build drew the same), on every core, and returns the
// image each page names, by the page's site path. The cards' labels are
// looked up also when images are not made, so that a check reports a
// missing one.
func (b *builder) socialImages(jobs []job) (named map[string]view.SocialImage, drawn int) {
	type task struct {
		card  socialimage.Card
		url   string
		where string
	}
	var tasks []task
	named = map[string]view.SocialImage{}
	for _, j := range jobs {
		if j.checkOnly {
			continue
		}
		card, url, shared := b.socialCard(j)
		alt := card.Title
		if card.Kind != "" {
			alt = card.Kind + ": " + card.Title
		}
		named[j.url] = view.SocialImage{URL: b.baseURL + url, Alt: alt, Width: socialimage.Width, Height: socialimage.Height}
		if !shared {
			where := b.opts.Templates
			if j.page != nil {
				where = j.page.Path
			}
			tasks = append(tasks, task{card: card, url: url, where: where})
		}
	}
	if !b.opts.SocialImages {
		return nil, 0
	}
	published := map[string]bool{}
	for _, f := range b.site.Files {
		for _, u := range b.site.FileURLs(f) {
			published[u] = true
		}
	}
	var n atomic.Int64
	parallel.Each(len(tasks), func(i int) {
		t := tasks[i]
		if published[t.url] {
			b.problems.Errorf(t.where, 0, 0, "the page's folder has a file %s where the build writes the page's social preview image: rename the file", socialFile)
			return
		}
		data, _, err := socialimage.Cached(b.opts.ImageCache, t.card)
		if err != nil {
			b.problems.Errorf(t.where, 0, 0, "cannot draw the social preview image %s: %v", t.url, err)
			return
		}
		if b.publishRaw(t.url, data) {
			n.Add(1)
		}
	})
	if b.opts.ImageCache != "" {
		socialimage.PruneCache(b.opts.ImageCache, 30*24*time.Hour)
	}
	return named, int(n.Load()) // a failure fails the build
}
