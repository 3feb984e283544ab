package main

import (
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"ndpc/generator/corpus"
)

// files reads every file under dir by its path relative to dir.
func files(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		out[rel], err = os.ReadFile(p)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestConcurrentBuilds starts two ndpc build into one public/ at once,
// and a third into another folder with the same cache of print editions,
// on a generated site of 300 case studies. Each must succeed; public/
// and the other folder must be, file by file, what one clean build makes;
// no build folder or cache file in progress may be left behind.
func TestConcurrentBuilds(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 300-case-study site four times")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "ndpc")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	if _, err := corpus.Write(dir, 300, 1); err != nil {
		t.Fatal(err)
	}
	args := func(out, cache string) []string {
		a := append([]string{"build"}, repoArgs(t, dir)...)
		for i := range a {
			if a[i] == "--out" {
				a[i+1] = filepath.Join(dir, out)
			}
		}
		return append(a, "--pdf-cache", cache)
	}
	cache := filepath.Join(dir, "cache")
	runs := [][]string{args("public", cache), args("public", cache), args("other", cache)}
	var wg sync.WaitGroup
	stderr := make([]bytes.Buffer, len(runs))
	errs := make([]error, len(runs))
	for i, a := range runs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cmd := exec.Command(bin, a...)
			cmd.Stderr = &stderr[i]
			errs[i] = cmd.Run()
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("build %d: %v\n%s", i+1, err, stderr[i].String())
		}
		if s := stderr[i].String(); s != "" {
			t.Logf("build %d said: %s", i+1, s)
		}
	}
	if out, err := exec.Command(bin, args("clean", "off")...).CombinedOutput(); err != nil {
		t.Fatalf("clean build: %v\n%s", err, out)
	}
	clean := files(t, filepath.Join(dir, "clean"))
	if len(clean) < 600 {
		t.Fatalf("the clean build wrote %d files", len(clean))
	}
	for _, out := range []string{"public", "other"} {
		got := files(t, filepath.Join(dir, out))
		for name, data := range clean {
			if g, ok := got[name]; !ok {
				t.Errorf("%s/%s is missing", out, name)
			} else if !bytes.Equal(g, data) {
				t.Errorf("%s/%s differs from the clean build's", out, name)
			}
		}
		for name := range got {
			if _, ok := clean[name]; !ok {
				t.Errorf("%s/%s is not in the clean build", out, name)
			}
		}
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".new-") || strings.HasSuffix(e.Name(), ".old") {
			t.Errorf("left behind: %s", e.Name())
		}
	}
	cached, _ := os.ReadDir(cache)
	pdfs := 0
	for _, e := range cached {
		if strings.HasSuffix(e.Name(), ".pdf") {
			pdfs++
		} else {
			t.Errorf("left in the cache: %s", e.Name())
		}
	}
	if pdfs == 0 {
		t.Error("the builds cached no print edition")
	}
}
