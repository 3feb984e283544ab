package preview

import (
	"fmt"
	"net"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestManyOpenPages opens 200 live-reload streams, as 200 open tabs do,
// and a few clients that ask for the stream and never read it. The
// server must keep answering pages, and every stream must receive the
// reload of each of several saves and of a new file: none is dropped,
// and the clients that do not read hold up no one. Loopback only.
func TestManyOpenPages(t *testing.T) {
	if testing.Short() {
		t.Skip("opens 200 connections")
	}
	const open, stuck, saves = 200, 5, 5
	dir, base, _ := startSite(t, site)
	addr := strings.TrimPrefix(base, "http://")
	for range stuck {
		conn, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { conn.Close() })
		if _, err := fmt.Fprintf(conn, "GET /__ndpc/events HTTP/1.1\r\nHost: %s\r\n\r\n", addr); err != nil {
			t.Fatal(err)
		}
	}
	streams := make([]<-chan sse, open)
	for i := range streams {
		streams[i] = subscribe(t, base)
	}
	for i := range 20 {
		if code, _ := get(t, base+"/en/case-studies/proto/"); code != 200 {
			t.Fatalf("request %d with %d pages open: %d", i+1, open, code)
		}
	}

	// waitAll waits for every stream's next event of that name.
	waitAll := func(what string, check func(sse) bool) {
		t.Helper()
		var wg sync.WaitGroup
		var mu sync.Mutex
		var missed []string
		for i, events := range streams {
			wg.Add(1)
			go func() {
				defer wg.Done()
				timeout := time.After(2 * time.Minute)
				for {
					select {
					case ev, ok := <-events:
						if !ok {
							mu.Lock()
							missed = append(missed, fmt.Sprintf("page %d: the stream ended", i+1))
							mu.Unlock()
							return
						}
						if ev.Name == "reload" && check(ev) {
							return
						}
					case <-timeout:
						mu.Lock()
						missed = append(missed, fmt.Sprintf("page %d: no reload", i+1))
						mu.Unlock()
						return
					}
				}
			}()
		}
		wg.Wait()
		if len(missed) > 0 {
			t.Fatalf("%s: %d of %d pages missed it: %s", what, len(missed), open, strings.Join(missed[:min(5, len(missed))], "; "))
		}
	}

	proto := filepath.Join(dir, "content/case-studies/proto.en.md")
	for i := range saves {
		text := fmt.Sprintf("Version %d.", i+2)
		writeFile(t, proto, strings.Replace(site["content/case-studies/proto.en.md"], "The first version.", text, 1))
		// (A save in place seen half-written fails a build, and the one
		// after it, which builds everything, names the pages it changed:
		// this one among them.)
		waitAll(fmt.Sprintf("save %d", i+1), func(ev sse) bool {
			return slices.Contains(pages(ev), "/en/case-studies/proto/index.html")
		})
		if _, page := get(t, base+"/en/case-studies/proto/"); !strings.Contains(page, text) {
			t.Fatalf("save %d: the page does not show it", i+1)
		}
	}
	writeFile(t, filepath.Join(dir, "content/about.en.md"), "---\ntitle: About\n---\nNew.\n")
	waitAll("a new page", func(ev sse) bool { return slices.Contains(pages(ev), "/en/about/index.html") })
	if code, _ := get(t, base+"/en/about/"); code != 200 {
		t.Errorf("the new page: %d", code)
	}
}
