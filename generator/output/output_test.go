package output

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

func TestCommitReplacesAndDiscardKeeps(t *testing.T) {
	dir := t.TempDir()
	final := filepath.Join(dir, "public")
	write := func(content string) *Dir {
		d, err := Create(final)
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
	if len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
}

func TestFlushWritesEverythingFirst(t *testing.T) {
	final := filepath.Join(t.TempDir(), "public")
	d, err := Create(final)
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
