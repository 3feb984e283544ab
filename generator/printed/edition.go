package printed

import (
	"bytes"
	"encoding/json"
	"image"
	_ "image/gif"  // GIF pictures
	_ "image/jpeg" // JPEG pictures
	_ "image/png"  // PNG pictures
	"strconv"
	"strings"
	"time"

	"github.com/yuin/goldmark/ast"
	_ "golang.org/x/image/webp" // WebP pictures

	"ndpc/generator/content"
	"ndpc/generator/emblem"
)

// Meta is what every edition has: its document information and where
// its links lead.
type Meta struct {
	Lang    string    // "en" or "ru": the document's language, which Typst hyphenates
	Title   string    // the document's title, shown in a viewer's title bar
	Subject string    // its summary
	Author  string    // the publisher
	Date    time.Time // creation date: not the build's, so that builds are reproducible; zero means 1 January 2020
	URL     string    // absolute address of the web version
	BaseURL string    // absolute address of the site, without a trailing slash
	Labels  Labels
	// Image returns the content of a picture by its address in the body
	// (a site path once links are resolved); false leaves its
	// description in its place.
	Image func(dest string) ([]byte, bool)
}

// Labels are the words an edition prints besides its content, in its
// language.
type Labels struct {
	Contents string // the report's table of contents: "Contents"
	Notes    string // the footnotes: "Notes"
	Online   string // before the web address: "Online:"
	// Funded and Disclaimer are the European Union's funding statement and
	// its disclaimer, shown with the EU emblem on the first page.
	Funded, Disclaimer string
}

// Body is a page body parsed by package markdown, links resolved.
type Body struct {
	Root   ast.Node
	Source []byte
	// Path is the site path of the web page, which links to the page's
	// own #headings lead to.
	Path string
	// Unprintable, when not nil, is told of every run of characters of
	// the text that the fonts lack (see Printable), by its byte offset in
	// Source: the PDF shows Replacement in their place.
	Unprintable func(offset int, chars string)
}

// Edition is a typeset PDF.
type Edition struct {
	PDF   []byte
	Pages int
}

// Brief is a policy brief to typeset with templates/print/brief.typ.
type Brief struct {
	Meta            // Title is the brief's title
	Kicker   string // "Policy brief #1", the running head's left side
	Dateline string // the brief's date as its language writes it
	Summary  string
	Body     Body
}

// Report is the report to typeset with templates/print/report.typ: its
// chapters in reading order.
type Report struct {
	Meta               // Title is the document's title as viewers show it
	Publication string // the site's title: the title page's and the running heads'
	Heading     string // the report's own title: "The report"
	Summary     string
	Dateline    string // when it was last changed, as the language writes it
	Chapters    []Chapter
}

// Chapter is a chapter of the report.
type Chapter struct {
	Title   string
	Summary string
	Body    Body
}

// Publication is an edition to typeset: a Brief or a Report.
type Publication interface {
	document() document
}

// document is one PDF to typeset: the Typst source of its main file,
// the files it reads (its data, its body's markup, its pictures), and
// the creation time written into the PDF.
type document struct {
	Main      string
	Files     []file
	Timestamp int64 // seconds since 1970
}

// metaFile is the document information a template reads from
// /meta.json, with the fields of its edition.
type metaFile struct {
	Lang    string     `json:"lang"`
	Title   string     `json:"title"`
	Subject string     `json:"subject"`
	Author  string     `json:"author"`
	URL     string     `json:"url"`
	Emblem  string     `json:"emblem"`
	Labels  labelsFile `json:"labels"`
}

type labelsFile struct {
	Contents   string `json:"contents"`
	Notes      string `json:"notes"`
	Online     string `json:"online"`
	Funded     string `json:"funded"`
	Disclaimer string `json:"disclaimer"`
}

