package printed

import (
	"bufio"
	"context"
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"ndpc/generator/filecache"
	"ndpc/generator/nodetools"
)

// The typesetting itself is Typst's (https://typst.app), run by the npm
// package @myriaddreamin/typst-ts-node-compiler in one Node.js process per
// build: typeset.js reads every document that is not in the cache as one
// batch on its standard input and writes their PDFs back.

//go:embed typeset.js
var script string

// Compiler is the npm package that runs Typst.
const Compiler = "@myriaddreamin/typst-ts-node-compiler"

// timeout bounds one batch.
const timeout = 20 * time.Minute

// Typesetter typesets editions.
type Typesetter struct {
	// Module is the folder of the installed npm package Compiler
	// (.tools/node_modules/@myriaddreamin/typst-ts-node-compiler).
	Module string
	// Templates is the folder of the Typst templates (templates/print):
	// brief.typ, report.typ and what they import.
	Templates string
	// Cache is a folder that keeps the PDFs between builds under a hash of
	// everything they are made from; "" keeps none.
	Cache string
}

// Typeset returns the edition of every publication, in order: from the
// cache when one was typeset from the same document, templates, fonts
// and compiler before, else typeset now, all in one Node.js process.
// errs[i] says why pubs[i] has none; err is set when the templates,
// fonts or process fail as a whole, and wraps nodetools.ErrNoNode when
// there are PDFs to typeset and no Node.js to do it.
func (t Typesetter) Typeset(pubs []Publication) (eds []Edition, errs []error, err error) {
	shared, version, err := t.shared()
	if err != nil {
		return nil, nil, err
	}
	eds, errs = make([]Edition, len(pubs)), make([]error, len(pubs))
	docs := make([]document, len(pubs))
	keys := make([]string, len(pubs))
	var todo []int
	cache := filecache.Dir(t.Cache)
	for i, p := range pubs {
		docs[i] = p.document()
		keys[i] = key(version, shared, docs[i])
		if t.Cache != "" {
			if data, ok := cache.Get(keys[i], ".pdf", func(data []byte) bool { return CountPages(data) > 0 }); ok {
				eds[i] = Edition{PDF: data, Pages: CountPages(data)}
				continue
			}
		}
		todo = append(todo, i)
	}
	if len(todo) == 0 {
		return eds, errs, nil
	}
	batch := make([]document, len(todo))
	for k, i := range todo {
		batch[k] = docs[i]
		batch[k].Files = append(append([]file(nil), shared...), docs[i].Files...)
	}
	if err := nodetools.HaveNode(); err != nil {
		return nil, nil, err
	}
	results, err := t.run(batch)
	if err != nil {
		return nil, nil, err
	}
	for k, i := range todo {
		r := results[k]
		if r.err != nil {
			errs[i] = r.err
			continue
		}
		eds[i] = r.ed
		if t.Cache != "" {
			cache.Put(keys[i], ".pdf", r.ed.PDF)
		}
	}
	return eds, errs, nil
}

// PruneCache removes the editions in dir that no build has used for the
// given time.
func PruneCache(dir string, unused time.Duration) { filecache.Dir(dir).Prune(".pdf", unused) }

// shared returns the files every document reads (the templates, as
// /print/NAME, and the EU emblem) and what identifies the typesetter:
// the compiler's version, the script and the fonts.
func (t Typesetter) shared() (files []file, version string, err error) {
	names, err := filepath.Glob(filepath.Join(t.Templates, "*.typ"))
	if err != nil || len(names) == 0 {
		return nil, "", fmt.Errorf("no Typst templates (*.typ) in %s", t.Templates)
	}
	sort.Strings(names)
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			return nil, "", fmt.Errorf("reading the template: %w", err)
		}
		files = append(files, file{Path: "/print/" + filepath.Base(name), Data: data})
	}
	files = append(files, emblemFile())
	var pkg struct{ Version string }
	data, err := os.ReadFile(filepath.Join(t.Module, "package.json"))
	if err == nil {
		err = json.Unmarshal(data, &pkg)
	}
	if err != nil || pkg.Version == "" {
		return nil, "", fmt.Errorf("%s is not installed in %s: %v", Compiler, t.Module, err)
	}
	return files, pkg.Version + "\x00" + script + "\x00" + fontsSum(), nil
}

var fontsSum = sync.OnceValue(func() string {
	h := sha256.New()
	all, _ := fonts()
	for _, f := range all {
		field(h, string(f))
	}
	return hex.EncodeToString(h.Sum(nil))
})

