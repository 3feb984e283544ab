package preview

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"ndpc/generator"
)

// site is a small site in both languages.
var site = map[string]string{
	"content/_index.en.md": "---\ntitle: Home\n---\nWelcome.\n",
	"content/_index.ru.md": "---\ntitle: Главная\n---\nДобро пожаловать.\n",
	"content/case-studies/proto.en.md": "---\ntitle: PROTO\nsummary: A VR centre.\ncountries: [EE]\nsectors: [digital]\noutcome: impact\n---\n" +
		"## What it is\n\nThe first version.\n",
	"content/case-studies/proto.ru.md": "---\ntitle: PROTO\nsummary: Центр VR.\ncountries: [EE]\nsectors: [digital]\noutcome: impact\n---\nТекст.\n",
	"content/case-studies/draft.en.md": "---\ntitle: Unfinished\nsummary: Not ready.\ncountries: [IS]\nsectors: [social]\noutcome: ongoing\ndraft: true\n---\nDraft text.\n",
}

// startSite writes files into a fresh folder with a copy of the
// repository's templates, static files and i18n tables, and starts a
// preview server on a free port.
func startSite(t testing.TB, files map[string]string, in ...string) (dir, base string, stop func() error) {
	t.Helper()
	if len(in) > 0 {
		dir = in[0]
	} else {
		dir = t.TempDir()
	}
	repo, _ := filepath.Abs("../..")
	for _, sub := range []string{"templates", "static", "i18n"} {
		if err := os.CopyFS(filepath.Join(dir, sub), os.DirFS(filepath.Join(repo, sub))); err != nil {
			t.Fatal(err)
		}
	}
	for name, text := range files {
		writeFile(t, filepath.Join(dir, name), text)
	}
	opts := generator.Options{
		Content: filepath.Join(dir, "content"), Templates: filepath.Join(dir, "templates"),
		Static: filepath.Join(dir, "static"), I18n: filepath.Join(dir, "i18n"), BaseURL: "http://localhost/",
	}
	ctx, cancel := context.WithCancel(context.Background())
	srv, err := Start(ctx, Options{Site: opts, Bind: "127.0.0.1", Port: 0, Log: testLog(t)})
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	stopped := false
	stop = func() error {
		if stopped {
			return nil
		}
		stopped = true
		cancel()
		return srv.Wait()
	}
	t.Cleanup(func() { _ = stop() })
	return dir, "http://" + srv.Addr(), stop
}

func writeFile(t testing.TB, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func get(t testing.TB, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(data)
}

type sse struct {
	Name string
	Data map[string]any
}

// subscribe opens the event stream as a page does.
func subscribe(t testing.TB, base string) <-chan sse {
	t.Helper()
	resp, err := http.Get(base + "/__ndpc/events")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	events := make(chan sse, 64)
	go func() {
		defer close(events)
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		var name string
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "event: "):
				name = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				var d map[string]any
				_ = json.Unmarshal([]byte(strings.TrimPrefix(line, "data: ")), &d)
				events <- sse{name, d}
			}
		}
	}()
	return events
}

func next(t testing.TB, events <-chan sse, want string) sse {
	t.Helper()
	timeout := time.After(10 * time.Second)
	for {
		select {
		case ev, ok := <-events:
			if !ok {
				t.Fatalf("event stream ended while waiting for %q", want)
			}
			if ev.Name == want {
				return ev
			}
		case <-timeout:
			t.Fatalf("no %q event", want)
		}
	}
}

func pages(ev sse) []string {
	var out []string
	list, _ := ev.Data["pages"].([]any)
	for _, p := range list {
		out = append(out, p.(string))
	}
	return out
}

