package generator

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// The fixtures of testdata/errors that test mistakes in the i18n tables
// change the repository's tables instead of copying them, so that they
// hold only the mistake and keep up with the tables. A section "edit
// i18n/ru.toml" lists changes, one a line, by table and key:
//
//	delete [finder] clear          the line of key clear in [finder]
//	delete [] date_full            a key outside any table
//	delete [finder]                the table: its header and its lines
//	rename [finder] clear claer    a key's name
//	add [finder] reset = "…"       a line right after the header
//	append [menu]                  a line at the end
//
// Their "want" sections name lines the same way, in braces, read from the
// changed tables: {i18n/ru.toml [finder]} is the line of the header,
// {i18n/en.toml [finder] clear} that of the key, {i18n/ru.toml end} the
// last line.

// editI18n copies the repository's tables into dir/i18n, applies the
// edits of the archive's "edit i18n/…" sections, and returns whether
// there were any.
func editI18n(t *testing.T, repo, dir string, extra map[string]string) bool {
	t.Helper()
	edited := false
	for name, edits := range extra {
		file, ok := strings.CutPrefix(name, "edit ")
		if !ok {
			continue
		}
		if !edited {
			copyI18n(t, filepath.Join(repo, "i18n"), filepath.Join(dir, "i18n"))
			edited = true
		}
		p := filepath.Join(dir, filepath.FromSlash(file))
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(string(data), "\n")
		for _, e := range strings.Split(strings.TrimSpace(edits), "\n") {
			if lines, err = applyEdit(lines, e); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
		}
		if err := os.WriteFile(p, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return edited
}

var editLine = regexp.MustCompile(`^(delete|rename|add) \[([^\]]*)\] ?(.*)$`)

// applyEdit applies one edit line to the lines of a table.
func applyEdit(lines []string, edit string) ([]string, error) {
	if line, ok := strings.CutPrefix(edit, "append "); ok {
		return append(lines, line), nil
	}
	m := editLine.FindStringSubmatch(edit)
	if m == nil {
		return nil, fmt.Errorf("cannot read the edit %q", edit)
	}
	verb, table, rest := m[1], m[2], m[3]
	head, end := tableLines(lines, table)
	if head == -2 {
		return nil, fmt.Errorf("no table [%s]", table)
	}
	if verb == "add" {
		return append(lines[:head+1], append([]string{rest}, lines[head+1:]...)...), nil
	}
	if verb == "delete" && rest == "" {
		return append(lines[:head], lines[end:]...), nil
	}
	key, renamed, _ := strings.Cut(rest, " ")
	i := keyIn(lines, head, end, key)
	if i < 0 {
		return nil, fmt.Errorf("no key %s in [%s]", key, table)
	}
	if verb == "rename" {
		lines[i] = renamed + strings.TrimPrefix(lines[i], key)
		return lines, nil
	}
	return append(lines[:i], lines[i+1:]...), nil
}

// tableLines returns the index of the header of [table] (-1 for the top
// of the file, -2 when there is none) and of the line after its last.
func tableLines(lines []string, table string) (int, int) {
	head := -1
	if table != "" {
		head = -2
		for i, l := range lines {
			if l == "["+table+"]" {
				head = i
				break
			}
		}
		if head == -2 {
			return -2, 0
		}
	}
	end := head + 1
	for end < len(lines) && !strings.HasPrefix(lines[end], "[") {
		end++
	}
	return head, end
}

// keyIn returns the index of the line that sets key between from and to.
func keyIn(lines []string, from, to int, key string) int {
	for i := from + 1; i < to; i++ {
		if name, _, ok := strings.Cut(lines[i], "="); ok && strings.TrimSpace(name) == key {
			return i
		}
	}
	return -1
}

var linePlace = regexp.MustCompile(`\{(i18n/[a-z]+\.toml) (end|\[([^\]]*)\] ?([^}]*))\}`)

// placeLines replaces the places in braces in want by their line numbers
// in the tables under dir.
func placeLines(t *testing.T, dir, want string) string {
	t.Helper()
	return linePlace.ReplaceAllStringFunc(want, func(s string) string {
		m := linePlace.FindStringSubmatch(s)
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(m[1])))
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimRight(string(data), "\n"), "\n")
		if m[2] == "end" {
			return strconv.Itoa(len(lines))
		}
		head, end := tableLines(lines, m[3])
		if m[4] == "" {
			return strconv.Itoa(head + 1)
		}
		i := keyIn(lines, head, end, m[4])
		if head == -2 || i < 0 {
			t.Fatalf("want names %s, which the tables lack", s)
		}
		return strconv.Itoa(i + 1)
	})
}
