package generator

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"

	"ndpc/generator/diag"
	"ndpc/generator/markdown"
	"ndpc/generator/parallel"
	"ndpc/generator/render"
)

// render converts and writes every page on every core, and returns how
// many it wrote.
func (b *builder) render(jobs []job) int {
	var written atomic.Int64
	parallel.Each(len(jobs), func(i int) {
		body, page := buffers.Get().(*bytes.Buffer), buffers.Get().(*bytes.Buffer)
		if b.renderOne(jobs[i], body, page) {
			written.Add(1)
		}
		buffers.Put(body)
		buffers.Put(page)
	})
	return int(written.Load())
}

// buffers are reused for pages' bodies and pages.
var buffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// renderOne renders one page; problems go to the build's list.
func (b *builder) renderOne(j job, body, page *bytes.Buffer) bool {
	body.Reset()
	page.Reset()
	var toc []markdown.Heading
	if j.page != nil {
		src, err := b.site.Body(j.page)
		if err != nil {
			b.problems.Errorf(j.page.Path, 0, 0, "%v", err)
			return false
		}
		if b.dropBodies {
			j.page.Body = nil // rendered once: free it
		}
		toc, err = b.md.Convert(markdown.Input{
			Source: src, Lang: string(j.page.Lang), Path: j.page.Path,
			LineOffset: j.page.BodyLine, Resolve: b.linkResolver(j.page), ImageSize: b.imageSize(j.page),
		}, body, b.problems)
		if err != nil {
			b.problems.Errorf(j.page.Path, 0, 0, "%v", err)
			return false
		}
	}
	if j.checkOnly {
		return false
	}
	data := j.view(b.base(j), template.HTML(body.String()), toc)
	if err := b.tmpl.Execute(page, j.template, data); err != nil {
		if !errors.Is(err, render.ErrNotParsed) {
			b.problems.Add(render.ExecError(err))
		}
		return false
	}
	path := j.url
	if path[len(path)-1] == '/' {
		path += "index.html"
	}
	return b.publish(path, page.Bytes())
}

// publish minifies data for its type (when the build minifies) and writes
// it at sitePath.
func (b *builder) publish(sitePath string, data []byte) bool {
	out, err := b.mf.apply(sitePath, data)
	if !b.mf.handles(sitePath) {
		out = append([]byte(nil), data...) // the sink keeps it; data is the caller's buffer
	}
	data = out
	if err == nil {
		err = b.out.WriteFile(sitePath, data)
	}
	if err != nil {
		b.problems.Add(diag.Problem{Path: b.opts.Out, Severity: diag.Error, Message: fmt.Sprintf("writing %s: %v", sitePath, err)})
		return false
	}
	return true
}

// publishFile copies the file src to sitePath, minifying it on the way
// when its type is minified. A file removed since it was planned (a
// tool's temporary file, renamed away) is left out without a word: it is
// not there to publish, and the preview hears of its removal.
func (b *builder) publishFile(sitePath, src string) bool {
	if b.mf.handles(sitePath) {
		data, err := os.ReadFile(src)
		if errors.Is(err, fs.ErrNotExist) {
			return false
		}
		if err != nil {
			b.problems.Add(diag.Problem{Path: filepath.ToSlash(src), Severity: diag.Error, Message: fmt.Sprintf("cannot read the file: %v", err)})
			return false
		}
		return b.publish(sitePath, data)
	}
	if err := b.out.CopyFile(sitePath, src); err != nil {
		if _, statErr := os.Stat(src); errors.Is(statErr, fs.ErrNotExist) {
			return false
		}
		b.problems.Add(diag.Problem{Path: filepath.ToSlash(src), Severity: diag.Error, Message: fmt.Sprintf("cannot copy the file: %v", err)})
		return false
	}
	return true
}

// publishRaw writes data that is already in its final form.
func (b *builder) publishRaw(sitePath string, data []byte) bool {
	if err := b.out.WriteFile(sitePath, data); err != nil {
		b.problems.Add(diag.Problem{Path: b.opts.Out, Severity: diag.Error, Message: fmt.Sprintf("writing %s: %v", sitePath, err)})
		return false
	}
	return true
}
