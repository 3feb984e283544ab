// Package filecache keeps files that a build makes from content (the
// typeset PDFs, the social preview images) between builds, in a folder of
// their own, each under a key that hashes everything it is made from, so
// that a build makes again only what changed.
//
// A file is written under a temporary name and renamed into place, so
// that builds sharing a folder never read half a file; a folder that
// cannot be read or written costs the time it would save, not the build.
// Reading a file marks it as used; Prune removes those no build has used
// for a while.
package filecache

import (
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Dir is a cache folder; "" keeps nothing.
type Dir string

// Get returns the file of key with the extension ext (".pdf") when it is
// there and valid says its content is whole, and marks it as used.
func (d Dir) Get(key, ext string, valid func([]byte) bool) ([]byte, bool) {
	if d == "" {
		return nil, false
	}
	file := filepath.Join(string(d), key+ext)
	data, err := os.ReadFile(file)
	if err != nil || !valid(data) {
		return nil, false
	}
	now := time.Now()
	_ = os.Chtimes(file, now, now) // still in use: keep it
	return data, true
}

// Put keeps data as the file of key with the extension ext. Errors are
// ignored: the next build makes the file again.
func (d Dir) Put(key, ext string, data []byte) {
	if d == "" || os.MkdirAll(string(d), 0o755) != nil {
		return
	}
	tmp, err := os.CreateTemp(string(d), ".new-*")
	if err != nil {
		return
	}
	_, werr := tmp.Write(data)
	if cerr := tmp.Close(); werr == nil && cerr == nil {
		_ = os.Rename(tmp.Name(), filepath.Join(string(d), key+ext))
	}
	_ = os.Remove(tmp.Name())
}

// Prune removes the files with the extension ext, and the temporary files
// of interrupted writes, that no build has used for the given time.
func (d Dir) Prune(ext string, unused time.Duration) {
	if d == "" {
		return
	}
	entries, err := os.ReadDir(string(d))
	if err != nil {
		return
	}
	old := time.Now().Add(-unused)
	for _, e := range entries {
		info, err := e.Info()
		if err != nil || e.IsDir() || !strings.HasSuffix(e.Name(), ext) && !strings.HasPrefix(e.Name(), ".new-") {
			continue
		}
		if info.ModTime().Before(old) {
			_ = os.Remove(filepath.Join(string(d), e.Name()))
		}
	}
}
