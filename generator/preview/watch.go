package preview

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"

	"ndpc/generator/content"
)

// quiet is how long the watcher waits after an event for more of the same
// save before it reports the burst.
const quiet = 8 * time.Millisecond

// halfSaved is how much longer the watcher waits, once per burst, when a
// changed file is empty: a save in place empties the file before it writes
// it, and a build in between would show the editor an error for a moment.
const halfSaved = 100 * time.Millisecond

// batch is a burst of changes.
type batch struct {
	files []string // the changed files
	// rescan says that the events could not be trusted (a watched folder
	// was moved or removed, or the event queue overflowed): the folders
	// were walked and watched again, and the whole site must be built
	// again from what is on disk now.
	rescan bool
	// trouble, when not nil, says why changes may go unnoticed from now
	// on: the preview can no longer promise to show what is on disk.
	trouble error
	// marks are the names of the marker files seen (see watcher.marker).
	marks []string
}

// watchFolder starts watching one folder (a test makes it fail, as the
// system's limit on watches does).
var watchFolder = func(w *fsnotify.Watcher, dir string) error { return w.Add(dir) }

// watcher reports batches of changed files under some folders.
type watcher struct {
	roots []string
	w     *fsnotify.Watcher
	dirs  map[string]bool // the folders watched
	// marker, when not "", is the start of the names of marker files: a
	// test creates one after its changes, and the batch that reports it
	// covers every change made before it (inotify keeps the order).
	marker string
}

func newWatcher(roots []string) (*watcher, error) {
	wt := &watcher{roots: roots}
	if err := wt.watch(); err != nil {
		return nil, err
	}
	return wt, nil
}

// watch starts watching the roots afresh, with a new fsnotify watcher: the
// old one's state is not trusted.
func (wt *watcher) watch() error {
	if wt.w != nil {
		_ = wt.w.Close()
	}
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	wt.w, wt.dirs = w, map[string]bool{}
	for _, d := range wt.roots {
		if _, err := os.Stat(d); err != nil {
			continue
		}
		if err := wt.addTree(d, nil); err != nil {
			return err
		}
	}
	return nil
}

// addTree watches a folder and every folder below it, and passes each
// file found to found (when not nil).
func (wt *watcher) addTree(root string, found func(string)) error {
	return filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // a folder that vanished while walking
		}
		if !d.IsDir() {
			if found != nil {
				found(p)
			}
			return nil
		}
		if p != root && content.Ignored(d.Name()) {
			return filepath.SkipDir
		}
		if err := watchFolder(wt.w, p); err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return filepath.SkipDir // gone meanwhile
			}
			return fmt.Errorf("watching %s: %w", p, err)
		}
		wt.dirs[p] = true
		return nil
	})
}

// run sends each burst of changes to batches until ctx ends.
func (wt *watcher) run(ctx context.Context, batches chan<- batch) {
	defer func() { _ = wt.w.Close() }()
	pending := batch{}
	seen := map[string]bool{}
	add := func(p string) {
		if name := filepath.Base(p); wt.marker != "" && strings.HasPrefix(name, wt.marker) {
			pending.marks = append(pending.marks, name)
			return
		}
		if !seen[p] {
			seen[p] = true
			pending.files = append(pending.files, p)
		}
	}
	timer := time.NewTimer(quiet)
	timer.Stop()
	var fire <-chan time.Time
	waited := false // the burst has had its wait for half-saved files
	arm := func() {
		timer.Reset(quiet)
		fire = timer.C
	}
	for {
		select {
		case <-ctx.Done():
			return
		case err, ok := <-wt.w.Errors:
			if !ok {
				return
			}
			// The queue overflowed, or the watcher failed: events may be
			// lost, so walk the folders again.
			wt.rescan(&pending, add, err)
			arm()
		case ev, ok := <-wt.w.Events:
			if !ok {
				return
			}
			name := filepath.Base(ev.Name)
			if wt.marker != "" && strings.HasPrefix(name, wt.marker) && ev.Has(fsnotify.Create) {
				add(ev.Name)
				arm()
				continue
			}
			if content.Ignored(name) {
				continue
			}
			if ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename) {
				if wt.dirs[ev.Name] {
					// A watched folder moved or went: fsnotify drops the
					// watches of a moved folder, also those just set up at
					// its new place, so start afresh.
					wt.rescan(&pending, add, nil)
					arm()
					continue
				}
			}
			if ev.Has(fsnotify.Create) {
				if info, err := os.Stat(ev.Name); err == nil && info.IsDir() {
					// A new folder, maybe filled already: watch it and
					// report what it holds.
					if err := wt.addTree(ev.Name, add); err != nil {
						wt.rescan(&pending, add, err)
						arm()
						continue
					}
				}
			}
			if ev.Op == fsnotify.Chmod {
				continue
			}
			add(ev.Name)
			arm()
		case <-fire:
			fire = nil
			if !waited && anyEmpty(pending.files) {
				waited = true
				timer.Reset(halfSaved)
				fire = timer.C
				continue
			}
			waited = false
			out := pending
			pending, seen = batch{}, map[string]bool{}
			select {
			case batches <- out:
			case <-ctx.Done():
				return
			}
		}
	}
}

// anyEmpty reports whether one of files is an empty regular file.
func anyEmpty(files []string) bool {
	for _, f := range files {
		if info, err := os.Stat(f); err == nil && info.Mode().IsRegular() && info.Size() == 0 {
			return true
		}
	}
	return false
}

// rescan watches the folders afresh and marks the batch for a full build.
// Markers found on the walk count as seen: events before the new watcher
// may be lost.
func (wt *watcher) rescan(pending *batch, add func(string), cause error) {
	pending.rescan = true
	if err := wt.watch(); err != nil {
		if cause != nil {
			err = fmt.Errorf("%v, and then: %w", cause, err)
		}
		pending.trouble = err
	}
	if wt.marker == "" {
		return
	}
	for _, root := range wt.roots {
		_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasPrefix(d.Name(), wt.marker) {
				add(p)
			}
			return nil
		})
	}
}
