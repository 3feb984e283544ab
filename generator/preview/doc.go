// Package preview is the editors' preview server, ndpc serve.
//
// It builds the site in memory (drafts included, readable output) and
// serves it on 127.0.0.1:1313. It watches the content, templates, static
// and i18n folders with fsnotify, new folders included, ignores editors'
// temporary and swap files, and coalesces a burst of events (an editor's
// save is often a write, a rename and a chmod) into one rebuild. Where the
// events cannot be trusted (a watched folder moved or removed, whose
// watches fsnotify drops, or an overflowing event queue) it watches the
// folders afresh with a new fsnotify watcher and builds everything again;
// when it cannot watch them, every page shows that as an error.
//
// Every HTML page it serves carries one extra script, /__ndpc/live.js,
// which listens to /__ndpc/events (server-sent events):
//
//	reload  {"pages": ["/en/…/index.html", …]} or {"full": true}
//	        the open page reloads when it is among them
//	styles  {"styles": ["/assets/css/style.css"]}
//	        the page swaps those stylesheets without reloading
//	errors  {"problems": [{"path", "line", "col", "message"}, …]}
//	        the page shows an overlay listing them; the server keeps
//	        serving the last good site
//	ok      {}  the errors are fixed: the overlay goes away
//
// A page that connects while the site has errors gets the errors event at
// once. Tests may also have the watcher report marker files, as
//
//	settled {"marks": [".ndpc-settled-3"]}
//
// sent once every change made before the marker has been taken in.
package preview
