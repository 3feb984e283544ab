package generator

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const goodCase = "---\ntitle: PROTO\nsummary: A centre.\ncountries: [EE]\nsectors: [digital]\noutcome: impact\n---\nText.\n"

// TestBadFiles covers the mistakes that cannot be written as text
// fixtures: encodings, line endings, sizes, links and binary files. Each
// site is built and its problems compared with want.
func TestBadFiles(t *testing.T) {
	cases := []struct {
		name  string
		files map[string][]byte
		links map[string]string // symbolic links: name → target (relative to the site's folder)
		want  []string
	}{
		{
			name:  "not UTF-8",
			files: map[string][]byte{"content/about.en.md": []byte("---\ntitle: About\n---\nCaf\xe9 au lait\n")},
			want:  []string{"content/about.en.md:4:4: the file is not valid UTF-8 here: save it with the UTF-8 encoding (in most editors: Save with encoding → UTF-8)"},
		},
		{
			name:  "byte-order mark",
			files: map[string][]byte{"content/about.en.md": []byte("\ufeff---\ntitle: About\n---\nText\n")},
			want:  []string{"content/about.en.md:1:1: warning: the file starts with a byte-order mark, which is ignored: save it as UTF-8 without BOM"},
		},
		{
			name:  "Windows line endings keep positions",
			files: map[string][]byte{"content/case-studies/proto.en.md": []byte(strings.ReplaceAll(strings.Replace(goodCase, "[EE]", "[XX]", 1), "\n", "\r\n"))},
			want:  []string{`content/case-studies/proto.en.md:4:13: unknown country "XX": use the ISO code of a Northern Dimension country, one of DK, EE, FI, DE, IS, LV, LT, NO, PL, RU, SE`},
		},
		{
			name:  "old Mac line endings",
			files: map[string][]byte{"content/about.en.md": []byte("---\ntitle: About\n---\nOne\rTwo\n")},
			want:  []string{"content/about.en.md:4:4: a carriage return without a line feed (an old Mac line ending): save the file with ordinary line endings"},
		},
		{
			name:  "empty file",
			files: map[string][]byte{"content/about.en.md": nil},
			want:  []string{"content/about.en.md:1:1: the file has no front matter: start it with a line ---, then fields such as title: …, then another line ---"},
		},
		{
			name:  "huge file",
			files: map[string][]byte{"content/about.en.md": append([]byte("---\ntitle: About\n---\n"), bytes.Repeat([]byte("All work and no play. "), 50<<20/22)...)},
			want:  []string{"content/about.en.md: the file is 50.0 MiB, more than a page may be (1 MiB): is it really a page? Split it, or move the data into a PDF in a bundle"},
		},
		{
			name:  "a line too long",
			files: map[string][]byte{"content/about.en.md": append([]byte("---\ntitle: About\n---\n"), bytes.Repeat([]byte("[a]("), 200000)...)},
			want:  []string{"content/about.en.md:4:16385: the line is 781 KiB long, more than 16 KiB: break it into paragraphs with blank lines"},
		},
		{
			name:  "tab-indented YAML",
			files: map[string][]byte{"content/about.en.md": []byte("---\ntitle: About\n\tsummary: Tabbed.\n---\n")},
			want:  []string{"content/about.en.md:3:1: this line is indented with a tab: YAML front matter is indented with spaces only; replace the tab with spaces"},
		},
		{
			name:  "a tab before the first field",
			files: map[string][]byte{"content/about.en.md": []byte("---\n\ttitle: About\n---\n")},
			want:  []string{"content/about.en.md:2:1: this line is indented with a tab: YAML front matter is indented with spaces only; replace the tab with spaces"},
		},
		{
			name: "a download that is not a PDF, an image that is not a picture",
			files: map[string][]byte{
				"content/briefs/one/index.en.md":         []byte("---\ntitle: One\nnumber: 1\ndate: 2020-08-18\nsummary: S.\ndownload: brief.pdf\n---\n"),
				"content/briefs/one/brief.pdf":           []byte("<html>not a pdf</html>"),
				"content/case-studies/proto/index.en.md": []byte(strings.Replace(goodCase, "outcome: impact\n", "outcome: impact\nimage: hall.jpg\nimage_alt: The hall\n", 1)),
				"content/case-studies/proto/hall.jpg":    []byte("%PDF-1.4\n"),
			},
			want: []string{
				`content/briefs/one/index.en.md:6:11: download "brief.pdf": the file is not a PDF (its content looks like text/html; charset=utf-8): export the brief as PDF`,
				`content/case-studies/proto/index.en.md:7:8: image "hall.jpg": the file is not a picture (its content looks like application/pdf): use a PNG, JPEG, GIF, WebP or SVG image`,
			},
		},
		{
			name: "absolute paths and paths out of the content folder",
			files: map[string][]byte{
				"content/briefs/one/index.en.md": []byte("---\ntitle: One\nnumber: 1\ndate: 2020-08-18\nsummary: S.\ndownload: /etc/passwd\n---\n[x](../../../secret.txt)\n"),
			},
			want: []string{
				`content/briefs/one/index.en.md:6:11: download "/etc/passwd": write the path relative to this page's folder, not as an absolute path`,
				`content/briefs/one/index.en.md:8:5: link "../../../secret.txt": the path leads out of the content folder`,
			},
		},
		{
			name:  "a symbolic link out of the content folder",
			files: map[string][]byte{"content/briefs/one/index.en.md": []byte("---\ntitle: One\nnumber: 1\ndate: 2020-08-18\nsummary: S.\ndownload: brief.pdf\n---\n"), "secret.pdf": []byte("%PDF-1.4 secret\n")},
			links: map[string]string{"content/briefs/one/brief.pdf": "../../../secret.pdf"},
			want: []string{
				"content/briefs/one/brief.pdf: a symbolic link to SITE/secret.pdf, outside the content folder: only files inside the content folder are published",
				`content/briefs/one/index.en.md:6:11: download "brief.pdf": there is no file content/briefs/one/brief.pdf: put it in the folder content/briefs/one, or correct the name`,
			},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, data := range c.files {
				p := filepath.Join(dir, filepath.FromSlash(name))
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			for name, target := range c.links {
				if err := os.Symlink(target, filepath.Join(dir, filepath.FromSlash(name))); err != nil {
					t.Fatal(err)
				}
			}
			opts := siteOptions(t, dir)
			res, err := Build(opts)
			real, _ := filepath.EvalSymlinks(dir)
			got := strings.ReplaceAll(strings.Join(problemLines(err, res), "\n"), real, "SITE")
			if want := strings.Join(c.want, "\n"); got != want {
				t.Errorf("problems differ\n--- got\n%s\n--- want\n%s", got, want)
			}
			if strings.Contains(got, "goroutine") || strings.Contains(got, "panic") {
				t.Error("a Go panic reached the editor")
			}
		})
	}
}

