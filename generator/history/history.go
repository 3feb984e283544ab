// Package history tells when each file of the content was last changed,
// from the history of the git repository the content lives in, so that
// ndpc check can warn about translations left behind by their page.
//
// It reads the repository with go-git (github.com/go-git/go-git/v5): no git
// program needs to be installed, and the worktrees that editors and CI use
// are read like any clone. The history of a file is followed as git log
// follows it: through the parent in which the file was the same (so that a
// change made on a branch is found in that branch, not in its merge), and
// through renames that kept the text as it was (a renamed page keeps the
// date of its last real change). A change not yet committed is a change
// too: see Change.Uncommitted.
package history

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	git "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// ErrNotRepository is returned by Open when the folder is not inside a git
// repository.
var ErrNotRepository = errors.New("not in a git repository")

// ErrShallow is returned by Open when the repository is a shallow clone:
// its history is cut, and the last change of a file cannot be told.
var ErrShallow = errors.New("a shallow clone of its repository, without the whole history")

// Repo is the history of the repository that holds a content folder.
type Repo struct {
	repo   *git.Repository
	root   string         // the worktree's root, absolute, symbolic links resolved
	prefix string         // the content folder relative to root, slash-separated
	head   *object.Commit // nil in a repository without commits yet
	// trees holds the files of each version of the content folder, by the
	// hash of its tree: file name (relative to the folder) → blob hash.
	trees map[plumbing.Hash]map[string]plumbing.Hash
	// commitFiles and commits keep what was read of each commit: each
	// commit is read once however many files' histories pass through it.
	commitFiles map[plumbing.Hash]map[string]plumbing.Hash
	commits     map[plumbing.Hash]*object.Commit
}

// Open finds the git repository that dir (a content folder) is in, from dir
// upwards. It returns ErrNotRepository outside git and ErrShallow in a
// shallow clone.
func Open(dir string) (*Repo, error) {
	abs, err := realPath(dir)
	if err != nil {
		return nil, err
	}
	repo, err := git.PlainOpenWithOptions(abs, &git.PlainOpenOptions{DetectDotGit: true, EnableDotGitCommonDir: true})
	if errors.Is(err, git.ErrRepositoryNotExists) {
		return nil, ErrNotRepository
	}
	if err != nil {
		return nil, fmt.Errorf("reading the git repository of %s: %w", dir, err)
	}
	wt, err := repo.Worktree()
	if err != nil { // a bare repository has no files to compare
		return nil, ErrNotRepository
	}
	root, err := realPath(wt.Filesystem.Root())
	if err != nil {
		return nil, err
	}
	prefix, err := filepath.Rel(root, abs)
	if err != nil || prefix == ".." || strings.HasPrefix(prefix, ".."+string(filepath.Separator)) {
		return nil, ErrNotRepository
	}
	if shallow, err := repo.Storer.Shallow(); err != nil {
		return nil, fmt.Errorf("reading the git repository of %s: %w", dir, err)
	} else if len(shallow) > 0 {
		return nil, ErrShallow
	}
	r := &Repo{repo: repo, root: root, prefix: filepath.ToSlash(prefix), trees: map[plumbing.Hash]map[string]plumbing.Hash{},
		commitFiles: map[plumbing.Hash]map[string]plumbing.Hash{}, commits: map[plumbing.Hash]*object.Commit{}}
	ref, err := repo.Head()
	if errors.Is(err, plumbing.ErrReferenceNotFound) {
		return r, nil // nothing committed yet
	}
	if err != nil {
		return nil, fmt.Errorf("reading the git repository of %s: %w", dir, err)
	}
	if r.head, err = repo.CommitObject(ref.Hash()); err != nil {
		return nil, fmt.Errorf("reading the git repository of %s: %w", dir, err)
	}
	return r, nil
}

// Change is one change of a file's text: a commit, or what is not yet
// committed.
type Change struct {
	// Commit is the abbreviated hash (7 hexadecimal digits) of the commit;
	// "" for a change not yet committed.
	Commit string
	// Subject is the first line of the commit's message.
	Subject string
	// Authored is when the change was written (the commit's author date,
	// in the author's time zone); Committed is when it entered the history
	// (its committer date), which orders changes.
	Authored, Committed time.Time
	// Uncommitted is true for the change not yet committed: the file on
	// disk differs from its last committed version, or was never
	// committed. It is later than any commit.
	Uncommitted bool
	// NotForTranslation is true when the commit's message has the line
	// "Translation: not needed" (NoTranslation): the change, such as a
	// typo fixed, leaves the translation as up to date as it was.
	NotForTranslation bool
}

