// Package browser tests the built site in a real browser: headless
// Chromium (Debian's chromium, or Google Chrome), driven with chromedp,
// loading pages from a local server that sends the headers of netlify.toml.
// The tests fail rather than skip when CI is set and no browser is found.
package browser
