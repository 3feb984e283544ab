package content

import (
	"bufio"
	"bytes"
	"errors"
	"image"
	_ "image/gif"  // GIF sizes
	_ "image/jpeg" // JPEG sizes
	_ "image/png"  // PNG sizes
	"regexp"
	"strconv"

	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"unicode/utf8"

	_ "golang.org/x/image/webp" // WebP sizes

	"ndpc/generator/diag"
)

// MaxPageSize is the largest Markdown file loaded: a page larger than this
// is a mistake (a pasted export, a binary saved as .md), not a text. 1 MiB
// is some 150,000 words, forty times the longest page of the site; it
// also bounds the time a page written to hurt can take (the limits of
// package markdown bound the rest).
const MaxPageSize = 1 << 20

var byteOrderMark = []byte("\ufeff")

// readText reads a Markdown file, refusing one that is too large or not
// UTF-8, and dropping a byte-order mark with a warning.
func readText(fsys fs.FS, rel, shown string, problems *diag.List) ([]byte, bool) {
	src, err := readPage(fsys, rel)
	if err != nil {
		problems.Errorf(shown, 0, 0, "%v", err)
		return nil, false
	}
	if bytes.HasPrefix(src, byteOrderMark) {
		src = src[len(byteOrderMark):]
		problems.Warnf(shown, 1, 1, "the file starts with a byte-order mark, which is ignored: save it as UTF-8 without BOM")
	}
	if !utf8.Valid(src) {
		line, col := invalidUTF8(src)
		problems.Errorf(shown, line, col, "the file is not valid UTF-8 here: save it with the UTF-8 encoding (in most editors: Save with encoding → UTF-8)")
		return nil, false
	}
	if i := loneCR(src); i >= 0 {
		line := bytes.Count(src[:i], []byte("\n")) + 1
		col := utf8.RuneCount(src[bytes.LastIndexByte(src[:i], '\n')+1:i]) + 1
		problems.Errorf(shown, line, col, "a carriage return without a line feed (an old Mac line ending): save the file with ordinary line endings")
		return nil, false
	}
	return src, true
}

// tooLarge is the error of a page over MaxPageSize, or that grew past it
// while it was read.
type tooLarge struct {
	bytes   int64
	growing bool
}

func (e *tooLarge) Error() string {
	if e.growing {
		return fmt.Sprintf("the file grew past %d MiB while it was being read, more than a page may be: is another program writing it?", MaxPageSize>>20)
	}
	return fmt.Sprintf("the file is %.1f MiB, more than a page may be (%d MiB): is it really a page? Split it, or move the data into a PDF in a bundle", float64(e.bytes)/(1<<20), MaxPageSize>>20)
}

