package main

import (
	"bufio"
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gofrs/flock"

	"ndpc/generator/corpus"
	"ndpc/generator/nodetools"
	"ndpc/generator/output"
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
// on a generated site of 300 case studies. The test holds public/'s lock
// until both builds say they wait for it, so that they reach it together
// whatever the machine's speed; then each must succeed, public/ and the
// other folder must be, file by file, what one clean build makes, and no
// build folder or cache file in progress may be left behind.
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
	held := flock.New(output.LockPath(filepath.Join(dir, "public")))
	if err := held.Lock(); err != nil {
		t.Fatal(err)
	}
	defer held.Unlock()
	if err := os.WriteFile(held.Path(), []byte("the test\n"), 0o644); err != nil {
		t.Fatal(err)
	}

	cache := filepath.Join(dir, "cache")
	runs := [][]string{args("public", cache), args("public", cache), args("other", cache)}
	var wg sync.WaitGroup
	stderr := make([]strings.Builder, len(runs))
	errs := make([]error, len(runs))
	waiting := make(chan string, len(runs))
	for i, a := range runs {
		cmd := exec.Command(bin, a...)
		pipe, err := cmd.StderrPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			lines := bufio.NewScanner(pipe)
			for lines.Scan() {
				stderr[i].WriteString(lines.Text() + "\n")
				if strings.Contains(lines.Text(), "another build is writing") {
					waiting <- lines.Text()
				}
			}
			errs[i] = cmd.Wait()
		}()
	}
	want := "(the test): waiting for it to finish"
	for range 2 {
		select {
		case said := <-waiting:
			if !strings.HasSuffix(said, want) {
				t.Errorf("a build said %q, without %q", said, want)
			}
		case <-time.After(5 * time.Minute):
			t.Fatal("the builds into public/ did not wait for its lock")
		}
	}
	if err := held.Unlock(); err != nil {
		t.Fatal(err)
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("build %d: %v\n%s", i+1, err, stderr[i].String())
		}
		t.Logf("build %d said: %s", i+1, stderr[i].String())
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
	if pdfs == 0 && nodetools.HaveNode() == nil { // without Node.js no PDFs are made
		t.Error("the builds cached no print edition")
	}
}
