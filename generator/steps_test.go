package generator

import (
	"bytes"
	"io/fs"
	"math"
	"ndpc/generator/nodetools"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"ndpc/generator/corpus"
)

// timingLine is a line of --timings: name, milliseconds, and what the step
// wrote.
var timingLine = regexp.MustCompile(`^(\S+(?: \S+)*) +(-?\d+\.\d) ms(?:  (\d+) (pages|files))?$`)

// typesetPDF matches the site paths of the PDFs the build typesets: a
// brief's /LANG/briefs/SLUG/SLUG-LANG.pdf and the report's.
var typesetPDF = regexp.MustCompile(`^/(en|ru)/(briefs/([^/]+)/([^/]+)-(en|ru)|report/report-(en|ru))\.pdf$`)

// TestTimings checks what ndpc build --timings prints: every step once,
// in the build's order, PDFs under their own step, the pages and files
// of the steps adding up to the build's, and the steps' times with
// "other" adding up to the total (not how long anything took).
func TestTimings(t *testing.T) {
	dir := t.TempDir()
	writeSite(t, dir, []byte(printSite))
	if err := os.WriteFile(filepath.Join(dir, "content/briefs/02-second/second-en.pdf"), corpus.PDF(3), 0o644); err != nil {
		t.Fatal(err)
	}
	opts := siteOptions(t, dir)
	opts.PDF = true
	var out bytes.Buffer
	opts.Timings = &out
	res, err := Build(opts)
	if err != nil {
		t.Fatalf("build: %v", err)
	}

	var names []string
	ms := map[string]float64{}
	written := map[string]int{}
	pages, files := 0, 0
	for _, line := range strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n") {
		m := timingLine.FindStringSubmatch(line)
		if m == nil {
			t.Fatalf("timings line %q is not NAME  N.N ms [N pages|files]", line)
		}
		name := m[1]
		if _, seen := ms[name]; seen {
			t.Errorf("%q appears twice:\n%s", name, out.String())
		}
		names = append(names, name)
		ms[name], _ = strconv.ParseFloat(m[2], 64)
		if m[3] != "" {
			n, _ := strconv.Atoi(m[3])
			written[name] = n
			if m[4] == "pages" {
				pages += n
			} else {
				files += n
			}
		}
	}
	want := []string{"print tools", "load", "output folder", "plan", "print editions", "social images", "render",
		"assets", "site files", "copy", "missing strings", "write", "swap", "other", "total"}
	if strings.Join(names, ", ") != strings.Join(want, ", ") {
		t.Errorf("steps:\n%s\nwant %s", out.String(), strings.Join(want, ", "))
	}

	// Each line is rounded to a tenth of a millisecond.
	sum := 0.0
	for _, name := range names[:len(names)-1] {
		sum += ms[name]
	}
	if slack := 0.05 * float64(len(names)); math.Abs(sum-ms["total"]) > slack {
		t.Errorf("the steps and other add up to %.1f ms, the total is %.1f ms:\n%s", sum, ms["total"], out.String())
	}
	if pages != res.Pages || files != res.Files {
		t.Errorf("the steps wrote %d pages and %d files, the build says %d and %d", pages, files, res.Pages, res.Files)
	}

	typeset := 0
	err = filepath.WalkDir(opts.Out, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(opts.Out, p)
		if m := typesetPDF.FindStringSubmatch("/" + filepath.ToSlash(rel)); m != nil && (m[3] == "" || m[3] == m[4]) {
			typeset++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// Without Node.js the build typesets none, with a warning: the steps
	// are checked all the same.
	canTypeset := nodetools.HaveNode() == nil
	if (canTypeset && typeset == 0) || written["print editions"] != typeset {
		t.Errorf("print editions wrote %d files, the output has %d typeset PDFs", written["print editions"], typeset)
	}
	if written["render"] != res.Pages {
		t.Errorf("render wrote %d pages of the build's %d", written["render"], res.Pages)
	}
}
