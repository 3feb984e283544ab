package locale

import (
	"errors"
	"io/fs"
	"path"

	"github.com/BurntSushi/toml"
	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"

	"ndpc/generator/diag"
	"ndpc/generator/markdown"
	"ndpc/generator/tomlpos"
)

var formNames = map[string]plural.Form{
	"zero": plural.Zero, "one": plural.One, "two": plural.Two,
	"few": plural.Few, "many": plural.Many, "other": plural.Other,
}

// Load reads the table LANG.toml of each language from fsys. prefix is put
// before file names in problems ("i18n"). The first language's table is
// the reference: a key, plural message or table that another table lacks
// is reported once, at the line where it belongs in the table that lacks
// it, and one that only another table has at its line there (see
// compareKeys); a missing plural form at its message's header. The
// Locales answer a key reported missing with "" and no error, so that a
// template asking for it does not report the same mistake again.
func Load(fsys fs.FS, prefix string, langs []string, problems *diag.List) map[string]*Locale {
	locales := map[string]*Locale{}
	var loaded []*Locale // in the order of langs
	for _, lang := range langs {
		name := path.Join(prefix, lang+".toml")
		data, err := fs.ReadFile(fsys, lang+".toml")
		if err != nil {
			problems.Errorf(name, 0, 0, "cannot read the interface strings for %q: %v", lang, err)
			continue
		}
		var raw map[string]any
		if _, err := toml.Decode(string(data), &raw); err != nil {
			line, col, msg := 0, 0, err.Error()
			var perr toml.ParseError
			if errors.As(err, &perr) {
				line, col, msg = perr.Position.Line, perr.Position.Col, perr.Message
			}
			problems.Errorf(name, line, col, "not valid TOML: %s: write each string as key = \"text\" on one line (\"\"\"text\"\"\" for several lines), with \\\" for a quote inside it", msg)
			continue
		}
		l := &Locale{Lang: lang, tag: language.Make(lang), file: name, places: tomlpos.Read(data),
			strings: map[string]string{}, plurals: map[string]map[plural.Form]string{}, entries: map[string]entry{}, absent: map[string]bool{}}
		l.flatten("", raw, problems)
		locales[lang] = l
		loaded = append(loaded, l)
	}
	if len(loaded) > 0 {
		compareKeys(loaded[0], loaded[1:], problems)
	}
	return locales
}

// flatten reads the values of a decoded table m whose keys start with
// prefix ("finder.").
func (l *Locale) flatten(prefix string, m map[string]any, problems *diag.List) {
	for k, v := range m {
		key := prefix + k
		switch t := v.(type) {
		case string:
			l.strings[key] = markdown.Typeset(l.Lang, t)
			l.entries[key] = text
		case []any:
			if key == "months" || key == "months_genitive" {
				l.setMonths(key, t, problems)
				l.entries[key] = list
			} else {
				problems.Errorf(l.file, l.places.Keys[key], 1, "%q is a list; only months and months_genitive may be lists", key)
				l.reported(key)
			}
		case map[string]any:
			if isPlural(t) {
				l.setPlural(key, t, problems)
			} else {
				l.flatten(key+".", t, problems)
			}
		default:
			problems.Errorf(l.file, l.places.Keys[key], 1, "%q must be text in quotes: write %s = \"…\"", key, lastPart(key))
			l.reported(key)
		}
	}
}

// reported records a string whose value was reported as not text: the
// table has the key, so that it is not reported as missing, and answers
// it with "" and no error, so that it is not reported again.
func (l *Locale) reported(key string) {
	l.entries[key] = text
	l.absent[key] = true
}

func (l *Locale) setMonths(key string, items []any, problems *diag.List) {
	if len(items) != 12 {
		problems.Errorf(l.file, l.places.Keys[key], 1, "%q must list 12 months, not %d", key, len(items))
		return
	}
	for i, it := range items {
		s, _ := it.(string)
		if key == "months" {
			l.months[i] = s
		} else {
			l.monthsG[i] = s
		}
	}
}

// setPlural reads the plural message key, whose forms m gives. A name
// that is not a CLDR plural form is reported at its line (a form
// mistyped), and else every form the language uses and m lacks at the
// message's header.
func (l *Locale) setPlural(key string, m map[string]any, problems *diag.List) {
	forms := map[plural.Form]string{}
	var unknown []string
	for name, msg := range m {
		f, ok := formNames[name]
		if !ok {
			unknown = append(unknown, name)
			continue
		}
		forms[f] = markdown.Typeset(l.Lang, msg.(string))
	}
	l.plurals[key] = forms
	l.entries[key] = message
	for _, name := range unknown {
		problems.Errorf(l.file, l.places.Keys[key+"."+name], 1,
			"%q is not a plural form: the plural message %q is written with %s; correct the name", name, key, l.formsToWrite())
	}
	if len(unknown) > 0 {
		return
	}
	for _, need := range l.formsUsed() {
		if _, ok := forms[need.form]; !ok {
			problems.Errorf(l.file, l.places.At(key), 1, "the plural message %q lacks the form %q (used for %d, for example): add %s = \"…\" under [%s]", key, need.name, need.example, need.name, key)
		}
	}
}

// isPlural reports whether a table is a plural message: only text, at
// least one value named by a CLDR plural form (one, few, other, …).
func isPlural(m map[string]any) bool {
	named := false
	for k, v := range m {
		if _, ok := v.(string); !ok {
			return false
		}
		if _, ok := formNames[k]; ok {
			named = true
		}
	}
	return named
}

type formUse struct {
	form    plural.Form
	name    string
	example int
}

// formsUsed lists the plural categories the language's CLDR rules give
// whole numbers, each with its smallest example.
func (l *Locale) formsUsed() []formUse {
	seen := map[plural.Form]bool{}
	var out []formUse
	for n := 0; n <= 200; n++ {
		f := l.form(n)
		if !seen[f] {
			seen[f] = true
			for name, ff := range formNames {
				if ff == f {
					out = append(out, formUse{f, name, n})
				}
			}
		}
	}
	return out
}
