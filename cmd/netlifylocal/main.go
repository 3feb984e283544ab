// Command netlifylocal serves a built site with what Netlify adds to its
// responses: the headers of netlify.toml and text compressed with gzip
// (package generator/netlifyserve). Netlify's redirects (_redirects: the
// language chosen at /, the 404 pages) are not applied: /en/404.html is
// served as itself, and a missing page gets a plain 404. .ci/lighthouse
// measures the pages through it.
//
//	go run ./cmd/netlifylocal -dir public -addr 127.0.0.1:8199
package main

import (
	"flag"
	"fmt"
	"net/http"
	"os"

	"ndpc/generator/netlifyserve"
)

func main() {
	dir := flag.String("dir", "public", "the built site to serve")
	addr := flag.String("addr", "127.0.0.1:8199", "the address to listen on")
	config := flag.String("config", "netlify.toml", "the Netlify configuration whose [[headers]] to send")
	flag.Parse()
	rules, err := netlifyserve.LoadRules(*config)
	if err != nil {
		fmt.Fprintln(os.Stderr, "netlifylocal:", err)
		os.Exit(1)
	}
	fmt.Printf("netlifylocal: serving %s on http://%s/\n", *dir, *addr)
	if err := http.ListenAndServe(*addr, netlifyserve.Handler(*dir, rules)); err != nil {
		fmt.Fprintln(os.Stderr, "netlifylocal:", err)
		os.Exit(1)
	}
}
