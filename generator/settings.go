package generator

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"

	"github.com/BurntSushi/toml"

	"ndpc/generator/diag"
)

// Settings are the site settings, read from site.toml at the top of the
// content folder. Every setting has a default, so the file is optional.
//
//	base_url = "https://example.org/"  # absolute address of the published site;
//	                                   # --base-url overrides it (Netlify passes $URL)
//	raw_html = false                   # let HTML written in Markdown through
type Settings struct {
	BaseURL string `toml:"base_url"`
	RawHTML bool   `toml:"raw_html"`
}

// DefaultBaseURL is the address used when neither the settings nor the
// command line give one: the local preview server's.
const DefaultBaseURL = "http://localhost:1313/"

func loadSettings(contentDir string, problems *diag.List) (Settings, error) {
	s := Settings{BaseURL: DefaultBaseURL}
	file := filepath.Join(contentDir, "site.toml")
	shown := filepath.ToSlash(file)
	data, err := os.ReadFile(file)
	if errors.Is(err, os.ErrNotExist) {
		return s, nil
	}
	if err != nil {
		return s, fmt.Errorf("reading %s: %w", shown, err)
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
		problems.Warnf(shown, 0, 0, "unknown setting %q is ignored; the settings are base_url and raw_html", k.String())
	}
	if u, err := url.Parse(s.BaseURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		problems.Errorf(shown, 0, 0, "base_url must be an absolute address such as https://example.org/, not %q", s.BaseURL)
	}
	return s, nil
}