// NoTranslation is the line of a commit message (a git trailer) that says
// its changes need no translation; case does not matter.
const NoTranslation = "Translation: not needed"

// notForTranslation reports whether a commit message has the line
// NoTranslation.
func notForTranslation(message string) bool {
	for _, line := range strings.Split(message, "\n") {
		if strings.EqualFold(strings.TrimSpace(line), NoTranslation) {
			return true
		}
	}
	return false
}

// Day is the date of the change as its author wrote it, 2026-11-20.
func (c Change) Day() string {
	return c.Authored.Format(time.DateOnly)
}

// Log is the changes of one file, newest first: the change not yet
// committed, if any, then every commit that changed its text, back to the
// one that created it.
type Log []Change

// Latest returns the newest change that counts for translations: not one
// marked NotForTranslation, unless all are.
func (l Log) Latest() Change {
	for _, c := range l {
		if !c.NotForTranslation {
			return c
		}
	}
	return l[0]
}

// Log returns the changes of the file at rel, a path relative to the
// content folder given to Open (slash-separated). A file never committed
// has one change, uncommitted.
func (r *Repo) Log(rel string) (Log, error) {
	data, err := os.ReadFile(filepath.Join(r.root, filepath.FromSlash(r.prefix), filepath.FromSlash(rel)))
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", rel, err)
	}
	uncommitted := Log{{Uncommitted: true}}
	if r.head == nil {
		return uncommitted, nil
	}
	files, err := r.filesOf(r.head)
	if err != nil {
		return nil, err
	}
	blob, ok := files[rel]
	if !ok {
		return uncommitted, nil
	}
	var log Log
	if !sameText(data, blob) {
		log = uncommitted
	}
	c, name := r.head, rel
	for c != nil {
		var change Change
		change, c, name, blob, err = r.change(c, name, blob)
		if err != nil {
			return nil, fmt.Errorf("reading the history of %s: %w", rel, err)
		}
		log = append(log, change)
	}
	return log, nil
}

// change walks back from c, where the file name has the text blob, to the
// commit that gave it that text, and returns that change and where the
// file was before it: the parent, name and text, or a nil commit when the
// change created the file.
func (r *Repo) change(c *object.Commit, name string, blob plumbing.Hash) (Change, *object.Commit, string, plumbing.Hash, error) {
	for {
		next, nextName, err := r.sameIn(c, name, blob)
		if err != nil {
			return Change{}, nil, "", blob, err
		}
		if next != nil {
			c, name = next, nextName
			continue
		}
		change := Change{
			Commit:            c.Hash.String()[:7],
			Subject:           strings.TrimSpace(strings.SplitN(c.Message, "\n", 2)[0]),
			NotForTranslation: notForTranslation(c.Message),
			Authored:          c.Author.When,
			Committed:         c.Committer.When,
		}
		prev, prevBlob, err := r.before(c, name)
		return change, prev, name, prevBlob, err
	}
}

// before returns the first parent of c that has the file name, and its text
// there; nil when none has (c created the file, or renamed and changed it).
func (r *Repo) before(c *object.Commit, name string) (*object.Commit, plumbing.Hash, error) {
	for _, h := range c.ParentHashes {
		p, err := r.commit(h)
		if err != nil {
			return nil, plumbing.ZeroHash, err
		}
		files, err := r.filesOf(p)
		if err != nil {
			return nil, plumbing.ZeroHash, err
		}
		if blob, ok := files[name]; ok {
			return p, blob, nil
		}
	}
	return nil, plumbing.ZeroHash, nil
}

