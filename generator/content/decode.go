package content

import (
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"ndpc/generator/diag"
)

// decoder reads typed values out of a page's front matter fields and
// records a positioned problem for every mistake.
type decoder struct {
	path     string
	open     int  // line of the opening delimiter
	toml     bool // the front matter is TOML: examples are written in TOML
	fields   map[string]*field
	order    []*field
	used     map[string]bool
	problems *diag.List
	failed   bool // an error was reported
}

func newDecoder(path string, open int, toml bool, fields []field, problems *diag.List) *decoder {
	d := &decoder{path: path, open: open, toml: toml, fields: map[string]*field{}, used: map[string]bool{}, problems: problems}
	folded := map[string]*field{} // by the name in lower case
	for i := range fields {
		f := &fields[i]
		d.refused(f.Value)
		for _, item := range f.Value.List {
			d.refused(item)
		}
		if prev, dup := folded[strings.ToLower(f.Key)]; dup {
			d.failed = true
			if prev.Key == f.Key {
				problems.Errorf(path, f.Line, f.Col, "the field %q is given twice (first on line %d): keep one of them", f.Key, prev.Line)
			} else {
				problems.Errorf(path, f.Line, f.Col, "the field %q is given twice, as %s here and as %s on line %d: keep one of them, with its name in lower case", strings.ToLower(f.Key), f.Key, prev.Key, prev.Line)
			}
			continue
		}
		folded[strings.ToLower(f.Key)] = f
		d.fields[f.Key] = f
		d.order = append(d.order, f)
	}
	return d
}

// refused reports the problem a value was found to have while parsing.
func (d *decoder) refused(v value) {
	if p := v.Problem; p != nil {
		d.failed = true
		d.problems.Errorf(d.path, p.Line, p.Col, "%s", p.Msg)
	}
}

// line writes a front matter line that gives key the value example,
// written in YAML, in the page's front matter language.
func (d *decoder) line(key, example string) string {
	if d.toml {
		return key + " = " + tomlFromYAML(example)
	}
	return key + ": " + example
}

func (d *decoder) errorf(v value, format string, args ...any) {
	d.failed = true
	d.problems.Errorf(d.path, v.Line, v.Col, format, args...)
}

// lines returns the line of every field, for later problems.
func (d *decoder) lines() map[string]int {
	m := make(map[string]int, len(d.fields))
	for k, f := range d.fields {
		m[k] = f.Line
	}
	return m
}

// get returns a field, or nil after reporting a missing required field.
func (d *decoder) get(key string, required bool, example string) *field {
	d.used[key] = true
	f, ok := d.fields[key]
	if ok && f.Value.Problem != nil {
		return nil // reported when the decoder was made
	}
	if ok && f.Value.Tag == "!!null" && !f.Value.IsList && !f.Value.IsMap {
		if required {
			d.errorf(f.Value, "the field %q is empty: give it a value, for example %s", key, d.line(key, example))
		}
		return nil
	}
	if !ok {
		if required {
			d.failed = true
			d.problems.Errorf(d.path, d.open, 1, "the required field %q is missing: add a line such as %s to the front matter", key, d.line(key, example))
		}
		return nil
	}
	return f
}

func (d *decoder) scalar(f *field, example string) (string, bool) {
	if f.Value.IsList || f.Value.IsMap {
		d.errorf(f.Value, "%q must be a single value, not a list: write it as %s", f.Key, d.line(f.Key, example))
		return "", false
	}
	return f.Value.Scalar, true
}

// single returns a field that holds one value, with its text; ok is false
// when the field is absent or holds a list (reported).
func (d *decoder) single(key string, required bool, example string) (*field, string, bool) {
	f := d.get(key, required, example)
	if f == nil {
		return nil, "", false
	}
	s, ok := d.scalar(f, example)
	return f, s, ok
}

// String reads a text field. Numbers and dates are taken as their text.
func (d *decoder) String(key string, required bool, example string) string {
	f := d.get(key, required, example)
	if f == nil {
		return ""
	}
	s, ok := d.scalar(f, example)
	if ok && required && strings.TrimSpace(s) == "" {
		d.errorf(f.Value, "the field %q is empty: give it a value, for example %s", key, d.line(key, example))
	}
	return strings.TrimSpace(s)
}

// Text reads free text that is published (a title, a summary, a place):
// exactly as typed, numbers and dates included. An unquoted value followed
// by a comment on its line is refused, since YAML would have cut the text
// at " #".
func (d *decoder) Text(key string, required bool, example string) string {
	if f := d.fields[key]; f != nil && f.Value.Problem == nil && f.Value.Tag == "!!null" {
		// Text that YAML reads as no value: ~, null, or # and what follows.
		d.used[key] = true
		switch v := f.Value; {
		case v.Comment != nil:
			d.failed = true
			d.problems.Errorf(d.path, v.Comment.Line, v.Comment.Col, "the value of %q starts with #, which YAML takes for a comment, so the field is empty: put the whole value in quotes, as in %s: %s", key, key, quoteYAML(v.Comment.Text))
			return ""
		case v.Scalar != "":
			d.errorf(v, "%q is %s, which YAML reads as no value at all: to publish the word, put it in quotes, as in %s: %s; to leave the field out, delete the line", key, v.Scalar, key, quoteYAML(v.Scalar))
			return ""
		}
	}
	s := d.String(key, required, example)
	if f := d.fields[key]; f != nil && f.Value.Problem == nil {
		d.uncut(key, f.Value, key+": ")
	}
	return s
}

