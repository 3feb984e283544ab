package generator

import (
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"ndpc/generator/content"
	"ndpc/generator/diag"
	"ndpc/generator/render"
)

// Live is the site of the preview server: built in memory, drafts
// included, not minified and not fingerprinted, and updated as files
// change. A change to pages' text or front matter plans the site again
// and makes exactly the outputs whose inputs changed (see deps.go), not
// the whole site; so does a change to a template, an i18n table, the
// settings or a static file, over the content already loaded. A change to
// which files exist (a new, removed or renamed page, a content image, an
// asset or page template added or removed) loads and builds the whole
// site again. A failed build leaves the last good site in place.
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
	Full     bool           // the whole site was built again: reload every page
	Pages    []string       // site paths of the pages that changed
	Styles   []string       // site paths of stylesheets that changed alone
	Problems []diag.Problem // the errors still to fix; empty when the site is good
	Took     time.Duration
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

// copyStatic plans the static folder's files again and copies those
// whose file changed or that are new, and drops those that are gone. A
// stylesheet is reported on its own, so that pages can swap it without
// reloading; any other file reloads every page. It returns false when the
// change needs a full build: an asset added or removed (the templates ask
// for assets by name), or a file that cannot be read.
func (l *Live) copyStatic(rels []string, u *Update) bool {
	problems := &diag.List{}
	staged := newMemSink()
	b := l.b.runOver(staged, problems, l.b.pieces)
	assets := map[input]bool{}
	for _, c := range l.plan.copiesOf(true) {
		assets[c.from] = true
	}
	hit := map[input]bool{}
	for _, rel := range rels {
		in := fileInput("static", rel)
		if strings.HasPrefix(rel, assetsDir+"/") && (!assets[in] || !isFile(filepath.Join(l.opts.Static, filepath.FromSlash(rel)))) {
			return false // an asset added or removed
		}
		hit[in] = true
	}
	after := l.plan.withCopies(b.copies())
	made, gone := changes(l.plan, after, hit)
	for _, o := range made {
		c, ok := after.copies[o]
		if !ok {
			return false
		}
		// The preview neither minifies nor fingerprints: an asset is its
		// file as it is now.
		b.publishFile(c.path, c.src)
	}
	if problems.HasErrors() {
		return false // a full build reports them
	}
	for _, o := range append(made, gone...) {
		if data, ok := staged.files[o]; ok {
			l.files[o] = data
		} else {
			delete(l.files, o)
		}
		if strings.HasSuffix(o, ".css") {
			u.Styles = append(u.Styles, o)
		} else {
			u.Full = true
		}
	}
	l.plan = after
	return true
}

// renderPages reloads changed pages, plans the site again when their
// front matter changed, and makes the outputs whose inputs changed. It
// returns true when the change needs a full build.
func (l *Live) renderPages(rels []string, u *Update) (bool, error) {
	problems := &diag.List{}
	staged := newMemSink()
	b := l.b.runOver(staged, problems, l.b.pieces) // this change's run over the model
	var changed []input
	var reloaded []*content.Page
	for _, rel := range rels {
		change, _, err := b.site.Reload(os.DirFS(l.opts.Content), rel, problems)
		if err != nil {
			return true, err
		}
		if change == content.Structural {
			return true, nil
		}
		p, _ := b.site.PageBySource(rel)
		changed = append(changed, changedInputs(p, change)...)
		if change == content.FieldsChanged {
			reloaded = append(reloaded, p)
		}
	}
	for _, p := range reloaded { // after the whole batch: twins may change together
		b.site.CheckTranslation(p, problems)
	}
	if len(changed) == 0 {
		return false, nil
	}
	hit := map[input]bool{}
	for _, in := range changed {
		hit[in] = true
	}
	after := l.plan
	if len(reloaded) > 0 {
		after = b.replan(l.plan, hit) // lists, country pages and calendars may gain or lose pages
	}
	for _, rel := range rels {
		p, _ := b.site.PageBySource(rel)
		delete(l.broken, p.Path)
	}
	if !l.remake(b, after, hit, staged, u) && len(reloaded) > 0 {
		l.dirty = true // indexes may now show what failed: start afresh next time
	}
	return false, nil
}

