// Package nodetools finds, and installs when they are missing, the Node.js
// tools that a build runs: the packages that the repository's
// .tools/package.json names under "dependencies" (Pagefind, which makes
// the search index, and the Typst compiler, which typesets the print
// editions), at the exact versions of .tools/package-lock.json.
//
// A build calls Ensure once. When every package is in .tools/node_modules
// at the version of the lock file, it does nothing; otherwise it runs
//
//	npm ci --prefix .tools --omit=dev
//
// which installs exactly the lock file and changes no tracked file. The
// tools of the tests and audits (axe-core, Lighthouse: "devDependencies")
// are not installed by a build; `npm ci --prefix .tools` installs them.
package nodetools

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Dir is the folder of the pinned tools, relative to the repository's root.
const Dir = ".tools"

// ErrNoNode means that node or npm is not on the PATH.
var ErrNoNode = errors.New("Node.js is not installed")

// installTimeout bounds one npm ci.
const installTimeout = 10 * time.Minute

// Tools is a folder of pinned Node tools: its package.json and lock file.
type Tools struct {
	Dir string // the folder, as found (".tools" or an absolute path)
}

// Find returns the tools folder of the repository that holds the
// templates folder: .tools in the current folder, else beside
// templatesDir. ok is false when neither has a package.json.
func Find(templatesDir string) (t Tools, ok bool) {
	candidates := []string{Dir}
	if abs, err := filepath.Abs(templatesDir); err == nil {
		candidates = append(candidates, filepath.Join(filepath.Dir(abs), Dir))
	}
	for _, dir := range candidates {
		if _, err := os.Stat(filepath.Join(dir, "package.json")); err == nil {
			return Tools{Dir: dir}, true
		}
	}
	return Tools{}, false
}

// Bin returns the path of an installed package's command, such as
// Bin("pagefind") = .tools/node_modules/.bin/pagefind.
func (t Tools) Bin(name string) string {
	return filepath.Join(t.Dir, "node_modules", ".bin", name)
}

// Missing returns "name version" for every package of "dependencies" that
// is not installed at the version the lock file gives, sorted; nil when
// all are. It returns an error when package.json or the lock file cannot
// be read or does not name a version of a dependency.
func (t Tools) Missing() ([]string, error) {
	var manifest struct {
		Dependencies map[string]string `json:"dependencies"`
	}
	if err := readJSON(filepath.Join(t.Dir, "package.json"), &manifest); err != nil {
		return nil, err
	}
	var lock struct {
		Packages map[string]struct {
			Version string `json:"version"`
		} `json:"packages"`
	}
	if err := readJSON(filepath.Join(t.Dir, "package-lock.json"), &lock); err != nil {
		return nil, err
	}
	var missing []string
	for name := range manifest.Dependencies {
		want := lock.Packages["node_modules/"+name].Version
		if want == "" {
			return nil, fmt.Errorf("%s: no version of %s: make the lock file again with npm install --prefix %s --package-lock-only", filepath.Join(t.Dir, "package-lock.json"), name, t.Dir)
		}
		var installed struct {
			Version string `json:"version"`
		}
		if err := readJSON(filepath.Join(t.Dir, "node_modules", name, "package.json"), &installed); err != nil || installed.Version != want {
			missing = append(missing, name+" "+want)
		}
	}
	sort.Strings(missing)
	return missing, nil
}

// Ensure installs the packages that Missing lists with npm ci, writing one
// line to log before it does; it does nothing when none is missing. It
// returns ErrNoNode (wrapped) when node or npm is not on the PATH, and an
// error with npm's last lines of output when npm ci fails.
func (t Tools) Ensure(log io.Writer) error {
	if err := HaveNode(); err != nil {
		return err
	}
	missing, err := t.Missing()
	if err != nil || len(missing) == 0 {
		return err
	}
	failed.Lock()
	defer failed.Unlock()
	if err, ok := failed.byDir[t.Dir]; ok {
		return err
	}
	err = t.install(log, missing)
	if err != nil {
		failed.byDir[t.Dir] = err
	}
	return err
}

// failed remembers, per tools folder, the npm ci that failed in this
// process: the build's second tool (Typst after Pagefind) gets the same
// error at once instead of waiting for an unreachable registry again.
var failed = struct {
	sync.Mutex
	byDir map[string]error
}{byDir: map[string]error{}}

// install runs npm ci for the missing packages.
func (t Tools) install(log io.Writer, missing []string) error {
	fmt.Fprintf(log, "ndpc: installing the pinned Node tools (%s) into %s with npm ci; later builds use them\n", strings.Join(missing, ", "), t.Dir)
	ctx, cancel := context.WithTimeout(context.Background(), installTimeout)
	defer cancel()
	var out bytes.Buffer
	c := exec.CommandContext(ctx, "npm", "ci", "--prefix", t.Dir, "--omit=dev", "--no-audit", "--no-fund", "--loglevel=error")
	c.Stdout, c.Stderr = &out, &out
	if err := c.Run(); err != nil {
		return fmt.Errorf("npm ci --prefix %s --omit=dev failed (%v; is the npm registry reachable?), its last words: %s", t.Dir, err, strings.Join(strings.Fields(lastLines(out.String(), 3)), " "))
	}
	if missing, err := t.Missing(); err != nil || len(missing) > 0 {
		return fmt.Errorf("npm ci --prefix %s did not install %s", t.Dir, strings.Join(missing, ", "))
	}
	return nil
}

// MinNode is the oldest major version of Node.js that the pinned tools run on.
const MinNode = 18

// HaveNode returns a wrapped ErrNoNode when node or npm is not on the
// PATH, or node is older than MinNode. It asks node for its version once
// per PATH.
func HaveNode() error {
	path := os.Getenv("PATH")
	haveNode.Lock()
	defer haveNode.Unlock()
	if err, ok := haveNode.byPath[path]; ok {
		return err
	}
	err := haveNodeNow()
	haveNode.byPath[path] = err
	return err
}

var haveNode = struct {
	sync.Mutex
	byPath map[string]error
}{byPath: map[string]error{}}

func haveNodeNow() error {
	for _, cmd := range []string{"node", "npm"} {
		if _, err := exec.LookPath(cmd); err != nil {
			return fmt.Errorf("%w (no %s on the PATH)", ErrNoNode, cmd)
		}
	}
	out, err := exec.Command("node", "--version").Output()
	if err != nil {
		return fmt.Errorf("%w (node --version: %v)", ErrNoNode, err)
	}
	version := strings.TrimSpace(string(out))
	major, _, _ := strings.Cut(strings.TrimPrefix(version, "v"), ".")
	if n, err := strconv.Atoi(major); err != nil || n < MinNode {
		return fmt.Errorf("%w in version %d or newer (node is %s)", ErrNoNode, MinNode, version)
	}
	return nil
}

func readJSON(path string, v any) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// lastLines returns at most n last lines of s.
func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
