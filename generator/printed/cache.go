package printed

import (
	"bytes"
	"crypto/sha256"
	"debug/elf"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"hash"
	"io"
	"os"
	"sync"
	"time"

	"github.com/yuin/goldmark/ast"

	"ndpc/generator/filecache"
)

// Publication is an edition to typeset: a Brief or a Report.
type Publication interface {
	Typeset() (Edition, error)
	// fingerprint writes everything the edition is made from.
	fingerprint(h hash.Hash)
}

// Cached returns the edition of p from the folder dir when a build has
// typeset the same content with the same program before, and otherwise
// typesets it and keeps it there. hit says which. With dir "" it only
// typesets. A folder that cannot be written to costs the time saved, not
// the build.
func Cached(dir string, p Publication) (ed Edition, hit bool, err error) {
	key, ok := cacheKey(p)
	if dir == "" || !ok {
		ed, err = p.Typeset()
		return ed, false, err
	}
	cache := filecache.Dir(dir)
	if data, ok := cache.Get(key, ".pdf", func(data []byte) bool { return CountPages(data) > 0 }); ok {
		return Edition{PDF: data, Pages: CountPages(data)}, true, nil
	}
	ed, err = p.Typeset()
	if err != nil {
		return ed, false, err
	}
	cache.Put(key, ".pdf", ed.PDF)
	return ed, false, nil
}

// PruneCache removes the editions in dir that no build has used for the
// given time.
func PruneCache(dir string, unused time.Duration) { filecache.Dir(dir).Prune(".pdf", unused) }

// cacheKey is the hash of the program and of what p is made from. The
// program stands for the layout code and the fonts: a new version of
// ndpc typesets everything again.
func cacheKey(p Publication) (string, bool) {
	prog, ok := program()
	if !ok {
		return "", false
	}
	h := sha256.New()
	h.Write(prog)
	p.fingerprint(h)
	return hex.EncodeToString(h.Sum(nil)), true
}

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

func (m Meta) fingerprint(h hash.Hash) {
	field(h, m.Lang, m.Title, m.Subject, m.Author, m.Date.UTC().Format(time.RFC3339), m.URL, m.BaseURL,
		m.Labels.Contents, m.Labels.Notes, m.Labels.Online, m.Labels.Funded, m.Labels.Disclaimer)
}

// fingerprint writes a body's text and where its links and pictures lead,
// with the pictures themselves: links are resolved from other pages.
func (b Body) fingerprint(h hash.Hash, m Meta) {
	field(h, b.Path, string(b.Source))
	if b.Root == nil {
		return
	}
	_ = ast.Walk(b.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			field(h, "link", string(n.Destination), string(n.Title))
		case *ast.Image:
			field(h, "image", string(n.Destination), string(n.Title))
			if m.Image != nil {
				data, ok := m.Image(string(n.Destination))
				sum := sha256.Sum256(data)
				field(h, ok, hex.EncodeToString(sum[:]))
			}
		}
		return ast.WalkContinue, nil
	})
}

func (b Brief) fingerprint(h hash.Hash) {
	field(h, "brief")
	b.Meta.fingerprint(h)
	field(h, b.Kicker, b.Dateline, b.Summary)
	b.Body.fingerprint(h, b.Meta)
}

func (r Report) fingerprint(h hash.Hash) {
	field(h, "report")
	r.Meta.fingerprint(h)
	field(h, r.Publication, r.Heading, r.Summary, r.Dateline, len(r.Chapters))
	for _, ch := range r.Chapters {
		field(h, ch.Title, ch.Summary)
		ch.Body.fingerprint(h, r.Meta)
	}
}
