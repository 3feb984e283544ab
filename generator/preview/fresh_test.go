package preview

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"math/rand"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"ndpc/generator"
	"ndpc/generator/corpus"
)

var (
	freshSteps = flag.Int("steps", 14, "changes TestPreviewEqualsFreshBuild applies")
	freshSeed  = flag.Int64("seed", 0, "seed of TestPreviewEqualsFreshBuild's changes; 0 picks one")
)

// settleMarker starts the names of the files the tests create to learn
// that the preview has taken in every change made before them.
const settleMarker = ".ndpc-settled-"

// TestPreviewEqualsFreshBuild is the preview's promise as a property: on
// a generated site, a seeded random sequence of changes of every kind is
// made on disk while ndpc serve runs (its watcher and server), and after
// each has settled every address the preview answers is byte for byte the
// file of a fresh build with the same options, and it answers 404 exactly
// where the fresh build has no file. A failure names the seed and the
// first address that differs:
//
//	go test ./generator/preview -run PreviewEqualsFreshBuild -steps 2000 -seed N
func TestPreviewEqualsFreshBuild(t *testing.T) {
	seed := *freshSeed
	if seed == 0 {
		seed = time.Now().UnixNano()
	}
	t.Logf("seed %d (rerun with -seed %d)", seed, seed)
	dir := t.TempDir()
	if _, err := corpus.Write(dir, 8, seed); err != nil {
		t.Fatal(err)
	}
	p := startMarked(t, dir)
	fresh := filepath.Join(t.TempDir(), "public")
	r := rand.New(rand.NewSource(seed))
	good := p.snapshot(t)
	if msg := p.compare(t, fresh); msg != "" {
		t.Fatalf("seed %d, before any change: %s", seed, msg)
	}
	broken := false
	for i := 0; i < *freshSteps; i++ {
		var what string
		if broken {
			what = p.restore(t, good)
		} else {
			what = p.change(t, r, i)
		}
		p.settle(t, i)
		msg := p.compare(t, fresh)
		broken = msg == errBuildFails
		switch {
		case broken:
			// The fresh build fails: the preview must say so (and keep
			// its last good site); the next step undoes the change.
		case msg != "":
			t.Fatalf("seed %d, step %d (%s): %s", seed, i, what, msg)
		default:
			good = p.snapshot(t)
		}
		if testing.Verbose() {
			t.Logf("step %d: %s", i, what)
		}
	}
}

// previewed is a site served by the preview, with its event stream.
type previewed struct {
	dir    string
	base   string
	srv    *Server
	events <-chan sse
	opts   generator.Options
}

// startMarked starts the preview on a site in dir with the repository's
// templates, static files and i18n tables, its watcher reporting the
// settle markers.
func startMarked(t *testing.T, dir string) *previewed {
	t.Helper()
	repo, _ := filepath.Abs("../..")
	for _, sub := range []string{"templates", "static", "i18n"} {
		if err := os.CopyFS(filepath.Join(dir, sub), os.DirFS(filepath.Join(repo, sub))); err != nil {
			t.Fatal(err)
		}
	}
	opts := generator.Options{
		Content: filepath.Join(dir, "content"), Templates: filepath.Join(dir, "templates"),
		Static: filepath.Join(dir, "static"), I18n: filepath.Join(dir, "i18n"), BaseURL: "http://localhost/",
	}
	ctx, cancel := context.WithCancel(context.Background())
	srv, err := Start(ctx, Options{Site: opts, Bind: "127.0.0.1", Port: 0, Log: io.Discard, marker: settleMarker})
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	t.Cleanup(func() { cancel(); _ = srv.Wait() })
	base := "http://" + srv.Addr()
	return &previewed{dir: dir, base: base, srv: srv, events: subscribe(t, base), opts: opts}
}

