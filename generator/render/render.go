// Package render loads the site's html/template templates and executes
// them.
//
// templates/base.html is the layout: it holds the document and calls
// {{template "main" .}}. Files under templates/partials/ define shared
// pieces ({{define "case-card"}}…). Every other templates/NAME.html is a
// page template: it defines "main" (and may redefine "head-extra"), and is
// executed inside the layout; a page template that defines no "main" is a
// whole document of its own. Templates are named after their files, so an
// error reads templates/case-study.html:12:5: ….
package render

import (
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strings"

	"ndpc/generator/diag"
)

const (
	layoutFile  = "base.html"
	partialsDir = "partials"
)

// Templates holds one parsed template per page template file.
type Templates struct {
	prefix string
	root   *template.Template            // the layout and partials
	pages  map[string]*template.Template // by file name: "case-study.html"
	// unparsed holds the page templates that failed to parse, all of them
	// when the layout or a partial did: their errors are reported once,
	// when read, not again for every page made with them.
	unparsed  map[string]bool
	layoutBad bool
	// idPatterns match the ids the templates write; ids is them compiled.
	idPatterns []string
	ids        *regexp.Regexp
}

// Load parses every template in fsys; prefix is put before file names
// ("templates"). Problems go to problems.
func Load(fsys fs.FS, prefix string, funcs template.FuncMap, problems *diag.List) *Templates {
	t := &Templates{prefix: prefix, pages: map[string]*template.Template{}, unparsed: map[string]bool{}}
	name := func(rel string) string { return path.Join(prefix, rel) }
	defer t.compileIDs()

	root := template.New(name(layoutFile)).Funcs(funcs)
	src, err := fs.ReadFile(fsys, layoutFile)
	if err != nil {
		problems.Errorf(name(layoutFile), 0, 0, "cannot read the layout: %v", err)
		return t
	}
	t.noteIDs(string(src))
	if _, err := root.Parse(string(src)); err != nil {
		reportParse(problems, name(layoutFile), err)
		t.layoutBad = true
		return t
	}
	partials, _ := fs.Glob(fsys, partialsDir+"/*.html")
	sort.Strings(partials)
	definedIn := map[string]string{} // a piece's name → the file that defines it
	for _, d := range root.Templates() {
		definedIn[d.Name()] = name(layoutFile)
	}
	for _, rel := range partials {
		if !t.definesAnew(fsys, rel, name(rel), funcs, definedIn, problems) {
			t.layoutBad = true
			continue
		}
		if err := t.parseInto(root, fsys, rel, name(rel)); err != nil {
			reportParse(problems, name(rel), err)
			t.layoutBad = true
		}
	}
	t.root = root
	pages, _ := fs.Glob(fsys, "*.html")
	sort.Strings(pages)
	for _, rel := range pages {
		if rel == layoutFile {
			continue
		}
		clone, err := root.Clone()
		if err != nil {
			problems.Errorf(name(rel), 0, 0, "%v", err)
			continue
		}
		if err := t.parseInto(clone, fsys, rel, name(rel)); err != nil {
			reportParse(problems, name(rel), err)
			t.unparsed[rel] = true
			continue
		}
		t.pages[rel] = clone
	}
	return t
}

// definesAnew reports whether the partial file rel defines only pieces
// no earlier file defines (definedIn, which it extends): html/template
// would let the later definition replace the earlier one unseen. A
// clash, or a file that cannot be read, goes to problems.
func (t *Templates) definesAnew(fsys fs.FS, rel, file string, funcs template.FuncMap, definedIn map[string]string, problems *diag.List) bool {
	src, err := fs.ReadFile(fsys, rel)
	if err != nil {
		problems.Errorf(file, 0, 0, "cannot read the partial: %v", err)
		return false
	}
	probe, err := template.New(file).Funcs(funcs).Parse(string(src))
	if err != nil {
		reportParse(problems, file, err)
		return false
	}
	ok := true
	for _, d := range probe.Templates() {
		if d.Name() == file {
			continue
		}
		if other, clash := definedIn[d.Name()]; clash {
			problems.Errorf(file, lineOfDefine(string(src), d.Name()), 0, "%q is defined here and in %s, and only one would be used: rename one of them", d.Name(), other)
			ok = false
			continue
		}
		definedIn[d.Name()] = file
	}
	return ok
}

// lineOfDefine returns the line of {{define "name"}} in src, or 0.
func lineOfDefine(src, name string) int {
	for i, line := range strings.Split(src, "\n") {
		if strings.Contains(line, `define "`+name+`"`) || strings.Contains(line, `block "`+name+`"`) {
			return i + 1
		}
	}
	return 0
}

