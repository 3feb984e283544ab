package generator

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestPreviewCopiesStaticFiles: in the preview, a static file changed,
// added or removed is copied or dropped as the plan of copied files says,
// without loading the site again; a stylesheet is reported on its own; an
// asset added (which templates may ask for by name) builds everything.
func TestPreviewCopiesStaticFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) { t.Helper(); writeTree(t, dir, map[string]string{name: text}) }
	write("content/_index.en.md", "---\ntitle: Home\n---\nWelcome.\n")
	write("content/_index.ru.md", "---\ntitle: Главная\n---\nТекст.\n")
	opts := siteOptions(t, dir)
	if err := os.CopyFS(filepath.Join(dir, "static"), os.DirFS(opts.Static)); err != nil {
		t.Fatal(err)
	}
	opts.Static = "static"
	write("static/files/a.txt", "first\n")
	if err := os.Symlink("../assets/css/style.css", "static/files/style-copy.css"); err != nil {
		t.Fatal(err)
	}

	l, u, err := NewLive(opts)
	if err != nil || !u.OK() {
		t.Fatalf("the site does not build: %v %v", err, u.Problems)
	}
	model := l.b
	apply := func(what string, files ...string) Update {
		t.Helper()
		u, err := l.Apply(files)
		if err != nil || !u.OK() {
			t.Fatalf("%s: %v %v", what, err, u.Problems)
		}
		return u
	}
	serves := func(what, path, want string) {
		t.Helper()
		got, ok := l.File(path)
		if want == "" && ok {
			t.Errorf("%s: %s is still served", what, path)
		} else if want != "" && string(got) != want {
			t.Errorf("%s: %s is %q, want %q", what, path, got, want)
		}
	}

	write("static/files/a.txt", "second\n")
	apply("changed", "static/files/a.txt")
	serves("changed", "/files/a.txt", "second\n")

	write("static/files/b.txt", "new\n")
	apply("added", "static/files/b.txt")
	serves("added", "/files/b.txt", "new\n")

	if err := os.Remove("static/files/a.txt"); err != nil {
		t.Fatal(err)
	}
	apply("removed", "static/files/a.txt")
	serves("removed", "/files/a.txt", "")

	// A file where the build writes its own is refused, and when it goes
	// the build's own file is served again.
	robots, _ := l.File("/robots.txt")
	write("static/robots.txt", "User-agent: nobody\n")
	if u, err := l.Apply([]string{"static/robots.txt"}); err != nil || u.OK() || !strings.Contains(fmt.Sprint(u.Problems), "the build makes /robots.txt itself") {
		t.Errorf("a static robots.txt: %v %v", err, u.Problems)
	}
	if err := os.Remove("static/robots.txt"); err != nil {
		t.Fatal(err)
	}
	apply("robots.txt removed", "static/robots.txt")
	serves("robots.txt removed", "/robots.txt", string(robots))
	model = l.b // the error made the preview load the site again

	css, err := os.ReadFile("static/assets/css/style.css")
	if err != nil {
		t.Fatal(err)
	}
	write("static/assets/css/style.css", string(css)+"\n/* changed */\n")
	u = apply("stylesheet", "static/assets/css/style.css")
	if !slices.Equal(u.Styles, []string{"/assets/css/style.css", "/files/style-copy.css"}) || u.Full {
		t.Errorf("a stylesheet's change gave %+v, want the stylesheet and the link to it", u)
	}
	serves("stylesheet", "/assets/css/style.css", string(css)+"\n/* changed */\n")
	serves("stylesheet", "/files/style-copy.css", string(css)+"\n/* changed */\n") // a link to it
	if l.b != model {
		t.Error("a static file's change loaded the site again")
	}

	write("static/assets/css/extra.css", "p {}\n")
	apply("new asset", "static/assets/css/extra.css")
	serves("new asset", "/assets/css/extra.css", "p {}\n")
	if l.b == model {
		t.Error("a new asset did not build the site again")
	}
}

