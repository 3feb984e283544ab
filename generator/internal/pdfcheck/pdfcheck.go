// Package pdfcheck reads a PDF back with Debian's poppler-utils (pdfinfo,
// pdffonts, pdftotext) for the tests of the print editions: whether it is
// a tagged PDF/UA-1 document with its title and language, fonts embedded
// as named subsets, the structure of its content in reading order, and
// its text as a reader copying it gets it.
package pdfcheck

import (
	"bytes"
	"encoding/hex"
	"errors"
	"fmt"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// ErrNoPoppler means that a command of poppler-utils is not on the PATH.
var ErrNoPoppler = errors.New("poppler-utils is not installed")

// popplerFalseAlarms are what poppler (22.12, Debian 12's, and its
// source as of 2025) prints about every tagged PDF that Typst writes,
// where the PDF is right and poppler is not:
//
//   - Catalog::getMarkInfo takes any /Suspects value but true for a
//     wrong type, and Typst writes /Suspects false, the boolean that ISO
//     32000-1 (table 321) asks for;
//   - StructElement.cc checks /BorderColor, an RGB colour (an array of
//     three numbers) or an array of four of them (ISO 32000-1, table
//     343), as an array of four, and Typst writes one colour for a
//     table's borders.
var popplerFalseAlarms = map[string]bool{
	"Syntax Error: Suspects object is wrong type (boolean)":                true,
	"Syntax Warning: Attribute BorderColor value is of wrong type (array)": true,
}

// run runs a poppler command and returns its standard output. What the
// command prints on its standard error about the PDF is an error too,
// apart from poppler's false alarms.
func run(name string, args ...string) (string, error) {
	path, err := exec.LookPath(name)
	if err != nil {
		return "", fmt.Errorf("%w (no %s on the PATH)", ErrNoPoppler, name)
	}
	var out, errOut bytes.Buffer
	c := exec.Command(path, args...)
	c.Stdout, c.Stderr = &out, &errOut
	if err := c.Run(); err != nil {
		return "", fmt.Errorf("%s %v: %v: %s", name, args, err, errOut.String())
	}
	for _, l := range strings.Split(strings.TrimSpace(errOut.String()), "\n") {
		if l != "" && !popplerFalseAlarms[l] {
			return "", fmt.Errorf("%s %v: %s", name, args, l)
		}
	}
	return out.String(), nil
}

// Run runs a command of poppler-utils, such as pdftotext with its output
// file "-", and returns its standard output, as Info and Text do.
func Run(name string, args ...string) (string, error) {
	return run(name, args...)
}

// Info returns pdfinfo's fields of a PDF file, such as "Title", "Tagged"
// and "Pages".
func Info(file string) (map[string]string, error) {
	out, err := run("pdfinfo", "-enc", "UTF-8", file)
	if err != nil {
		return nil, err
	}
	fields := map[string]string{}
	for _, l := range strings.Split(out, "\n") {
		if k, v, ok := strings.Cut(l, ":"); ok {
			fields[k] = strings.TrimSpace(v)
		}
	}
	return fields, nil
}

var (
	pdfuaPart  = regexp.MustCompile(`<pdfuaid:part>1</pdfuaid:part>`)
	xmpLang    = regexp.MustCompile(`<dc:language><rdf:Bag><rdf:li>([^<]*)</rdf:li>`)
	fontLine   = regexp.MustCompile(`^(\S+)\s+.*\s(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$`)
	subsetName = regexp.MustCompile(`^[A-Z]{6}\+`)
)

// Accessible returns what makes a PDF file fall short of the print
// editions' promise: tagged, the title given, the language lang in its
// XMP metadata and catalog, PDF/UA part 1 declared, and every font
// embedded as a subset with a subset name and a map to Unicode. None
// means it keeps it.
func Accessible(file string, pdf []byte, title, lang string) ([]string, error) {
	var problems []string
	info, err := Info(file)
	if err != nil {
		return nil, err
	}
	if info["Tagged"] != "yes" {
		problems = append(problems, "not tagged (Tagged: "+info["Tagged"]+")")
	}
	if info["Title"] != title {
		problems = append(problems, fmt.Sprintf("title %q, want %q", info["Title"], title))
	}
	meta, err := run("pdfinfo", "-meta", file)
	if err != nil {
		return nil, err
	}
	if !pdfuaPart.MatchString(meta) {
		problems = append(problems, "the XMP metadata do not declare PDF/UA part 1")
	}
	if m := xmpLang.FindStringSubmatch(meta); m == nil || m[1] != lang {
		problems = append(problems, fmt.Sprintf("the XMP metadata do not give the language %s", lang))
	}
	if !bytes.Contains(pdf, []byte("/Lang ("+lang+")")) {
		problems = append(problems, "the catalog does not give the language "+lang)
	}
	fonts, err := run("pdffonts", file)
	if err != nil {
		return nil, err
	}
	n := 0
	for _, l := range strings.Split(fonts, "\n")[2:] {
		m := fontLine.FindStringSubmatch(strings.TrimSpace(l))
		if m == nil {
			continue
		}
		n++
		if m[2] != "yes" || m[3] != "yes" || m[4] != "yes" || !subsetName.MatchString(m[1]) {
			problems = append(problems, "the font "+m[1]+" is not embedded as a named subset with a map to Unicode")
		}
	}
	if n == 0 {
		problems = append(problems, "pdffonts lists no font:\n"+fonts)
	}
	return problems, nil
}

var role = regexp.MustCompile(`^\s*([A-Za-z][A-Za-z0-9]*)\b`)

// Structure returns the roles of a tagged PDF's structure elements in
// reading order, as pdfinfo -struct lists them: Document, H1, P, L, LI,
// Lbl, LBody, Table, TH, TD, Figure, Link …
func Structure(file string) ([]string, error) {
	out, err := run("pdfinfo", "-struct", file)
	if err != nil {
		return nil, err
	}
	var roles []string
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), "/") || strings.TrimSpace(l) == "" {
			continue // an attribute
		}
		if m := role.FindStringSubmatch(l); m != nil && m[1] != "Object" {
			roles = append(roles, m[1])
		}
	}
	return roles, nil
}

