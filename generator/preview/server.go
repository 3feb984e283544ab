package preview

import (
	"bytes"
	"context"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"path"
	"strconv"
	"strings"
	"sync"
	"time"

	"ndpc/generator"
	"ndpc/generator/diag"
	"ndpc/generator/locale"
)

//go:embed live.js
var liveJS []byte

//go:embed live.css
var liveCSS []byte

// injected goes before </head> of every HTML page served.
const injected = `<link rel="stylesheet" href="/__ndpc/live.css"><script src="/__ndpc/live.js" defer></script>`

// Options configure the preview server.
type Options struct {
	Site generator.Options
	Bind string // address to listen on, such as 127.0.0.1
	Port int    // 0 picks a free port
	Log  io.Writer

	// marker, for tests, names the marker files that the watcher reports
	// as settled events (see watcher.marker).
	marker string
}

// Server is a running preview.
type Server struct {
	live     *generator.Live
	opts     generator.Options
	broker   *broker
	srv      *http.Server
	listener net.Listener
	log      io.Writer
	done     chan error

	mu        sync.Mutex
	hadErrors bool
	// trouble is why changes on disk may go unnoticed (the folders could
	// not be watched again); every page says so while it lasts.
	trouble *diag.Problem
}

// Start builds the site, starts watching its folders and listens. It
// returns once the server accepts requests; it stops when ctx ends.
func Start(ctx context.Context, opts Options) (*Server, error) {
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	// Listen first: a port in use is reported before the site is built.
	ln, err := net.Listen("tcp", net.JoinHostPort(opts.Bind, strconv.Itoa(opts.Port)))
	if err != nil {
		return nil, fmt.Errorf("listening: %w", err)
	}
	start := time.Now()
	live, first, err := generator.NewLive(opts.Site)
	if err != nil {
		ln.Close()
		return nil, err
	}
	s := &Server{live: live, opts: opts.Site, broker: newBroker(), log: opts.Log, done: make(chan error, 1), hadErrors: !first.OK()}
	s.report(first, time.Since(start))

	w, err := newWatcher([]string{opts.Site.Content, opts.Site.Templates, opts.Site.Static, opts.Site.I18n})
	if err != nil {
		ln.Close()
		return nil, fmt.Errorf("watching the site's folders: %w", err)
	}
	w.marker = opts.marker
	s.listener = ln
	base, cancelBase := context.WithCancel(context.Background())
	s.srv = &http.Server{Handler: s, BaseContext: func(net.Listener) context.Context { return base }, ReadHeaderTimeout: 10 * time.Second}

	batches := make(chan batch)
	go w.run(ctx, batches)
	go func() {
		for {
			select {
			case <-ctx.Done():
				return
			case b := <-batches:
				s.rebuild(b)
			}
		}
	}()
	go func() {
		err := s.srv.Serve(ln)
		if errors.Is(err, http.ErrServerClosed) {
			err = nil
		}
		s.done <- err
	}()
	go func() {
		<-ctx.Done()
		cancelBase() // ends the event streams, so that shutdown need not wait for them
		shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = s.srv.Shutdown(shutdown)
	}()
	return s, nil
}

// Addr returns the address the server listens on.
func (s *Server) Addr() string { return s.listener.Addr().String() }

// Wait blocks until the server has stopped.
func (s *Server) Wait() error { return <-s.done }

// rebuild applies a batch of changed files and tells the open pages.
func (s *Server) rebuild(b batch) {
	defer func() {
		if len(b.marks) > 0 {
			s.broker.publish(event{"settled", map[string]any{"marks": b.marks}})
		}
	}()
	var u generator.Update
	var err error
	switch {
	case b.rescan:
		fmt.Fprintf(s.log, "ndpc serve: the folders changed in ways their events do not tell: building everything again\n")
		s.mu.Lock()
		s.trouble = nil
		if b.trouble != nil {
			s.trouble = &diag.Problem{Path: s.opts.Content, Severity: diag.Error,
				Message: fmt.Sprintf("the preview cannot watch the site's folders (%v), so it may not show later changes: stop ndpc serve and start it again", b.trouble)}
		}
		s.mu.Unlock()
		u, err = s.live.Rebuild()
	case len(b.files) > 0:
		u, err = s.live.Apply(b.files)
	default:
		return
	}
	if err != nil {
		fmt.Fprintf(s.log, "ndpc serve: %v\n", err)
		return
	}
	s.mu.Lock()
	if s.trouble != nil {
		u.Problems = append(u.Problems, *s.trouble)
	}
	evs := eventsFor(u, s.hadErrors)
	s.hadErrors = !u.OK()
	s.mu.Unlock()
	s.broker.publish(evs...)
	s.report(u, u.Took)
}

