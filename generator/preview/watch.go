package preview

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// quiet is how long the watcher waits after an event for more of the same
// save before it reports the burst.
const quiet = 8 * time.Millisecond

// watcher reports batches of changed files under some folders.
type watcher struct {
	w *fsnotify.Watcher
}

func newWatcher(dirs []string) (*watcher, error) {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	wt := &watcher{w: w}
	for _, d := range dirs {
		if _, err := os.Stat(d); err != nil {
			continue
		}
		if err := wt.addTree(d); err != nil {
			w.Close()
			return nil, err
		}
	}
	return wt, nil
}

// addTree watches a folder and every folder below it.
func (wt *watcher) addTree(root string) error {
	return filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // a folder that vanished while walking
		}
		if d.IsDir() {
			if p != root && ignoredName(d.Name()) {
				return filepath.SkipDir
			}
			return wt.w.Add(p)
		}
		return nil
	})
}

// ignoredName reports whether a file is an editor's temporary, backup or
// swap file, or hidden.
func ignoredName(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "#") ||
		strings.HasSuffix(name, "~") || strings.HasSuffix(name, ".swp") ||
		strings.HasSuffix(name, ".swx") || strings.HasSuffix(name, ".tmp") ||
		strings.HasPrefix(name, "4913") // vim's write test
}

// run sends each burst of changes to batches until ctx ends.
func (wt *watcher) run(ctx context.Context, batches chan<- []string, errs chan<- error) {
	defer wt.w.Close()
	pending := map[string]bool{}
	var timer *time.Timer
	var fire <-chan time.Time
	for {
		select {
		case <-ctx.Done():
			return
		case err, ok := <-wt.w.Errors:
			if !ok {
				return
			}
			errs <- err
		case ev, ok := <-wt.w.Events:
			if !ok {
				return
			}
			if ignoredName(filepath.Base(ev.Name)) {
				continue
			}
			if ev.Has(fsnotify.Create) {
				if info, err := os.Stat(ev.Name); err == nil && info.IsDir() {
					_ = wt.addTree(ev.Name) // a new folder: watch it and report what it holds
					_ = filepath.WalkDir(ev.Name, func(p string, d fs.DirEntry, err error) error {
						if err == nil && !d.IsDir() {
							pending[p] = true
						}
						return nil
					})
				}
			}
			if ev.Op == fsnotify.Chmod {
				continue
			}
			pending[ev.Name] = true
			if timer == nil {
				timer = time.NewTimer(quiet)
			} else {
				timer.Reset(quiet)
			}
			fire = timer.C
		case <-fire:
			fire = nil
			batch := make([]string, 0, len(pending))
			for p := range pending {
				batch = append(batch, p)
			}
			pending = map[string]bool{}
			select {
			case batches <- batch:
			case <-ctx.Done():
				return
			}
		}
	}
}