// InOrder reports the first of want that roles lack in that order; ""
// when roles hold them all, in order (with others between).
func InOrder(roles, want []string) string {
	i := 0
	for _, r := range roles {
		if i < len(want) && r == want[i] {
			i++
		}
	}
	if i == len(want) {
		return ""
	}
	return want[i]
}

var figureAlt = regexp.MustCompile(`/S /Figure\s[^>]*?/Alt (<[0-9A-Fa-f\s]*>|\((?:[^()\\]|\\.)*\))`)

// FigureAlts returns the alternative text of every Figure structure
// element of a PDF as written (uncompressed) by Typst; "" for a figure
// without one.
func FigureAlts(pdf []byte) []string {
	var alts []string
	for _, m := range figureAlt.FindAllSubmatch(pdf, -1) {
		alts = append(alts, pdfString(string(m[1])))
	}
	if n := bytes.Count(pdf, []byte("/S /Figure")); n > len(alts) {
		for range n - len(alts) {
			alts = append(alts, "")
		}
	}
	return alts
}

// pdfString decodes a PDF string: <hex> in UTF-16 with its byte order
// mark, or (literal).
func pdfString(s string) string {
	if strings.HasPrefix(s, "(") {
		s = strings.TrimSuffix(strings.TrimPrefix(s, "("), ")")
		return strings.NewReplacer(`\(`, "(", `\)`, ")", `\\`, `\`).Replace(s)
	}
	raw, err := hex.DecodeString(strings.Join(strings.Fields(strings.Trim(s, "<>")), ""))
	if err != nil || len(raw) < 2 || raw[0] != 0xFE || raw[1] != 0xFF {
		return string(raw)
	}
	u := make([]uint16, 0, len(raw)/2)
	for i := 2; i+1 < len(raw); i += 2 {
		u = append(u, uint16(raw[i])<<8|uint16(raw[i+1]))
	}
	return string(utf16.Decode(u))
}

// Raw returns the text of a PDF file's pages first to last (0: all) as
// pdftotext -raw gives it: in reading order, each line of the page a
// line, pages ended by a form feed. A word that Typst hyphenated at a
// line's end ends that line with U+00AD, the soft hyphen, as ISO 32000-1
// (14.8.2.2.3) asks, so that it can be told from a hyphen of the text.
func Raw(file string, first, last int) (string, error) {
	args := []string{"-enc", "UTF-8", "-raw"}
	if first > 0 {
		args = append(args, "-f", strconv.Itoa(first), "-l", strconv.Itoa(last))
	}
	return run("pdftotext", append(args, file, "-")...)
}

// Join returns raw text (as Raw gives it) as a reader copying it gets
// it: a soft hyphen and the line's end after it removed, so that a word
// hyphenated by Typst is whole again, and every other run of white space,
// line and page ends included, one space.
func Join(raw string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(raw, "\u00ad\n", "")), " ")
}

// Text returns the text of a PDF file's pages first to last (0: all) as
// Join gives it.
func Text(file string, first, last int) (string, error) {
	raw, err := Raw(file, first, last)
	return Join(raw), err
}

// Contains reports whether text (as Join gives it) holds the passage s
// verbatim: the same characters in the same order, where a run of white
// space in s (no-break spaces too, which pdftotext gives as spaces) is one
// space in text, and where a line may have ended after
// a dash or a hyphen of s (a line's end there is a space in text, and s
// may have had none: "2021–2024", "cross-sectoral").
func Contains(text, s string) bool {
	return passage(s).MatchString(text)
}

// passage returns the regular expression of Contains for s.
func passage(s string) *regexp.Regexp {
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space {
			b.WriteString(" ")
			space = false
		}
		b.WriteString(regexp.QuoteMeta(string(r)))
		if strings.ContainsRune(dashes, r) {
			b.WriteString(" ?")
			space = false
		}
	}
	return regexp.MustCompile(b.String())
}

// dashes are the characters after which a line may end inside a word or
// a number: the hyphen-minus, the hyphen, the en and the em dash.
const dashes = "-\u2010\u2013\u2014"

// FormatCharacters returns the invisible characters of raw text (as Raw
// gives it), those of Unicode's category Cf (format: word joiners,
// zero-width spaces, direction marks …) with where they are, except the
// soft hyphen at a line's end that marks a word Typst hyphenated.
func FormatCharacters(raw string) []string {
	var found []string
	for i, r := range raw {
		if !unicode.Is(unicode.Cf, r) || r == '\u00ad' && strings.HasPrefix(raw[i+len("\u00ad"):], "\n") {
			continue
		}
		found = append(found, fmt.Sprintf("U+%04X in %q", r, around(raw, i)))
	}
	return found
}

// HardHyphensAtLineEnd returns every word of raw text (as Raw gives it)
// that a hyphen-minus ends at a line's end, joined with the start of the
// next line as a reader copying it would read it: "cross-sectoral" for
// "cross-\nsectoral". Typst marks the hyphens it adds with U+00AD, so
// each of these is a hyphen of the text.
func HardHyphensAtLineEnd(raw string) []string {
	var words []string
	for _, m := range hyphenAtLineEnd.FindAllStringSubmatch(raw, -1) {
		words = append(words, m[1]+"-"+m[2])
	}
	return words
}

var hyphenAtLineEnd = regexp.MustCompile(`(\S*)-\n(\S*)`)

// around returns the text of s around byte i, for messages.
func around(s string, i int) string {
	from, to := max(0, i-30), min(len(s), i+30)
	for from > 0 && !utf8.RuneStart(s[from]) {
		from--
	}
	for to < len(s) && !utf8.RuneStart(s[to]) {
		to++
	}
	return s[from:to]
}
