// Package output writes a build into a fresh folder beside the final one
// and swaps it in only when the whole build succeeded, so that readers and
// editors never see half a site: a failed or interrupted build leaves the
// previous output as it was.
package output

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/gofrs/flock"
)

// Dir is a build in progress. Its WriteFile queues the file and returns:
// a pool of writers works the queue, so that the time the file system takes
// for each file overlaps with rendering; Commit waits for them.
type Dir struct {
	final string
	tmp   string
	lock  *flock.Flock // held until Commit or Discard
	made  sync.Map     // folders already created, to spare the file system

	queue   chan pending
	writers sync.WaitGroup
	errOnce sync.Once
	err     error
}

type pending struct {
	path string
	data []byte
}

// writers is how many files are written at once: writing is waiting for
// the file system more than computing.
const writers = 16

// Create starts a build whose result will replace the folder final. It
// first takes the folder's lock (see LockPath): while another build holds
// it, waiting is called (when not nil) with a description of that process
// ("process 4242 on ci-runner, since 16:58:03"), and Create waits for it
// to commit or discard its build. The lock is released by Commit or
// Discard.
func Create(final string, waiting func(holder string)) (*Dir, error) {
	final = filepath.Clean(final)
	parent := filepath.Dir(final)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("creating %s: %w", parent, err)
	}
	fl, err := lock(final, waiting)
	if err != nil {
		return nil, err
	}
	d, err := create(final)
	if err != nil {
		_ = fl.Unlock()
		return nil, err
	}
	d.lock = fl
	return d, nil
}

// create makes the build's folder, the lock held.
func create(final string) (*Dir, error) {
	parent := filepath.Dir(final)
	// A build that was killed leaves its folder behind: remove those of
	// earlier builds. No other build is running: this one holds the lock.
	stale, _ := filepath.Glob(filepath.Join(parent, "."+filepath.Base(final)+".new-*"))
	for _, s := range stale {
		_ = os.RemoveAll(s)
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(final)+".new-")
	if err != nil {
		return nil, fmt.Errorf("creating a folder for the build beside %s: %w", final, err)
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		_ = os.Remove(tmp)
		return nil, err
	}
	d := &Dir{final: final, tmp: tmp, queue: make(chan pending, 4*writers)}
	for i := 0; i < writers; i++ {
		d.writers.Add(1)
		go d.write()
	}
	return d, nil
}

// write writes queued files until the queue is closed.
func (d *Dir) write() {
	defer d.writers.Done()
	for f := range d.queue {
		if err := d.writeNow(f.path, f.data); err != nil {
			d.errOnce.Do(func() { d.err = fmt.Errorf("writing %s: %w", f.path, err) })
		}
	}
}

// Flush waits until every file given to WriteFile is written, and returns
// the first error in writing; nothing can be written after it. Commit
// flushes; call it first when something must read the build before.
func (d *Dir) Flush() error { return d.wait() }

// wait closes the queue and waits for every queued file to be written.
func (d *Dir) wait() error {
	if d.queue != nil {
		close(d.queue)
		d.writers.Wait()
		d.queue = nil
	}
	return d.err
}

// Path returns where a site path is written in the build folder.
func (d *Dir) Path(sitePath string) string {
	return filepath.Join(d.tmp, filepath.FromSlash(strings.TrimPrefix(sitePath, "/")))
}

// WriteFile queues data to be written at a site path ("/en/index.html").
// The Dir owns data from then on: the caller must not change it. An error
// in writing is returned by Commit.
func (d *Dir) WriteFile(sitePath string, data []byte) error {
	d.queue <- pending{sitePath, data}
	return nil
}

func (d *Dir) writeNow(sitePath string, data []byte) error {
	p := d.Path(sitePath)
	if err := d.mkdir(filepath.Dir(p)); err != nil {
		return err
	}
	return os.WriteFile(p, data, 0o644)
}

// mkdir creates a folder and its parents once per build.
func (d *Dir) mkdir(dir string) error {
	if _, ok := d.made.Load(dir); ok {
		return nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	d.made.Store(dir, true)
	return nil
}

// CopyFile copies the file src to a site path: as many bytes as it had
// when it was opened, and an error if it changed size meanwhile, so that
// a file that keeps growing is not copied for ever.
func (d *Dir) CopyFile(sitePath, src string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	info, err := in.Stat()
	if err != nil {
		return err
	}
	p := d.Path(sitePath)
	if err := d.mkdir(filepath.Dir(p)); err != nil {
		return err
	}
	out, err := os.OpenFile(p, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	n, err := io.Copy(out, io.LimitReader(in, info.Size()+1))
	if err == nil && n != info.Size() {
		err = fmt.Errorf("the file changed while it was being copied (from %d bytes to %d or more): build again once it is saved", info.Size(), n)
	}
	if err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// Commit puts the build in place of the previous output and releases the
// lock. On Linux the two folders are exchanged in one step; elsewhere the
// old one is moved aside first. After a failed Commit, Discard removes
// what is left of the build.
func (d *Dir) Commit() error {
	err := d.commit()
	if err == nil {
		d.unlock()
	}
	return err
}

func (d *Dir) commit() error {
	if err := d.wait(); err != nil {
		return err
	}
	if _, err := os.Lstat(d.final); os.IsNotExist(err) {
		return os.Rename(d.tmp, d.final)
	}
	if exchange(d.tmp, d.final) == nil {
		return os.RemoveAll(d.tmp) // now holds the previous output
	}
	old := d.tmp + ".old"
	if err := os.Rename(d.final, old); err != nil {
		return fmt.Errorf("moving the previous output aside: %w", err)
	}
	if err := os.Rename(d.tmp, d.final); err != nil {
		_ = os.Rename(old, d.final)
		return fmt.Errorf("putting the new output in place: %w", err)
	}
	return os.RemoveAll(old)
}

// Discard removes the unfinished build, leaving the previous output, and
// releases the lock.
func (d *Dir) Discard() error {
	defer d.unlock()
	_ = d.wait()
	return os.RemoveAll(d.tmp)
}

// unlock releases the folder's lock once.
func (d *Dir) unlock() {
	if d.lock != nil {
		_ = d.lock.Unlock()
		d.lock = nil
	}
}
