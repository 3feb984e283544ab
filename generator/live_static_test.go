package generator

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestPreviewCopiesStaticFiles: in the preview, a static file changed,
// added or removed is copied or dropped as the plan of copied files says,
// without loading the site again; a stylesheet is reported on its own; an
// asset added (which templates may ask for by name) builds everything.
func TestPreviewCopiesStaticFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("content/_index.en.md", "---\ntitle: Home\n---\nWelcome.\n")
	write("content/_index.ru.md", "---\ntitle: Главная\n---\nТекст.\n")
	opts := siteOptions(t, dir)
	if err := os.CopyFS(filepath.Join(dir, "static"), os.DirFS(opts.Static)); err != nil {
		t.Fatal(err)
	}
	opts.Static = "static"
	write("static/files/a.txt", "first\n")

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

	css, err := os.ReadFile("static/assets/css/style.css")
	if err != nil {
		t.Fatal(err)
	}
	write("static/assets/css/style.css", string(css)+"\n/* changed */\n")
	u = apply("stylesheet", "static/assets/css/style.css")
	if !slices.Equal(u.Styles, []string{"/assets/css/style.css"}) || u.Full {
		t.Errorf("a stylesheet's change gave %+v, want the stylesheet alone", u)
	}
	serves("stylesheet", "/assets/css/style.css", string(css)+"\n/* changed */\n")
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
