package locale

import (
	"strconv"
	"strings"
)

// Years writes the span of years a project ran, in the words of the
// i18n tables: from and to are years, to == 0 while it runs ("since
// 2019", «с 2019 года», years.since), to == from for one year ("2019"),
// otherwise a range ("2016–2022", years.span). from == 0 gives "".
func (l *Locale) Years(from, to int) string {
	key := "years.span"
	switch {
	case from == 0:
		return ""
	case to == from:
		return strconv.Itoa(from)
	case to == 0:
		key = "years.since"
	}
	return strings.NewReplacer("{from}", strconv.Itoa(from), "{to}", strconv.Itoa(to)).Replace(l.Text(key))
}