// TestPreviewTemplateChanges: in the preview, a page template's change
// remakes the pages made with it and no others; one that makes the
// templates reserve another id (which headings in the text must not
// take) remakes every page. After each, every file equals a fresh
// build's.
func TestPreviewTemplateChanges(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) { t.Helper(); writeTree(t, dir, map[string]string{name: text}) }
	write("content/_index.en.md", "---\ntitle: Home\n---\nWelcome.\n")
	write("content/_index.ru.md", "---\ntitle: Главная\n---\nТекст.\n")
	write("content/case-studies/proto.en.md", "---\ntitle: PROTO\nsummary: A VR centre.\ncountries: [EE]\nsectors: [digital]\noutcome: impact\n---\n## Methods\n\nText.\n")
	write("content/events/focus.en.md", "---\ntitle: Focus group\nsummary: A day of talks.\nstart: 2020-09-10\n---\nText.\n")
	opts := siteOptions(t, dir)
	if err := os.CopyFS(filepath.Join(dir, "templates"), os.DirFS(opts.Templates)); err != nil {
		t.Fatal(err)
	}
	opts.Templates = "templates"
	l, u, err := NewLive(opts)
	if err != nil || !u.OK() {
		t.Fatalf("the site does not build: %v %v", err, u.Problems)
	}
	edit := func(old, new string) Update {
		t.Helper()
		data, err := os.ReadFile("templates/event.html")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(data), old) {
			t.Fatalf("templates/event.html has no %q", old)
		}
		write("templates/event.html", strings.Replace(string(data), old, new, 1))
		u, err := l.Apply([]string{"templates/event.html"})
		if err != nil || !u.OK() {
			t.Fatalf("the change does not build: %v %v", err, u.Problems)
		}
		sameAsBuild(t, l, opts)
		return u
	}
	if u := edit("</article>", "<p>Edited.</p></article>"); u.Full || !slices.Equal(u.Pages, []string{"/en/events/focus/index.html"}) {
		t.Errorf("a page template's change remade %v (full: %v), want the event's page alone", u.Pages, u.Full)
	}
	u = edit("<p>Edited.</p>", `<p id="methods">Edited.</p>`)
	if !slices.Contains(u.Pages, "/en/case-studies/proto/index.html") {
		t.Errorf("reserving the id of a heading did not remake its page: %v", u.Pages)
	}
}

// sameAsBuild compares every file of the preview with a fresh build's.
func sameAsBuild(t *testing.T, l *Live, opts Options) {
	t.Helper()
	fresh := opts
	fresh.Drafts, fresh.Minify, fresh.Fingerprint, fresh.SocialImages = true, false, false, false
	fresh.Search, fresh.PDF = false, false
	fresh.Out = t.TempDir()
	if _, err := Build(fresh); err != nil {
		t.Fatal(err)
	}
	for _, p := range l.Paths() {
		got, _ := l.File(p)
		want, err := os.ReadFile(filepath.Join(fresh.Out, filepath.FromSlash(p)))
		if err != nil {
			t.Errorf("%s: the build has no such file", p)
			continue
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from a fresh build's", p)
		}
	}
}

