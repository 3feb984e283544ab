package nodetools

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
)

const manifest = `{"dependencies": {"pagefind": "1.6.0"}, "devDependencies": {"axe-core": "4.14.1"}}`

const lock = `{"lockfileVersion": 3, "packages": {
  "": {},
  "node_modules/pagefind": {"version": "1.6.0"},
  "node_modules/axe-core": {"version": "4.14.1", "dev": true}
}}`

// toolsDir writes a tools folder with the given installed packages
// (name → version).
func toolsDir(t *testing.T, installed map[string]string) Tools {
	t.Helper()
	dir := filepath.Join(t.TempDir(), Dir)
	write(t, filepath.Join(dir, "package.json"), manifest)
	write(t, filepath.Join(dir, "package-lock.json"), lock)
	for name, version := range installed {
		write(t, filepath.Join(dir, "node_modules", name, "package.json"), `{"name": "`+name+`", "version": "`+version+`"}`)
	}
	return Tools{Dir: dir}
}

func write(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestMissing(t *testing.T) {
	for _, tc := range []struct {
		name      string
		installed map[string]string
		want      []string
	}{
		{"nothing installed", nil, []string{"pagefind 1.6.0"}},
		{"another version", map[string]string{"pagefind": "1.5.0"}, []string{"pagefind 1.6.0"}},
		{"installed, dev tools not needed", map[string]string{"pagefind": "1.6.0"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := toolsDir(t, tc.installed).Missing()
			if err != nil || !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Missing() = %q, %v; want %q", got, err, tc.want)
			}
		})
	}
}

func TestMissingWithoutLockEntry(t *testing.T) {
	tools := toolsDir(t, nil)
	write(t, filepath.Join(tools.Dir, "package-lock.json"), `{"packages": {}}`)
	if _, err := tools.Missing(); err == nil || !strings.Contains(err.Error(), "--package-lock-only") {
		t.Errorf("err = %v, want one that says how to make the lock file", err)
	}
}

// fakeNode puts node and npm commands first on the PATH (before the
// system's folders, for the shell's mkdir); npm records its arguments and
// installs pagefind at version.
func fakeNode(t *testing.T, version string) (argsFile string) {
	return fakeNodeOf(t, "v20.20.2", version)
}