// Texts reads a list of free text values, each as Text does.
func (d *decoder) Texts(key string, example string) []string {
	var out []string
	for _, v := range d.List(key, false, example) {
		if !d.uncut(key, v, "- ") {
			continue
		}
		if s := strings.TrimSpace(v.Scalar); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// uncut reports an unquoted text value followed by a comment, at the
// comment's #; false when there is one. lead starts the line of the
// example ("title: ", "- ").
func (d *decoder) uncut(key string, v value, lead string) bool {
	c := v.Comment
	if c == nil || v.Scalar == "" {
		return true
	}
	typed := c.Typed
	if typed == "" {
		typed = v.Scalar + " " + c.Text
	}
	d.failed = true
	d.problems.Errorf(d.path, c.Line, c.Col, "the text of %q stops before this #: YAML takes a space and # for the start of a comment, and would publish only %q; put the whole value in quotes, as in %s%s",
		key, v.Scalar, lead, quoteYAML(typed))
	return false
}

// List reads a list of text values; a single value is refused, since
// "countries: FI" is more often a slip than a choice.
func (d *decoder) List(key string, required bool, example string) []value {
	f := d.get(key, required, example)
	if f == nil {
		return nil
	}
	if !f.Value.IsList {
		d.errorf(f.Value, "%q must be a list: write it as %s", key, d.line(key, example))
		return nil
	}
	if required && len(f.Value.List) == 0 {
		d.errorf(f.Value, "%q is an empty list: name at least one, for example %s", key, d.line(key, example))
	}
	var out []value
	for _, item := range f.Value.List {
		if item.Problem != nil {
			continue // reported when the decoder was made
		}
		if item.IsMap && item.Scalar != "" {
			d.errorf(item, "this item of %q contains a colon followed by a space, which YAML takes for the start of a field: put the whole item in quotes, as in %s", key, d.line(key, "["+quoteYAML(item.Scalar)+"]"))
			continue
		}
		if item.IsList || item.IsMap {
			d.errorf(item, "each item of %q must be a single value, as in %s", key, d.line(key, example))
			continue
		}
		out = append(out, item)
	}
	return out
}

// Strings reads a list of text values.
func (d *decoder) Strings(key string, example string) []string {
	var out []string
	for _, v := range d.List(key, false, example) {
		if s := strings.TrimSpace(v.Scalar); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// Int reads a whole number.
func (d *decoder) Int(key string, required bool, example string) int {
	f := d.get(key, required, example)
	if f == nil {
		return 0
	}
	s, ok := d.scalar(f, example)
	if !ok {
		return 0
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		d.errorf(f.Value, "%q must be a whole number, not %q: write it as %s", key, s, d.line(key, example))
	}
	return n
}

// Bool reads true or false.
func (d *decoder) Bool(key string) bool {
	f := d.get(key, false, "true")
	if f == nil {
		return false
	}
	s, ok := d.scalar(f, "true")
	if !ok {
		return false
	}
	// YAML 1.2 reads true, True and TRUE as true; any other mix of capitals
	// can only mean the same. The YAML 1.1 words yes, no, on and off are
	// refused: they read as text in YAML 1.2, and on a page would mean
	// whatever the reader guesses.
	switch {
	case strings.EqualFold(s, "true"):
		return true
	case strings.EqualFold(s, "false"):
		return false
	}
	d.errorf(f.Value, "%q must be true or false, not %q: write %s or %s", key, s, d.line(key, "true"), d.line(key, "false"))
	return false
}

// Date reads a calendar date, YYYY-MM-DD (an RFC 3339 time is accepted).
func (d *decoder) Date(key string, required bool) time.Time {
	const example = "2020-10-15"
	f, s, ok := d.single(key, required, example)
	if !ok {
		return time.Time{}
	}
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t
	}
	d.errorf(f.Value, "%q is not a valid date: %q; write it as year-month-day, for example %s: %s", key, s, key, example)
	return time.Time{}
}

// Time reads an RFC 3339 time with its offset from UTC.
func (d *decoder) Time(key string, required bool) time.Time {
	const example = "2020-07-02T11:00:00+03:00"
	f, s, ok := d.single(key, required, example)
	if !ok {
		return time.Time{}
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		hint := ""
		if _, e := time.Parse("2006-01-02T15:04:05", s); e == nil {
			hint = " (the offset from UTC is missing: add it, such as +03:00 for Riga in summer)"
		} else if _, e := time.Parse(time.DateOnly, s); e == nil {
			hint = " (the time of day and offset are missing)"
		}
		d.errorf(f.Value, "%q is not a valid date and time: %q%s; write it as %s: %s", key, s, hint, key, example)
	}
	return t
}

// URL reads an absolute http or https address.
func (d *decoder) URL(key string) string {
	const example = "https://example.org/"
	s := d.String(key, false, example)
	if s == "" {
		return ""
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		d.errorf(d.fields[key].Value, "%q must be a full web address starting with https://, not %q", key, s)
		return ""
	}
	return s
}

// Unknown warns about every field the schema does not have, suggesting
// the closest known one.
func (d *decoder) Unknown(known []string) {
	for _, f := range d.order {
		if d.used[f.Key] {
			continue
		}
		msg := fmt.Sprintf("unknown field %q is ignored", f.Key)
		if lower := strings.ToLower(f.Key); lower != f.Key && slices.Contains(known, lower) {
			msg += fmt.Sprintf(": field names are written in lower case, %s", lower)
		} else if s := closest(f.Key, known); s != "" {
			msg += fmt.Sprintf(": did you mean %q?", s)
		} else {
			msg += fmt.Sprintf("; the fields of this section are %s", strings.Join(known, ", "))
		}
		d.problems.Warnf(d.path, f.Line, f.Col, "%s", msg)
	}
}

// closest returns the known name within a small edit distance of name.
func closest(name string, known []string) string {
	best, bestDist := "", 3
	for _, k := range known {
		if dist := editDistance(name, k); dist < bestDist {
			best, bestDist = k, dist
		}
	}
	return best
}

func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