// settle creates marker n and waits until the preview reports it: every
// change made before it has then been taken in.
func (p *previewed) settle(t *testing.T, n int) {
	t.Helper()
	name := fmt.Sprintf("%s%d", settleMarker, n)
	marker := filepath.Join(p.opts.Content, name)
	if err := os.WriteFile(marker, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	defer os.Remove(marker)
	deadline := time.After(2 * time.Minute) // a bound for a hang, not a measure
	for {
		select {
		case ev, ok := <-p.events:
			if !ok {
				t.Fatal("the event stream ended")
			}
			if ev.Name != "settled" {
				continue
			}
			marks, _ := ev.Data["marks"].([]any)
			for _, m := range marks {
				if m == name {
					return
				}
			}
		case <-deadline:
			t.Fatalf("the preview never reported marker %s", name)
		}
	}
}

// errBuildFails is what compare returns when the fresh build fails and
// the preview says that the site has errors.
const errBuildFails = "the fresh build fails"

// compare builds the site afresh into out and returns the first
// difference between it and the preview, or "".
func (p *previewed) compare(t *testing.T, out string) string {
	t.Helper()
	opts := p.opts
	opts.Out, opts.Drafts = out, true
	if _, err := generator.Build(opts); err != nil {
		if len(p.srv.live.Problems()) == 0 {
			return fmt.Sprintf("a fresh build fails, but the preview shows no errors:\n%v", err)
		}
		return errBuildFails
	}
	if ps := p.srv.live.Problems(); len(ps) > 0 {
		return fmt.Sprintf("a fresh build succeeds, but the preview shows errors: %v", ps)
	}
	built := map[string]bool{}
	var paths []string
	err := filepath.WalkDir(out, func(f string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(out, f)
		paths = append(paths, "/"+filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(paths)
	for _, sitePath := range paths {
		built[sitePath] = true
		want, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(sitePath)))
		if err != nil {
			t.Fatal(err)
		}
		code, got := fetch(t, p.base+sitePath)
		if code != http.StatusOK {
			return fmt.Sprintf("%s: the preview answers %d; a fresh build has the file", sitePath, code)
		}
		got = bytes.Replace(got, []byte(injected), nil, 1)
		if !bytes.Equal(got, want) {
			return fmt.Sprintf("%s differs from a fresh build's file:\n%s", sitePath, firstDifference(got, want))
		}
	}
	for _, sitePath := range p.srv.live.Paths() {
		if !built[sitePath] {
			if code, _ := fetch(t, p.base+sitePath); code != http.StatusNotFound {
				return fmt.Sprintf("%s: the preview answers %d; a fresh build has no such file", sitePath, code)
			}
		}
	}
	return ""
}

func fetch(t *testing.T, url string) (int, []byte) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, data
}

// firstDifference shows where two files part.
func firstDifference(got, want []byte) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	from := max(0, i-120)
	return fmt.Sprintf("at byte %d\npreview: %q\nbuild:   %q", i, got[from:min(len(got), i+120)], want[from:min(len(want), i+120)])
}

