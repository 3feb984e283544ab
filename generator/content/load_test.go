package content

import (
	"strings"
	"testing"
	"testing/fstest"

	"ndpc/generator/diag"
)

func TestLoadTypesAndTranslations(t *testing.T) {
	fsys := fstest.MapFS{
		"case-studies/proto.en.md":     {Data: []byte("---\ntitle: PROTO\nsummary: VR.\ncountries: [ee, FI]\nsectors: [digital]\noutcome: impact\nyears: \"2019–2020\"\n---\nBody\n")},
		"case-studies/proto.ru.md":     {Data: []byte("---\ntitle: PROTO\nsummary: VR.\ncountries: [FI, EE]\nsectors: [digital]\noutcome: impact\n---\nТекст\n")},
		"briefs/one/index.md":          {Data: []byte("+++\ntitle = \"One\"\nnumber = 1\ndate = 2020-08-18\nsummary = \"S\"\ndownload = \"b.pdf\"\n+++\n")},
		"briefs/one/b.pdf":             {Data: []byte("%PDF-1.4")},
		"events/e.en.md":               {Data: []byte("---\ntitle: E\nsummary: S\nstart: 2020-07-02T11:00:00+03:00\ncountry: LV\n---\n")},
		"report/b.en.md":               {Data: []byte("---\ntitle: B\nweight: 2\n---\n")},
		"report/a.en.md":               {Data: []byte("---\ntitle: A\nweight: 1\n---\n")},
		".hidden.en.md":                {Data: []byte("not content")},
		"case-studies/proto.en.md~":    {Data: []byte("backup")},
		"case-studies/.proto.en.md.sw": {Data: []byte("swap")},
	}
	problems := &diag.List{}
	site, err := Load(fsys, Options{Prefix: "content"}, problems)
	if err != nil {
		t.Fatal(err)
	}
	if err := problems.Err(); err != nil {
		t.Fatal(err)
	}
	cs := site.CaseStudies[English]
	if len(cs) != 1 || cs[0].Countries[0].Slug != "estonia" || cs[0].Years != "2019–2020" || cs[0].BodyLine != 8 {
		t.Fatalf("case study = %+v", cs)
	}
	if cs[0].Translation == nil || cs[0].Translation.Lang != Russian {
		t.Error("translation not paired")
	}
	br := site.Briefs[English]
	if len(br) != 1 || br[0].Number != 1 || br[0].DownloadFile.Size != 8 || br[0].Date.Format("2006-01-02") != "2020-08-18" {
		t.Fatalf("brief = %+v", br)
	}
	if got := site.FileURLs(site.Files["briefs/one/b.pdf"]); strings.Join(got, " ") != "/en/briefs/one/b.pdf" {
		t.Errorf("file URLs = %v", got)
	}
	ev := site.Events[English][0]
	if ev.Country == nil || ev.Country.Code != "LV" || ev.Start.Hour() != 11 {
		t.Errorf("event = %+v", ev)
	}
	ch := site.Chapters[English]
	if ch[0].Slug != "a" || ch[0].Next != ch[1] || ch[1].Prev != ch[0] {
		t.Error("chapters not in order with neighbours")
	}
	if len(site.Pages) != 6 {
		t.Errorf("%d pages loaded, want 6 (hidden and backup files ignored)", len(site.Pages))
	}
}

func TestValidSlug(t *testing.T) {
	for s, want := range map[string]bool{"proto": true, "01-brief": true, "a-b-c": true, "Proto": false, "a--b": false, "-a": false, "a b": false, "фабрика": false, "": false} {
		if ValidSlug(s) != want {
			t.Errorf("ValidSlug(%q) = %v", s, !want)
		}
	}
	if got := suggestSlug("Proto Factory!"); got != "proto-factory" {
		t.Errorf("suggestSlug = %q", got)
	}
}

func TestResolveRelative(t *testing.T) {
	for _, c := range []struct{ dir, ref, want string }{
		{"case-studies", "proto.en.md", "case-studies/proto.en.md"},
		{"briefs/one", "../../about.md", "about.md"},
		{"briefs/one", "../../../etc/passwd", ""},
		{"", "/etc/passwd", ""},
		{"", "C:\\x", ""},
	} {
		got, err := ResolveRelative(c.dir, c.ref)
		if (c.want == "") != (err != nil) || got != c.want {
			t.Errorf("ResolveRelative(%q, %q) = %q, %v", c.dir, c.ref, got, err)
		}
	}
}

func TestBodyReadAgain(t *testing.T) {
	fsys := fstest.MapFS{"about.en.md": {Data: []byte("\ufeff---\ntitle: About\n---\nThe body.\n")}}
	problems := &diag.List{}
	site, err := Load(fsys, Options{}, problems)
	if err != nil {
		t.Fatal(err)
	}
	p := site.Homes[English]
	if p == nil {
		p = site.Plain[English][0]
	}
	p.Body = nil // freed, as a build does once the page is rendered
	body, err := site.Body(p)
	if err != nil || string(body) != "The body.\n" {
		t.Fatalf("Body = %q, %v", body, err)
	}
	fsys["about.en.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Changed\n---\nThe body.\n")}
	if _, err := site.Body(p); err == nil || !strings.Contains(err.Error(), "changed while the site was being built") {
		t.Errorf("a changed file: %v", err)
	}
}
