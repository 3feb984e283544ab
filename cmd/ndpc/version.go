package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"ndpc/generator/content"
)

// version describes this program from the build information that Go
// records in it (runtime/debug.BuildInfo): the module's version, the
// commit it was built from, when that commit was made, whether the tree
// had uncommitted changes, and the Go version and platform. go build and
// go install record the commit unless -buildvcs=false; go run only with
// -buildvcs=true. Without it, the text says so.
func version() string {
	var b strings.Builder
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "ndpc (no build information)\n"
	}
	fmt.Fprintf(&b, "ndpc %s\n", info.Main.Version)
	settings := map[string]string{}
	for _, s := range info.Settings {
		settings[s.Key] = s.Value
	}
	if rev := settings["vcs.revision"]; rev != "" {
		fmt.Fprintf(&b, "commit:   %s (%s)\n", rev, settings["vcs.time"])
		if settings["vcs.modified"] == "true" {
			b.WriteString("modified: yes, the tree had uncommitted changes\n")
		} else {
			b.WriteString("modified: no\n")
		}
	} else {
		b.WriteString("commit:   not recorded: this program was built without version control information (go run records none unless given -buildvcs=true, go build none with -buildvcs=false, which GOFLAGS may hold); build it with go build -buildvcs=true -o ndpc ./cmd/ndpc\n")
	}
	fmt.Fprintf(&b, "go:       %s %s/%s\n", runtime.Version(), runtime.GOOS, runtime.GOARCH)
	return b.String()
}

// languageName is a site language's name in English, from CLDR: "Russian".
func languageName(lang content.Lang) string {
	return display.English.Languages().Name(language.Make(string(lang)))
}
