package printed

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// No line runs over its column: long words and addresses are broken.
func TestLinesFitTheColumn(t *testing.T) {
	d, err := newDoc(meta("en", "T", "/en/x/"))
	if err != nil {
		t.Fatal(err)
	}
	link := bodyText
	link.link = "https://example.org/"
	spans := []span{
		{text: "The NDPC launch notice of the study: ", st: bodyText},
		{text: "https://ndpculture.org/news/study-on-cultural-and-creative-industries-cooperation-and-innovation-in-the-northern-dimension-countries-is-launched/", st: link},
		{text: " and Северноизмерительноесотрудничествокультурныхикреативныхиндустрийвсехстран, cross-sectoral.", st: bodyText},
	}
	for _, width := range []float64{textW, 60, 25} {
		lines := d.breakLines(d.words(spans), width)
		var text strings.Builder
		for _, ln := range lines {
			if ln.w > width+0.01 {
				t.Errorf("a line of %.1f mm in a column of %.1f mm", ln.w, width)
			}
			for i, w := range ln.words {
				for _, p := range w.pieces {
					text.WriteString(p.text)
				}
				if i < len(ln.words)-1 && w.space > 0 {
					text.WriteString(" ")
				}
			}
			text.WriteString("|")
		}
		if got := strings.ReplaceAll(text.String(), "|", ""); !strings.Contains(got, "study-on-cultural-and-creative") && width == textW {
			t.Errorf("text lost: %s", text.String())
		}
		if width == textW && len(lines) < 2 {
			t.Errorf("%d lines", len(lines))
		}
	}
}

func TestCountPages(t *testing.T) {
	// A minimal PDF 1.4, as the corpus writes one for an editor's PDF.
	plain := "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>\nendobj\n" +
		"3 0 obj\n<< /Type /Page /Parent 2 0 R >>\nendobj\n4 0 obj\n<</Type/Page/Parent 2 0 R>>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
	if n := CountPages([]byte(plain)); n != 2 {
		t.Errorf("plain PDF: %d pages, want 2", n)
	}
	// Page objects in a compressed object stream (PDF 1.5).
	var objs bytes.Buffer
	z := zlib.NewWriter(&objs)
	fmt.Fprint(z, "3 0 4 32 5 64 << /Type /Page /Parent 2 0 R >> << /Type /Page /Parent 2 0 R >> << /Type /Page /Parent 2 0 R >>")
	z.Close()
	packed := fmt.Sprintf("%%PDF-1.5\n1 0 obj\n<< /Type /ObjStm /N 3 /First 12 /Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream\nendobj\n2 0 obj\n<< /Type /Pages /Count 3 >>\nendobj\n%%%%EOF\n", objs.Len(), objs.String())
	if n := CountPages([]byte(packed)); n != 3 {
		t.Errorf("PDF with an object stream: %d pages, want 3", n)
	}
	if n := CountPages([]byte("%PDF-1.4\n% brief\n")); n != 0 {
		t.Errorf("no pages: %d", n)
	}
}

// The cache gives back what it typeset for the same content, and typesets
// again when anything it is made from changes.
func TestCached(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "cache")
	br := fixtureBrief(t)
	first, hit, err := Cached(dir, br)
	if err != nil || hit {
		t.Fatalf("first: hit %v, %v", hit, err)
	}
	again, hit, err := Cached(dir, br)
	if err != nil || !hit || !bytes.Equal(first.PDF, again.PDF) || again.Pages != first.Pages {
		t.Errorf("second: hit %v, same %v, pages %d and %d, %v", hit, bytes.Equal(first.PDF, again.PDF), first.Pages, again.Pages, err)
	}
	changed := br
	changed.Dateline = "19 августа 2020"
	if _, hit, _ := Cached(dir, changed); hit {
		t.Error("a changed brief came from the cache")
	}
	moved := fixtureBrief(t)
	moved.BaseURL = "https://ndpc.example"
	if _, hit, _ := Cached(dir, moved); hit {
		t.Error("a brief whose links lead elsewhere came from the cache")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 3 {
		t.Errorf("%d files in the cache, want 3", len(entries))
	}
	PruneCache(dir, -1)
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("%d files left after pruning", len(entries))
	}
}

// A picture that cannot be printed leaves its description.
func TestPictureWithoutFile(t *testing.T) {
	br := fixtureBrief(t)
	br.Image = nil
	ed, err := br.Typeset()
	if err != nil {
		t.Fatal(err)
	}
	if text := flat(poppler(t, ed.PDF, "pdftotext", "-enc", "UTF-8")); !strings.Contains(text, "[Схема партнерств]") {
		t.Errorf("no description of the picture:\n%s", text)
	}
}