func (m Meta) file() metaFile {
	l := m.Labels
	return metaFile{Lang: m.Lang, Title: m.Title, Subject: m.Subject, Author: m.Author, URL: m.URL, Emblem: emblemPath,
		Labels: labelsFile{Contents: l.Contents, Notes: l.Notes, Online: l.Online, Funded: l.Funded, Disclaimer: l.Disclaimer}}
}

// timestamp is the creation time of an edition: its date, or 1 January
// 2020 without one, never the time of the build.
func (m Meta) timestamp() int64 {
	if m.Date.IsZero() {
		return time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	}
	return m.Date.Unix()
}

// emblemPath is where a document finds the EU emblem (package emblem).
const emblemPath = "/emblem.svg"

func (b Brief) document() document {
	type briefMeta struct {
		metaFile
		Kicker   string `json:"kicker"`
		Dateline string `json:"dateline"`
		Summary  string `json:"summary"`
	}
	var images []file
	body := bodyMarkup(b.Body, &b.Meta, "note", &images)
	d := document{Timestamp: b.timestamp()}
	d.Main = "#import \"/print/brief.typ\": brief\n#show: brief.with(json(\"/meta.json\"))\n#include \"/body.typ\"\n"
	d.Files = append(d.Files, jsonFile("/meta.json", briefMeta{b.file(), b.Kicker, b.Dateline, b.Summary}), file{Path: "/body.typ", Data: []byte(body)})
	d.Files = append(d.Files, images...)
	return d
}

func (r Report) document() document {
	type chapterMeta struct {
		Title   string `json:"title"`
		Summary string `json:"summary"`
	}
	type reportMeta struct {
		metaFile
		Publication string        `json:"publication"`
		Heading     string        `json:"heading"`
		Summary     string        `json:"summary"`
		Dateline    string        `json:"dateline"`
		Chapters    []chapterMeta `json:"chapters"`
	}
	m := reportMeta{metaFile: r.file(), Publication: r.Publication, Heading: r.Heading, Summary: r.Summary, Dateline: r.Dateline, Chapters: []chapterMeta{}}
	var main strings.Builder
	main.WriteString("#import \"/print/report.typ\": report, chapter\n#let meta = json(\"/meta.json\")\n#show: report.with(meta)\n")
	d := document{Timestamp: r.timestamp()}
	var images []file
	for i, ch := range r.Chapters {
		m.Chapters = append(m.Chapters, chapterMeta{ch.Title, ch.Summary})
		n := strconv.Itoa(i + 1)
		path := "/chapters/" + n + ".typ"
		main.WriteString("#chapter(meta.chapters.at(" + strconv.Itoa(i) + "), include \"" + path + "\")\n")
		d.Files = append(d.Files, file{Path: path, Data: []byte(bodyMarkup(ch.Body, &r.Meta, "ch"+n, &images))})
	}
	d.Main = main.String()
	d.Files = append(d.Files, jsonFile("/meta.json", m))
	d.Files = append(d.Files, images...)
	return d
}

// jsonFile is v as a JSON file.
func jsonFile(path string, v any) file {
	data, err := json.Marshal(v)
	if err != nil { // the types above always encode
		panic(err)
	}
	return file{Path: path, Data: data}
}

// emblemFile is the EU emblem as an SVG file for the templates.
func emblemFile() file {
	return file{Path: emblemPath, Data: []byte(emblem.SVG(48, ""))}
}

// pictureFormat returns the extension and the width in pixels of a
// picture Typst can print (PNG, JPEG, GIF, WebP), read from its first
// bytes; false for any other file, and for a picture larger than
// content.MaxPicturePixels.
func pictureFormat(data []byte) (ext string, width int, ok bool) {
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil || cfg.Width < 1 || int64(cfg.Width)*int64(cfg.Height) > content.MaxPicturePixels {
		return "", 0, false
	}
	switch format {
	case "png", "gif", "webp":
		return format, cfg.Width, true
	case "jpeg":
		return "jpg", cfg.Width, true
	}
	return "", 0, false
}
