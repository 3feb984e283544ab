package generator

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"gopkg.in/yaml.v3"

	"ndpc/generator/submissions"
)

// buildReal builds the repository's content as ndpc build does, into a
// fresh folder, and returns the output folder.
func buildReal(t *testing.T) string {
	t.Helper()
	repo, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	opts := DefaultOptions()
	opts.Search = false // the search index has its own test
	opts.Content, opts.Templates = filepath.Join(repo, "content"), filepath.Join(repo, "templates")
	opts.Static, opts.I18n = filepath.Join(repo, "static"), filepath.Join(repo, "i18n")
	opts.Out, opts.BaseURL = out, "https://example.org"
	if _, err := Build(opts); err != nil {
		t.Fatalf("build: %v", err)
	}
	return out
}

func outputFiles(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files["/"+filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

var (
	refPattern         = regexp.MustCompile(`(?:href|src|action)=("[^"]*"|[^\s>]+)`)
	inlineScript       = regexp.MustCompile(`<script(?:\s[^>]*)?>`)
	jsonLDTag          = regexp.MustCompile(`^<script type="?application/ld\+json"?>$`) // data, not run
	eventHandler       = regexp.MustCompile(`\son[a-z]+=`)
	styleAttribute     = regexp.MustCompile(`\sstyle=`)
	fingerprintPattern = regexp.MustCompile(`^/assets/.+\.[0-9a-f]{8}\.[a-z0-9]+$`)
)

func TestProductionOutput(t *testing.T) {
	out := buildReal(t)
	files := outputFiles(t, out)
	mf := newMinifier()
	pages := 0
	for name, data := range files {
		// Minified output barely shrinks when minified again (a second pass
		// over JavaScript may still find a byte or two).
		if again, err := mf.apply(name, data); mf.handles(name) && (err != nil || len(again) < len(data)*98/100) {
			t.Errorf("%s is not minified (%d bytes, %d when minified again)", name, len(data), len(again))
		}
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		pages++
		html := string(data)
		if bytes.Contains(data, []byte("\n  ")) {
			t.Errorf("%s keeps indentation: not minified", name)
		}
		for _, tag := range inlineScript.FindAllString(html, -1) {
			if !strings.Contains(tag, "src=") && !jsonLDTag.MatchString(tag) {
				t.Errorf("%s has an inline script %s, which the CSP blocks", name, tag)
			}
		}
		if m := eventHandler.FindString(html); m != "" {
			t.Errorf("%s has an event handler attribute %q, which the CSP blocks", name, m)
		}
		if m := styleAttribute.FindString(html); m != "" {
			t.Errorf("%s has a style attribute, which the CSP blocks", name)
		}
		for _, m := range refPattern.FindAllStringSubmatch(html, -1) {
			ref := strings.Trim(m[1], `"`)
			if !strings.HasPrefix(ref, "/") || strings.HasPrefix(ref, "//") {
				continue
			}
			ref, _, _ = strings.Cut(ref, "#")
			ref, _, _ = strings.Cut(ref, "?") // the finder's filters: /en/case-studies/?country=FI
			target := ref
			if strings.HasSuffix(target, "/") {
				target += "index.html"
			}
			if _, ok := files[target]; !ok {
				t.Errorf("%s links to %s, which the build did not write", name, ref)
			}
			if strings.HasPrefix(ref, "/assets/") && !fingerprintPattern.MatchString(ref) {
				t.Errorf("%s refers to the asset %s without a fingerprint", name, ref)
			}
		}
	}
	if pages < 70 {
		t.Errorf("only %d pages", pages)
	}
	for name := range files {
		if strings.HasPrefix(name, "/assets/") && !fingerprintPattern.MatchString(name) {
			t.Errorf("asset %s is published without a fingerprint", name)
		}
	}
}

func TestReproducibleBuild(t *testing.T) {
	a, b := outputFiles(t, buildReal(t)), outputFiles(t, buildReal(t))
	if len(a) != len(b) {
		t.Fatalf("two builds wrote %d and %d files", len(a), len(b))
	}
	for name, data := range a {
		if !bytes.Equal(data, b[name]) {
			t.Errorf("%s differs between two builds of the same content", name)
		}
	}
}

func TestSubmissionForm(t *testing.T) {
	out := buildReal(t)
	for _, lang := range []string{"en", "ru"} {
		data, err := os.ReadFile(filepath.Join(out, lang, "submit/index.html"))
		if err != nil {
			t.Fatal(err)
		}
		html := string(data)
		for _, want := range []string{
			`<form class=submit-form name=case-study-submission method=POST action=/` + lang + `/thanks/ data-netlify=true netlify-honeypot=bot-field>`,
			`<input type=hidden name=form-name value=case-study-submission>`,
			`<input type=hidden name=language value=` + lang + `>`,
			`name=bot-field`,
		} {
			if !strings.Contains(html, want) {
				t.Errorf("%s form lacks %s", lang, want)
			}
		}
		for _, field := range submissions.Fields {
			if !strings.Contains(html, "name="+field) {
				t.Errorf("%s form lacks the field %s", lang, field)
			}
		}
		if _, err := os.Stat(filepath.Join(out, lang, "thanks/index.html")); err != nil {
			t.Errorf("no %s thank-you page", lang)
		}
	}
}

type netlifyConfig struct {
	Build struct {
		Command     string
		Publish     string
		Environment map[string]string
	}
	Context   map[string]struct{ Command string }
	Redirects []struct {
		From, To   string
		Status     int
		Force      bool
		Conditions map[string][]string
	}
	Headers []struct {
		For    string
		Values map[string]string
	}
}

func TestNetlifyConfig(t *testing.T) {
	var cfg netlifyConfig
	if _, err := toml.DecodeFile("../netlify.toml", &cfg); err != nil {
		t.Fatal(err)
	}
	const tools = "npm ci --prefix .tools --omit=dev --no-audit --no-fund && "
	if cfg.Build.Command != tools+`go run ./cmd/ndpc build --base-url "$URL"` || cfg.Build.Publish != "public" {
		t.Errorf("build = %+v", cfg.Build)
	}
	gomod, err := os.ReadFile("../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	if want := regexp.MustCompile(`(?m)^toolchain go(\S+)`).FindSubmatch(gomod); want == nil || cfg.Build.Environment["GO_VERSION"] != string(want[1]) {
		t.Errorf("GO_VERSION %q does not match go.mod's toolchain", cfg.Build.Environment["GO_VERSION"])
	}
	for _, ctx := range []string{"deploy-preview", "branch-deploy"} {
		if c := cfg.Context[ctx].Command; c != tools+`go run ./cmd/ndpc build --base-url "$DEPLOY_PRIME_URL"` {
			t.Errorf("context %s command = %q", ctx, c)
		}
	}
	type rule struct {
		from, to string
		status   int
		lang     string
	}
	var got []rule
	for _, r := range cfg.Redirects {
		lang := strings.Join(r.Conditions["Language"], ",")
		got = append(got, rule{r.From, r.To, r.Status, lang})
		if r.From == "/" && !r.Force {
			t.Error("the language redirect at / must be forced: /index.html exists")
		}
	}
	want := []rule{{"/", "/ru/", 302, "ru"}, {"/", "/en/", 302, ""}, {"/ru/*", "/ru/404.html", 404, ""}, {"/en/*", "/en/404.html", 404, ""}}
	if len(got) != len(want) {
		t.Fatalf("redirects = %+v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("redirect %d = %+v, want %+v", i, got[i], want[i])
		}
	}
	headers := map[string]map[string]string{}
	for _, h := range cfg.Headers {
		headers[h.For] = h.Values
	}
	all := headers["/*"]
	csp := all["Content-Security-Policy"]
	// 'wasm-unsafe-eval' lets the search index's WebAssembly run, nothing else.
	for _, want := range []string{"default-src 'self'", "script-src 'self' 'wasm-unsafe-eval';", "style-src 'self'", "object-src 'none'", "form-action 'self'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("CSP lacks %s", want)
		}
	}
	if strings.Contains(csp, "'unsafe-inline'") || strings.Contains(csp, "'unsafe-eval'") {
		t.Error("CSP allows inline or eval'd code")
	}
	if all["X-Content-Type-Options"] != "nosniff" || all["Referrer-Policy"] == "" || all["Permissions-Policy"] == "" {
		t.Errorf("security headers = %v", all)
	}
	if _, ok := all["Cache-Control"]; ok {
		t.Error("pages must not be cached for a year")
	}
	if headers["/assets/*"]["Cache-Control"] != "public, max-age=31536000, immutable" {
		t.Errorf("assets cache = %q", headers["/assets/*"]["Cache-Control"])
	}
}

func TestAliasRedirects(t *testing.T) {
	opts, _, _, err := buildText(t, `
-- content/case-studies/proto.en.md --
---
title: PROTO
summary: A centre.
countries: [EE]
sectors: [digital]
outcome: impact
aliases: [/en/cases/proto/, /proto]
---
`)
	if err != nil {
		t.Fatal(err)
	}
	got := readOut(t, opts, "/_redirects")
	if !strings.Contains(got, "/en/cases/proto/ /en/case-studies/proto/ 301\n/proto /en/case-studies/proto/ 301\n") {
		t.Errorf("_redirects =\n%s", got)
	}
}

var assetRef = regexp.MustCompile(`(?:<link rel=stylesheet href=|<script src=|<link rel=icon href=)"?([^"\s>]+)`)

// TestCaseStudyPageWeight: a case study with its stylesheets, scripts and
// icon stays under 30 KB as sent compressed (as Netlify sends it).
func TestCaseStudyPageWeight(t *testing.T) {
	out := buildReal(t)
	files := outputFiles(t, out)
	gz := func(data []byte) int {
		var buf bytes.Buffer
		w, _ := gzip.NewWriterLevel(&buf, gzip.DefaultCompression)
		w.Write(data)
		w.Close()
		return buf.Len()
	}
	checked := 0
	for name, data := range files {
		if !strings.Contains(name, "/case-studies/") || strings.HasSuffix(name, "/case-studies/index.html") || !strings.HasSuffix(name, ".html") {
			continue
		}
		total, raw := gz(data), len(data)
		for _, m := range assetRef.FindAllSubmatch(data, -1) {
			asset, ok := files[string(m[1])]
			if !ok {
				t.Fatalf("%s refers to %s, which is missing", name, m[1])
			}
			total += gz(asset)
			raw += len(asset)
		}
		if total > 30*1024 {
			t.Errorf("%s weighs %d bytes compressed (%d raw), more than 30 KB", name, total, raw)
		}
		t.Logf("%s: %.1f KB compressed, %.1f KB raw", name, float64(total)/1024, float64(raw)/1024)
		checked++
	}
	if checked < 8 {
		t.Fatalf("only %d case-study pages checked", checked)
	}
}

// withoutNode writes site into a new folder and returns it with options
// that build it with search, on a PATH without Node.js and with CI and
// NETLIFY set as given.
func withoutNode(t *testing.T, site, ci, netlify string) (string, Options) {
	t.Helper()
	dir := t.TempDir()
	writeSite(t, dir, []byte(site))
	opts := siteOptions(t, dir)
	opts.Search = true
	t.Setenv("PATH", "")
	t.Setenv("CI", ci)
	t.Setenv("NETLIFY", netlify)
	return dir, opts
}

// TestSearchWithoutNode: on a machine without Node.js a build makes the
// whole site, warns that it has no search index and says so on its pages;
// where the build publishes (CI or NETLIFY set), it fails instead and
// leaves no output.
func TestSearchWithoutNode(t *testing.T) {
	const site = "-- content/about.en.md --\n---\ntitle: About\n---\nText.\n-- content/about.ru.md --\n---\ntitle: О нас\n---\nТекст.\n"
	t.Run("editor's machine", func(t *testing.T) {
		dir, opts := withoutNode(t, site, "", "")
		res, err := Build(opts)
		if err != nil {
			t.Fatalf("build without Node.js: %v", err)
		}
		if len(res.Warnings) != 1 || !strings.Contains(res.Warnings[0].Message, "without its search index") ||
			!strings.Contains(res.Warnings[0].Message, "Node.js") || !strings.Contains(res.Warnings[0].Message, "--search=false") {
			t.Errorf("warnings = %v, want one that names Node.js and --search=false", res.Warnings)
		}
		for page, want := range map[string]string{
			"public/en/search/index.html": "Search is not available in this build",
			"public/ru/search/index.html": "В\u00a0этой сборке сайта поиск недоступен",
			"public/en/about/index.html":  "No search in this build",
			"public/ru/about/index.html":  "В\u00a0этой сборке нет поиска",
		} {
			data, err := os.ReadFile(filepath.Join(dir, page))
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(data), want) {
				t.Errorf("%s does not say %q", page, want)
			}
			if strings.Contains(string(data), "search.js") || strings.Contains(string(data), `type="search"`) {
				t.Errorf("%s offers a search that cannot work", page)
			}
		}
	})
	t.Run("CI=false", func(t *testing.T) {
		_, opts := withoutNode(t, site, "false", "0")
		if _, err := Build(opts); err != nil {
			t.Errorf("CI=false NETLIFY=0 count as not publishing, but: %v", err)
		}
	})
	for _, env := range []string{"CI", "NETLIFY"} {
		t.Run(env, func(t *testing.T) {
			ci, netlify := "true", ""
			if env == "NETLIFY" {
				ci, netlify = "", "true"
			}
			dir, opts := withoutNode(t, site, ci, netlify)
			_, err := Build(opts)
			if !errors.Is(err, errNoSearchIndex) || !strings.Contains(err.Error(), "("+env+"=true)") || !strings.Contains(err.Error(), "--search=false") {
				t.Errorf("err = %v", err)
			}
			if _, err := os.Stat(filepath.Join(dir, "public")); !os.IsNotExist(err) {
				t.Error("a site without its search index was published")
			}
		})
	}
}

