package generator

import (
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"ndpc/generator/content"
	"ndpc/generator/diag"
	"ndpc/generator/render"
)

// How the preview follows each kind of change: a page's text or front
// matter, a template, an i18n table, the settings, a static file. Each
// makes a run over the preview's model (or a model that shares its
// content) and remakes the outputs the plan says were made from what
// changed.

// copyStatic plans the static folder's files again and copies those
// whose file changed or that are new, and drops those that are gone, and
// notes each in u (see Update.note). It returns false when the
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
	after := l.plan.withCopies(b.unshadowed(l.plan, b.copies()))
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
		u.note(o)
	}
	u.settle()
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
	u.Warnings = append(u.Warnings, warnings(b.problems)...)
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
