package submissions

import (
	"bytes"
	"fmt"

	"gopkg.in/yaml.v3"

	"ndpc/generator/content"
)

// linksHeading is the heading of the list of the submission's addresses.
var linksHeading = map[content.Lang]string{content.English: "Links", content.Russian: "Ссылки"}

// page writes a submission as a draft case study: front matter, the
// description, and the list of links.
func (s submission) page() ([]byte, error) {
	fields := &yaml.Node{Kind: yaml.MappingNode}
	add := func(key string, value *yaml.Node) {
		fields.Content = append(fields.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: key}, value)
	}
	add("title", text(s.Title))
	add("summary", text(s.Summary))
	add("countries", codes(s.Countries))
	add("sectors", codes(s.Sectors))
	add("outcome", code(string(s.Outcome)))
	if s.Years != "" {
		add("years", text(s.Years))
	}
	if len(s.CCI) > 0 {
		add("cci", texts(s.CCI))
	}
	if len(s.Organisations) > 0 {
		add("organisations", texts(s.Organisations))
	}
	if s.Website != "" {
		add("website", text(s.Website))
	}
	add("draft", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: "true"})
	front, err := yaml.Marshal(fields)
	if err != nil {
		return nil, fmt.Errorf("writing the front matter: %w", err)
	}

	var b bytes.Buffer
	b.WriteString("---\n")
	b.Write(front)
	b.WriteString("---\n\n")
	b.WriteString(s.Text)
	b.WriteString("\n")
	if len(s.Links) > 0 {
		fmt.Fprintf(&b, "\n## %s\n\n", linksHeading[s.Lang])
		for _, l := range s.Links {
			fmt.Fprintf(&b, "- <%s>\n", l)
		}
	}
	return b.Bytes(), nil
}

// text is a string value in double quotes, whatever it holds.
func text(s string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Style: yaml.DoubleQuotedStyle, Value: s}
}

func texts(list []string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
	for _, s := range list {
		n.Content = append(n.Content, text(s))
	}
	return n
}

// code is a value from the schema's fixed lists (EE, digital, impact),
// written plain.
func code(s string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
}

func codes[T ~string](list []T) *yaml.Node {
	n := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
	for _, s := range list {
		n.Content = append(n.Content, code(string(s)))
	}
	return n
}
