package generator

import (
	"fmt"
	"sort"
	"strings"
)

// redirects returns the _redirects file Netlify reads before the rules in
// netlify.toml: a permanent redirect from each page's aliases to the page.
// An alias that is the address of a page is an error, since Netlify would
// never show that page.
func (b *builder) redirects(jobs []job) []byte {
	taken := map[string]bool{}
	for _, j := range jobs {
		taken[j.url] = true
	}
	type rule struct{ from, to string }
	var rules []rule
	for _, p := range b.site.Pages {
		for _, alias := range p.Aliases {
			if taken[alias] || taken[strings.TrimSuffix(alias, "/")+"/"] {
				b.problems.Errorf(p.Path, p.FieldLine("aliases"), 1, "alias %s is the address of a page: remove it from aliases", alias)
				continue
			}
			rules = append(rules, rule{alias, p.URL()})
		}
	}
	sort.Slice(rules, func(i, j int) bool { return rules[i].from < rules[j].from })
	var s strings.Builder
	s.WriteString("# Made by ndpc build from the aliases of pages; netlify.toml holds the other rules.\n")
	for i, r := range rules {
		if i > 0 && r.from == rules[i-1].from {
			b.problems.Errorf(b.opts.Content, 0, 0, "the alias %s is claimed by two pages (%s and %s): keep it on one", r.from, rules[i-1].to, r.to)
			continue
		}
		fmt.Fprintf(&s, "%s %s 301\n", r.from, r.to)
	}
	return []byte(s.String())
}
