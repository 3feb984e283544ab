package filecache

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestGetPutPrune(t *testing.T) {
	d := Dir(t.TempDir())
	whole := func(b []byte) bool { return len(b) > 0 }
	if _, ok := d.Get("k", ".pdf", whole); ok {
		t.Fatal("a file that was never kept")
	}
	d.Put("k", ".pdf", []byte("data"))
	if data, ok := d.Get("k", ".pdf", whole); !ok || string(data) != "data" {
		t.Fatalf("Get = %q, %v", data, ok)
	}
	if err := os.WriteFile(filepath.Join(string(d), "bad.pdf"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, ok := d.Get("bad", ".pdf", whole); ok {
		t.Error("a file that is not whole was used")
	}
	old := time.Now().Add(-48 * time.Hour)
	for _, f := range []string{"k.pdf", "bad.pdf"} {
		if err := os.Chtimes(filepath.Join(string(d), f), old, old); err != nil {
			t.Fatal(err)
		}
	}
	d.Get("k", ".pdf", whole) // used again: kept
	d.Prune(".pdf", 24*time.Hour)
	if _, err := os.Stat(filepath.Join(string(d), "k.pdf")); err != nil {
		t.Errorf("a file in use was pruned: %v", err)
	}
	if _, err := os.Stat(filepath.Join(string(d), "bad.pdf")); !os.IsNotExist(err) {
		t.Errorf("an unused file was kept: %v", err)
	}
	var none Dir
	none.Put("k", ".pdf", []byte("x")) // keeps nothing, and does not fail
	if _, ok := none.Get("k", ".pdf", whole); ok {
		t.Error("Dir \"\" kept a file")
	}
}
