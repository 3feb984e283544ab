package locale

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"ndpc/generator/diag"
	"ndpc/generator/tomlpos"
)

// compareKeys reports every difference between the keys of the reference
// table ref (the first language's) and those of the others, each mistake
// once, at the line where it is or belongs in the table that has it
// wrong:
//
//   - a table of ref that another lacks as a whole ([finder], or the
//     plural message [finder.found]), or of which it lacks the header and
//     every string of its own, is one problem, at the header of the table
//     that should hold it or at the file's end;
//   - a key another table lacks, at the header of its table there, or
//     above the first header for a key outside any table;
//   - a key or table only another table has, at its line there;
//   - in one table, one key missing and one extra beside it (a name
//     mistyped) is one problem, at the extra key;
//   - a key that is a string in one table and a plural message or list in
//     the other, at its line in the other.
//
// Every key a table lacks is then marked absent in it: its Locale gives
// "" for it without an error, so that templates do not report it again.
func compareKeys(ref *Locale, others []*Locale, problems *diag.List) {
	for _, o := range others {
		missingWhole, missingOwn := wholeTables(ref, o)
		extraWhole, extraOwn := wholeTables(o, ref)
		missing := looseKeys(ref, o, missingWhole, missingOwn)
		extra := looseKeys(o, ref, extraWhole, extraOwn)
		for _, t := range append(missingWhole, missingOwn...) {
			o.reportMissingTable(ref, t, problems)
		}
		for _, t := range append(extraWhole, extraOwn...) {
			problems.Errorf(o.file, o.places.Headers[t], 1,
				"the table [%s] is not in %s: correct its name, or add it to %s too, translated", t, ref.file, ref.file)
		}
		for table, keys := range missing {
			if odd := extra[table]; len(keys) == 1 && len(odd) == 1 && ref.entries[keys[0]] == text && o.entries[odd[0]] == text {
				problems.Errorf(o.file, o.places.Keys[odd[0]], 1,
					"%q is not in %s, and this table lacks %q (%s:%d has it): give the key the same name in both tables",
					odd[0], ref.file, keys[0], ref.file, ref.places.Keys[keys[0]])
				delete(extra, table)
				continue
			}
			for _, k := range keys {
				o.reportMissingKey(ref, k, problems)
			}
		}
		for _, keys := range extra {
			for _, k := range keys {
				problems.Errorf(o.file, o.places.At(k), 1,
					"%q is not in %s: correct its name, or add it to %s too", k, ref.file, ref.file)
			}
		}
	}
	markAbsent(append([]*Locale{ref}, others...))
	for _, o := range others {
		for _, k := range mismatched(ref, o) {
			write := o.kindLine(lastPart(k), ref.entries[k])
			if ref.entries[k] == message {
				write = fmt.Sprintf("[%s] with %s", k, o.formsToWrite())
			}
			problems.Errorf(o.file, o.places.At(k), 1, "%q is %s here and %s in %s (line %d): write it as %s",
				k, kindName[o.entries[k]], kindName[ref.entries[k]], ref.file, ref.places.At(k), write)
			o.absent[k] = true
		}
	}
}

// kindName names the kinds of value in problems.
var kindName = map[entry]string{text: "a string", message: "a plural message", list: "a list"}