// TestPreviewI18nAndSettingsKeepContent: in the preview, a change to an
// i18n table or to content/site.toml remakes the outputs made from it
// over the content already loaded, and every file then equals a fresh
// build's.
func TestPreviewI18nAndSettingsKeepContent(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"content/_index.en.md":             "---\ntitle: Home\n---\nWelcome.\n",
		"content/_index.ru.md":             "---\ntitle: Главная\n---\nТекст.\n",
		"content/case-studies/proto.en.md": "---\ntitle: PROTO\nsummary: A VR centre.\ncountries: [EE]\nsectors: [digital]\noutcome: impact\n---\nText.\n",
		"content/site.toml":                "[study]\ncase_studies = 121\n",
	})
	opts := siteOptions(t, dir)
	if err := os.CopyFS(filepath.Join(dir, "i18n"), os.DirFS(opts.I18n)); err != nil {
		t.Fatal(err)
	}
	opts.I18n = "i18n"
	l, u, err := NewLive(opts)
	if err != nil || !u.OK() {
		t.Fatalf("the site does not build: %v %v", err, u.Problems)
	}
	site := l.b.site
	for _, c := range []struct{ file, old, new string }{
		{"i18n/en.toml", "\npublisher = \"", "\npublisher = \"Edited: "},
		{"content/site.toml", "case_studies = 121", "case_studies = 122"},
	} {
		data, err := os.ReadFile(c.file)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(data), c.old) {
			t.Fatalf("%s has no %q", c.file, c.old)
		}
		if err := os.WriteFile(c.file, []byte(strings.Replace(string(data), c.old, c.new, 1)), 0o644); err != nil {
			t.Fatal(err)
		}
		u, err := l.Apply([]string{c.file})
		if err != nil || !u.OK() || u.Full || len(u.Pages) == 0 {
			t.Fatalf("%s: %v %+v", c.file, err, u)
		}
		if l.b.site != site {
			t.Errorf("%s: the content was loaded again", c.file)
		}
		sameAsBuild(t, l, opts)
	}
	if page, _ := l.File("/en/case-studies/index.html"); !strings.Contains(string(page), "122") {
		t.Error("the study's count is not shown")
	}
}

// TestPreviewSedSave: a save as sed -i makes it (a temporary file written
// beside the page, then renamed over it) makes the page alone, without
// loading the site again.
func TestPreviewSedSave(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"content/_index.en.md":             "---\ntitle: Home\n---\nWelcome.\n",
		"content/case-studies/proto.en.md": "---\ntitle: PROTO\nsummary: A VR centre.\ncountries: [EE]\nsectors: [digital]\noutcome: impact\n---\nText.\n",
	})
	l, u, err := NewLive(siteOptions(t, dir))
	if err != nil || !u.OK() {
		t.Fatalf("the site does not build: %v %v", err, u.Problems)
	}
	model := l.b
	tmp := "content/case-studies/sedTMP01"
	if err := os.WriteFile(tmp, []byte("---\ntitle: PROTO\nsummary: A VR centre.\ncountries: [EE]\nsectors: [digital]\noutcome: impact\n---\nEdited.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, "content/case-studies/proto.en.md"); err != nil {
		t.Fatal(err)
	}
	u, err = l.Apply([]string{tmp, "content/case-studies/proto.en.md"})
	if err != nil || !u.OK() || !slices.Equal(u.Pages, []string{"/en/case-studies/proto/index.html"}) {
		t.Errorf("a sed -i save: %v %+v", err, u)
	}
	if l.b != model {
		t.Error("a sed -i save loaded the site again")
	}
}

// TestPreviewWarns: the preview's update carries the warnings of what it
// made again, as ndpc build and check report them: an unknown front
// matter field, here.
func TestPreviewWarns(t *testing.T) {
	dir := t.TempDir()
	page := "---\ntitle: PROTO\nsummary: A VR centre.\ncountries: [EE]\nsectors: [digital]\noutcome: impact\n---\nText.\n"
	writeTree(t, dir, map[string]string{
		"content/_index.en.md":             "---\ntitle: Home\n---\nWelcome.\n",
		"content/case-studies/proto.en.md": page,
	})
	l, u, err := NewLive(siteOptions(t, dir))
	if err != nil || !u.OK() {
		t.Fatalf("the site does not build: %v %v", err, u.Problems)
	}
	file := "content/case-studies/proto.en.md"
	if err := os.WriteFile(file, []byte(strings.Replace(page, "outcome: impact\n", "outcome: impact\ncolour: red\n", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	u, err = l.Apply([]string{file})
	if err != nil || !u.OK() || !strings.Contains(fmt.Sprint(u.Warnings), file+":7:1: warning:") || !strings.Contains(fmt.Sprint(u.Warnings), "colour") {
		t.Errorf("the unknown field is not told: %v %+v", err, u)
	}
}

// writeTree writes files (path relative to dir → text) into dir.
func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