// Behind reports whether the file of log a was left behind by the file of
// log b, its translation: whether b changed since a was last brought up to
// date. The two logs are read as one history, oldest first. A change of
// both files in one commit (or both not yet committed) leaves neither
// behind; a change of one leaves the other behind, unless that one was
// behind itself and so caught up. The file created first leaves the other
// behind until it is created. A change not yet committed is the latest. A
// change of one file in a commit marked NotForTranslation changes nothing.
func Behind(a, b Log) bool {
	type event struct {
		Change
		side int // 1 a, 2 b, 3 both
	}
	var events []event
	for i := range max(len(a), len(b)) {
		if i < len(a) {
			events = append(events, event{a[len(a)-1-i], 1})
		}
		if i < len(b) {
			events = append(events, event{b[len(b)-1-i], 2})
		}
	}
	sort.SliceStable(events, func(i, j int) bool { return events[i].before(events[j].Change) })
	behind := 0 // the side left behind: 0 neither
	for i := 0; i < len(events); {
		side, keep := events[i].side, events[i].NotForTranslation
		j := i + 1
		for ; j < len(events) && !events[i].before(events[j].Change); j++ {
			side |= events[j].side
		}
		switch {
		case side != 3 && keep:
		case side == 3, side == behind:
			behind = 0
		default:
			behind = 3 - side
		}
		i = j
	}
	return behind == 1
}

// before orders changes: commits by the time they were committed (one
// commit is not before itself), changes not yet committed last.
func (c Change) before(d Change) bool {
	switch {
	case c.Uncommitted || d.Uncommitted:
		return !c.Uncommitted
	case c.Commit == d.Commit:
		return false
	}
	return c.Committed.Before(d.Committed)
}

// sameText reports whether data, a file on disk, is the text of blob; a
// file checked out with Windows line ends (core.autocrlf) is the same text.
func sameText(data []byte, blob plumbing.Hash) bool {
	if plumbing.ComputeHash(plumbing.BlobObject, data) == blob {
		return true
	}
	lf := bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	return plumbing.ComputeHash(plumbing.BlobObject, lf) == blob
}

// sameIn finds a parent of c in which the file already had the text blob:
// under the same name, as git log prefers, or else under another name in
// the content folder (a rename). It returns nil when c made the change.
func (r *Repo) sameIn(c *object.Commit, name string, blob plumbing.Hash) (*object.Commit, string, error) {
	var parents []*object.Commit
	var trees []map[string]plumbing.Hash
	for _, h := range c.ParentHashes {
		p, err := r.commit(h)
		if err != nil {
			return nil, "", err
		}
		files, err := r.filesOf(p)
		if err != nil {
			return nil, "", err
		}
		parents, trees = append(parents, p), append(trees, files)
	}
	for i, files := range trees {
		if h, ok := files[name]; ok && h == blob {
			return parents[i], name, nil
		}
	}
	for i, files := range trees {
		if _, ok := files[name]; ok {
			return nil, "", nil // the text changed under this name
		}
		for old, h := range files {
			if h == blob {
				return parents[i], old, nil
			}
		}
	}
	return nil, "", nil
}

// filesOf returns the files of the content folder in commit c, each with
// the hash of its text. Commits that leave the content folder as it was
// share one map.
func (r *Repo) filesOf(c *object.Commit) (map[string]plumbing.Hash, error) {
	if files, ok := r.commitFiles[c.Hash]; ok {
		return files, nil
	}
	files, err := r.readFiles(c)
	if err != nil {
		return nil, err
	}
	r.commitFiles[c.Hash] = files
	return files, nil
}

// commit reads the commit h once.
func (r *Repo) commit(h plumbing.Hash) (*object.Commit, error) {
	if c, ok := r.commits[h]; ok {
		return c, nil
	}
	c, err := r.repo.CommitObject(h)
	if err != nil {
		return nil, err
	}
	r.commits[h] = c
	return c, nil
}

// readFiles lists the files of the content folder in commit c.
func (r *Repo) readFiles(c *object.Commit) (map[string]plumbing.Hash, error) {
	tree, err := c.Tree()
	if err != nil {
		return nil, err
	}
	if r.prefix != "." {
		tree, err = tree.Tree(r.prefix)
		if errors.Is(err, object.ErrDirectoryNotFound) {
			return map[string]plumbing.Hash{}, nil
		}
		if err != nil {
			return nil, err
		}
	}
	if files, ok := r.trees[tree.Hash]; ok {
		return files, nil
	}
	files := map[string]plumbing.Hash{}
	w := object.NewTreeWalker(tree, true, nil)
	defer w.Close()
	for {
		name, e, err := w.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		if e.Mode.IsFile() {
			files[name] = e.Hash
		}
	}
	r.trees[tree.Hash] = files
	return files, nil
}

// realPath returns dir as an absolute path with symbolic links resolved.
func realPath(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		return real, nil
	}
	return abs, nil
}
