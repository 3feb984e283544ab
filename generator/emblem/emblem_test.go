package emblem

import (
	"encoding/xml"
	"math"
	"strings"
	"testing"
)

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

// TestGeometry checks the drawing against the graphical specifications:
// twelve stars like a clock's hours on a circle of a third of the height,
// upright, their points on a circle of an eighteenth of the height.
func TestGeometry(t *testing.T) {
	centres := StarCentres()
	if len(centres) != 12 {
		t.Fatalf("%d stars", len(centres))
	}
	if c := centres[0]; !near(c.X, 0.75) || !near(c.Y, 0.5-1.0/3) {
		t.Errorf("the first star is at %v, want twelve o'clock", c)
	}
	if c := centres[3]; !near(c.X, 0.75+1.0/3) || !near(c.Y, 0.5) {
		t.Errorf("the fourth star is at %v, want three o'clock", c)
	}
	for i, c := range centres {
		if d := math.Hypot(c.X-0.75, c.Y-0.5); !near(d, 1.0/3) {
			t.Errorf("star %d is %v from the centre, want 1/3", i, d)
		}
		star := Star(c)
		if len(star) != 10 {
			t.Fatalf("a star has %d corners", len(star))
		}
		if top := star[0]; !near(top.X, c.X) || !near(top.Y, c.Y-1.0/18) {
			t.Errorf("star %d is not upright: its first point is %v", i, top)
		}
		for k := 0; k < 10; k += 2 {
			if d := math.Hypot(star[k].X-c.X, star[k].Y-c.Y); !near(d, 1.0/18) {
				t.Errorf("star %d: point %d at %v, want 1/18", i, k, d)
			}
		}
	}
}

func TestSVG(t *testing.T) {
	svg := SVG(40, "")
	var doc struct {
		Width  string `xml:"width,attr"`
		Height string `xml:"height,attr"`
		Rect   struct {
			Fill string `xml:"fill,attr"`
		} `xml:"rect"`
		G struct {
			Fill  string `xml:"fill,attr"`
			Paths []struct {
				D string `xml:"d,attr"`
			} `xml:"path"`
		} `xml:"g"`
	}
	if err := xml.Unmarshal([]byte(svg), &doc); err != nil {
		t.Fatalf("not XML: %v\n%s", err, svg)
	}
	if doc.Width != "60" || doc.Height != "40" || doc.Rect.Fill != Blue || doc.G.Fill != Yellow || len(doc.G.Paths) != 12 {
		t.Errorf("svg = %+v", doc)
	}
	if !strings.Contains(svg, `aria-hidden="true"`) {
		t.Error("a decorative emblem is not hidden from screen readers")
	}
	if s := SVG(40, `EU "flag"`); !strings.Contains(s, `role="img" aria-label="EU &quot;flag&quot;"`) {
		t.Errorf("labelled emblem: %s", s)
	}
}
