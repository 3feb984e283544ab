// Package gittest makes git repositories for tests with the git command:
// files written, committed at the dates a test gives, cloned shallow.
package gittest

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Repo is a repository in a test's temporary folder.
type Repo struct {
	t   testing.TB
	Dir string // the worktree's root
}

// New makes an empty repository with a branch main; the test is skipped
// when git is not installed.
func New(t testing.TB) *Repo {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	return At(t, t.TempDir())
}

// At makes an empty repository with a branch main in dir.
func At(t testing.TB, dir string) *Repo {
	t.Helper()
	r := &Repo{t: t, Dir: dir}
	r.Git("", "init", "-q", "-b", "main")
	return r
}

// Git runs git in the repository with the author and committer date set to
// date (RFC 3339, or "" for now), and returns its output.
func (r *Repo) Git(date string, args ...string) string {
	r.t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = r.Dir
	cmd.Env = append(os.Environ(),
		"GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_SYSTEM=/dev/null",
		"GIT_AUTHOR_NAME=Editor", "GIT_AUTHOR_EMAIL=editor@example.org",
		"GIT_COMMITTER_NAME=Editor", "GIT_COMMITTER_EMAIL=editor@example.org")
	if date != "" {
		cmd.Env = append(cmd.Env, "GIT_AUTHOR_DATE="+date, "GIT_COMMITTER_DATE="+date)
	}
	out, err := cmd.CombinedOutput()
	if err != nil {
		r.t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return strings.TrimSpace(string(out))
}

// Write writes a file of the worktree (name slash-separated).
func (r *Repo) Write(name, text string) {
	r.t.Helper()
	p := filepath.Join(r.Dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		r.t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		r.t.Fatal(err)
	}
}

// Commit commits every change at date (RFC 3339) with the message's first
// line subject, and returns the commit's abbreviated hash.
func (r *Repo) Commit(date, subject string) string {
	r.t.Helper()
	r.Git(date, "add", "-A")
	r.Git(date, "commit", "-q", "-m", subject+"\n\nThe body of the message.")
	return r.Git(date, "rev-parse", "--short=7", "HEAD")
}

// CloneShallow clones the repository with only its last commit into a new
// temporary folder and returns the clone's root.
func (r *Repo) CloneShallow() string {
	r.t.Helper()
	dir := filepath.Join(r.t.TempDir(), "clone")
	r.Git("", "clone", "-q", "--depth", "1", "file://"+r.Dir, dir)
	return dir
}
