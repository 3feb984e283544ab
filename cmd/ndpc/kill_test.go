package main

import (
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"ndpc/generator/corpus"
)

// treeSum hashes every file name and content under dir.
func treeSum(t *testing.T, dir string) string {
	t.Helper()
	var names []string
	sums := map[string][32]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		names = append(names, rel)
		sums[rel] = sha256.Sum256(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(names)
	h := sha256.New()
	for _, n := range names {
		s := sums[n]
		fmt.Fprintf(h, "%s %x\n", n, s)
	}
	return fmt.Sprintf("%d files %x", len(names), h.Sum(nil))
}

// TestKilledBuildKeepsPreviousOutput kills ndpc build half-way through a
// large site and checks that the previous public/ is complete and
// unchanged, and that the next build succeeds.
func TestKilledBuildKeepsPreviousOutput(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 1,000-case-study site")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "ndpc")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	if _, err := corpus.Write(dir, 1000, 1); err != nil {
		t.Fatal(err)
	}
	args := append([]string{"build"}, repoArgs(t, dir)...)
	if out, err := exec.Command(bin, args...).CombinedOutput(); err != nil {
		t.Fatalf("first build: %v\n%s", err, out)
	}
	public := filepath.Join(dir, "public")
	before := treeSum(t, public)

	// Change a page, so that an unfinished build would show, then kill the
	// build while it writes.
	page := filepath.Join(dir, "content/case-studies/case-00001.en.md")
	data, _ := os.ReadFile(page)
	if err := os.WriteFile(page, append(data, []byte("\nChanged.\n")...), 0o644); err != nil {
		t.Fatal(err)
	}
	killed := false
	for _, delay := range []time.Duration{400, 200, 100, 50} {
		cmd := exec.Command(bin, args...)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(delay * time.Millisecond)
		if err := cmd.Process.Kill(); err != nil {
			t.Fatal(err)
		}
		if err := cmd.Wait(); err != nil {
			killed = true // it did not finish
			if after := treeSum(t, public); after != before {
				t.Fatalf("killed after %v ms, public/ changed: %s → %s", int(delay), before, after)
			}
		}
	}
	if !killed {
		t.Fatal("every build finished before it could be killed: the test proves nothing")
	}
	if out, err := exec.Command(bin, args...).CombinedOutput(); err != nil {
		t.Fatalf("build after the killed ones: %v\n%s", err, out)
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, ".public.new-*"))
	if len(leftovers) > 0 {
		t.Errorf("leftovers of killed builds: %v", leftovers)
	}
	if treeSum(t, public) == before {
		t.Error("the last build did not publish the change")
	}
}
