package generator

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"ndpc/generator/content"
	"ndpc/generator/diag"
)

// copied is a planned output published as its file is on disk: a static
// file, a fingerprinted asset, or an image or PDF of the content folder
// published beside its pages. Each is made from its own file alone
// ({file static/favicon.svg}, {file content/case-studies/proto/map.png}).
type copied struct {
	path  string // site path: /favicon.svg, /en/case-studies/proto/map.png
	src   string // the file on disk
	from  input  // its file
	also  *input // the file a symbolic link in the static folder leads to
	asset bool   // under static/assets/: a build writes the data read at load
}

// inputs are what a copied file is made from.
func (c copied) inputs() []input {
	if c.also != nil {
		return []input{c.from, *c.also}
	}
	return []input{c.from}
}

// copies plans the copied files: the static folder's (the assets at their
// published addresses), then the content folder's, each at every address
// it is published at. Files that cannot be read as files go to the run's
// problems (see content.Usable).
func (b *builder) copies() []copied {
	var out []copied
	for _, f := range b.assets.files {
		out = append(out, copied{path: f.url, src: f.src, from: fileInput("static", f.rel), asset: true})
	}
	if info, err := os.Stat(b.opts.Static); err == nil && info.IsDir() {
		err := filepath.WalkDir(b.opts.Static, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(b.opts.Static, p)
			if d.IsDir() && (rel == assetsDir || rel != "." && content.Ignored(d.Name())) {
				return fs.SkipDir
			}
			if d.IsDir() || content.Ignored(d.Name()) {
				return nil
			}
			rel = filepath.ToSlash(rel)
			if content.Usable(b.opts.Static, rel, filepath.ToSlash(p), d, b.problems) {
				c := copied{path: "/" + rel, src: p, from: fileInput("static", rel)}
				if d.Type()&fs.ModeSymlink != 0 {
					c.also = b.linkTarget(p)
				}
				out = append(out, c)
			}
			return nil
		})
		if err != nil {
			b.problems.Add(diag.Problem{Path: filepath.ToSlash(b.opts.Static), Severity: diag.Error, Message: fmt.Sprintf("cannot read the static files: %v", err)})
		}
	}
	sources := make([]string, 0, len(b.site.Files))
	for rel := range b.site.Files {
		sources = append(sources, rel)
	}
	sort.Strings(sources)
	for _, rel := range sources {
		src := filepath.Join(b.opts.Content, filepath.FromSlash(rel))
		for _, u := range b.site.FileURLs(b.site.Files[rel]) {
			out = append(out, copied{path: u, src: src, from: fileInput("content", rel)})
		}
	}
	return out
}

// unshadowed returns the copied files of cs whose address is not one the
// plan p makes itself (a page, a site file such as robots.txt or the
// open data, a PDF), and reports each of the others as an error at its
// file: two makers of one address would leave one of them silently
// unpublished.
func (b *builder) unshadowed(p *planned, cs []copied) []copied {
	made := func(path string) bool {
		if _, ok := p.jobs[path]; ok {
			return true
		}
		if _, ok := p.files[path]; ok {
			return true
		}
		return slices.ContainsFunc(p.prints, func(j printJob) bool { return j.url == path })
	}
	var out []copied
	for _, c := range cs {
		if c.asset || !made(c.path) {
			out = append(out, c)
			continue
		}
		b.problems.Errorf(filepath.ToSlash(c.src), 0, 0, "the build makes %s itself, and this file would replace it unseen: remove the file, or rename it (a page's text belongs in a .md file)", c.path)
	}
	return out
}

// linkTarget names the file of the static folder a symbolic link there
// leads to (content.Usable has checked that it stays inside), so that a
// change to that file copies the link again; nil if it cannot be told.
func (b *builder) linkTarget(link string) *input {
	root, err := filepath.EvalSymlinks(b.opts.Static)
	if err != nil {
		return nil
	}
	target, err := filepath.EvalSymlinks(link)
	if err != nil {
		return nil
	}
	rel, err := filepath.Rel(root, target)
	if err != nil || strings.HasPrefix(rel, "..") {
		return nil
	}
	in := fileInput("static", filepath.ToSlash(rel))
	return &in
}

// publishCopies publishes copied files and returns how many were written.
func (b *builder) publishCopies(cs []copied) int {
	n := 0
	for _, c := range cs {
		if b.publishCopy(c) {
			n++
		}
	}
	return n
}

// publishCopy publishes one copied file: an asset as it was read at load
// (minified and fingerprinted as the build does), any other file from
// disk.
func (b *builder) publishCopy(c copied) bool {
	if c.asset {
		if data, ok := b.assets.data(c.path); ok {
			return b.publishRaw(c.path, data)
		}
	}
	return b.publishFile(c.path, c.src)
}
