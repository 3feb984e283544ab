package preview

import (
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fsnotify/fsnotify"

	"ndpc/generator/corpus"
)

// TestWatchFollowsMovedFolder: a bundle folder renamed while the preview
// runs, and then edited, shows the edit at its new address. fsnotify
// drops the watch of a moved folder, also the one just set up at its new
// place, so that without watching afresh the edit went unnoticed.
func TestWatchFollowsMovedFolder(t *testing.T) {
	dir := t.TempDir()
	if _, err := corpus.Write(dir, 2, 1); err != nil {
		t.Fatal(err)
	}
	p := startMarked(t, dir)
	from := filepath.Join(dir, "content", "briefs", "02-brief")
	to := filepath.Join(dir, "content", "briefs", "02-renamed")
	if err := os.Rename(from, to); err != nil {
		t.Fatal(err)
	}
	p.settle(t, 0)
	page := filepath.Join(to, "index.en.md")
	data, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(page, append(data, "\nWritten after the move.\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	p.settle(t, 1)
	if code, body := fetch(t, p.base+"/en/briefs/02-renamed/"); code != http.StatusOK || !strings.Contains(string(body), "Written after the move.") {
		t.Errorf("/en/briefs/02-renamed/: %d, without the edit made after the move", code)
	}
	if code, _ := fetch(t, p.base+"/en/briefs/02-brief/"); code != http.StatusNotFound {
		t.Errorf("the old address answers %d, want 404", code)
	}
	if msg := p.compare(t, filepath.Join(t.TempDir(), "public")); msg != "" {
		t.Error(msg)
	}
}

// TestEmptiedFileIsReported: a page emptied (as a save in place does for a
// moment, which the watcher gives a little longer to be written) is still
// reported if it stays empty, and its repair shows.
func TestEmptiedFileIsReported(t *testing.T) {
	dir := t.TempDir()
	if _, err := corpus.Write(dir, 2, 1); err != nil {
		t.Fatal(err)
	}
	p := startMarked(t, dir)
	page := filepath.Join(dir, "content", "briefs", "02-brief", "index.en.md")
	data, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(page, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	ev := next(t, p.events, "errors")
	if !strings.Contains(fmt.Sprint(ev.Data), "index.en.md") {
		t.Errorf("the empty page is not reported: %v", ev.Data)
	}
	if err := os.WriteFile(page, append(data, "\nWritten again.\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	p.settle(t, 0)
	if code, body := fetch(t, p.base+"/en/briefs/02-brief/"); code != http.StatusOK || !strings.Contains(string(body), "Written again.") {
		t.Errorf("/en/briefs/02-brief/: %d, without the repair", code)
	}
}

// TestCannotWatchIsShown: when the preview cannot watch a folder again
// (here after a folder is moved; in life the system's limit on watches),
// every open page and every page opened later says that it may not show
// later changes, and how to recover.
func TestCannotWatchIsShown(t *testing.T) {
	dir := t.TempDir()
	if _, err := corpus.Write(dir, 2, 1); err != nil {
		t.Fatal(err)
	}
	p := startMarked(t, dir)
	watchFolder = func(w *fsnotify.Watcher, folder string) error {
		if strings.HasSuffix(folder, "-unwatched") {
			return errors.New("no space left on device")
		}
		return w.Add(folder)
	}
	t.Cleanup(func() { watchFolder = func(w *fsnotify.Watcher, dir string) error { return w.Add(dir) } })
	from := filepath.Join(dir, "content", "briefs", "02-brief")
	if err := os.Rename(from, from+"-unwatched"); err != nil {
		t.Fatal(err)
	}
	const says = "cannot watch the site's folders"
	if ev := next(t, p.events, "errors"); !strings.Contains(fmt.Sprint(ev.Data), says) || !strings.Contains(fmt.Sprint(ev.Data), "start it again") {
		t.Errorf("the open page is not told: %v", ev.Data)
	}
	later := subscribe(t, p.base)
	if ev := next(t, later, "errors"); !strings.Contains(fmt.Sprint(ev.Data), says) {
		t.Errorf("a page opened later is not told: %v", ev.Data)
	}
}
