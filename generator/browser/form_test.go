package browser

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/chromedp"

	"ndpc/generator/diag"
	"ndpc/generator/locale"
)

// fillValid fills every field of the submission form with a valid value.
const fillValid = `(() => {
  const f = document.querySelector("form[data-netlify]");
  f.elements.project.value = "PROTO";
  f.querySelector("input[name=countries][value=EE]").checked = true;
  f.querySelector("input[name=sectors][value=digital]").checked = true;
  f.elements.years.value = "2019–";
  f.querySelector("input[name=outcome][value=impact]").checked = true;
  f.elements.description.value = "A centre for families.";
  f.elements.contact_name.value = "Anna";
  f.elements.contact_email.value = "anna@example.org";
  f.elements.consent.checked = true;
  f.dispatchEvent(new Event("change"));
})()`

// The values of the form's years field that the tests type: those that
// front matter's years field accepts (content.ParseYears), the same year
// twice included; those whose shape it refuses; and spans that end before
// they start, which only the script can refuse.
var (
	validYears = []string{"2019", "2019–2021", "2019-2021", "2019--2021", "2019–", "2019-", "2019--", "2018—2021",
		"2019 – 2021", " 2019 ", "2019 -- 2021", "2019–2019"}
	badYears = []string{"soon", "19", "2019-20", "2019–2021–2022", "20199", "2019/2021", "since 2019",
		"20x0", "2019–20x1", "2019---2021", "2019 2021"}
	backwardsYears = []string{"2021–2018", "2021-2018", "2021--2018", "2021 — 2020"}
)

