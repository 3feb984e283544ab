package content

import (
	"io"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"ndpc/generator/diag"
)

// changingFS holds one file whose size, when it is opened, is stated but
// whose reads give other data: a file an editor's program is writing.
type changingFS struct {
	stated int64
	data   io.Reader // what reading gives
	read   *int64    // bytes read so far
}

func (c changingFS) Open(name string) (fs.File, error) {
	return &changingFile{c}, nil
}

type changingFile struct{ changingFS }

func (f *changingFile) Stat() (fs.FileInfo, error) {
	return fstest.MapFS{"f": {Data: make([]byte, f.stated), ModTime: time.Now()}}.Stat("f")
}

func (f *changingFile) Read(b []byte) (int, error) {
	n, err := f.data.Read(b)
	*f.read += int64(n)
	return n, err
}

func (f *changingFile) Close() error { return nil }

// endless gives the same text forever: a file that keeps growing.
type endless struct{}

func (endless) Read(b []byte) (int, error) {
	for i := range b {
		b[i] = 'a'
	}
	return len(b), nil
}

// TestFileChangingWhileRead: a page that grows while it is read is read
// no further than a page may be long and reported; one whose size
// changes during the read is reported as changed; neither is loaded.
func TestFileChangingWhileRead(t *testing.T) {
	page := "---\ntitle: About\n---\nText.\n"
	cases := []struct {
		name   string
		stated int64
		data   io.Reader
		want   string
	}{
		{"grows without end", int64(len(page)), io.MultiReader(strings.NewReader(page), endless{}), "content/about.en.md: the file grew past 1 MiB while it was being read, more than a page may be: is another program writing it?"},
		{"grows", 10, strings.NewReader(page), "content/about.en.md: the file changed while it was being read (from 10 bytes to 27 bytes): build again once it is saved"},
		{"shrinks", 1000, strings.NewReader(page), "content/about.en.md: the file changed while it was being read (from 1000 bytes to 27 bytes): build again once it is saved"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var read int64
			problems := &diag.List{}
			p := loadPage(changingFS{stated: c.stated, data: c.data, read: &read}, "about.en.md", "content/about.en.md", nil, problems)
			if p != nil {
				t.Error("the page was loaded")
			}
			var got []string
			for _, pr := range problems.Sorted() {
				got = append(got, pr.String())
			}
			if strings.Join(got, "\n") != c.want {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), c.want)
			}
			if read > MaxPageSize+1 {
				t.Errorf("read %d bytes, more than a page may be", read)
			}
		})
	}
}
