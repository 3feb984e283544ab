package output

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestCommitReplacesAndDiscardKeeps(t *testing.T) {
	dir := t.TempDir()
	final := filepath.Join(dir, "public")
	write := func(content string) *Dir {
		d, err := Create(final, nil)
		if err != nil {
			t.Fatal(err)
		}
		if err := d.WriteFile("/en/index.html", []byte(content)); err != nil {
			t.Fatal(err)
		}
		return d
	}
	read := func() string {
		data, err := os.ReadFile(filepath.Join(final, "en/index.html"))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	if err := write("first").Commit(); err != nil {
		t.Fatal(err)
	}
	if err := write("second").Commit(); err != nil {
		t.Fatal(err)
	}
	if read() != "second" {
		t.Error("commit did not replace the output")
	}
	d := write("third")
	if read() != "second" {
		t.Error("an unfinished build is visible")
	}
	if err := d.Discard(); err != nil {
		t.Fatal(err)
	}
	if read() != "second" {
		t.Error("discard changed the output")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 || entries[0].Name() != ".public.lock" || entries[1].Name() != "public" {
		t.Errorf("left behind: %v", entries)
	}
}

func TestFlushWritesEverythingFirst(t *testing.T) {
	final := filepath.Join(t.TempDir(), "public")
	d, err := Create(final, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 500; i++ {
		if err := d.WriteFile(fmt.Sprintf("/p/%d/index.html", i), []byte("x")); err != nil {
			t.Fatal(err)
		}
	}
	if err := d.Flush(); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 500; i++ {
		if _, err := os.Stat(d.Path(fmt.Sprintf("/p/%d/index.html", i))); err != nil {
			t.Fatalf("after Flush: %v", err)
		}
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
}

// TestSecondBuildWaits: a second build into the same folder is told who
// holds it and waits; it starts only after the first has committed, so
// that the output is one build or the other, never a mix, and no folder
// of either is left behind.
func TestSecondBuildWaits(t *testing.T) {
	dir := t.TempDir()
	final := filepath.Join(dir, "public")
	first, err := Create(final, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 50 {
		_ = first.WriteFile(fmt.Sprintf("/first/%d.html", i), []byte("first"))
	}
	told := make(chan string, 1)
	second := make(chan *Dir)
	go func() {
		d, err := Create(final, func(holder string) { told <- holder })
		if err != nil {
			t.Error(err)
		}
		second <- d
	}()
	var holder string
	select {
	case holder = <-told:
	case d := <-second:
		t.Fatalf("the second build started while the first held the folder: %v", d)
	case <-time.After(time.Minute):
		t.Fatal("the second build neither waited nor started")
	}
	if want := fmt.Sprintf("process %d on ", os.Getpid()); !strings.HasPrefix(holder, want) {
		t.Errorf("the waiting build was told %q, want it to start with %q", holder, want)
	}
	if err := first.Commit(); err != nil {
		t.Fatal(err)
	}
	var d *Dir
	select {
	case d = <-second:
	case <-time.After(time.Minute):
		t.Fatal("the second build still waits after the first committed")
	}
	if err := d.WriteFile("/second.html", []byte("second")); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(final, "first/49.html")); err != nil {
		t.Errorf("the first build is not all there while the second runs: %v", err)
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(final)
	if len(entries) != 1 || entries[0].Name() != "second.html" {
		t.Errorf("the output mixes builds: %v", entries)
	}
	left, _ := filepath.Glob(filepath.Join(dir, ".public.new-*"))
	if len(left) > 0 {
		t.Errorf("left behind: %v", left)
	}
}

// TestCopyFileThatChanges: a file that gives more bytes than its size
// when it was opened (one being written meanwhile; /dev/zero, whose size
// is 0 and which never ends, stands for one that grows for ever) is not
// copied for ever and is reported as changed.
func TestCopyFileThatChanges(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero here")
	}
	d, err := Create(filepath.Join(t.TempDir(), "public"), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Discard()
	src := filepath.Join(t.TempDir(), "still.txt")
	if err := os.WriteFile(src, []byte("12345"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := d.CopyFile("/still.txt", src); err != nil {
		t.Errorf("a file that does not change: %v", err)
	}
	err = d.CopyFile("/zero", "/dev/zero")
	if want := "the file changed while it was being copied (from 0 bytes to 1 or more): build again once it is saved"; err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
}