func TestServeLiveReload(t *testing.T) {
	dir, base, stop := startSite(t, site)
	code, page := get(t, base+"/en/case-studies/proto/")
	if code != 200 || !strings.Contains(page, "The first version.") || !strings.Contains(page, `<script src="/__ndpc/live.js" defer>`) {
		t.Fatalf("first page: %d\n%s", code, page)
	}
	if code, page := get(t, base+"/en/case-studies/draft/"); code != 200 || !strings.Contains(page, "Draft text.") {
		t.Errorf("serve leaves out drafts: %d", code)
	}
	if code, _ := get(t, base+"/en/nowhere/"); code != 404 {
		t.Errorf("missing page: %d, want 404", code)
	}
	events := subscribe(t, base)
	proto := filepath.Join(dir, "content/case-studies/proto.en.md")

	// A body edit renders that page alone and reloads it.
	writeFile(t, proto, strings.Replace(site["content/case-studies/proto.en.md"], "The first version.", "The second version.", 1))
	ev := next(t, events, "reload")
	if got := strings.Join(pages(ev), " "); got != "/en/case-studies/proto/index.html" {
		t.Errorf("body edit reloaded %q", got)
	}
	if _, page := get(t, base+"/en/case-studies/proto/"); !strings.Contains(page, "The second version.") {
		t.Error("the page does not show the edit")
	}

	// A broken edit shows the errors and keeps the last good page.
	writeFile(t, proto, strings.Replace(site["content/case-studies/proto.en.md"], "The first version.", "See [gone](gone.en.md).", 1))
	ev = next(t, events, "errors")
	problems, _ := ev.Data["problems"].([]any)
	if len(problems) != 1 || !strings.Contains(problems[0].(map[string]any)["message"].(string), `broken link "gone.en.md"`) ||
		problems[0].(map[string]any)["line"].(float64) != 10 {
		t.Errorf("errors event = %v", ev.Data)
	}
	if _, page := get(t, base+"/en/case-studies/proto/"); !strings.Contains(page, "The second version.") {
		t.Error("the last good page is not served during errors")
	}
	// A page opened now gets the errors at once.
	late := subscribe(t, base)
	next(t, late, "errors")

	// The repair removes the overlay and reloads.
	writeFile(t, proto, strings.Replace(site["content/case-studies/proto.en.md"], "The first version.", "The third version.", 1))
	next(t, events, "ok")
	next(t, events, "reload")
	if _, page := get(t, base+"/en/case-studies/proto/"); !strings.Contains(page, "The third version.") {
		t.Error("the repaired page is not served")
	}

	// Changing countries renders the page's indexes again (a page without
	// a translation, so that one save is the whole change).
	writeFile(t, filepath.Join(dir, "content/case-studies/draft.en.md"), strings.NewReplacer("[IS]", "[FI]", "Unfinished", "Half-finished").Replace(site["content/case-studies/draft.en.md"]))
	ev = next(t, events, "reload")
	got := strings.Join(pages(ev), " ")
	for _, want := range []string{"/en/countries/finland/index.html", "/en/countries/iceland/index.html", "/en/case-studies/index.html", "/en/case-studies/draft/index.html"} {
		if !strings.Contains(got, want) {
			t.Errorf("country change did not render %s (rendered %s)", want, got)
		}
	}
	if strings.Contains(got, "/en/sectors/digital/") || strings.Contains(got, "/ru/") {
		t.Errorf("country change rendered unrelated pages: %s", got)
	}
	if _, page := get(t, base+"/en/countries/finland/"); !strings.Contains(page, "/en/case-studies/draft/") {
		t.Error("Finland's page does not list the case study")
	}
	if _, page := get(t, base+"/en/countries/iceland/"); strings.Contains(page, "/en/case-studies/draft/") {
		t.Error("Iceland's page still lists the case study")
	}
	if _, feed := get(t, base+"/en/feed.xml"); !strings.Contains(feed, "Half-finished") {
		t.Error("the feed does not show the new title")
	}

	// A stylesheet change swaps the stylesheet alone.
	css := filepath.Join(dir, "static/assets/css/style.css")
	writeFile(t, css, "body{color:red}\n")
	ev = next(t, events, "styles")
	if styles, _ := ev.Data["styles"].([]any); len(styles) != 1 || styles[0] != "/assets/css/style.css" {
		t.Errorf("styles event = %v", ev.Data)
	}
	if _, body := get(t, base+"/assets/css/style.css"); body != "body{color:red}\n" {
		t.Errorf("stylesheet = %q", body)
	}

	// Editors' temporary files are ignored; a new file in a new folder is built.
	writeFile(t, filepath.Join(dir, "content/case-studies/.proto.en.md.swp"), "junk")
	writeFile(t, filepath.Join(dir, "content/events/focus/index.en.md"), "---\ntitle: Focus group\nstart: 2020-07-02T11:00:00+03:00\nsummary: Online.\n---\nHello.\n")
	// Which files exist changed: the site is built again, and the pages
	// whose files changed reload, not every page.
	ev = next(t, events, "reload")
	if got := pages(ev); !slices.Contains(got, "/en/events/focus/index.html") || !slices.Contains(got, "/en/events/index.html") ||
		slices.Contains(got, "/en/case-studies/proto/index.html") || ev.Data["full"] == true {
		t.Errorf("a new page reloaded %v", ev.Data)
	}
	if code, _ := get(t, base+"/en/events/focus/"); code != 200 {
		t.Errorf("new page: %d", code)
	}

	// A page template's change remakes and reloads the pages made with it.
	tmpl := filepath.Join(dir, "templates/case-study.html")
	data, _ := os.ReadFile(tmpl)
	writeFile(t, tmpl, strings.Replace(string(data), `<article class="case-study">`, `<article class="case-study" data-edited>`, 1))
	// The new folder's file may still bring a reload of its own first (its
	// folder's walk and its own event both saw it): wait for the reload
	// that shows the template, within a bound.
	for tries := 0; ; tries++ {
		ev = next(t, events, "reload")
		if _, page := get(t, base+"/ru/case-studies/proto/"); strings.Contains(page, "data-edited") {
			got := strings.Join(pages(ev), " ")
			if got != "/en/case-studies/draft/index.html /en/case-studies/proto/index.html /ru/case-studies/proto/index.html" {
				t.Errorf("the case studies' template reloaded %v", ev.Data)
			}
			break
		}
		if tries == 2 {
			t.Fatal("template change not shown")
		}
	}

	// The layout's change remakes and reloads every page.
	layout := filepath.Join(dir, "templates/base.html")
	data, _ = os.ReadFile(layout)
	writeFile(t, layout, strings.Replace(string(data), "<body", "<body data-layout-edited", 1))
	ev = next(t, events, "reload")
	if got := pages(ev); len(got) < 20 || !slices.Contains(got, "/ru/events/index.html") {
		t.Errorf("the layout's change reloaded %v", ev.Data)
	}
	if _, page := get(t, base+"/ru/events/"); !strings.Contains(page, "data-layout-edited") {
		t.Error("the layout's change is not shown")
	}

	// Stopping ends the server promptly, event streams included.
	done := make(chan error, 1)
	go func() { done <- stop() }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("stop: %v", err)
		}
	case <-time.After(3 * time.Second):
		t.Error("the server did not stop")
	}
}

