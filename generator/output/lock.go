package output

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/gofrs/flock"
)

// LockPath returns the lock file of an output folder: .NAME.lock beside
// it, which stays there between builds (removing it could let a third
// build lock a new file while a second still waits on the old one).
func LockPath(final string) string {
	final = filepath.Clean(final)
	return filepath.Join(filepath.Dir(final), "."+filepath.Base(final)+".lock")
}

// lock takes the lock of the output folder final, held from the start of
// a build to its swap, so that two builds into one folder at once (a CI
// step and a terminal) run one after the other and neither removes the
// other's unfinished folder. When another process holds it, waiting is
// called with what the lock file says of that process, and lock waits.
// The operating system releases the lock of a process that dies.
func lock(final string, waiting func(holder string)) (*flock.Flock, error) {
	path := LockPath(final)
	fl := flock.New(path)
	ok, err := fl.TryLock()
	if err != nil {
		return nil, fmt.Errorf("locking %s against other builds: %w", path, err)
	}
	if !ok {
		if waiting != nil {
			waiting(holder(path))
		}
		if err := fl.Lock(); err != nil {
			return nil, fmt.Errorf("waiting for the lock %s: %w", path, err)
		}
	}
	// Say who holds it, for the builds that wait. (On Windows the locked
	// file cannot be written through another handle: they say less.)
	host, _ := os.Hostname()
	note := fmt.Sprintf("process %d on %s, since %s", os.Getpid(), host, time.Now().Format("15:04:05"))
	_ = os.WriteFile(path, []byte(note+"\n"), 0o644)
	return fl, nil
}

// holder describes the process that holds the lock file path, from what
// it wrote there.
func holder(path string) string {
	data, err := os.ReadFile(path)
	if note := strings.TrimSpace(string(data)); err == nil && note != "" && len(note) < 200 {
		return note
	}
	return "another process"
}
