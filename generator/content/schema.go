package content

import (
	"fmt"
	"path"
	"strings"
)

// The fields every page may have, and each section's own.
var (
	commonFields    = []string{"title", "summary", "draft", "weight", "aliases"}
	caseStudyFields = []string{"countries", "sectors", "outcome", "date", "years", "cci", "organisations", "website", "image", "image_alt"}
	briefFields     = []string{"number", "date", "download"}
	eventFields     = []string{"start", "end", "location", "country", "online"}
)

func knownFields(k Kind) []string {
	switch k {
	case KindCaseStudy:
		return append(caseStudyFields, commonFields...)
	case KindBrief:
		return append(briefFields, commonFields...)
	case KindEvent:
		return append(eventFields, commonFields...)
	}
	return commonFields
}

// decodePage reads the fields of a page's kind into its typed value.
func decodePage(p *Page, d *decoder, files map[string]File) {
	p.Title = d.Text("title", true, "My project")
	summaryRequired := p.Kind == KindCaseStudy || p.Kind == KindBrief || p.Kind == KindEvent
	p.Summary = d.Text("summary", summaryRequired, "One or two sentences that say what it is.")
	p.Draft = d.Bool("draft")
	p.Weight = d.Int("weight", p.Kind == KindChapter, "1")
	for _, v := range d.List("aliases", false, "[/en/old-address/]") {
		if !strings.HasPrefix(v.Scalar, "/") || strings.Contains(v.Scalar, "://") || strings.ContainsAny(v.Scalar, " \t*:") {
			d.errorf(v, "alias %q must be an old address on this site, starting with /, such as /en/old-address/", v.Scalar)
			continue
		}
		p.Aliases = append(p.Aliases, v.Scalar)
	}
	switch p.Kind {
	case KindCaseStudy:
		p.Typed = decodeCaseStudy(p, d, files)
	case KindBrief:
		p.Typed = decodeBrief(p, d, files)
	case KindChapter:
		p.Typed = &ReportChapter{Page: p}
	case KindEvent:
		p.Typed = decodeEvent(p, d)
	}
	known := knownFields(p.Kind)
	if p.Kind == KindSection && p.Section == SectionReport {
		p.Issued = d.issued()
		known = append(known, "date")
	}
	d.Unknown(known)
	p.fieldLines = d.lines()
	p.Invalid = d.failed
}

func decodeCaseStudy(p *Page, d *decoder, files map[string]File) *CaseStudy {
	cs := &CaseStudy{Page: p}
	for _, v := range d.List("countries", true, "[EE, FI]") {
		c, ok := CountryByCode(v.Scalar)
		if !ok {
			d.errorf(v, "unknown country %q: use the ISO code of a Northern Dimension country, one of %s", v.Scalar, countryCodes())
			continue
		}
		cs.Countries = append(cs.Countries, c)
	}
	for _, v := range d.List("sectors", true, "[digital, education]") {
		s := Sector(strings.ToLower(v.Scalar))
		if !contains(Sectors, s) {
			d.errorf(v, "unknown sector %q: use one of %s", v.Scalar, oneOf(Sectors))
			continue
		}
		cs.Sectors = append(cs.Sectors, s)
	}
	if o := d.String("outcome", true, "impact"); o != "" {
		cs.Outcome = Outcome(strings.ToLower(o))
		if !contains(Outcomes, cs.Outcome) {
			d.errorf(d.fields["outcome"].Value, "unknown outcome %q: use one of %s (problems and discontinued are welcome: the study wants failures too)", o, oneOf(Outcomes))
		}
	}
	p.Date = d.Date("date", false)
	cs.Span = d.years()
	cs.Years = cs.Span.String()
	cs.CCI = d.Strings("cci", "[design, architecture]")
	cs.Organisations = d.Texts("organisations", `["Hamburg Kreativ Gesellschaft"]`)
	cs.Website = d.URL("website")
	cs.Image = d.String("image", false, "photo.jpg")
	cs.ImageAlt = d.Text("image_alt", false, "What the picture shows")
	if cs.Image != "" {
		checkFile(p, d, "image", cs.Image, files)
	}
	return cs
}

func decodeBrief(p *Page, d *decoder, files map[string]File) *Brief {
	b := &Brief{Page: p}
	b.Number = d.Int("number", true, "1")
	p.Date = d.Date("date", true)
	b.Download = d.String("download", false, "policy-brief-1-en.pdf")
	if b.Download != "" {
		b.DownloadFile, _ = checkFile(p, d, "download", b.Download, files)
	}
	return b
}

func decodeEvent(p *Page, d *decoder) *Event {
	e := &Event{Page: p}
	eventSpan(e, d)
	p.Date = e.Start
	e.Location = d.Text("location", false, "Riga")
	if code := d.String("country", false, "LV"); code != "" {
		if c, ok := CountryByCode(code); ok {
			e.Country = &c
		} else {
			d.errorf(d.fields["country"].Value, "unknown country %q: use the ISO code of a Northern Dimension country, one of %s", code, countryCodes())
		}
	}
	e.Online = d.Bool("online")
	return e
}

// checkFile reports a front matter file reference that is not in the
// page's folder.
func checkFile(p *Page, d *decoder, key, name string, files map[string]File) (File, bool) {
	rel, err := resolveRelative(dirOf(p.Source), name)
	if err == nil {
		if f, ok := files[rel]; ok {
			if err := checkKind(key, f); err != nil {
				d.errorf(d.fields[key].Value, "%s %q: %v", key, name, err)
				return f, false
			}
			return f, true
		}
		prefix := strings.TrimSuffix(p.Path, p.Source)
		err = fmt.Errorf("there is no file %s%s: put it in the folder %s, or correct the name", prefix, rel, path.Dir(p.Path))
	}
	d.errorf(d.fields[key].Value, "%s %q: %v", key, name, err)
	return File{}, false
}