// testLog shows the server's messages in the test's log.
func testLog(t testing.TB) io.Writer { return logWriter{t} }

type logWriter struct{ t testing.TB }

func (w logWriter) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimSpace(string(p)))
	return len(p), nil
}

// TestFirstBuildFails: while no build has succeeded every page says so
// and loads the live-reload script, which shows the errors; once the
// mistake is fixed the site is served.
func TestFirstBuildFails(t *testing.T) {
	bad := map[string]string{
		"content/_index.en.md": "---\ntitle: Home\n---\n[x](nowhere.md)\n",
		"content/_index.ru.md": "---\ntitle: Главная\n---\nТекст.\n",
	}
	dir, base, _ := startSite(t, bad)
	code, body := get(t, base+"/en/")
	if code != http.StatusServiceUnavailable || !strings.Contains(body, "/__ndpc/live.js") || !strings.Contains(body, "cannot be shown until they are fixed") {
		t.Fatalf("GET /en/ with no good site: %d\n%s", code, body)
	}
	writeFile(t, filepath.Join(dir, "content/_index.en.md"), "---\ntitle: Home\n---\nFixed.\n")
	deadline := time.Now().Add(30 * time.Second) // a bound for a hang
	for {
		if code, body = get(t, base+"/en/"); code == http.StatusOK && strings.Contains(body, "Fixed.") {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("after the fix: %d\n%s", code, body)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
