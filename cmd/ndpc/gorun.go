package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// parentPoll is how often a program started by go run checks that go run
// is still there.
const parentPoll = 250 * time.Millisecond

// untilGoRunEnds returns a context that is also cancelled when this
// program was started by go run and go run ends. go run exits on SIGTERM
// without passing the signal on, which would leave ndpc serve running with
// nobody to stop it; the program notices that its parent process changed
// (it was handed to another one) and stops as after Ctrl-C. Started in any
// other way, the program keeps running when its parent ends, as usual.
func untilGoRunEnds(ctx context.Context) (context.Context, context.CancelFunc) {
	ctx, cancel := context.WithCancel(ctx)
	if !startedByGoRun() {
		return ctx, cancel
	}
	parent := os.Getppid()
	go func() {
		tick := time.NewTicker(parentPoll)
		defer tick.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
				if os.Getppid() != parent {
					cancel()
					return
				}
			}
		}
	}()
	return ctx, cancel
}

// startedByGoRun reports whether this program is the build that go run
// made and started: its parent process is the go command (read from
// /proc where there is one), or it lives in Go's temporary build folder
// (…/go-build…/b001/exe/ndpc) or default build cache (…/go-build/7d/…-d/ndpc).
func startedByGoRun() bool {
	if parent, err := os.Readlink(fmt.Sprintf("/proc/%d/exe", os.Getppid())); err == nil {
		if name := filepath.Base(parent); name == "go" || name == "go.exe" {
			return true
		}
	}
	exe, err := os.Executable()
	if err != nil {
		return false
	}
	return strings.Contains(filepath.ToSlash(exe), "/go-build")
}