func (s *Server) report(u generator.Update, took time.Duration) {
	for _, w := range u.Warnings {
		fmt.Fprintln(s.log, w)
	}
	switch {
	case !u.OK():
		for _, p := range u.Problems {
			fmt.Fprintln(s.log, p)
		}
		if _, ok := s.live.File("/"); ok {
			fmt.Fprintf(s.log, "ndpc serve: %s; still showing the last good site\n", locale.Count(len(u.Problems), "error", "errors"))
		} else {
			fmt.Fprintf(s.log, "ndpc serve: %s, and no site to show until they are fixed: every page lists them and reloads when they are\n", locale.Count(len(u.Problems), "error", "errors"))
		}
	case u.Full:
		fmt.Fprintf(s.log, "ndpc serve: built the site in %s\n", took.Round(time.Millisecond))
	case len(u.Pages) > 0 || len(u.Styles) > 0:
		fmt.Fprintf(s.log, "ndpc serve: updated %s, %s in %s\n", locale.Count(len(u.Pages), "page", "pages"), locale.Count(len(u.Styles), "stylesheet", "stylesheets"), took.Round(100*time.Microsecond))
	}
}

// noSitePage is served for every page while no build has succeeded: the
// live-reload script shows the errors on it.
var noSitePage = []byte(`<!doctype html><html lang="en"><meta charset="utf-8"><title>ndpc serve: errors</title><link rel="stylesheet" href="/__ndpc/live.css"><p>The site has errors and cannot be shown until they are fixed; they are listed on this page and in the terminal, and it reloads when they are fixed.</p><script src="/__ndpc/live.js"></script></html>`)

// ServeHTTP serves the last good site, the live-reload script and events.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case "/__ndpc/events":
		s.mu.Lock()
		var initial []event
		if s.hadErrors {
			ps := s.live.Problems()
			if s.trouble != nil {
				ps = append(ps, *s.trouble)
			}
			initial = append(initial, problemsEvent(ps))
		}
		s.mu.Unlock()
		s.broker.serveHTTP(w, r, initial)
		return
	case "/__ndpc/live.js":
		serveBytes(w, "application/javascript", liveJS, http.StatusOK)
		return
	case "/__ndpc/live.css":
		serveBytes(w, "text/css", liveCSS, http.StatusOK)
		return
	}
	p := r.URL.Path
	data, ok := s.live.File(p)
	if !ok && !strings.HasSuffix(p, "/") && path.Ext(p) == "" {
		if _, ok := s.live.File(p + "/"); ok {
			http.Redirect(w, r, p+"/", http.StatusMovedPermanently)
			return
		}
	}
	status := http.StatusOK
	if !ok {
		status = http.StatusNotFound
		lang := "en"
		if strings.HasPrefix(p, "/ru/") {
			lang = "ru"
		}
		if data, ok = s.live.File("/" + lang + "/404.html"); !ok {
			// No site yet: the first build failed. A page that loads the
			// live-reload script shows the errors and reloads once they
			// are fixed.
			serveBytes(w, "text/html; charset=utf-8", noSitePage, http.StatusServiceUnavailable)
			return
		}
		p = "/404.html"
	}
	ctype := mime.TypeByExtension(path.Ext(p))
	if strings.HasSuffix(p, "/") || path.Ext(p) == ".html" {
		ctype = "text/html; charset=utf-8"
		data = inject(data)
	}
	serveBytes(w, ctype, data, status)
}

// inject adds the live-reload script and overlay style to an HTML page.
func inject(page []byte) []byte {
	i := bytes.Index(page, []byte("</head>"))
	if i < 0 {
		return append(append([]byte(nil), page...), injected...)
	}
	out := make([]byte, 0, len(page)+len(injected))
	out = append(out, page[:i]...)
	out = append(out, injected...)
	return append(out, page[i:]...)
}

func serveBytes(w http.ResponseWriter, ctype string, data []byte, status int) {
	if ctype != "" {
		w.Header().Set("Content-Type", ctype)
	}
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = w.Write(data)
}