// readPage reads a Markdown file of at most MaxPageSize bytes. It never
// reads more, even from a file that grows while it is read, and it
// fails when the file's size changes during the read: an editor's save
// that the build caught half-way.
func readPage(fsys fs.FS, rel string) ([]byte, error) {
	f, err := fsys.Open(rel)
	if err != nil {
		return nil, fmt.Errorf("cannot read the file: %w", err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("cannot read the file: %w", err)
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("this is not a file but %s: remove it", kindOf(info.Mode()))
	}
	if info.Size() > MaxPageSize {
		return nil, &tooLarge{info.Size(), false}
	}
	src, err := io.ReadAll(io.LimitReader(f, MaxPageSize+1))
	if err != nil {
		return nil, fmt.Errorf("cannot read the file: %w", err)
	}
	if len(src) > MaxPageSize {
		return nil, &tooLarge{int64(len(src)), true}
	}
	if int64(len(src)) != info.Size() {
		return nil, fmt.Errorf("the file changed while it was being read (from %d bytes to %d bytes): build again once it is saved", info.Size(), len(src))
	}
	return src, nil
}

// kindOf names a kind of file that is not a regular one.
func kindOf(mode fs.FileMode) string {
	switch {
	case mode.IsDir():
		return "a folder"
	case mode&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case mode&fs.ModeSocket != 0:
		return "a socket"
	case mode&fs.ModeDevice != 0, mode&fs.ModeCharDevice != 0:
		return "a device"
	case mode&fs.ModeSymlink != 0:
		return "a symbolic link"
	}
	return "a special file"
}

// loneCR returns the offset of the first carriage return that is not part
// of a Windows line ending, or -1.
func loneCR(src []byte) int {
	for from := 0; ; {
		i := bytes.IndexByte(src[from:], '\r')
		if i < 0 {
			return -1
		}
		i += from
		if i+1 == len(src) || src[i+1] != '\n' {
			return i
		}
		from = i + 2
	}
}

// invalidUTF8 returns the line and column of the first byte that is not
// UTF-8.
func invalidUTF8(src []byte) (line, col int) {
	line, col = 1, 1
	for len(src) > 0 {
		r, size := utf8.DecodeRune(src)
		if r == utf8.RuneError && size == 1 {
			return line, col
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		src = src[size:]
	}
	return line, col
}

// describeFile reads the size and the kind of content of a file that is
// not a page.
func describeFile(fsys fs.FS, rel string) (File, error) {
	f, err := fsys.Open(rel)
	if err != nil {
		return File{}, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return File{}, err
	}
	head := make([]byte, 512)
	n, err := io.ReadFull(f, head)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return File{}, err
	}
	kind := http.DetectContentType(head[:n])
	if strings.HasSuffix(strings.ToLower(rel), ".svg") && bytes.Contains(head[:n], []byte("<svg")) {
		kind = "image/svg+xml"
	}
	file := File{Source: rel, Size: info.Size(), Type: kind}
	if strings.HasPrefix(kind, "image/") {
		file.Width, file.Height = imageSize(io.MultiReader(bytes.NewReader(head[:n]), f), kind)
	}
	return file, nil
}

// MaxPicturePixels is the most pixels a picture of the content may have:
// 50 million, more than the 48 of today's largest phone photographs. The
// print editions decode pictures whole, 4 bytes a pixel: a picture
// whose header declares an enormous size is refused before that.
const MaxPicturePixels = 50_000_000

// svgHead is how much of an SVG file is searched for its size.
const svgHead = 64 << 10

// imageSize reads the size of a picture from the start of its file r,
// never decoding the picture, so that pages can reserve its space before
// it loads; 0, 0 when it cannot be read.
func imageSize(r io.Reader, kind string) (int, int) {
	if kind == "image/svg+xml" {
		data, err := io.ReadAll(io.LimitReader(r, svgHead))
		if err != nil {
			return 0, 0
		}
		return svgSize(data)
	}
	cfg, _, err := image.DecodeConfig(bufio.NewReader(r))
	if err != nil {
		return 0, 0
	}
	return cfg.Width, cfg.Height
}

// checkPicture reports a picture that declares more than
// MaxPicturePixels.
func checkPicture(f File) error {
	if px := int64(f.Width) * int64(f.Height); px > MaxPicturePixels {
		return fmt.Errorf("the picture is %d×%d pixels (%d million), more than the %d million a picture may have: scale it down, for the web 2,000 pixels across are plenty", f.Width, f.Height, px/1_000_000, MaxPicturePixels/1_000_000)
	}
	return nil
}

var (
	svgViewBox = regexp.MustCompile(`viewBox\s*=\s*["']\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)`)
	svgWidth   = regexp.MustCompile(`<svg[^>]*\swidth\s*=\s*["']([\d.]+)(px)?["']`)
	svgHeight  = regexp.MustCompile(`<svg[^>]*\sheight\s*=\s*["']([\d.]+)(px)?["']`)
)

// svgSize reads an SVG's width and height attributes, or its viewBox.
func svgSize(data []byte) (int, int) {
	w, h := svgWidth.FindSubmatch(data), svgHeight.FindSubmatch(data)
	if w != nil && h != nil {
		return atoi(w[1]), atoi(h[1])
	}
	if vb := svgViewBox.FindSubmatch(data); vb != nil {
		return atoi(vb[1]), atoi(vb[2])
	}
	return 0, 0
}

func atoi(b []byte) int {
	f, err := strconv.ParseFloat(string(b), 64)
	if err != nil {
		return 0
	}
	return int(f + 0.5)
}

// linkInside reports whether a symbolic link in the folder root (content,
// static) leads to a file inside it; a link that leads out, nowhere, round
// in a loop, or to a folder, is reported.
// Without a folder on disk (root ""), links are not followed at all.
func linkInside(root, rel, shown string, problems *diag.List) bool {
	if root == "" {
		problems.Errorf(shown, 0, 0, "a symbolic link is not followed: put the file itself in the content folder")
		return false
	}
	absRoot, err := filepath.EvalSymlinks(root)
	if err == nil {
		absRoot, err = filepath.Abs(absRoot)
	}
	target, err2 := filepath.EvalSymlinks(filepath.Join(root, filepath.FromSlash(rel)))
	if err2 == nil {
		target, err2 = filepath.Abs(target)
	}
	if errors.Is(err2, syscall.ELOOP) || err2 != nil && strings.Contains(err2.Error(), "too many links") {
		problems.Errorf(shown, 0, 0, "a symbolic link that leads round in a loop of links: remove it, or put the file itself here")
		return false
	}
	if err != nil || err2 != nil {
		problems.Errorf(shown, 0, 0, "a symbolic link that leads nowhere: remove it, or put the file itself here")
		return false
	}
	if r, err := filepath.Rel(absRoot, target); err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
		folder := filepath.Base(root)
		problems.Errorf(shown, 0, 0, "a symbolic link to %s, outside the %s folder: only files inside the %s folder are published", target, folder, folder)
		return false
	}
	info, err := os.Stat(target)
	if err == nil && info.IsDir() {
		problems.Warnf(shown, 0, 0, "a symbolic link to a folder is not followed")
		return false
	}
	if err == nil && !info.Mode().IsRegular() {
		problems.Errorf(shown, 0, 0, "a symbolic link to %s, not a file: remove it", kindOf(info.Mode()))
		return false
	}
	return true
}

// Usable reports whether the entry d at rel (slash-separated) in the
// folder root can be read as a file: a regular file, or a symbolic link
// to one inside root (with root "", links are not followed). Anything
// else is reported as shown: a named pipe, socket or device, which would
// keep the build waiting; a link that leads out of root, nowhere, or
// round in a loop; a link to a folder is a warning.
func Usable(root, rel, shown string, d fs.DirEntry, problems *diag.List) bool {
	switch {
	case d.Type()&fs.ModeSymlink != 0:
		return linkInside(root, rel, shown, problems)
	case !d.Type().IsRegular():
		problems.Errorf(shown, 0, 0, "this is not a file but %s: remove it", kindOf(d.Type()))
		return false
	}
	return true
}

// checkKind reports a file whose content is not what its use needs: a
// download that is not a PDF, an image that is not a picture.
func checkKind(key string, f File) error {
	switch key {
	case "download":
		if f.Type != "application/pdf" {
			return fmt.Errorf("the file is not a PDF (its content looks like %s): export the brief as PDF", f.Type)
		}
	case "image":
		if !strings.HasPrefix(f.Type, "image/") {
			return fmt.Errorf("the file is not a picture (its content looks like %s): use a PNG, JPEG, GIF, WebP or SVG image", f.Type)
		}
	}
	return nil
}
