package countrymap

import (
	"encoding/xml"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// codes are the Northern Dimension countries.
var codes = []string{"DK", "EE", "FI", "DE", "IS", "LV", "LT", "NO", "PL", "RU", "SE"}

var pathToken = regexp.MustCompile(`[MmLlZz]|-?(?:\d+\.?\d*|\.\d+)`)

// points returns the absolute points of path data made of M, m, L, l and
// z commands (the ones countries.json uses), and an error for anything else.
func points(d string) ([][2]float64, error) {
	if rest := strings.TrimSpace(pathToken.ReplaceAllString(d, "")); strings.Trim(rest, " ,") != "" {
		return nil, fmt.Errorf("unexpected characters %q", rest)
	}
	var pts [][2]float64
	var x, y, sx, sy float64
	cmd := ""
	var nums []float64
	for _, tok := range pathToken.FindAllString(d, -1) {
		switch tok {
		case "M", "m", "L", "l":
			cmd, nums = tok, nil
			continue
		case "Z", "z":
			x, y, cmd = sx, sy, ""
			continue
		}
		if cmd == "" {
			return nil, fmt.Errorf("number %s without a command", tok)
		}
		v, _ := strconv.ParseFloat(tok, 64)
		if nums = append(nums, v); len(nums) < 2 {
			continue
		}
		if cmd == "m" || cmd == "l" {
			x, y = x+nums[0], y+nums[1]
		} else {
			x, y = nums[0], nums[1]
		}
		nums = nil
		if cmd == "M" || cmd == "m" {
			sx, sy = x, y
			cmd = map[string]string{"M": "L", "m": "l"}[cmd] // further pairs are lines
		}
		pts = append(pts, [2]float64{x, y})
	}
	if len(nums) != 0 {
		return nil, fmt.Errorf("odd number of coordinates")
	}
	return pts, nil
}

func TestOutlines(t *testing.T) {
	o, err := load()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(o.Source, "Natural Earth") {
		t.Errorf("source %q does not name Natural Earth", o.Source)
	}
	var w, h float64
	fmt.Sscanf(o.ViewBox, "0 0 %g %g", &w, &h)
	if len(o.Countries) != len(codes) {
		t.Errorf("%d countries, want %d", len(o.Countries), len(codes))
	}
	for _, code := range codes {
		d := o.Countries[code]
		pts, err := points(d)
		if err != nil {
			t.Errorf("%s: %v", code, err)
			continue
		}
		if len(pts) < 10 {
			t.Errorf("%s: only %d points", code, len(pts))
		}
		for _, p := range pts {
			if p[0] < -0.05 || p[0] > w+0.05 || p[1] < -0.05 || p[1] > h+0.05 {
				t.Errorf("%s: point %v outside the viewBox %s", code, p, o.ViewBox)
				break
			}
		}
	}
	if len(countriesJSON) > 40<<10 {
		t.Errorf("countries.json is %d bytes: simplify more (see SOURCE.md)", len(countriesJSON))
	}
}

// TestPlacement checks the outlines against geography: west to east and
// north to south as on any map.
func TestPlacement(t *testing.T) {
	o, _ := load()
	centre := map[string][2]float64{}
	for _, code := range codes {
		pts, _ := points(o.Countries[code])
		var minx, miny, maxx, maxy = 1e9, 1e9, -1e9, -1e9
		for _, p := range pts {
			minx, maxx = min(minx, p[0]), max(maxx, p[0])
			miny, maxy = min(miny, p[1]), max(maxy, p[1])
		}
		centre[code] = [2]float64{(minx + maxx) / 2, (miny + maxy) / 2}
	}
	westOf := [][2]string{{"IS", "NO"}, {"NO", "SE"}, {"SE", "FI"}, {"DE", "PL"}, {"DK", "SE"}, {"LV", "RU"}}
	for _, p := range westOf {
		if centre[p[0]][0] >= centre[p[1]][0] {
			t.Errorf("%s is not west of %s: %v, %v", p[0], p[1], centre[p[0]], centre[p[1]])
		}
	}
	northOf := [][2]string{{"FI", "EE"}, {"EE", "LV"}, {"LV", "LT"}, {"LT", "PL"}, {"DK", "DE"}, {"NO", "DK"}}
	for _, p := range northOf {
		if centre[p[0]][1] >= centre[p[1]][1] {
			t.Errorf("%s is not north of %s: %v, %v", p[0], p[1], centre[p[0]], centre[p[1]])
		}
	}
}

func TestShade(t *testing.T) {
	for _, c := range []struct{ count, max, want int }{
		{0, 0, 0}, {0, 5, 0}, {1, 1, 4}, {5, 5, 4}, {1, 8, 1}, {2, 8, 1}, {3, 8, 2}, {4, 8, 2}, {5, 8, 3}, {7, 8, 4}, {1, 100, 1},
	} {
		if got := Shade(c.count, c.max); got != c.want {
			t.Errorf("Shade(%d, %d) = %d, want %d", c.count, c.max, got, c.want)
		}
	}
}

// link is an <a> of the rendered map, as parsed.
type link struct {
	Href  string `xml:"href,attr"`
	Class string `xml:"class,attr"`
	Label string `xml:"aria-label,attr"`
	Path  struct {
		D      string `xml:"d,attr"`
		Hidden string `xml:"aria-hidden,attr"`
		Title  string `xml:"title"`
	} `xml:"path"`
}

type svgMap struct {
	XMLName xml.Name `xml:"svg"`
	Role    string   `xml:"role,attr"`
	Label   string   `xml:"aria-label,attr"`
	ViewBox string   `xml:"viewBox,attr"`
	Links   []link   `xml:"a"`
}

func sample() []Country {
	var cs []Country
	for i, code := range codes {
		n := i % 4 // 0…3
		if code == "FI" {
			n = 7
		}
		cs = append(cs, Country{Code: code, Name: "Country " + code, URL: "/en/countries/" + strings.ToLower(code) + "/",
			Count: n, Label: fmt.Sprintf("Country %s & co: %d case studies", code, n)})
	}
	return cs
}

func TestRender(t *testing.T) {
	cs := sample()
	html, err := Render(`Map of the "countries"`, cs)
	if err != nil {
		t.Fatal(err)
	}
	out := string(html)
	var m svgMap
	dec := xml.NewDecoder(strings.NewReader(out))
	if err := dec.Decode(&m); err != nil {
		t.Fatalf("not XML: %v", err)
	}
	if _, err := dec.Token(); err != io.EOF {
		t.Errorf("something after </svg>: %v", err)
	}
	if m.Role != "group" || m.Label != `Map of the "countries"` {
		t.Errorf("svg role %q, label %q", m.Role, m.Label)
	}
	if m.ViewBox == "" {
		t.Error("no viewBox")
	}
	if len(m.Links) != len(cs) {
		t.Fatalf("%d links, want %d", len(m.Links), len(cs))
	}
	for i, c := range cs {
		l := m.Links[i]
		if l.Href != c.URL {
			t.Errorf("link %d: href %q, want %q", i, l.Href, c.URL)
		}
		if l.Label != c.Label || l.Path.Title != c.Label {
			t.Errorf("link %d: label %q, title %q, want %q", i, l.Label, l.Path.Title, c.Label)
		}
		if l.Path.D == "" || l.Path.Hidden != "true" {
			t.Errorf("link %d: path %.20q, aria-hidden %q", i, l.Path.D, l.Path.Hidden)
		}
		want := fmt.Sprintf("m%d", Shade(c.Count, 7))
		switch {
		case c.Count == 0:
			want = "m0"
		case c.Count == 7:
			want = "m4"
		}
		if l.Class != want {
			t.Errorf("%s with %d case studies: class %q, want %q", c.Code, c.Count, l.Class, want)
		}
	}
	if strings.Contains(out, "style") {
		t.Error("the map has a style attribute or element, which the Content-Security-Policy blocks")
	}
	again, _ := Render(`Map of the "countries"`, cs)
	if again != html {
		t.Error("two renders differ")
	}
}

func TestRenderLabelFallsBackToName(t *testing.T) {
	html, err := Render("Map", []Country{{Code: "IS", Name: "Iceland", URL: "/en/countries/iceland/"}})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(html), `aria-label="Iceland"`) || !strings.Contains(string(html), `class="m0"`) {
		t.Errorf("got %.300s", html)
	}
}

func TestRenderErrors(t *testing.T) {
	for _, c := range []Country{
		{Code: "XX", URL: "/en/countries/x/"},
		{Code: "FI", URL: "javascript:alert(1)"},
		{Code: "FI", URL: "//example.org/"},
	} {
		if _, err := Render("Map", []Country{c}); err == nil {
			t.Errorf("%+v: no error", c)
		}
	}
}