// TestSubmitFormConstraints fills each constrained field of both
// submission forms with invalid values and checks that Chromium refuses
// the form with the message of the page's language, and accepts the
// valid values; no console error is logged on the way.
func TestSubmitFormConstraints(t *testing.T) {
	logs := &consoleLog{}
	ctx := newBrowser(t, logs.listen)
	base := serve(t, buildSite(t), netlifyHeaders(t))
	if _, err := chromedp.Call(ctx, cdplog.Enable, cdp.Empty{}); err != nil {
		t.Fatal(err)
	}
	type check struct {
		name   string
		set    string // JavaScript that spoils the valid form
		field  string // CSS selector of the field that must carry the message
		msgKey string // submit.* key of the message
	}
	checks := []check{
		{"no project", `f.elements.project.value = ""`, "#f-project", "msg_required"},
		{"blank project", `f.elements.project.value = ""`, "#f-project", "msg_required"},
		{"no country", `f.querySelectorAll("input[name=countries]").forEach(b => b.checked = false); f.dispatchEvent(new Event("change"))`, "input[name=countries]", "msg_choose"},
		{"no sector", `f.querySelectorAll("input[name=sectors]").forEach(b => b.checked = false); f.dispatchEvent(new Event("change"))`, "input[name=sectors]", "msg_choose"},
		{"no outcome", `f.querySelectorAll("input[name=outcome]").forEach(b => b.checked = false)`, "input[name=outcome]", "msg_outcome"},
		{"no description", `f.elements.description.value = ""`, "#f-description", "msg_required"},
		{"no name", `f.elements.contact_name.value = ""`, "#f-contact-name", "msg_required"},
		{"no e-mail", `f.elements.contact_email.value = ""`, "#f-contact-email", "msg_required"},
		{"no consent", `f.elements.consent.checked = false`, "input[name=consent]", "msg_consent"},
	}
	for _, bad := range []string{"anna", "anna@", "@example.org", "anna example.org"} {
		checks = append(checks, check{"e-mail " + bad, `f.elements.contact_email.value = "` + bad + `"`, "#f-contact-email", "msg_email"})
	}
	// The years are typed, as a reader does: each value is followed by
	// the input event that typing fires.
	typeYears := func(v string) string {
		return `f.elements.years.value = "` + v + `"; f.elements.years.dispatchEvent(new Event("input", {bubbles: true}))`
	}
	for _, bad := range badYears {
		checks = append(checks, check{"years " + bad, typeYears(bad), "#f-years", "msg_years"})
	}
	for _, backwards := range backwardsYears {
		checks = append(checks, check{"years " + backwards, typeYears(backwards), "#f-years", "msg_years_order"})
	}

	// The messages as the site sets them (typography included), from the
	// repository's i18n tables.
	problems := &diag.List{}
	tables := locale.Load(os.DirFS("../../i18n"), "i18n", []string{"en", "ru"}, problems)
	if err := problems.Err(); err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"en", "ru"} {
		load := func() {
			t.Helper()
			if err := chromedp.Do(ctx, chromedp.Navigate(base+"/"+lang+"/submit/"), chromedp.WaitReady(chromedp.CSS("form[data-netlify]"))); err != nil {
				t.Fatal(err)
			}
			if _, err := chromedp.Run(ctx, chromedp.Evaluate[any](fillValid)); err != nil {
				t.Fatal(err)
			}
		}
		for _, c := range checks {
			load()
			js := `(() => { const f = document.querySelector("form[data-netlify]"); ` + c.set + `;
  const valid = f.reportValidity();
  return {valid, message: f.querySelector(` + "`" + c.field + "`" + `).validationMessage};
})()`
			type result struct {
				Valid   bool   `json:"valid"`
				Message string `json:"message"`
			}
			got, err := chromedp.Run(ctx, chromedp.Evaluate[result](js))
			if err != nil {
				t.Fatal(err)
			}
			want, err := tables[lang].T("submit." + c.msgKey)
			if err != nil {
				t.Fatal(err)
			}
			if got.Valid || got.Message != want {
				t.Errorf("/%s/submit/, %s: valid %v, message %q; want refused with %q", lang, c.name, got.Valid, got.Message, want)
			}
		}
		for _, years := range validYears {
			load()
			// Typed after a span that ends before it starts: its message
			// goes as the reader corrects it.
			valid, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => { const f = document.querySelector("form[data-netlify]");
  `+typeYears("2021–2018")+`; `+typeYears(years)+`; return f.reportValidity(); })()`))
			if err != nil {
				t.Fatal(err)
			}
			if !valid {
				t.Errorf("/%s/submit/: years %q refused", lang, years)
			}
		}
		// The valid form is sent: the browser goes to the thank-you page.
		load()
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`form[data-netlify] button[type=submit]`))); err != nil {
			t.Fatal(err)
		}
		url := waitForPath(ctx, "/"+lang+"/thanks/")
		if !strings.HasSuffix(url, "/"+lang+"/thanks/") {
			t.Errorf("/%s/submit/: the valid form led to %q, want /%s/thanks/", lang, url, lang)
		}
		if errs := logs.take(); len(errs) > 0 {
			t.Errorf("/%s/submit/: %d console errors, the first: %v", lang, len(errs), errs[0])
		}
	}
}

// TestSubmitYearsWithoutScript: without JavaScript the years field's
// pattern alone accepts every shape front matter accepts and refuses the
// others, and the form is sent. A span that ends before it starts then
// reaches the export, where ndpc import refuses its row.
func TestSubmitYearsWithoutScript(t *testing.T) {
	ctx := newBrowser(t, nil)
	base := serve(t, buildSite(t), netlifyHeaders(t))
	if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	type validity struct {
		Valid    bool `json:"valid"`
		Mismatch bool `json:"mismatch"`
		Scripted bool `json:"scripted"` // site.js ran: the groups carry their rule
	}
	for _, lang := range []string{"en", "ru"} {
		if err := chromedp.Do(ctx, chromedp.Navigate(base+"/"+lang+"/submit/"), chromedp.WaitReady(chromedp.CSS("form[data-netlify]"))); err != nil {
			t.Fatal(err)
		}
		check := func(years string) validity {
			t.Helper()
			v, err := chromedp.Run(ctx, chromedp.Evaluate[validity](`(() => { const f = document.querySelector("form[data-netlify]");
  f.elements.years.value = "`+years+`"; f.elements.years.dispatchEvent(new Event("input", {bubbles: true}));
  const v = f.elements.years.validity;
  return {valid: v.valid, mismatch: v.patternMismatch, scripted: f.querySelector("input[name=countries]").validity.customError};
})()`))
			if err != nil {
				t.Fatal(err)
			}
			if v.Scripted {
				t.Fatalf("/%s/submit/: site.js ran", lang)
			}
			return v
		}
		for _, years := range append(validYears, backwardsYears...) {
			if v := check(years); !v.Valid {
				t.Errorf("/%s/submit/ without JavaScript: years %q refused", lang, years)
			}
		}
		for _, years := range badYears {
			if v := check(years); v.Valid || !v.Mismatch {
				t.Errorf("/%s/submit/ without JavaScript: years %q accepted", lang, years)
			}
		}
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[any](fillValid)); err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Do(ctx, chromedp.SetValue("#f-years", "2019--2021"), chromedp.Click(chromedp.CSS(`form[data-netlify] button[type=submit]`))); err != nil {
			t.Fatal(err)
		}
		url := waitForPath(ctx, "/"+lang+"/thanks/")
		if !strings.HasSuffix(url, "/"+lang+"/thanks/") {
			t.Errorf("/%s/submit/ without JavaScript: the valid form led to %q, want /%s/thanks/", lang, url, lang)
		}
	}
}

// waitForPath waits up to 20 s for the browser's address to end with
// suffix, and returns the path it has then.
func waitForPath(ctx context.Context, suffix string) string {
	url := ""
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if url, _ = chromedp.Run(ctx, chromedp.Evaluate[string](`location.pathname`)); strings.HasSuffix(url, suffix) {
			break
		}
	}
	return url
}