// mismatched returns, sorted, the keys that both a and b have with
// values of different kinds: a string in one, a plural message in the
// other.
func mismatched(a, b *Locale) []string {
	var out []string
	for k, kind := range a.entries {
		if other, ok := b.entries[k]; ok && other != kind {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

// wholeTables returns the tables with a header in a that b lacks: those
// of which b has nothing, neither the header nor a key in it nor in a
// table inside it (the outermost of them), and those of which b has no
// header and none of the table's own keys, while it has some of a table
// inside it ([finder] without [finder.found]). Each is sorted.
func wholeTables(a, b *Locale) (whole, own []string) {
	for _, t := range sortedByDepth(a.places.Order) {
		if _, ok := b.places.Headers[t]; ok || within(t, whole) {
			continue
		}
		switch {
		case !b.hasUnder(t):
			whole = append(whole, t)
		case a.hasOwn(t) && !b.hasOwn(t):
			own = append(own, t)
		}
	}
	sort.Strings(whole)
	sort.Strings(own)
	return whole, own
}

// hasOwn reports whether l gives a string or list to a key directly in
// table t (a plural message in it is a table of its own).
func (l *Locale) hasOwn(t string) bool {
	for k, kind := range l.entries {
		if tomlpos.Parent(k) == t && kind != message {
			return true
		}
	}
	return false
}

// looseKeys returns the keys a has and b lacks that are not in one of
// the tables whole or directly in one of the tables own, grouped by the
// table they are in ("" for the top), sorted.
func looseKeys(a, b *Locale, whole, own []string) map[string][]string {
	out := map[string][]string{}
	for k := range a.entries {
		if _, ok := b.entries[k]; ok || within(k, whole) || (slices.Contains(own, tomlpos.Parent(k)) && a.entries[k] != message) {
			continue
		}
		out[tomlpos.Parent(k)] = append(out[tomlpos.Parent(k)], k)
	}
	for _, keys := range out {
		sort.Strings(keys)
	}
	return out
}

// reportMissingTable reports that l lacks the table t of ref as a whole.
func (l *Locale) reportMissingTable(ref *Locale, t string, problems *diag.List) {
	what, with := fmt.Sprintf("the table [%s]", t), ", translated"
	if ref.entries[t] == message {
		what, with = fmt.Sprintf("the plural message [%s]", t), " with "+l.formsToWrite()
	}
	line, where := l.places.Last, "at the end of the file"
	if p, at := l.places.Header(t); at > 0 {
		line, where = at, fmt.Sprintf("after the strings of [%s]", p)
	}
	problems.Errorf(l.file, line, 1, "%s is missing (%s:%d has it): add it %s%s", what, ref.file, ref.places.Headers[t], where, with)
}

// reportMissingKey reports that l lacks the key k of ref, at the header
// of the table that should hold it.
func (l *Locale) reportMissingKey(ref *Locale, k string, problems *diag.List) {
	line, add := l.placeFor(k, ref.entries[k])
	problems.Errorf(l.file, line, 1, "missing translation of %q (%s:%d has it): %s", k, ref.file, ref.places.At(k), add)
}

// placeFor returns where in l a key k of the given kind belongs and what
// to write there: the line of the header of its table, with "add clear =
// "…" under [finder]"; the first header for a key outside any table; the
// file's last line when l has none of its tables.
func (l *Locale) placeFor(k string, kind entry) (int, string) {
	line := l.kindLine(lastPart(k), kind)
	if tomlpos.Parent(k) == "" {
		if len(l.places.Order) == 0 {
			return 1, "add " + line + " at the top of the file"
		}
		first := l.places.Order[0]
		return l.places.Headers[first], fmt.Sprintf("add %s above [%s], with the strings outside any table", line, first)
	}
	t, at := l.places.Header(k)
	if at == 0 {
		return l.places.Last, fmt.Sprintf("add [%s] with %s at the end of the file", tomlpos.Parent(k), line)
	}
	if rel := strings.TrimPrefix(tomlpos.Parent(k), t+"."); rel != tomlpos.Parent(k) {
		line = rel + "." + line
	}
	return at, fmt.Sprintf("add %s under [%s]", line, t)
}

// kindLine says how a value of the given kind for key is written in l:
// clear = "…", months = ["…", …] (twelve names), found with one = "…", ….
func (l *Locale) kindLine(key string, kind entry) string {
	switch kind {
	case message:
		return fmt.Sprintf("%s with %s", key, l.formsToWrite())
	case list:
		return key + ` = ["…", …] (twelve names)`
	}
	return key + ` = "…"`
}

// File returns the table's file as problems name it: i18n/ru.toml.
func (l *Locale) File() string { return l.file }

// PlaceFor returns the line of l's file where the interface string key
// belongs and what to write there ("add title = "…" under [search]"),
// for a key no table has that the site needs.
func (l *Locale) PlaceFor(key string) (int, string) { return l.placeFor(key, text) }

// formsToWrite lists the plural forms l's language needs, as lines to
// write: one = "…", few = "…", many = "…".
func (l *Locale) formsToWrite() string {
	var forms []string
	for _, f := range l.formsUsed() {
		forms = append(forms, f.name+` = "…"`)
	}
	sort.Slice(forms, func(i, j int) bool { return formRank(forms[i]) < formRank(forms[j]) })
	return strings.Join(forms, ", ")
}

// formRank orders plural forms as CLDR lists them.
func formRank(line string) int {
	for i, f := range []string{"zero", "one", "two", "few", "many", "other"} {
		if strings.HasPrefix(line, f+" ") {
			return i
		}
	}
	return 6
}

// markAbsent marks in each table the keys that another has and it lacks.
func markAbsent(locales []*Locale) {
	for _, l := range locales {
		for _, o := range locales {
			for k := range o.entries {
				if _, ok := l.entries[k]; !ok {
					l.absent[k] = true
				}
			}
		}
	}
}

// hasUnder reports whether l gives a value to t or to a key in table t.
func (l *Locale) hasUnder(t string) bool {
	if _, ok := l.entries[t]; ok {
		return true
	}
	for k := range l.entries {
		if strings.HasPrefix(k, t+".") {
			return true
		}
	}
	return false
}

// within reports whether key is one of tables or in one of them.
func within(key string, tables []string) bool {
	for _, t := range tables {
		if key == t || strings.HasPrefix(key, t+".") {
			return true
		}
	}
	return false
}

// sortedByDepth returns tables ordered outermost first, by name within a
// depth.
func sortedByDepth(tables []string) []string {
	out := append([]string(nil), tables...)
	sort.Slice(out, func(i, j int) bool {
		di, dj := strings.Count(out[i], "."), strings.Count(out[j], ".")
		if di != dj {
			return di < dj
		}
		return out[i] < out[j]
	})
	return out
}

// lastPart returns a dotted key's own name: clear for finder.clear.
func lastPart(key string) string {
	return key[strings.LastIndexByte(key, '.')+1:]
}
