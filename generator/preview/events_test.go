package preview

import (
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// TestPageThatStopsReading: a page that asks for the event stream and
// never reads it is let go once its writes have waited writeTimeout,
// while a page that reads keeps receiving every event.
func TestPageThatStopsReading(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for the write timeout")
	}
	b := newBroker()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { b.serveHTTP(w, r, nil) }))
	t.Cleanup(srv.Close) // after the reading page closes its stream (cleanups run last first)
	addr := strings.TrimPrefix(srv.URL, "http://")

	stuck, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer stuck.Close()
	_ = stuck.(*net.TCPConn).SetReadBuffer(4096)
	fmt.Fprintf(stuck, "GET / HTTP/1.1\r\nHost: %s\r\n\r\n", addr)
	reader := subscribe(t, srv.URL)
	clients := func() int {
		b.mu.Lock()
		defer b.mu.Unlock()
		return len(b.clients)
	}
	for deadline := time.Now().Add(time.Minute); clients() < 2; {
		if time.Now().After(deadline) {
			t.Fatal("the two pages did not connect")
		}
		time.Sleep(10 * time.Millisecond)
	}

	// Events larger than the sockets' buffers, until the stuck page's
	// writes wait; the reading page must get every one.
	big := strings.Repeat("x", 64<<10)
	deadline := time.Now().Add(2 * time.Minute)
	for i := 0; clients() == 2; i++ {
		if time.Now().After(deadline) {
			t.Fatal("the page that does not read is still connected after two minutes")
		}
		b.publish(event{"reload", map[string]any{"n": i, "pad": big}})
		ev := next(t, reader, "reload")
		if n, _ := ev.Data["n"].(float64); int(n) != i {
			t.Fatalf("the reading page got event %v, want %d", ev.Data["n"], i)
		}
		time.Sleep(20 * time.Millisecond)
	}
	b.publish(event{"reload", map[string]any{"n": "last"}})
	if ev := next(t, reader, "reload"); ev.Data["n"] != "last" {
		t.Errorf("after the stuck page went, the reading page got %v", ev.Data["n"])
	}
}
