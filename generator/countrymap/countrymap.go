// Package countrymap draws the map of the 11 Northern Dimension countries
// as inline SVG, at build time: each country shaded by its number of case
// studies and linking to its country page.
//
// # The outlines
//
// countries.json, embedded in the program, holds one SVG path per country
// (ISO 3166-1 alpha-2 code), already projected into the map's viewBox:
// Natural Earth's 1:50m country outlines (public domain), clipped to the
// region, projected and simplified. SOURCE.md says how to make it again.
//
// # The markup
//
// Render writes, with no style attribute and no style element (the site's
// Content-Security-Policy allows neither; the stylesheet colours the map
// by class):
//
//	<svg xmlns="http://www.w3.org/2000/svg" class="country-map"
//	     viewBox="0 0 1000 767" role="group" aria-label="Map of the Northern Dimension countries">
//	  <a href="/en/countries/finland/" class="m4" aria-label="Finland: 3 case studies">
//	    <path d="M…z" aria-hidden="true"><title>Finland: 3 case studies</title></path>
//	  </a>
//	  …
//	</svg>
//
// A country's class is its shade: m0 for no case study, then m1, m2, m3
// and m4 for up to a quarter, a half, three quarters and all of the
// largest count, so that every country with case studies is at least m1
// and the one with the most is m4. The stylesheet gives each shade its
// colour (--map-0 … --map-4, in light and dark mode), each at least 3:1
// against the page's background (WCAG 2.1, 1.4.11), which the package's
// tests check.
//
// RenderLegend writes the key to the shades actually used, each with the
// counts it stands for:
//
//	<div class="map-legend"><p>Case studies per country</p>
//	  <ul role="list"><li><span class="swatch m0" aria-hidden="true"></span> 0</li>
//	  <li><span class="swatch m2" aria-hidden="true"></span> 1</li> … </ul></div>
//
// # Accessibility
//
// The map is a group of ordinary links, not a picture. The <svg> is a
// group (role="group") named by its label, so that a screen reader
// announces "Map of …, group" and then the links; each <a> is named by
// its aria-label, which carries the count as text ("Finland: 3 case
// studies"), so the shading is never the only way to learn the numbers.
// The <title> inside each path is the tooltip a mouse user sees; the path
// is aria-hidden so that the same words are not read twice (once as the
// link's name and again as the name of a graphic inside it). The links are
// real links in the tab order, in the order given to Render: keyboard users
// reach every country they can see, with a focus outline from the
// stylesheet, and nothing traps the focus, since there is no script. The
// pages that show the map also list the countries with their counts as
// text, which serves browsers that show no SVG.
//
// The output depends on the arguments alone: the same countries in the
// same order give the same bytes, so builds are reproducible.
package countrymap

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"html/template"
	"strings"
	"sync"
)

//go:embed countries.json
var countriesJSON []byte

// outlines is countries.json as read.
type outlines struct {
	Source    string            `json:"source"`
	ViewBox   string            `json:"viewBox"`
	Countries map[string]string `json:"countries"` // code → SVG path data
}

// load reads the embedded outlines once.
var load = sync.OnceValues(func() (*outlines, error) {
	var o outlines
	if err := json.Unmarshal(countriesJSON, &o); err != nil {
		return nil, fmt.Errorf("countrymap: countries.json: %w", err)
	}
	var w, h float64
	if _, err := fmt.Sscanf(o.ViewBox, "0 0 %g %g", &w, &h); err != nil || w <= 0 || h <= 0 {
		return nil, fmt.Errorf("countrymap: countries.json: viewBox %q is not \"0 0 WIDTH HEIGHT\"", o.ViewBox)
	}
	return &o, nil
})

// Country is one country on the map.
type Country struct {
	Code  string // ISO 3166-1 alpha-2: "FI"
	Name  string // in the page's language: "Finland"
	URL   string // the country's page: a site path or an http(s) URL
	Count int    // its case studies
	Label string // the link's name, with the count: "Finland: 3 case studies" (Name when empty)
}

// Shades is the number of shades of countries with case studies (m1…m4);
// m0 is the shade of a country with none.
const Shades = 4

// Shade returns the shade, 0 to Shades, of a country with count case
// studies when the country with the most has max.
func Shade(count, max int) int {
	if count <= 0 || max <= 0 {
		return 0
	}
	if count >= max {
		return Shades
	}
	return (Shades*count + max - 1) / max
}

// Render returns the map of countries, in the order given, as an inline
// <svg> named label. A country whose code has no outline, or whose URL is
// neither a site path nor an http(s) URL, is an error.
func Render(label string, countries []Country) (template.HTML, error) {
	o, err := load()
	if err != nil {
		return "", err
	}
	max := 0
	for _, c := range countries {
		if c.Count > max {
			max = c.Count
		}
	}
	esc := template.HTMLEscapeString
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" class="country-map" viewBox="%s" role="group" aria-label="%s">`,
		o.ViewBox, esc(label))
	for _, c := range countries {
		d, ok := o.Countries[c.Code]
		if !ok {
			return "", fmt.Errorf("countrymap: no outline for country %q", c.Code)
		}
		if !safeURL(c.URL) {
			return "", fmt.Errorf("countrymap: country %s: URL %q is neither a site path nor an http(s) URL", c.Code, c.URL)
		}
		name := c.Label
		if name == "" {
			name = c.Name
		}
		fmt.Fprintf(&b, "\n"+`<a href="%s" class="m%d" aria-label="%s"><path d="%s" aria-hidden="true"><title>%s</title></path></a>`,
			esc(c.URL), Shade(c.Count, max), esc(name), d, esc(name))
	}
	b.WriteString("\n</svg>")
	return template.HTML(b.String()), nil
}

// LegendEntry is one shade of the legend and the case-study counts, Min
// to Max, that it stands for.
type LegendEntry struct {
	Shade    int
	Min, Max int
}

// Legend lists the shades a map whose largest count is max uses, lightest
// first, each with the range of counts it stands for; shades that no
// count gets are left out. With max 0 it is the one shade of no case
// study.
func Legend(max int) []LegendEntry {
	var out []LegendEntry
	for n := 0; n <= max || n == 0; n++ {
		s := Shade(n, max)
		if k := len(out); k > 0 && out[k-1].Shade == s {
			out[k-1].Max = n
			continue
		}
		out = append(out, LegendEntry{Shade: s, Min: n, Max: n})
	}
	return out
}

// String is the entry's counts as the legend shows them: "0", "1", "2–3".
func (e LegendEntry) String() string {
	if e.Min == e.Max {
		return fmt.Sprint(e.Min)
	}
	return fmt.Sprintf("%d–%d", e.Min, e.Max)
}

// RenderLegend returns the key to the shades of the map of countries,
// headed title ("Case studies per country").
func RenderLegend(title string, countries []Country) template.HTML {
	max := 0
	for _, c := range countries {
		if c.Count > max {
			max = c.Count
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<div class="map-legend"><p>%s</p><ul role="list">`, template.HTMLEscapeString(title))
	for _, e := range Legend(max) {
		fmt.Fprintf(&b, `<li><span class="swatch m%d" aria-hidden="true"></span> %s</li>`, e.Shade, e)
	}
	b.WriteString("</ul></div>")
	return template.HTML(b.String())
}

// safeURL reports whether u is a site path ("/en/…") or an http(s) URL.
func safeURL(u string) bool {
	switch {
	case strings.HasPrefix(u, "//"):
		return false
	case strings.HasPrefix(u, "/"), strings.HasPrefix(u, "https://"), strings.HasPrefix(u, "http://"):
		return true
	}
	return false
}
