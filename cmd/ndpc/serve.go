package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"ndpc/generator"
	"ndpc/generator/preview"
)

const serveUsage = `Usage: ndpc serve [flags]

Builds the site with its drafts into memory, serves it, and rebuilds and
reloads the open pages whenever a file in content/, templates/, static/ or
i18n/ changes. Errors show on the page; the last good site stays in place.
Ctrl-C stops it, and so does SIGTERM (kill PID), also under go run.

Flags:
`

func serve(args []string, stdout, stderr io.Writer) int {
	site := generator.DefaultOptions()
	// The preview makes no PDFs, which a save would leave out of date:
	// briefs offer only the PDFs their editors supplied. ndpc build makes them.
	site.PDF = false
	// Nor a search index: its pages say that search is not available.
	site.Search = false
	fs := newFlags("ndpc serve", serveUsage, stdout, stderr)
	siteFlags(fs, &site)
	bind := fs.String("bind", "127.0.0.1", "`address` to listen on")
	port := 1313
	fs.Var(portValue{&port}, "port", "`port` to listen on, 0 to 65535 (0: any free port)")
	_ = fs.Bool("drafts", true, "accepted, like ndpc build's flag; the preview always shows drafts")
	_ = fs.Bool("search", true, "accepted, like ndpc build's flag; the preview builds no search index")
	_ = fs.Bool("pdf", false, "accepted, like ndpc build's flag; the preview makes no PDFs (ndpc build does)")
	rest, code, ok := fs.parse(args)
	if !ok {
		return code
	}
	if !fs.noArgs(rest) {
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	ctx, stopWatching := untilGoRunEnds(ctx)
	defer stopWatching()
	srv, err := preview.Start(ctx, preview.Options{Site: site, Bind: *bind, Port: port, Log: stdout})
	if errors.Is(err, syscall.EADDRINUSE) {
		fmt.Fprintf(stderr, "ndpc serve: port %d of %s is in use, perhaps by another ndpc serve: stop that one, or choose another port with --port, such as ndpc serve --port %d\n", port, *bind, port+1)
		return 1
	}
	if err != nil {
		fmt.Fprintf(stderr, "ndpc serve: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "ndpc serve: http://%s/ (Ctrl-C to stop)\n", srv.Addr())
	if err := srv.Wait(); err != nil {
		fmt.Fprintf(stderr, "ndpc serve: %v\n", err)
		return 1
	}
	fmt.Fprintln(stdout, "ndpc serve: stopped")
	return 0
}
