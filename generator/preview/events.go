package preview

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sync"
	"time"

	"ndpc/generator"
	"ndpc/generator/diag"
)

// event is one server-sent event for the open pages.
type event struct {
	Name string
	Data any
}

type problemJSON struct {
	Path    string `json:"path"`
	Line    int    `json:"line"`
	Col     int    `json:"col"`
	Message string `json:"message"`
}

// eventsFor turns an update into the events the pages need.
func eventsFor(u generator.Update, hadErrors bool) []event {
	if !u.OK() {
		ps := make([]problemJSON, len(u.Problems))
		for i, p := range u.Problems {
			ps[i] = problemJSON{p.Path, p.Line, p.Col, p.Message}
		}
		return []event{{"errors", map[string]any{"problems": ps}}}
	}
	var evs []event
	if hadErrors {
		evs = append(evs, event{"ok", map[string]any{}})
	}
	if u.Full {
		evs = append(evs, event{"reload", map[string]any{"full": true}})
	} else if len(u.Pages) > 0 {
		evs = append(evs, event{"reload", map[string]any{"pages": u.Pages}})
	}
	if len(u.Styles) > 0 {
		evs = append(evs, event{"styles", map[string]any{"styles": u.Styles}})
	}
	return evs
}

func problemsEvent(ps []diag.Problem) event {
	return eventsFor(generator.Update{Problems: ps}, false)[0]
}

// broker sends events to every open page.
type broker struct {
	mu      sync.Mutex
	clients map[chan event]bool
}

func newBroker() *broker { return &broker{clients: map[chan event]bool{}} }

func (b *broker) publish(evs ...event) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for c := range b.clients {
		for _, ev := range evs {
			select {
			case c <- ev:
			default: // a page that does not read: it gets the next events
			}
		}
	}
}

// writeTimeout is how long a write to a page may wait: a page that stops
// reading (a frozen tab, a client gone without closing) is let go then,
// rather than keeping its connection for ever. publish never waits for a
// page, so the others are not held up meanwhile.
const writeTimeout = 10 * time.Second

// serveHTTP streams events to one page until it goes away or stops
// reading; first sends the events a new page needs (the current errors).
func (b *broker) serveHTTP(w http.ResponseWriter, r *http.Request, initial []event) {
	rc := http.NewResponseController(w)
	c := make(chan event, 16)
	b.mu.Lock()
	b.clients[c] = true
	b.mu.Unlock()
	defer func() {
		b.mu.Lock()
		delete(b.clients, c)
		b.mu.Unlock()
	}()
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	// send writes text and flushes it, within writeTimeout.
	send := func(text string) error {
		if err := rc.SetWriteDeadline(time.Now().Add(writeTimeout)); err != nil && !errors.Is(err, http.ErrNotSupported) {
			return err
		}
		if _, err := io.WriteString(w, text); err != nil {
			return err
		}
		return rc.Flush()
	}
	first := "retry: 500\n: connected\n\n"
	for _, ev := range initial {
		first += eventText(ev)
	}
	if send(first) != nil {
		return
	}
	keepAlive := time.NewTicker(20 * time.Second)
	defer keepAlive.Stop()
	for {
		var err error
		select {
		case <-r.Context().Done():
			return
		case ev := <-c:
			err = send(eventText(ev))
		case <-keepAlive.C:
			err = send(": ping\n\n")
		}
		if err != nil {
			return // gone, or not reading
		}
	}
}

// eventText is an event as the stream carries it.
func eventText(ev event) string {
	data, _ := json.Marshal(ev.Data)
	return fmt.Sprintf("event: %s\ndata: %s\n\n", ev.Name, data)
}
