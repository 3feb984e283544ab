//go:build unix

package generator

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"ndpc/generator/nodetools"
)

// hugePNG is a 74-byte PNG whose header declares w×h pixels: decoding it
// whole would allocate 4·w·h bytes.
func hugePNG(t *testing.T, w, h uint32) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewNRGBA(image.Rect(0, 0, 1, 1))); err != nil {
		t.Fatal(err)
	}
	b := buf.Bytes()
	binary.BigEndian.PutUint32(b[16:], w)
	binary.BigEndian.PutUint32(b[20:], h)
	binary.BigEndian.PutUint32(b[29:], crc32.ChecksumIEEE(b[12:29]))
	return b
}

// TestHostileFiles builds sites with files that would hang a build or
// exhaust its memory: symbolic-link loops in content/ and static/, named
// pipes (reading one waits for a writer forever), and a picture whose
// header declares 100,000×100,000 pixels shown in a brief, whose PDF
// decodes its pictures. Each is reported, and the build ends.
func TestHostileFiles(t *testing.T) {
	dir := t.TempDir()
	repo, _ := filepath.Abs("..")
	if err := os.CopyFS(filepath.Join(dir, "static"), os.DirFS(filepath.Join(repo, "static"))); err != nil {
		t.Fatal(err)
	}
	brief := "---\ntitle: One\nnumber: 1\ndate: 2020-08-18\nsummary: S.\n---\n![A plan](huge.png)\n"
	for name, data := range map[string][]byte{
		"content/briefs/one/index.en.md": []byte(brief),
		"content/briefs/one/huge.png":    hugePNG(t, 100000, 100000),
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for name, target := range map[string]string{
		"content/self.md":        "self.md",
		"content/a.en.md":        "b.en.md",
		"content/b.en.md":        "a.en.md",
		"static/self.css":        "self.css",
		"static/assets/loop.css": "loop.css",
	} {
		if err := os.Symlink(target, filepath.Join(dir, filepath.FromSlash(name))); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range []string{"content/pipe.en.md", "content/briefs/one/pipe.png", "static/pipe.txt", "static/assets/pipe.js"} {
		if err := syscall.Mkfifo(filepath.Join(dir, filepath.FromSlash(name)), 0o644); err != nil {
			t.Skipf("cannot make a named pipe here: %v", err)
		}
	}
	opts := siteOptions(t, dir)
	opts.Static = "static"
	opts.PDF = true
	done := make(chan []string, 1)
	go func() {
		res, err := Build(opts)
		done <- problemLines(err, res)
	}()
	var got []string
	select {
	case got = <-done:
	case <-time.After(2 * time.Minute):
		t.Fatal("the build still runs after two minutes")
	}
	want := []string{
		"content/a.en.md: a symbolic link that leads round in a loop of links: remove it, or put the file itself here",
		"content/b.en.md: a symbolic link that leads round in a loop of links: remove it, or put the file itself here",
		"content/briefs/one/huge.png: the picture is 100000×100000 pixels (10000 million), more than the 50 million a picture may have: scale it down, for the web 2,000 pixels across are plenty",
		"content/briefs/one/pipe.png: this is not a file but a named pipe: remove it",
		"content/pipe.en.md: this is not a file but a named pipe: remove it",
		"content/self.md: a symbolic link that leads round in a loop of links: remove it, or put the file itself here",
		"static/assets/loop.css: a symbolic link that leads round in a loop of links: remove it, or put the file itself here",
		"static/assets/pipe.js: this is not a file but a named pipe: remove it",
		"static/pipe.txt: this is not a file but a named pipe: remove it",
		"static/self.css: a symbolic link that leads round in a loop of links: remove it, or put the file itself here",
	}
	if nodetools.HaveNode() != nil { // no PDFs without Node.js, and a warning that says so
		got = slices.DeleteFunc(got, func(l string) bool { return strings.HasPrefix(l, "warning: the site was built without the PDFs") })
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems differ\n--- got\n%s\n--- want\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
