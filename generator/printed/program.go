package printed

import (
	"bytes"
	"crypto/sha256"
	"debug/elf"
	"encoding/binary"
	"fmt"
	"hash"
	"io"
	"os"
	"sync"
)

// What identifies the running program, for the keys of caches of what it
// draws (package socialimage); the print editions are keyed by what
// Typst reads instead (Typesetter.Typeset).

var (
	programOnce sync.Once
	programSum  []byte
)

// program returns what identifies the running program: the Go build ID
// (an ELF note on Linux, or the marked string other formats carry), which
// changes with any of its code, fonts or toolchain; else the hash of the
// whole executable.
func program() ([]byte, bool) {
	programOnce.Do(func() {
		exe, err := os.Executable()
		if err != nil {
			return
		}
		id := buildID(exe)
		if id == nil {
			data, err := os.ReadFile(exe)
			if err != nil {
				return
			}
			id = data
		}
		sum := sha256.Sum256(id)
		programSum = sum[:]
	})
	return programSum, programSum != nil
}

// buildID reads the Go build ID of an executable, or returns nil.
func buildID(exe string) []byte {
	if f, err := elf.Open(exe); err == nil {
		defer f.Close()
		if sec := f.Section(".note.go.buildid"); sec != nil {
			note, err := sec.Data()
			// namesz, descsz, type, "Go\x00\x00", then the ID.
			if err == nil && len(note) > 16 && string(note[12:16]) == "Go\x00\x00" {
				if n := int(f.ByteOrder.Uint32(note[4:8])); n > 0 && 16+n <= len(note) {
					return note[16 : 16+n]
				}
			}
		}
		return nil
	}
	f, err := os.Open(exe)
	if err != nil {
		return nil
	}
	defer f.Close()
	head := make([]byte, 64<<10)
	n, _ := io.ReadFull(f, head)
	marker := []byte("\xff Go build ID: \"")
	if i := bytes.Index(head[:n], marker); i >= 0 {
		id := head[i+len(marker) : n]
		if j := bytes.IndexByte(id, '"'); j > 0 {
			return id[:j]
		}
	}
	return nil
}

// field writes a length-prefixed value, so that fields cannot run into
// each other.
func field(h hash.Hash, vs ...any) {
	for _, v := range vs {
		s := fmt.Sprint(v)
		var n [8]byte
		binary.BigEndian.PutUint64(n[:], uint64(len(s)))
		h.Write(n[:])
		h.Write([]byte(s))
	}
}