// siteWithTemplateEdit writes a one-case-study site in dir with a copy of
// the templates in which file has old replaced by new.
func siteWithTemplateEdit(t *testing.T, dir, file, old, new string) Options {
	t.Helper()
	writeSite(t, dir, []byte("-- content/case-studies/proto.en.md --\n"+goodCase))
	opts := siteOptions(t, dir)
	if err := os.CopyFS(filepath.Join(dir, "templates"), os.DirFS(opts.Templates)); err != nil {
		t.Fatal(err)
	}
	opts.Templates = "templates"
	tmpl := filepath.Join(dir, "templates", file)
	data, _ := os.ReadFile(tmpl)
	edited := strings.Replace(string(data), old, new, 1)
	if edited == string(data) {
		t.Fatalf("%s no longer has %s: update the test", file, old)
	}
	if err := os.WriteFile(tmpl, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	return opts
}

// TestTemplateFailure: a template that fails to execute is reported with
// its file and line, once per language it failed in, and nothing is
// published.
func TestTemplateFailure(t *testing.T) {
	dir := t.TempDir()
	opts := siteWithTemplateEdit(t, dir, "case-study.html", "<h1>{{$cs.Title}}</h1>", `<h1>{{$cs.Title}} {{.L.T "no.such.key"}}</h1>`)
	res, err := Build(opts)
	got := strings.Join(problemLines(err, res), "\n")
	want := `templates/case-study.html:6:26: template failed: executing "main" at <.L.T>: error calling T: no string "no.such.key" in i18n/en.toml: add it to every i18n table`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if _, err := os.Stat(filepath.Join(dir, "public")); !os.IsNotExist(err) {
		t.Error("a failed build published output")
	}
}

// TestCachedNeedsComparableData: a layout piece drawn with data that
// cannot be a key (a list) is reported where it is called.
func TestCachedNeedsComparableData(t *testing.T) {
	opts := siteWithTemplateEdit(t, t.TempDir(), "base.html", `{{cached "main-nav" .Menu}}`, `{{cached "main-nav" .Menu.Items}}`)
	res, err := Build(opts)
	got := problemLines(err, res)
	want := `error calling cached: cached "main-nav": its data must be a value that can be compared (such as .Chrome or .Menu), not []view.NavItem`
	if len(got) == 0 || !strings.HasPrefix(got[0], "templates/base.html:") || !strings.Contains(got[0], want) {
		t.Errorf("got\n%s\nwant a line at templates/base.html with\n%s", strings.Join(got, "\n"), want)
	}
}

// TestPartialDefinedTwice: a piece a partial defines again, which
// html/template would let replace the first unseen, is an error at the
// second definition.
func TestPartialDefinedTwice(t *testing.T) {
	dir := t.TempDir()
	opts := siteWithTemplateEdit(t, dir, "case-study.html", "<h1>{{$cs.Title}}</h1>", "<h1>{{$cs.Title}} </h1>")
	write := filepath.Join(dir, "templates", "partials", "zz-extra.html")
	if err := os.WriteFile(write, []byte("{{/* more */}}\n{{define \"case-card\"}}<p>Another card</p>{{end}}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := Build(opts)
	got := strings.Join(problemLines(err, res), "\n")
	want := `templates/partials/zz-extra.html:2: "case-card" is defined here and in templates/partials/cards.html, and only one would be used: rename one of them`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// TestTemplateMistakes: a template that cannot be read is reported once,
// at its line, with how to fix it, and not again for every page made with
// it; a template asked for that does not exist is reported at the line
// that asks.
func TestTemplateMistakes(t *testing.T) {
	for _, tc := range []struct{ name, file, old, new, want string }{
		{"bad character", "case-study.html", "<h1>{{$cs.Title}}</h1>", "<h1>{{$cs.Title</h1>",
			`templates/case-study.html:6: | template error: bad character U+003C '<': correct the {{ … }} action on that line: each opens with {{ and closes with }}`},
		{"layout unread", "base.html", "</main>", "{{if .Lang}}</main>",
			`templates/base.html:| template error: unexpected EOF: an {{if}}, {{range}}, {{with}}, {{block}} or {{define}} above lacks its {{end}}`},
		{"end without if", "event.html", "</article>", "</article>{{end}}",
			`templates/event.html:| template error: unexpected {{end}}: this {{end}} has no {{if}}`},
		{"no such field", "case-study.html", "<h1>{{$cs.Title}}</h1>", "<h1>{{$cs.Titel}}</h1>",
			`templates/case-study.html:| template failed: executing "main" at <$cs.Titel>: can't evaluate field Titel in type *content.CaseStudy: correct the field's name`},
		{"no such template", "base.html", "</main>", `{{template "extra-note" .}}</main>`,
			`templates/base.html:| template failed: no such template "extra-note": define it in a file of templates/partials/`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			opts := siteWithTemplateEdit(t, t.TempDir(), tc.file, tc.old, tc.new)
			res, err := Build(opts)
			got := problemLines(err, res)
			at, says, _ := strings.Cut(tc.want, "| ") // the file, and what is said after the line
			if len(got) != 1 || !strings.HasPrefix(got[0], at) || !strings.Contains(got[0], ": "+says) {
				t.Errorf("got\n%s\nwant one line at %s saying\n%s", strings.Join(got, "\n"), at, says)
			}
			if len(got) == 1 && strings.Contains(got[0], "html/template:") {
				t.Errorf("the position is inside the message: %s", got[0])
			}
		})
	}
}
