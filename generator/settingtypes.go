package generator

import (
	"fmt"
	"reflect"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"

	"ndpc/generator/diag"
)

// settingKind is what a setting of site.toml holds, as an editor writes it.
type settingKind struct {
	name    string // in the message: "text in quotes"
	example string // a value of the kind
	ok      func(v any) bool
}

var (
	textSetting   = settingKind{"text in quotes", `"…"`, func(v any) bool { _, ok := v.(string); return ok }}
	switchSetting = settingKind{"true or false, without quotes", "false", func(v any) bool { _, ok := v.(bool); return ok }}
	numberSetting = settingKind{"a whole number, without quotes", "121", func(v any) bool { _, ok := v.(int64); return ok }}
)

// settingKinds are the settings of site.toml by table and key ("" is the
// top of the file), with what each holds, read from siteSettings' toml
// tags: the struct is the one list of the settings.
var settingKinds = kindsOf(reflect.TypeFor[siteSettings](), "", map[[2]string]settingKind{})

// kindsOf adds the settings of the struct type t, in table, to kinds.
func kindsOf(t reflect.Type, table string, kinds map[[2]string]settingKind) map[[2]string]settingKind {
	for i := range t.NumField() {
		f := t.Field(i)
		key := f.Tag.Get("toml")
		if key == "" {
			continue
		}
		switch f.Type.Kind() {
		case reflect.Struct:
			kindsOf(f.Type, strings.TrimPrefix(table+"."+key, "."), kinds)
		case reflect.String:
			kinds[[2]string{table, key}] = textSetting
		case reflect.Bool:
			kinds[[2]string{table, key}] = switchSetting
		case reflect.Int:
			kinds[[2]string{table, key}] = numberSetting
		}
	}
	return kinds
}

// checkSettingKinds reports, at its line, every setting of the TOML text
// whose value is not of its kind (study.case_studies = "121"), with the
// kind it must be; it reports whether all were right. The decoder's own
// message for this names Go types and no line an editor can use.
func checkSettingKinds(text, shown string, problems *diag.List) bool {
	var raw map[string]any
	if _, err := toml.Decode(text, &raw); err != nil {
		return true // a syntax error: the decoder reports it at its place
	}
	keys := make([][2]string, 0, len(settingKinds))
	for k := range settingKinds {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i][0]+"."+keys[i][1] < keys[j][0]+"."+keys[j][1] })
	ok := true
	for _, k := range keys {
		v, found := lookupSetting(raw, k[0], k[1])
		if !found || settingKinds[k].ok(v) {
			continue
		}
		ok = false
		kind, name := settingKinds[k], strings.TrimPrefix(k[0]+"."+k[1], ".")
		problems.Errorf(shown, settingLine(text, k[0], k[1]), 0, "%s must be %s, not %s: write it as %s = %s",
			name, kind.name, describeSetting(v), k[1], kind.example)
	}
	return ok
}

// lookupSetting finds table.key in the decoded settings.
func lookupSetting(raw map[string]any, table, key string) (any, bool) {
	m := raw
	if table != "" {
		for _, part := range strings.Split(table, ".") {
			next, ok := m[part].(map[string]any)
			if !ok {
				return nil, false
			}
			m = next
		}
	}
	v, ok := m[key]
	return v, ok
}

// describeSetting says what an editor wrote, in their terms.
func describeSetting(v any) string {
	switch v := v.(type) {
	case string:
		return fmt.Sprintf("the text %q (in quotes)", v)
	case bool:
		return fmt.Sprintf("%t", v)
	case int64, float64:
		return fmt.Sprintf("the number %v", v)
	case map[string]any:
		return "a table"
	case []any:
		return "a list"
	}
	return fmt.Sprintf("%v", v)
}
