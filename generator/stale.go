package generator

import (
	"errors"
	"fmt"

	"ndpc/generator/content"
	"ndpc/generator/history"
)

// checkStale warns about every translation that was last changed before
// its page was changed again, from the history of the git repository the
// content is in. It returns a note for the editor when that cannot be told
// (outside git, in a shallow clone), and "" otherwise.
func (b *builder) checkStale() string {
	repo, err := history.Open(b.opts.Content)
	switch {
	case errors.Is(err, history.ErrNotRepository):
		return fmt.Sprintf("cannot tell which translations are out of date: %s is %v", b.opts.Content, err)
	case errors.Is(err, history.ErrShallow):
		return fmt.Sprintf("cannot tell which translations are out of date: %s is in %v; fetch it with git fetch --unshallow (in GitHub Actions, fetch-depth: 0 for actions/checkout)", b.opts.Content, err)
	case err != nil:
		return fmt.Sprintf("cannot tell which translations are out of date: %v", err)
	}
	for _, p := range b.site.Pages {
		q := p.Translation
		if q == nil || p.Lang > q.Lang { // each pair once
			continue
		}
		pl, err := repo.Log(p.Source)
		if err != nil {
			b.problems.Warnf(p.Path, 0, 0, "cannot tell whether the translation is out of date: %v", err)
			continue
		}
		ql, err := repo.Log(q.Source)
		if err != nil {
			b.problems.Warnf(q.Path, 0, 0, "cannot tell whether the translation is out of date: %v", err)
			continue
		}
		if history.Behind(ql, pl) {
			b.warnStale(q, p, pl.Latest(), ql[0])
		} else if history.Behind(pl, ql) {
			b.warnStale(p, q, ql.Latest(), pl[0])
		}
	}
	return ""
}

// warnStale warns at the translation stale that its page, changed later,
// may hold text it lacks.
func (b *builder) warnStale(stale, page *content.Page, changed, last history.Change) {
	what := fmt.Sprintf("changed on %s in %s “%s”", changed.Day(), changed.Commit, changed.Subject)
	if changed.Uncommitted {
		what = "has changes not yet committed"
	}
	name := b.locales[content.English].Text("language." + string(stale.Lang))
	b.problems.Warnf(stale.Path, 1, 1, "%s may be out of date: %s %s; the %s text was last changed on %s in %s “%s”: bring it up to date with %s and commit it",
		stale.Path, page.Path, what, name, last.Day(), last.Commit, last.Subject, page.Path)
}
