package render

import (
	"bytes"
	"errors"
	"html/template"
	"strings"
	"testing"
	"testing/fstest"

	"ndpc/generator/diag"
)

func TestLayoutPartialsAndErrors(t *testing.T) {
	fsys := fstest.MapFS{
		"base.html":           {Data: []byte(`<html lang="{{.Lang}}">{{template "main" .}}</html>`)},
		"partials/cards.html": {Data: []byte(`{{define "card"}}<b>{{.}}</b>{{end}}`)},
		"page.html":           {Data: []byte(`{{define "main"}}{{template "card" .Title}}{{end}}`)},
		"root.html":           {Data: []byte(`<!DOCTYPE html><p>{{.Title}}</p>`)},
		"broken.html":         {Data: []byte("{{define \"main\"}}\n<p>{{.Fail}}</p>{{end}}")},
		"unparsable.html":     {Data: []byte("{{define \"main\"}}\n\n{{if}}{{end}}")},
	}
	problems := &diag.List{}
	tm := Load(fsys, "templates", template.FuncMap{}, problems)
	got := problems.Sorted()
	if len(got) != 1 || got[0].Path != "templates/unparsable.html" || got[0].Line != 3 {
		t.Fatalf("parse problems = %v", got)
	}
	data := pageData{"ru", "<Заголовок>"}

	var buf bytes.Buffer
	if err := tm.Execute(&buf, "page.html", data); err != nil {
		t.Fatal(err)
	}
	if buf.String() != `<html lang="ru"><b>&lt;Заголовок&gt;</b></html>` {
		t.Errorf("page = %s", buf.String())
	}
	buf.Reset()
	if err := tm.Execute(&buf, "root.html", data); err != nil || !strings.HasPrefix(buf.String(), "<!DOCTYPE html><p>&lt;") {
		t.Errorf("standalone template = %q, %v", buf.String(), err)
	}
	err := tm.Execute(&buf, "broken.html", data)
	if err == nil {
		t.Fatal("broken template executed")
	}
	p := ExecError(err)
	if p.Path != "templates/broken.html" || p.Line != 2 || !strings.Contains(p.Message, "no such string") {
		t.Errorf("exec problem = %+v", p)
	}
}

type pageData struct{ Lang, Title string }

func (pageData) Fail() (string, error) { return "", errors.New("no such string") }
