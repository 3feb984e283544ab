package locale

import (
	"strconv"
	"strings"

	"golang.org/x/text/feature/plural"
)

// Of returns the plural message for key in the form that fits total, with
// {n} replaced by n and {total} by total: a part of a whole, "4 of the
// study's 121 case studies", «4 из 121 кейса исследования», whose words
// agree with the whole. A missing message is remembered as by Text.
func (l *Locale) Of(key string, n, total int) string {
	forms, ok := l.plurals[key]
	if !ok {
		l.remember(key)
		return ""
	}
	msg, ok := forms[l.form(total)]
	if !ok {
		msg = forms[plural.Other]
	}
	return strings.NewReplacer("{n}", strconv.Itoa(n), "{total}", strconv.Itoa(total)).Replace(msg)
}
