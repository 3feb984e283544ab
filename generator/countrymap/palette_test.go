package countrymap

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"math"
	"os"
	"strings"
	"testing"

	"github.com/tdewolff/parse/v2"
	"github.com/tdewolff/parse/v2/css"
)

// stylesheet is the site's stylesheet, which colours the map's shades.
const stylesheet = "../../static/assets/css/style.css"

// rootVariables returns the custom properties of the stylesheet's :root
// rules, those outside any at-rule as "light" and those inside
// @media (prefers-color-scheme: dark) as "dark", dark inheriting light.
func rootVariables(t *testing.T) map[string]map[string]string {
	t.Helper()
	src, err := os.ReadFile(stylesheet)
	if err != nil {
		t.Fatal(err)
	}
	vars := map[string]map[string]string{"light": {}, "dark": {}}
	p := css.NewParser(parse.NewInput(bytes.NewReader(src)), false)
	var media []string // the preludes of the open at-rules
	inRoot := false
	for {
		gt, _, data := p.Next()
		switch gt {
		case css.ErrorGrammar:
			if p.Err() != nil && p.Err().Error() != "EOF" {
				t.Fatalf("%s: %v", stylesheet, p.Err())
			}
			for k, v := range vars["light"] {
				if _, ok := vars["dark"][k]; !ok {
					vars["dark"][k] = v
				}
			}
			return vars
		case css.BeginAtRuleGrammar:
			media = append(media, string(data)+" "+tokens(p.Values()))
		case css.EndAtRuleGrammar:
			media = media[:len(media)-1]
		case css.BeginRulesetGrammar:
			inRoot = strings.TrimSpace(tokens(p.Values())) == ":root"
		case css.EndRulesetGrammar:
			inRoot = false
		case css.CustomPropertyGrammar:
			if !inRoot {
				continue
			}
			mode := "light"
			switch {
			case len(media) == 1 && strings.Contains(strings.ReplaceAll(media[0], " ", ""), "(prefers-color-scheme:dark)"):
				mode = "dark"
			case len(media) > 0:
				continue
			}
			vars[mode][string(data)] = strings.TrimSpace(tokens(p.Values()))
		}
	}
}

func tokens(vals []css.Token) string {
	var b strings.Builder
	for _, v := range vals {
		b.Write(v.Data)
	}
	return b.String()
}

// luminance is the WCAG 2 relative luminance of a colour #rrggbb.
func luminance(color string) (float64, error) {
	rgb, err := hex.DecodeString(strings.TrimPrefix(color, "#"))
	if err != nil || len(rgb) != 3 || !strings.HasPrefix(color, "#") {
		return 0, fmt.Errorf("colour %q is not #rrggbb", color)
	}
	var c [3]float64
	for i, v := range rgb {
		s := float64(v) / 255
		if s <= 0.04045 {
			c[i] = s / 12.92
		} else {
			c[i] = math.Pow((s+0.055)/1.055, 2.4)
		}
	}
	return 0.2126*c[0] + 0.7152*c[1] + 0.0722*c[2], nil
}

// contrast is the WCAG 2 contrast ratio of two colours #rrggbb.
func contrast(a, b string) (float64, error) {
	la, err := luminance(a)
	if err != nil {
		return 0, err
	}
	lb, err := luminance(b)
	if err != nil {
		return 0, err
	}
	return (math.Max(la, lb) + 0.05) / (math.Min(la, lb) + 0.05), nil
}

func TestContrast(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want float64
	}{{"#000000", "#ffffff", 21}, {"#ffffff", "#ffffff", 1}, {"#767676", "#ffffff", 4.54}} {
		got, err := contrast(c.a, c.b)
		if err != nil || math.Abs(got-c.want) > 0.01 {
			t.Errorf("contrast(%s, %s) = %.3f, %v; want %.2f", c.a, c.b, got, err, c.want)
		}
	}
}

// Every shade of the map, the one of no case study included, stands out
// from the page's background by at least 3:1 (WCAG 2.1, 1.4.11 Non-text
// Contrast) in light and in dark mode: Denmark and Lithuania too.
func TestShadesContrastWithBackground(t *testing.T) {
	vars := rootVariables(t)
	for _, mode := range []string{"light", "dark"} {
		bg := vars[mode]["--bg"]
		for s := 0; s <= Shades; s++ {
			name := fmt.Sprintf("--map-%d", s)
			fill, ok := vars[mode][name]
			if !ok {
				t.Errorf("%s: no %s in :root (%s mode)", stylesheet, name, mode)
				continue
			}
			r, err := contrast(fill, bg)
			if err != nil {
				t.Errorf("%s %s: %v", mode, name, err)
			} else if r < 3 {
				t.Errorf("%s mode: %s %s on --bg %s has contrast %.2f:1, want at least 3:1", mode, name, fill, bg, r)
			}
		}
	}
	if vars["dark"]["--map-0"] == vars["light"]["--map-0"] || vars["dark"]["--bg"] == vars["light"]["--bg"] {
		t.Errorf("the dark mode block was not read: %v", vars["dark"])
	}
}

// The stylesheet colours each shade class with its variable.
func TestShadesColouredByStylesheet(t *testing.T) {
	src, err := os.ReadFile(stylesheet)
	if err != nil {
		t.Fatal(err)
	}
	for s := 0; s <= Shades; s++ {
		rule := fmt.Sprintf(".country-map .m%d path, .swatch.m%d { fill: var(--map-%d); background: var(--map-%d); }", s, s, s, s)
		if !bytes.Contains(src, []byte(rule)) {
			t.Errorf("%s lacks %q", stylesheet, rule)
		}
	}
}

func TestLegend(t *testing.T) {
	for _, c := range []struct {
		max  int
		want string
	}{
		{0, "m0 0"},
		{1, "m0 0; m4 1"},
		{2, "m0 0; m2 1; m4 2"},
		{4, "m0 0; m1 1; m2 2; m3 3; m4 4"},
		{8, "m0 0; m1 1–2; m2 3–4; m3 5–6; m4 7–8"},
		{10, "m0 0; m1 1–2; m2 3–5; m3 6–7; m4 8–10"},
	} {
		var got []string
		for _, e := range Legend(c.max) {
			got = append(got, fmt.Sprintf("m%d %s", e.Shade, e))
		}
		if g := strings.Join(got, "; "); g != c.want {
			t.Errorf("Legend(%d) = %s, want %s", c.max, g, c.want)
		}
	}
	html := string(RenderLegend("Case studies per country", []Country{{Code: "FI", Count: 2}, {Code: "DK"}, {Code: "EE", Count: 1}}))
	want := `<div class="map-legend"><p>Case studies per country</p><ul role="list">` +
		`<li><span class="swatch m0" aria-hidden="true"></span> 0</li>` +
		`<li><span class="swatch m2" aria-hidden="true"></span> 1</li>` +
		`<li><span class="swatch m4" aria-hidden="true"></span> 2</li></ul></div>`
	if html != want {
		t.Errorf("RenderLegend:\n got %s\nwant %s", html, want)
	}
}
