package locale

import (
	"errors"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"
	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"

	"ndpc/generator/diag"
	"ndpc/generator/markdown"
)

var formNames = map[string]plural.Form{
	"zero": plural.Zero, "one": plural.One, "two": plural.Two,
	"few": plural.Few, "many": plural.Many, "other": plural.Other,
}

// Load reads the table LANG.toml of each language from fsys. prefix is put
// before file names in problems ("i18n"). Missing keys and plural forms
// are reported against the table that lacks them.
func Load(fsys fs.FS, prefix string, langs []string, problems *diag.List) map[string]*Locale {
	locales := map[string]*Locale{}
	lines := map[string][]string{}
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
		l := &Locale{Lang: lang, tag: language.Make(lang), strings: map[string]string{}, plurals: map[string]map[plural.Form]string{}}
		lines[lang] = strings.Split(string(data), "\n")
		l.flatten("", raw, name, lines[lang], problems)
		locales[lang] = l
	}
	checkSameKeys(locales, prefix, lines, problems)
	return locales
}

func (l *Locale) flatten(prefix string, m map[string]any, file string, lines []string, problems *diag.List) {
	for k, v := range m {
		key := prefix + k
		switch t := v.(type) {
		case string:
			l.strings[key] = markdown.Typeset(l.Lang, t)
		case []any:
			if key == "months" || key == "months_genitive" {
				l.setMonths(key, t, file, lines, problems)
			} else {
				problems.Errorf(file, keyLine(lines, k), 1, "%q is a list; only months and months_genitive may be lists", key)
			}
		case map[string]any:
			if isPlural(t) {
				forms := map[plural.Form]string{}
				for name, msg := range t {
					s, _ := msg.(string)
					forms[formNames[name]] = markdown.Typeset(l.Lang, s)
				}
				l.plurals[key] = forms
				for _, need := range l.formsUsed() {
					if _, ok := forms[need.form]; !ok {
						problems.Errorf(file, keyLine(lines, "["+key+"]"), 1, "the plural message %q lacks the form %q (used for %d, for example): add %s = \"…\"", key, need.name, need.example, need.name)
					}
				}
			} else {
				l.flatten(key+".", t, file, lines, problems)
			}
		default:
			problems.Errorf(file, keyLine(lines, k), 1, "%q must be text in quotes", key)
		}
	}
}

func (l *Locale) setMonths(key string, items []any, file string, lines []string, problems *diag.List) {
	if len(items) != 12 {
		problems.Errorf(file, keyLine(lines, key), 1, "%q must list 12 months, not %d", key, len(items))
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

func isPlural(m map[string]any) bool {
	if len(m) == 0 {
		return false
	}
	for k := range m {
		if _, ok := formNames[k]; !ok {
			return false
		}
	}
	return true
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

// checkSameKeys reports every key one table has and another lacks.
func checkSameKeys(locales map[string]*Locale, prefix string, lines map[string][]string, problems *diag.List) {
	keys := func(l *Locale) map[string]bool {
		m := map[string]bool{}
		for k := range l.strings {
			m[k] = true
		}
		for k := range l.plurals {
			m[k] = true
		}
		return m
	}
	var langs []string
	for lang := range locales {
		langs = append(langs, lang)
	}
	sort.Strings(langs)
	for _, a := range langs {
		for _, b := range langs {
			if a == b {
				continue
			}
			have := keys(locales[b])
			var missing []string
			for k := range keys(locales[a]) {
				if !have[k] {
					missing = append(missing, k)
				}
			}
			sort.Strings(missing)
			for _, k := range missing {
				problems.Errorf(path.Join(prefix, b+".toml"), 0, 0, "missing translation of %q (%s:%d has it): add it", k, path.Join(prefix, a+".toml"), lineOfKey(lines[a], k))
			}
		}
	}
}

// lineOfKey finds the line of a dotted key: a table header [k] or the
// assignment of its last part.
func lineOfKey(lines []string, k string) int {
	if l := keyLine(lines, "["+k+"]"); l > 0 {
		return l
	}
	if i := strings.LastIndexByte(k, '.'); i >= 0 {
		k = k[i+1:]
	}
	return keyLine(lines, k)
}

// keyLine finds the line where a key is written; the TOML library does
// not report positions of keys.
func keyLine(lines []string, key string) int {
	for i, l := range lines {
		t := strings.TrimSpace(l)
		if strings.HasPrefix(t, key) {
			rest := strings.TrimSpace(t[len(key):])
			if strings.HasPrefix(rest, "=") || strings.HasPrefix(key, "[") {
				return i + 1
			}
		}
	}
	return 0
}