// TestToolsMissingAtOnce: a build for publishing on a machine with
// neither Node.js nor the tools installed (a fresh clone) names both
// missing outputs, the search index and the PDFs, in one run.
func TestToolsMissingAtOnce(t *testing.T) {
	const site = "-- content/about.en.md --\n---\ntitle: About\n---\nText.\n-- content/about.ru.md --\n---\ntitle: О нас\n---\nТекст.\n"
	dir, opts := withoutNode(t, site, "true", "")
	// Templates outside the repository: no .tools beside them, as in a
	// clone where nothing is installed yet.
	templates := filepath.Join(dir, "templates")
	if err := os.CopyFS(templates, os.DirFS(opts.Templates)); err != nil {
		t.Fatal(err)
	}
	opts.Templates, opts.PDF = templates, true
	_, err := Build(opts)
	if !errors.Is(err, errNoSearchIndex) || !errors.Is(err, errNoPrintEditions) {
		t.Errorf("err = %v, want both the search index and the PDFs named", err)
	}
}

// TestWorkflow: every pull request and push to main vets, tests and
// checks the content with annotations on the pull request's lines.
func TestWorkflow(t *testing.T) {
	data, err := os.ReadFile("../.github/workflows/ci.yml")
	if err != nil {
		t.Fatal(err)
	}
	var wf struct {
		On struct {
			PullRequest any `yaml:"pull_request"`
			Push        struct {
				Branches []string `yaml:"branches"`
			} `yaml:"push"`
		} `yaml:"on"`
		Jobs map[string]struct {
			Steps []struct {
				Run string `yaml:"run"`
			} `yaml:"steps"`
		} `yaml:"jobs"`
	}
	if err := yaml.Unmarshal(data, &wf); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "pull_request:") || strings.Join(wf.On.Push.Branches, ",") != "main" {
		t.Errorf("triggers: %+v", wf.On)
	}
	var runs []string
	for _, job := range wf.Jobs {
		for _, s := range job.Steps {
			runs = append(runs, s.Run)
		}
	}
	all := strings.Join(runs, "\n")
	for _, want := range []string{"go vet ./...", "go test ./...", "go run ./cmd/ndpc check --format github"} {
		if !strings.Contains(all, want) {
			t.Errorf("the workflow does not run %q", want)
		}
	}
}