// key is the cache key of a document.
func key(version string, shared []file, d document) string {
	h := sha256.New()
	field(h, version, d.Main, d.Timestamp, len(shared)+len(d.Files))
	for _, f := range append(append([]file(nil), shared...), d.Files...) {
		field(h, f.Path, string(f.Data))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// result is the outcome of one document of a batch.
type result struct {
	ed  Edition
	err error
}

// run typesets a batch in one Node.js process.
func (t Typesetter) run(batch []document) ([]result, error) {
	all, err := fonts()
	if err != nil {
		return nil, fmt.Errorf("reading the fonts: %w", err)
	}
	type jsonFile struct {
		Path string `json:"path"`
		Data []byte `json:"data"` // base64
	}
	type jsonDoc struct {
		Main      string     `json:"main"`
		Files     []jsonFile `json:"files"`
		Timestamp int64      `json:"timestamp"`
	}
	in := struct {
		Fonts     [][]byte  `json:"fonts"`
		Documents []jsonDoc `json:"documents"`
	}{Fonts: all}
	for _, d := range batch {
		jd := jsonDoc{Main: d.Main, Timestamp: d.Timestamp}
		for _, f := range d.Files {
			jd.Files = append(jd.Files, jsonFile{f.Path, f.Data})
		}
		in.Documents = append(in.Documents, jd)
	}
	input, err := json.Marshal(in)
	if err != nil {
		return nil, err
	}

	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	module, err := filepath.Abs(t.Module)
	if err != nil {
		return nil, err
	}
	cmd := exec.CommandContext(ctx, "node", "-e", script, module)
	cmd.Stdin = strings.NewReader(string(input))
	var stderr strings.Builder
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("starting node: %w", err)
	}
	results := make([]result, 0, len(batch))
	lines := bufio.NewReader(stdout)
	for len(results) < len(batch) {
		line, err := lines.ReadBytes('\n')
		if err != nil {
			if !errors.Is(err, io.EOF) {
				return nil, err
			}
			break
		}
		results = append(results, t.decode(line))
	}
	_, _ = io.Copy(io.Discard, stdout)
	if err := cmd.Wait(); err != nil || len(results) < len(batch) {
		return nil, fmt.Errorf("typesetting with Typst (node, %s) failed after %d of %d PDFs: %v %s", Compiler, len(results), len(batch), err, lastLines(stderr.String(), 5))
	}
	return results, nil
}

// decode reads a line of typeset.js's output.
func (t Typesetter) decode(line []byte) result {
	var out struct {
		PDF         string `json:"pdf"`
		Pages       int    `json:"pages"`
		Error       string `json:"error"`
		Diagnostics []struct {
			Message  string          `json:"message"`
			Path     string          `json:"path"`
			Range    json.RawMessage `json:"range"`
			Severity int             `json:"severity"` // 1 error, 2 warning, 3 information, 4 hint
		} `json:"diagnostics"`
	}
	if err := json.Unmarshal(line, &out); err != nil {
		return result{err: fmt.Errorf("reading Typst's answer: %w", err)}
	}
	if out.Error != "" || out.PDF == "" {
		var msgs []string
		for _, d := range out.Diagnostics {
			if d.Severity > 1 {
				continue
			}
			where := strings.TrimPrefix(d.Path, "/ndpc-print")
			if name, ok := strings.CutPrefix(where, "/print/"); ok {
				where = filepath.Join(t.Templates, name)
			}
			if r := position(d.Range); r != "" {
				where += ":" + r
			}
			msgs = append(msgs, where+": "+d.Message)
		}
		if len(msgs) == 0 {
			msgs = append(msgs, out.Error)
		}
		return result{err: errors.New(strings.Join(msgs, "; "))}
	}
	pdf, err := base64.StdEncoding.DecodeString(out.PDF)
	if err != nil {
		return result{err: fmt.Errorf("reading Typst's PDF: %w", err)}
	}
	return result{ed: Edition{PDF: pdf, Pages: out.Pages}}
}

// position returns a diagnostic's range as LINE:COL (counted from 1),
// from {"start": {"line", "character"}, …} as the compiler gives it
// counted from 0 (characters in UTF-16 code units),
// or as the text it is.
func position(raw json.RawMessage) string {
	var r struct {
		Start *struct{ Line, Character int }
	}
	if err := json.Unmarshal(raw, &r); err == nil && r.Start != nil {
		return fmt.Sprintf("%d:%d", r.Start.Line+1, r.Start.Character+1)
	}
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		return s
	}
	return ""
}

// lastLines returns at most n last lines of s.
func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
