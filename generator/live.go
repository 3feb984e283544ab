package generator

import (
	"bytes"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"ndpc/generator/diag"
)

// Live is the site of the preview server: built in memory, drafts
// included, not minified and not fingerprinted, and updated as files
// change. A change to pages' text or front matter plans the site again
// and makes exactly the outputs whose inputs changed (see deps.go), not
// the whole site; so does a change to a template, an i18n table, the
// settings or a static file, over the content already loaded. A change to
// which files exist (a new, removed or renamed page, a content image, an
// asset or page template added or removed) loads and builds the whole
// site again, and the update names the files whose bytes changed. A
// failed build leaves the last good site in place.
type Live struct {
	opts Options

	mu     sync.RWMutex
	files  map[string][]byte         // the last good site, by site path
	b      *builder                  // the run the site was built by, with its model
	plan   *planned                  // what each of files was made from
	broken map[string][]diag.Problem // errors since the last good state, by file
	dirty  bool                      // the model may differ from the files: build everything next time
	// pending site files are made again when they are asked for, not on
	// every save (the feeds, the open data, the sitemap).
	pending map[string]bool
}

// Update says what a rebuild changed.
type Update struct {
	Full     bool           // reload every page: a script or picture changed, or the first build
	Pages    []string       // site paths of the pages that changed
	Styles   []string       // site paths of stylesheets that changed alone
	Problems []diag.Problem // the errors still to fix; empty when the site is good
	Warnings []diag.Problem // the warnings of what was made again (all of them after a full build)
	Took     time.Duration
}

// note adds a changed site path to the update: a stylesheet, which pages
// swap without reloading; a script, image or font, which any page may
// load, so every page reloads; any other file (a page, a feed) by its
// path.
func (u *Update) note(sitePath string) {
	switch path.Ext(sitePath) {
	case ".css":
		u.Styles = append(u.Styles, sitePath)
	case ".js", ".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".woff", ".woff2":
		u.Full = true
	default:
		u.Pages = append(u.Pages, sitePath)
	}
}

// settle sorts the update's paths; a full reload needs none.
func (u *Update) settle() {
	if u.Full {
		u.Pages, u.Styles = nil, nil
	}
	sort.Strings(u.Pages)
	sort.Strings(u.Styles)
}

// changedFiles returns the site paths whose content differs between two
// builds: changed, new or gone.
func changedFiles(before, after map[string][]byte) []string {
	var changed []string
	for p, data := range after {
		if old, ok := before[p]; !ok || !bytes.Equal(old, data) {
			changed = append(changed, p)
		}
	}
	for p := range before {
		if _, ok := after[p]; !ok {
			changed = append(changed, p)
		}
	}
	return changed
}

// OK reports whether the site is free of errors.
func (u Update) OK() bool { return len(u.Problems) == 0 }

// NewLive builds the site in memory. The error is for folders that cannot
// be read; content errors are in the update's problems.
func NewLive(opts Options) (*Live, Update, error) {
	opts.Drafts, opts.Minify, opts.Fingerprint = true, false, false
	// No social preview images, which a save would leave out of date:
	// pages name none, rather than images that are not there.
	opts.SocialImages = false
	l := &Live{opts: opts, files: map[string][]byte{}, broken: map[string][]diag.Problem{}, pending: map[string]bool{}}
	u, err := l.full(time.Now())
	return l, u, err
}

// File returns the last good content at a site path; a folder path
// ("/en/") means its index.html.
func (l *Live) File(sitePath string) ([]byte, bool) {
	if strings.HasSuffix(sitePath, "/") {
		sitePath += "index.html"
	}
	l.mu.RLock()
	data, ok := l.files[sitePath]
	pending := l.pending[sitePath]
	l.mu.RUnlock()
	if !pending {
		return data, ok
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.pending[sitePath] {
		if f, ok := l.plan.files[sitePath]; ok {
			// Such files report no problems (onDemand) and are kept
			// here, not written.
			if data := f.make(l.b.runOver(discard{}, &diag.List{}, l.b.pieces)); data != nil {
				l.files[sitePath] = data
			}
		}
		delete(l.pending, sitePath)
	}
	data, ok = l.files[sitePath]
	return data, ok
}

// Paths returns every site path the preview has a file at, sorted.
func (l *Live) Paths() []string {
	l.mu.RLock()
	defer l.mu.RUnlock()
	paths := make([]string, 0, len(l.files)+len(l.pending))
	for p := range l.files {
		paths = append(paths, p)
	}
	for p := range l.pending {
		if _, ok := l.files[p]; !ok {
			paths = append(paths, p)
		}
	}
	sort.Strings(paths)
	return paths
}

// Problems returns the errors of the current state.
func (l *Live) Problems() []diag.Problem {
	l.mu.RLock()
	defer l.mu.RUnlock()
	return l.problems()
}

func (l *Live) problems() []diag.Problem {
	var all []diag.Problem
	for _, ps := range l.broken {
		all = append(all, ps...)
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].Path != all[j].Path {
			return all[i].Path < all[j].Path
		}
		return all[i].Line < all[j].Line
	})
	return all
}