// fakeNodeOf is fakeNode with node at nodeVersion.
func fakeNodeOf(t *testing.T, nodeVersion, version string) (argsFile string) {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("the fake npm is a shell script")
	}
	bin := t.TempDir()
	argsFile = filepath.Join(bin, "args")
	write(t, filepath.Join(bin, "node"), "#!/bin/sh\necho "+nodeVersion+"\n")
	write(t, filepath.Join(bin, "npm"), `#!/bin/sh
echo "$@" >> `+argsFile+`
prefix=$3
mkdir -p "$prefix/node_modules/pagefind"
echo '{"version": "`+version+`"}' > "$prefix/node_modules/pagefind/package.json"
`)
	for _, f := range []string{"node", "npm"} {
		if err := os.Chmod(filepath.Join(bin, f), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("PATH", bin+string(os.PathListSeparator)+"/bin"+string(os.PathListSeparator)+"/usr/bin")
	return argsFile
}

func TestEnsureInstallsOnce(t *testing.T) {
	argsFile := fakeNode(t, "1.6.0")
	tools := toolsDir(t, nil)
	var log bytes.Buffer
	if err := tools.Ensure(&log); err != nil {
		t.Fatal(err)
	}
	if err := tools.Ensure(&log); err != nil {
		t.Fatal(err)
	}
	args, _ := os.ReadFile(argsFile)
	if want := "ci --prefix " + tools.Dir + " --omit=dev --no-audit --no-fund --loglevel=error\n"; string(args) != want {
		t.Errorf("npm ran with %q, want %q once", args, want)
	}
	if got := strings.Count(log.String(), "\n"); got != 1 || !strings.Contains(log.String(), "installing the pinned Node tools (pagefind 1.6.0)") {
		t.Errorf("log = %q, want one line naming what it installs", log.String())
	}
}

func TestEnsureChecksWhatNpmInstalled(t *testing.T) {
	fakeNode(t, "1.0.0")
	if err := toolsDir(t, nil).Ensure(&bytes.Buffer{}); err == nil || !strings.Contains(err.Error(), "did not install pagefind 1.6.0") {
		t.Errorf("err = %v", err)
	}
}

func TestEnsureWithoutNode(t *testing.T) {
	t.Setenv("PATH", "")
	var log bytes.Buffer
	err := toolsDir(t, nil).Ensure(&log)
	if !errors.Is(err, ErrNoNode) {
		t.Errorf("err = %v, want ErrNoNode", err)
	}
	if log.Len() > 0 {
		t.Errorf("printed %q without installing anything", log.String())
	}
}

func TestFind(t *testing.T) {
	repo := t.TempDir()
	write(t, filepath.Join(repo, Dir, "package.json"), manifest)
	if err := os.Mkdir(filepath.Join(repo, "templates"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir(t.TempDir()) // not the repository
	tools, ok := Find(filepath.Join(repo, "templates"))
	if !ok || tools.Dir != filepath.Join(repo, Dir) {
		t.Errorf("Find = %v, %v; want the .tools beside the templates", tools, ok)
	}
	if _, ok := Find(t.TempDir()); ok {
		t.Error("found tools where there are none")
	}
}

func TestEnsureWithOldNode(t *testing.T) {
	fakeNodeOf(t, "v16.20.2", "1.6.0")
	err := toolsDir(t, nil).Ensure(&bytes.Buffer{})
	if !errors.Is(err, ErrNoNode) || !strings.Contains(err.Error(), "version 18 or newer (node is v16.20.2)") {
		t.Errorf("err = %v", err)
	}
}

// TestRepositoryLock: the repository's .tools pins Pagefind and the Typst
// compiler as what a build installs, and its lock file holds every
// platform's prebuilt package of each (an optional dependency), with the
// version and checksum npm ci installs, so that npm ci accepts the lock
// on Linux, macOS and Windows alike.
func TestRepositoryLock(t *testing.T) {
	var manifest struct {
		Dependencies map[string]string `json:"dependencies"`
	}
	if err := readJSON("../../.tools/package.json", &manifest); err != nil {
		t.Fatal(err)
	}
	for name, version := range map[string]string{"pagefind": "1.6.0", "@myriaddreamin/typst-ts-node-compiler": "0.7.0"} {
		if manifest.Dependencies[name] != version {
			t.Errorf("package.json pins %s at %q, want %s among the dependencies", name, manifest.Dependencies[name], version)
		}
	}
	type entry struct {
		Version              string            `json:"version"`
		Integrity            string            `json:"integrity"`
		OS                   []string          `json:"os"`
		OptionalDependencies map[string]string `json:"optionalDependencies"`
	}
	var lock struct {
		Packages map[string]entry `json:"packages"`
	}
	if err := readJSON("../../.tools/package-lock.json", &lock); err != nil {
		t.Fatal(err)
	}
	for name := range manifest.Dependencies {
		pkg := lock.Packages["node_modules/"+name]
		oses := map[string]bool{}
		for opt, version := range pkg.OptionalDependencies {
			e, ok := lock.Packages["node_modules/"+opt]
			if !ok || e.Version != version || e.Integrity == "" {
				t.Errorf("the lock lacks %s %s, the prebuilt package of %s for a platform", opt, version, name)
			}
			for _, os := range e.OS {
				oses[os] = true
			}
		}
		for _, os := range []string{"linux", "darwin", "win32"} {
			if !oses[os] {
				t.Errorf("the lock has no package of %s for %s", name, os)
			}
		}
	}
}

// When npm ci fails (no registry), the build's second tool gets the same
// error without running npm again: one wait, one line of output.
func TestEnsureFailsOnce(t *testing.T) {
	argsFile := fakeNode(t, "1.6.0")
	bin := filepath.Dir(argsFile)
	write(t, filepath.Join(bin, "npm"), "#!/bin/sh\necho \"$@\" >> "+argsFile+"\necho 'npm ERR! network request failed' >&2\nexit 1\n")
	if err := os.Chmod(filepath.Join(bin, "npm"), 0o755); err != nil {
		t.Fatal(err)
	}
	tools := toolsDir(t, nil)
	var log bytes.Buffer
	first := tools.Ensure(&log)
	second := tools.Ensure(&log)
	if first == nil || second == nil || first.Error() != second.Error() || !strings.Contains(first.Error(), "network request failed") {
		t.Errorf("errors %v and %v, want the same npm failure twice", first, second)
	}
	args, _ := os.ReadFile(argsFile)
	if n := strings.Count(string(args), "\n"); n != 1 {
		t.Errorf("npm ran %d times, want once:\n%s", n, args)
	}
	if n := strings.Count(log.String(), "\n"); n != 1 {
		t.Errorf("printed %q, want one line", log.String())
	}
}
