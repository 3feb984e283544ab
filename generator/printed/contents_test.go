package printed

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
)

// TestContentsLongTitles: in the report's contents, an entry whose title
// runs to the line's end wraps its title, never its page number, which
// stays at the end of the dotted fill; titles are not hyphenated, as the
// headings are not.
func TestContentsLongTitles(t *testing.T) {
	r := fixtureReport(t)
	var md strings.Builder
	title := "A section with a long title that runs very nearly to the end of the line of its entry"
	words := strings.Fields("in the contents of the report so that its page number might")
	for n := range len(words) + 1 {
		fmt.Fprintf(&md, "\n## %s\n\nText.\n", strings.Join(append([]string{title}, words[:n]...), " "))
	}
	r.Chapters[1].Body = parse(t, "chapter-2.en.md", "en", "/en/report/methodology/", md.String())
	ed := typeset(t, r)[0]
	toc := poppler(t, ed.PDF, "pdftotext", "-enc", "UTF-8", "-layout", "-f", "2", "-l", "2")
	entry := regexp.MustCompile(`\S( \.)+ +\d+$`) // a title's last word, the fill, the page
	entries := 0
	for _, l := range strings.Split(toc, "\n") {
		l = strings.TrimSpace(l)
		if strings.ContainsAny(l, "\u00ad\u2060") || strings.HasSuffix(l, "-") {
			t.Errorf("the contents have the line %q", l)
		}
		if regexp.MustCompile(`\d$`).MatchString(l) && !strings.HasPrefix(l, "Northern Dimension") {
			if !entry.MatchString(l) {
				t.Errorf("a page number without its title and fill: %q", l)
			}
			entries++
		}
	}
	if want := 2 + 4 + 2 + len(words) + 1; entries != want { // chapters, sections of each, the long ones
		t.Errorf("%d entries with their page, want %d:\n%s", entries, want, toc)
	}
}
