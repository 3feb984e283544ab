package printed

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// TestCachedAtOnce: builds that write one cache at once (builds into
// different folders with the same --pdf-cache) each get a whole PDF,
// whether typeset or read from the cache, and leave one file per edition
// and nothing half-written.
func TestCachedAtOnce(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "cache")
	br := fixtureBrief(t)
	want := typeset(t, br)[0]
	ts := typesetter(t)
	ts.Cache = dir
	for round := range 3 {
		var wg sync.WaitGroup
		for range 4 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				eds, errs, err := ts.Typeset([]Publication{br})
				if err != nil {
					t.Error(err)
					return
				}
				ed, err := eds[0], errs[0]
				if err != nil || !bytes.Equal(ed.PDF, want.PDF) || ed.Pages != want.Pages {
					t.Errorf("round %d: a different edition (%d pages, %v)", round+1, ed.Pages, err)
				}
			}()
		}
		wg.Wait()
		entries, _ := os.ReadDir(dir)
		if len(entries) != 1 || !strings.HasSuffix(entries[0].Name(), ".pdf") {
			t.Fatalf("round %d: the cache holds %v", round+1, entries)
		}
		if round%2 == 0 {
			PruneCache(dir, -1) // the next round typesets again, at once
		}
	}
}

// TestEnormousPicture: a picture whose header declares 100,000×100,000
// pixels, which decoding would allocate 40 GB for, is not decoded: its
// description stands in its place.
func TestEnormousPicture(t *testing.T) {
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewNRGBA(image.Rect(0, 0, 1, 1))); err != nil {
		t.Fatal(err)
	}
	huge := buf.Bytes()
	binary.BigEndian.PutUint32(huge[16:], 100000)
	binary.BigEndian.PutUint32(huge[20:], 100000)
	binary.BigEndian.PutUint32(huge[29:], crc32.ChecksumIEEE(huge[12:29]))
	br := fixtureBrief(t)
	br.Image = func(string) ([]byte, bool) { return huge, true }
	ed := typeset(t, br)[0]
	if text := text(t, pdfFile(t, ed.PDF), 0, 0); !strings.Contains(text, "[Схема партнерств]") {
		t.Errorf("no description of the picture:\n%s", text)
	}
}
