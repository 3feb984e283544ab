package structured

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html/template"
)

// Script encodes a description for a <script type="application/ld+json">
// element, whose content html/template writes as it is. encoding/json
// escapes <, > and & (as \u003c, \u003e, \u0026) and the line and
// paragraph separators, so no text of the page, whatever an editor wrote,
// can end the element or be read as markup: the result is valid JSON and
// safe inside the element.
func Script(v any) (template.JS, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(true)
	if err := enc.Encode(v); err != nil {
		return "", fmt.Errorf("encoding the page's structured data: %w", err)
	}
	return template.JS(bytes.TrimSpace(buf.Bytes())), nil
}