func (t *Templates) parseInto(set *template.Template, fsys fs.FS, rel, name string) error {
	src, err := fs.ReadFile(fsys, rel)
	if err != nil {
		return err
	}
	t.noteIDs(string(src))
	_, err = set.New(name).Parse(string(src))
	return err
}

// reportParse turns a template parse error ("template: templates/x.html:12:
// …") into a positioned problem.
func reportParse(problems *diag.List, file string, err error) {
	msg := strings.TrimPrefix(err.Error(), "template: ")
	line := 0
	if rest, ok := strings.CutPrefix(msg, file+":"); ok {
		if i := strings.Index(rest, ":"); i > 0 {
			fmt.Sscanf(rest[:i], "%d", &line)
			msg = strings.TrimSpace(rest[i+1:])
		}
	}
	problems.Errorf(file, line, 0, "template error: %s: %s", msg, parseHint(msg))
}

// parseHint says how to fix a template parse error of text/template.
func parseHint(msg string) string {
	switch {
	case strings.Contains(msg, "unexpected EOF"):
		return "an {{if}}, {{range}}, {{with}}, {{block}} or {{define}} above lacks its {{end}}, or an action its closing }}"
	case strings.Contains(msg, "unexpected {{end}}"):
		return "this {{end}} has no {{if}}, {{range}}, {{with}}, {{block}} or {{define}} to close: remove it"
	case strings.Contains(msg, "not defined"):
		return "use a function the templates have (generator/funcs.go lists them), or correct its name"
	}
	return "correct the {{ … }} action on that line: each opens with {{ and closes with }}"
}

// IsLayout reports whether a file of the templates folder (slash-separated,
// relative to it) is part of the layout every page is made with: the
// layout itself or a partial. Any other file is a page template.
func IsLayout(rel string) bool {
	return rel == layoutFile || strings.HasPrefix(rel, partialsDir+"/")
}

// ReservedIDs returns the expression ReservedID matches, so that two sets
// of templates can be told to reserve the same ids or not.
func (t *Templates) ReservedIDs() string {
	if t.ids == nil {
		return ""
	}
	return t.ids.String()
}

// Has reports whether a page template exists.
func (t *Templates) Has(page string) bool {
	_, ok := t.pages[page]
	return ok
}

// Execute renders the page template page ("case-study.html") with data
// into w. Execution errors name the template file and line.
func (t *Templates) Execute(w io.Writer, page string, data any) error {
	tmpl, ok := t.pages[page]
	if !ok && (t.layoutBad || t.unparsed[page]) {
		return ErrNotParsed
	}
	if !ok {
		return fmt.Errorf("%s: the template is missing: add it", path.Join(t.prefix, page))
	}
	entry := path.Join(t.prefix, layoutFile)
	if tmpl.Lookup("main") == nil {
		entry = path.Join(t.prefix, page)
	}
	return tmpl.ExecuteTemplate(w, entry, data)
}

// ErrNotParsed is returned by Execute for a page template that could not
// be read, or made with a layout or partial that could not: Load has
// reported why, once.
var ErrNotParsed = errors.New("the template has errors, reported where it was read")

// Partial renders a template defined in the partials, such as
// "case-card", on its own: for pieces that many pages show, rendered once.
func (t *Templates) Partial(name string, data any) (template.HTML, error) {
	if t.layoutBad {
		return "", ErrNotParsed
	}
	if t.root == nil || t.root.Lookup(name) == nil {
		return "", fmt.Errorf("%s: no partial %q: define it in a file there", path.Join(t.prefix, partialsDir), name)
	}
	var b strings.Builder
	if err := t.root.ExecuteTemplate(&b, name, data); err != nil {
		return "", err
	}
	return template.HTML(b.String()), nil
}

// ExecError turns an execution error ("template: templates/x.html:12:5:
// executing …") into a positioned problem.
func ExecError(err error) diag.Problem {
	msg := strings.TrimPrefix(strings.TrimPrefix(err.Error(), "html/template:"), "template: ")
	p := diag.Problem{Severity: diag.Error, Message: msg}
	parts := strings.SplitN(msg, ":", 4)
	if len(parts) == 4 {
		var line, col int
		if _, e := fmt.Sscanf(parts[1]+" "+parts[2], "%d %d", &line, &col); e == nil {
			p.Path, p.Line, p.Col, p.Message = parts[0], line, col, strings.TrimSpace(parts[3])
		}
	}
	if p.Path == "" {
		p.Path = "templates"
	}
	p.Message = "template failed: " + p.Message
	switch {
	case strings.Contains(p.Message, "no such template"):
		p.Message += ": define it in a file of templates/partials/ ({{define \"name\"}} … {{end}}), or correct the name"
	case strings.Contains(p.Message, "can't evaluate field"):
		p.Message += ": correct the field's name (package view, generator/view, lists what each template is given)"
	}
	return p
}