// remodel makes a model that shares the current one's content, with what
// change puts in it (the settings, the i18n tables), its templates read
// again, and makes the outputs made from the inputs change returns (and
// every page when the templates reserve other ids, which headings in the
// text must not take). It returns false when the change needs a full
// build: change said so, or a problem was found, which the full build
// reports.
func (l *Live) remodel(u *Update, change func(m *model, problems *diag.List) (hit map[input]bool, ok bool)) bool {
	problems := &diag.List{}
	m := *l.b.model
	hit, ok := change(&m, problems)
	if !ok || problems.HasErrors() {
		return false
	}
	b := &builder{model: &m, problems: problems, pieces: &pieces{}}
	b.loadTemplates()
	b.checkStudy()
	if problems.HasErrors() {
		return false
	}
	if m.tmpl.ReservedIDs() != l.b.tmpl.ReservedIDs() {
		hit[inLayout] = true
	}
	staged := newMemSink()
	b = b.runOver(staged, problems, b.pieces)
	if !l.remake(b, b.replan(l.plan, hit), hit, staged, u) {
		return false
	}
	l.b = b
	return true
}

// reloadTemplates makes the outputs made from the changed template files
// (rels, relative to the templates folder): a page template's pages, or
// every page for the layout or a partial. A page template added or
// removed may change which template a page is made with: that needs a
// full build.
func (l *Live) reloadTemplates(rels []string, u *Update) bool {
	return l.remodel(u, func(*model, *diag.List) (map[input]bool, bool) {
		hit := map[input]bool{}
		for _, rel := range rels {
			page := !render.IsLayout(rel) && path.Ext(rel) == ".html" && !strings.Contains(rel, "/")
			if page && isFile(filepath.Join(l.opts.Templates, filepath.FromSlash(rel))) != l.b.tmpl.Has(rel) {
				return nil, false
			}
			hit[templateInput(rel)] = true
		}
		return hit, true
	})
}

// reloadI18n reads the i18n tables again and makes the outputs made from
// them.
func (l *Live) reloadI18n(u *Update) bool {
	return l.remodel(u, func(m *model, problems *diag.List) (map[input]bool, bool) {
		locales, ok := loadLocales(l.opts, problems)
		m.locales = locales
		return map[input]bool{inI18n: true}, ok
	})
}

// reloadSettings reads content/site.toml again and makes the outputs made
// from it.
func (l *Live) reloadSettings(u *Update) bool {
	return l.remodel(u, func(m *model, problems *diag.List) (map[input]bool, bool) {
		settings, err := loadSettings(l.opts.Content, problems)
		if err != nil {
			return nil, false
		}
		m.settings, m.baseURL = settings, siteAddress(l.opts, settings)
		return map[input]bool{inSettings: true}, true
	})
}

// remake makes, in the run b, the outputs of the plan after that are new
// or made from an input in hit, and if the run reports no errors, puts
// them into the preview in place of those of the current plan and drops
// the outputs after lacks; it reports whether it did. Files that are made
// when asked for are marked so. Errors are kept by file.
func (l *Live) remake(b *builder, after *planned, hit map[input]bool, staged *memSink, u *Update) bool {
	made, gone := changes(l.plan, after, hit)
	var jobs []job
	var files []siteFile
	var later []string
	for _, o := range made {
		if j, ok := after.jobs[o]; ok {
			jobs = append(jobs, *j)
		} else if f, ok := after.files[o]; ok && f.onDemand {
			later = append(later, o)
		} else if ok {
			files = append(files, f)
		}
	}
	b.render(jobs)
	b.writeSiteFiles(files)
	if b.problems.HasErrors() {
		for _, pr := range b.problems.Sorted() {
			if pr.Severity == diag.Error {
				l.broken[pr.Path] = append(l.broken[pr.Path], pr)
			}
		}
		return false
	}
	for p, data := range staged.files {
		l.files[p] = data
		u.Pages = append(u.Pages, p)
	}
	for _, p := range gone {
		delete(l.files, p)
		delete(l.pending, p)
		u.Pages = append(u.Pages, p)
	}
	for _, p := range later {
		l.pending[p] = true
	}
	l.plan = after
	sort.Strings(u.Pages)
	return true
}

func feedPath(lang content.Lang) string { return "/" + string(lang) + "/feed.xml" }

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

// memSink keeps a build in memory.
type memSink struct {
	mu    sync.Mutex
	files map[string][]byte
}

func newMemSink() *memSink { return &memSink{files: map[string][]byte{}} }

func (m *memSink) WriteFile(sitePath string, data []byte) error {
	m.mu.Lock()
	m.files[sitePath] = append([]byte(nil), data...)
	m.mu.Unlock()
	return nil
}

func (m *memSink) CopyFile(sitePath, src string) error {
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	return m.WriteFile(sitePath, data)
}

// isFile reports whether path is a regular file.
func isFile(path string) bool {
	info, err := os.Stat(path)
	return err == nil && info.Mode().IsRegular()
}
