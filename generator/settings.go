package generator

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/BurntSushi/toml"

	"ndpc/generator/content"
	"ndpc/generator/diag"
	"ndpc/generator/tomlpos"
	"ndpc/generator/view"
)

// siteSettings are the site settings, read from site.toml at the top of the
// content folder. Every setting has a default, so the file is optional.
//
//	base_url = "https://example.org/"  # absolute address of the published site;
//	                                   # --base-url overrides it (Netlify passes $URL)
//	raw_html = false                   # let HTML written in Markdown through
//
//	[privacy]                          # facts of the privacy notice that the
//	contact = "…"                      # content cannot know: where to ask
//	[privacy.en]                       # for a submission to be deleted, and
//	controller = "…"                   # per language who is responsible for
//	retention = "…"                    # submissions and how long they are kept
//
//	[study]                            # the study as a whole (study.go)
//	case_studies = 121                 # case studies it documented
//
// A privacy setting left empty is shown as not yet published on the
// privacy notice and reported as a warning, so that no fact is invented.
type siteSettings struct {
	BaseURL string          `toml:"base_url"`
	RawHTML bool            `toml:"raw_html"`
	Privacy privacySettings `toml:"privacy"`
	Study   studySettings   `toml:"study"`

	file, text string // where the settings were read, and their text
}

// privacySettings are the facts of the privacy notice (templates/page-privacy.html).
type privacySettings struct {
	Contact string          `toml:"contact"` // e-mail or web address for requests
	EN      privacyLanguage `toml:"en"`
	RU      privacyLanguage `toml:"ru"`
}

// privacyLanguage are the privacy facts written in one language.
type privacyLanguage struct {
	Controller string `toml:"controller"` // who is responsible for the submissions
	Retention  string `toml:"retention"`  // how long they are kept
}

// For returns the privacy facts in a language.
func (p privacySettings) For(lang string) privacyLanguage {
	if lang == "ru" {
		return p.RU
	}
	return p.EN
}

// defaultBaseURL is the address used when neither the settings nor the
// command line give one: the local preview server's.
const defaultBaseURL = "http://localhost:1313/"

// settingsFile is the settings' file in the content folder.
const settingsFile = "site.toml"

func loadSettings(contentDir string, problems *diag.List) (siteSettings, error) {
	file := filepath.Join(contentDir, settingsFile)
	shown := filepath.ToSlash(file)
	s := siteSettings{BaseURL: defaultBaseURL, file: shown}
	data, err := os.ReadFile(file)
	if errors.Is(err, os.ErrNotExist) {
		return s, nil
	}
	if err != nil {
		return s, fmt.Errorf("reading %s: %w", shown, err)
	}
	s.text = string(data)
	if !checkSettingKinds(s.text, shown, problems) {
		return s, nil
	}
	md, err := toml.Decode(string(data), &s)
	if err != nil {
		var perr toml.ParseError
		if errors.As(err, &perr) {
			problems.Errorf(shown, perr.Position.Line, perr.Position.Col, "not valid TOML: %s", perr.Message)
		} else {
			problems.Errorf(shown, 0, 0, "%v", err)
		}
		return s, nil
	}
	for _, k := range md.Undecoded() {
		problems.Warnf(shown, 0, 0, "unknown setting %q is ignored; the settings are base_url, raw_html and those of [privacy] and [study]", k.String())
	}
	if u, err := url.Parse(s.BaseURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		problems.Errorf(shown, 0, 0, "base_url must be an absolute address such as https://example.org/, not %q", s.BaseURL)
	}
	return s, nil
}

// checkPrivacy reports, for ndpc check, every privacy setting left empty
// while the site has a privacy notice (a plain page named privacy), at
// its line in site.toml when it is written there: the notice never states
// an invented fact, and the editors see what is missing.
func (b *builder) checkPrivacy() {
	if b.site.PlainPage(content.English, "privacy") == nil && b.site.PlainPage(content.Russian, "privacy") == nil {
		return
	}
	shown, text, p, problems := b.settings.file, b.settings.text, b.settings.Privacy, b.problems
	type setting struct{ table, key, value string }
	for _, s := range []setting{
		{"privacy", "contact", p.Contact},
		{"privacy.en", "controller", p.EN.Controller}, {"privacy.en", "retention", p.EN.Retention},
		{"privacy.ru", "controller", p.RU.Controller}, {"privacy.ru", "retention", p.RU.Retention},
	} {
		if strings.TrimSpace(s.value) != "" {
			continue
		}
		problems.Warnf(shown, settingLine(text, s.table, s.key), 0,
			"%s.%s is empty: the privacy notice says it is not yet published; fill it in with the fact (ask the study's team), never a guess", s.table, s.key)
	}
}

// settingLine returns the line of key in the TOML table [table] of text
// ("" for a key outside any table), or 0 when it is not written there.
func settingLine(text, table, key string) int {
	if table != "" {
		key = table + "." + key
	}
	return tomlpos.Read([]byte(text)).Keys[key]
}

// privacyFacts returns the privacy notice's facts in a language.
func (b *builder) privacyFacts(lang content.Lang) view.PrivacyFacts {
	p := b.settings.Privacy
	l := p.For(string(lang))
	f := view.PrivacyFacts{Controller: l.Controller, Retention: l.Retention, Contact: p.Contact}
	switch {
	case strings.Contains(p.Contact, "@") && !strings.Contains(p.Contact, "/"):
		f.ContactURL = "mailto:" + p.Contact
	case strings.HasPrefix(p.Contact, "https://") || strings.HasPrefix(p.Contact, "http://"):
		f.ContactURL = p.Contact
	}
	return f
}

// checkBaseURL warns when neither --base-url nor site.toml gives the
// published site's address: the feeds, the sitemap, the social previews
// and the PDFs, which travel away from the site, would then link to the
// local preview's address.
func (b *builder) checkBaseURL() {
	if b.opts.BaseURL != "" || settingLine(b.settings.text, "", "base_url") != 0 {
		return
	}
	b.problems.Warnf(b.settings.file, 0, 0,
		"base_url is not set, so the feeds, the sitemap and the PDFs link to %s: write the published site's address in %s (base_url = \"https://…/\"), or build with --base-url", defaultBaseURL, b.settings.file)
}