// Apply brings the site up to date with changed files (paths as the
// watcher reports them).
func (l *Live) Apply(changed []string) (Update, error) {
	start := time.Now()
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.dirty || l.b == nil {
		return l.fullLocked(start)
	}
	var pages, statics, templates []string
	var i18n, settings bool
	for _, f := range changed {
		switch root, rel := l.locate(f); root {
		case "content":
			if rel == settingsFile {
				settings = true
				continue
			}
			if !strings.HasSuffix(rel, ".md") {
				if _, known := l.b.site.Files[rel]; !known && !isFile(f) {
					continue // came and went: a tool's temporary file (sed -i's)
				}
				// An image's size is read when the site is loaded, and
				// the pages that show it are made with it.
				return l.fullLocked(start)
			}
			pages = append(pages, rel)
		case "static":
			statics = append(statics, rel)
		case "templates":
			templates = append(templates, rel)
		case "i18n":
			i18n = true
		case "":
			// outside the site's folders: nothing depends on it
		}
	}
	u := Update{}
	if settings && !l.reloadSettings(&u) || i18n && !l.reloadI18n(&u) ||
		len(templates) > 0 && !l.reloadTemplates(templates, &u) {
		return l.fullLocked(start)
	}
	if len(statics) > 0 && !l.copyStatic(statics, &u) {
		return l.fullLocked(start)
	}
	if len(pages) > 0 {
		full, err := l.renderPages(pages, &u)
		if err != nil || full {
			return l.fullLocked(start)
		}
	}
	u.Problems = l.problems()
	u.Took = time.Since(start)
	return u, nil
}

// locate tells which of the site's folders a changed file is in, and its
// path relative to that folder.
func (l *Live) locate(file string) (root, rel string) {
	abs, _ := filepath.Abs(file)
	for _, r := range []struct{ name, dir string }{
		{"content", l.opts.Content}, {"templates", l.opts.Templates}, {"static", l.opts.Static}, {"i18n", l.opts.I18n},
	} {
		dir, _ := filepath.Abs(r.dir)
		if p, err := filepath.Rel(dir, abs); err == nil && !strings.HasPrefix(p, "..") {
			return r.name, filepath.ToSlash(p)
		}
	}
	return "", ""
}

// Rebuild builds the whole site again from what is on disk, for when the
// changes are not known file by file.
func (l *Live) Rebuild() (Update, error) { return l.full(time.Now()) }

// full builds the whole site again into memory.
func (l *Live) full(start time.Time) (Update, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.fullLocked(start)
}

func (l *Live) fullLocked(start time.Time) (Update, error) {
	problems := &diag.List{}
	b, err := load(l.opts, problems)
	if err != nil && b == nil && !problems.HasErrors() {
		return Update{}, err
	}
	u := Update{Full: true}
	if b != nil {
		staged := newMemSink()
		b.run(staged)
		if !problems.HasErrors() {
			if l.b != nil { // pages are open: tell them what changed
				u = Update{}
				for _, p := range changedFiles(l.files, staged.files) {
					u.note(p)
				}
				u.settle()
			}
			u.Warnings = warnings(problems)
			l.files, l.b, l.dirty = staged.files, b, false
			l.plan = b.planned
			l.pending = map[string]bool{}
			l.broken = map[string][]diag.Problem{}
			u.Took = time.Since(start)
			return u, nil
		}
	}
	l.dirty = true
	l.broken = map[string][]diag.Problem{}
	for _, pr := range problems.Sorted() {
		if pr.Severity == diag.Error {
			l.broken[pr.Path] = append(l.broken[pr.Path], pr)
		}
	}
	u.Full = false
	u.Problems = l.problems()
	u.Took = time.Since(start)
	return u, nil
}

// isFile reports whether path is a regular file.
func isFile(path string) bool {
	info, err := os.Stat(path)
	return err == nil && info.Mode().IsRegular()
}
