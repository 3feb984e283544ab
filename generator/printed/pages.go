package printed

import (
	"bytes"
	"compress/zlib"
	"io"
	"regexp"
)

// objectStream finds the start of the data of a compressed object stream
// (PDF 1.5), where a PDF may keep its page objects.
var objectStream = regexp.MustCompile(`/Type\s*/ObjStm\b[^>]*(?:>[^>][^>]*)*>>\s*stream\r?\n`)

// CountPages returns the number of pages of a PDF, such as the one an
// editor supplies for a brief, by counting its page objects, also those
// kept in compressed object streams; 0 when it finds none.
func CountPages(pdf []byte) int {
	n := pageObjects(pdf)
	if !bytes.Contains(pdf, []byte("/ObjStm")) {
		return n
	}
	for _, m := range objectStream.FindAllIndex(pdf, -1) {
		r, err := zlib.NewReader(bytes.NewReader(pdf[m[1]:]))
		if err != nil {
			continue
		}
		data, _ := io.ReadAll(io.LimitReader(r, 64<<20))
		n += pageObjects(data)
	}
	return n
}

// pageObjects counts "/Type /Page" (not /Pages) in PDF syntax.
func pageObjects(b []byte) int {
	n := 0
	for {
		i := bytes.Index(b, []byte("/Type"))
		if i < 0 {
			return n
		}
		b = b[i+len("/Type"):]
		rest := bytes.TrimLeft(b, " \t\r\n\f\x00")
		if bytes.HasPrefix(rest, []byte("/Page")) && (len(rest) == 5 || !nameChar(rest[5])) {
			n++
		}
	}
}

// nameChar reports whether c continues a PDF name.
func nameChar(c byte) bool {
	switch c {
	case ' ', '\t', '\r', '\n', '\f', 0, '/', '<', '>', '[', ']', '(', ')', '{', '}', '%':
		return false
	}
	return true
}