// snapshot reads every file of the site's folders.
func (p *previewed) snapshot(t *testing.T) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	for _, sub := range []string{"content", "templates", "static", "i18n"} {
		err := filepath.WalkDir(filepath.Join(p.dir, sub), func(f string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || strings.HasPrefix(d.Name(), settleMarker) {
				return err
			}
			data, err := os.ReadFile(f)
			files[f] = data
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return files
}

// restore brings the folders back to a snapshot at once, as git checkout
// would: changed files written, extra ones removed, missing ones made.
func (p *previewed) restore(t *testing.T, good map[string][]byte) string {
	t.Helper()
	now := p.snapshot(t)
	n := 0
	for f := range now {
		if _, ok := good[f]; !ok {
			must(t, os.Remove(f))
			n++
		}
	}
	for f, data := range good {
		if old, ok := now[f]; !ok || !bytes.Equal(old, data) {
			must(t, os.MkdirAll(filepath.Dir(f), 0o755))
			must(t, os.WriteFile(f, data, 0o644))
			n++
		}
	}
	return fmt.Sprintf("checkout of the last good state, %d files", n)
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// change makes one random change of a random kind and says what it did.
func (p *previewed) change(t *testing.T, r *rand.Rand, step int) string {
	t.Helper()
	content := p.opts.Content
	pages := p.files(t, content, ".md")
	page := pages[r.Intn(len(pages))]
	short := func(f string) string { r, _ := filepath.Rel(p.dir, f); return filepath.ToSlash(r) }
	mark := fmt.Sprintf("step %d", step)
	edit := func(f string, fn func(string) string) {
		data, err := os.ReadFile(f)
		must(t, err)
		must(t, os.WriteFile(f, []byte(fn(string(data))), 0o644))
	}
	cases := p.files(t, filepath.Join(content, "case-studies"), ".en.md")
	switch kind := r.Intn(18); kind {
	case 0, 1:
		edit(page, func(s string) string { return s + "\nA paragraph of " + mark + ".\n" })
		return "body of " + short(page)
	case 2:
		edit(page, func(s string) string { return replaceField(s, "title", `"Retitled at `+mark+`"`) })
		return "title of " + short(page)
	case 3:
		cs := cases[r.Intn(len(cases))]
		edit(cs, func(s string) string {
			s = replaceField(s, "summary", `"Summary of `+mark+`"`)
			return replaceField(s, "cci", "[crafts, design]")
		})
		return "summary and creative fields of " + short(cs)
	case 4:
		cs := cases[r.Intn(len(cases))]
		codes := []string{"DK", "EE", "FI", "DE", "IS", "LV", "LT", "NO", "PL", "RU", "SE"}
		value := "[" + codes[r.Intn(len(codes))] + "]"
		for _, f := range []string{cs, strings.TrimSuffix(cs, ".en.md") + ".ru.md"} {
			if _, err := os.Stat(f); err == nil {
				edit(f, func(s string) string { return replaceField(s, "countries", value) })
			}
		}
		return "countries " + value + " of " + short(cs) + " and its translation"
	case 5: // vim: the file is renamed to a backup, written anew, the backup removed
		data, err := os.ReadFile(page)
		must(t, err)
		must(t, os.Rename(page, page+"~"))
		must(t, os.WriteFile(page, append(data, "\nSaved by vim at "+mark+".\n"...), 0o644))
		must(t, os.Remove(page+"~"))
		return "vim's save of " + short(page)
	case 6: // JetBrains' safe write
		data, err := os.ReadFile(page)
		must(t, err)
		must(t, os.WriteFile(page+"___jb_tmp___", append(data, "\nSaved safely at "+mark+".\n"...), 0o644))
		must(t, os.Rename(page, page+"___jb_old___"))
		must(t, os.Rename(page+"___jb_tmp___", page))
		must(t, os.Remove(page+"___jb_old___"))
		return "JetBrains' safe write of " + short(page)
	case 7:
		for _, lang := range []string{"en", "ru"} {
			f := filepath.Join(content, "case-studies", fmt.Sprintf("new-%d.%s.md", step, lang))
			must(t, os.WriteFile(f, []byte("---\ntitle: New at "+mark+"\nsummary: Made while the preview runs.\ncountries: [FI]\nsectors: [digital]\noutcome: ongoing\n---\nNew text.\n"), 0o644))
		}
		return "a new case study in both languages"
	case 8: // a bundle folder made and filled at once
		bundle := filepath.Join(content, "briefs", fmt.Sprintf("%02d-new-%d", 50+step, step))
		must(t, os.MkdirAll(bundle, 0o755))
		for _, lang := range []string{"en", "ru"} {
			must(t, os.WriteFile(filepath.Join(bundle, "index."+lang+".md"), []byte(fmt.Sprintf("---\ntitle: Brief of %s\nnumber: %d\ndate: 2021-03-04\nsummary: A new brief.\n---\nIts text.\n", mark, 50+step)), 0o644))
		}
		return "a new brief bundle " + short(bundle)
	case 9:
		must(t, os.Remove(page))
		return "removed " + short(page)
	case 10:
		to := strings.TrimSuffix(page, ".md")
		to = strings.TrimSuffix(strings.TrimSuffix(to, ".en"), ".ru") + fmt.Sprintf("-moved-%d", step) + to[len(to)-3:] + ".md"
		must(t, os.Rename(page, to))
		return "renamed " + short(page) + " to " + short(to)
	case 11: // a bundle folder renamed, then a page in it edited
		bundles := p.dirs(t, filepath.Join(content, "briefs"))
		if len(bundles) == 0 {
			return "no bundle to move"
		}
		from := bundles[r.Intn(len(bundles))]
		to := fmt.Sprintf("%s-moved-%d", from, step)
		must(t, os.Rename(from, to))
		if f := filepath.Join(to, "index.en.md"); exists(f) {
			edit(f, func(s string) string { return s + "\nEdited after the move at " + mark + ".\n" })
		}
		return "moved bundle " + short(from) + " to " + short(to) + " and edited it"
	case 12: // a burst, as git checkout makes
		for i := 0; i < 10; i++ {
			f := pages[r.Intn(len(pages))]
			if exists(f) {
				edit(f, func(s string) string { return s + fmt.Sprintf("\nBurst %d of %s.\n", i, mark) })
			}
		}
		must(t, os.WriteFile(filepath.Join(content, fmt.Sprintf("burst-%d.en.md", step)), []byte("---\ntitle: Burst "+mark+"\n---\nText.\n"), 0o644))
		return "a burst of changes"
	case 13: // a page template, the layout, or a partial (a card, which lists cache)
		edits := []struct{ file, old, new string }{
			{"case-study.html", "</article>", "<p>Template of " + mark + ".</p></article>"},
			{"event.html", "</article>", "<p>Template of " + mark + ".</p></article>"},
			{"brief.html", "</article>", "<p>Template of " + mark + ".</p></article>"},
			{"chapter.html", "</article>", "<p>Template of " + mark + ".</p></article>"},
			{"base.html", "</main>", "<p>Layout of " + mark + ".</p></main>"},
			{"partials/cards.html", `{{define "case-card"}}`, `{{define "case-card"}}<i hidden>Card of ` + mark + `.</i>`},
		}
		e := edits[r.Intn(len(edits))]
		tmpl := filepath.Join(p.dir, "templates", filepath.FromSlash(e.file))
		edit(tmpl, func(s string) string { return strings.Replace(s, e.old, e.new, 1) })
		return "template " + short(tmpl)
	case 14:
		edit(filepath.Join(p.dir, "i18n", "en.toml"), func(s string) string {
			return regexp.MustCompile(`(?m)^publisher = ".*"$`).ReplaceAllString(s, `publisher = "Northern Dimension Partnership on Culture, `+mark+`"`)
		})
		return "an i18n string"
	case 15, 16: // a static file other than an asset: added, changed or removed
		var plain []string
		for _, f := range p.files(t, filepath.Join(p.dir, "static"), "") {
			if !strings.Contains(filepath.ToSlash(f), "/static/assets/") {
				plain = append(plain, f)
			}
		}
		switch {
		case len(plain) == 0 || r.Intn(3) == 0:
			f := filepath.Join(p.dir, "static", "files", fmt.Sprintf("note-%d.txt", step))
			must(t, os.MkdirAll(filepath.Dir(f), 0o755))
			must(t, os.WriteFile(f, []byte("Added at "+mark+".\n"), 0o644))
			return "new static file " + short(f)
		case r.Intn(2) == 0:
			f := plain[r.Intn(len(plain))]
			edit(f, func(s string) string { return s + "Changed at " + mark + ".\n" })
			return "changed static file " + short(f)
		default:
			f := plain[r.Intn(len(plain))]
			must(t, os.Remove(f))
			return "removed static file " + short(f)
		}
	default:
		if r.Intn(2) == 0 {
			css := filepath.Join(p.dir, "static", "assets", "css", "style.css")
			edit(css, func(s string) string { return s + "\n/* " + mark + " */\n" })
			return "a stylesheet"
		}
		settings := filepath.Join(content, "site.toml")
		raw, study := r.Intn(2) == 0, 500+r.Intn(100)
		must(t, os.WriteFile(settings, []byte(fmt.Sprintf("raw_html = %v\n\n[study]\ncase_studies = %d\n", raw, study)), 0o644))
		return fmt.Sprintf("settings: raw_html = %v, case_studies = %d", raw, study)
	}
}

// replaceField sets a front matter field's value, or adds the field.
func replaceField(page, field, value string) string {
	re := regexp.MustCompile(`(?m)^` + field + `:.*$`)
	if re.MatchString(page) {
		return re.ReplaceAllLiteralString(page, field+": "+value)
	}
	return strings.Replace(page, "---\n", "---\n"+field+": "+value+"\n", 1)
}

func exists(f string) bool {
	_, err := os.Stat(f)
	return err == nil
}

// files lists the files below dir whose names end in suffix.
func (p *previewed) files(t *testing.T, dir, suffix string) []string {
	t.Helper()
	var out []string
	_ = filepath.WalkDir(dir, func(f string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(f, suffix) && !strings.HasPrefix(d.Name(), ".") {
			out = append(out, f)
		}
		return nil
	})
	sort.Strings(out)
	return out
}

// dirs lists the folders right below dir.
func (p *previewed) dirs(t *testing.T, dir string) []string {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	var out []string
	for _, e := range entries {
		if e.IsDir() {
			out = append(out, filepath.Join(dir, e.Name()))
		}
	}
	return out
}
