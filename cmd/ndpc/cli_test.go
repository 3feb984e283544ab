package main

import (
	"bufio"
	"bytes"
	"context"
	"net"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestFlagMistakes: each mistake is told in a line that shows the fix,
// with the subcommand's usage line, not every flag.
func TestFlagMistakes(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"build", "--search", "false"}, "ndpc build: --search takes its value after an equals sign: write --search=false"},
		{[]string{"build", "-search", "false"}, "write --search=false"},
		{[]string{"build", "--pdf", "0"}, "write --pdf=0"},
		{[]string{"check", "--drafts", "true"}, "write --drafts=true"},
		{[]string{"serve", "--drafts", "FALSE"}, "write --drafts=FALSE"},
		{[]string{"build", "--serch=false"}, "ndpc build: unknown flag --serch=false: did you mean --search?"},
		{[]string{"check", "--draft"}, "unknown flag --draft: did you mean --drafts?"},
		{[]string{"serve", "--prot", "1400"}, "unknown flag --prot: did you mean --port?"},
		{[]string{"build", "--base-ur", "https://example.org/"}, "did you mean --base-url?"},
		{[]string{"new", "case-study", "x", "--contnet", "c"}, "ndpc new: unknown flag --contnet: did you mean --content?"},
		{[]string{"import", "--frobnicate", "x.csv"}, "ndpc import: unknown flag --frobnicate\n"},
		{[]string{"build", "--out"}, "ndpc build: --out needs a value after it: --out folder"},
		{[]string{"build", "--search=no"}, `ndpc build: --search takes true or false, not "no"`},
		{[]string{"serve", "--port", "abc"}, `ndpc serve: --port must be a port number from 0 to 65535, such as 1313, not "abc"`},
		{[]string{"serve", "--port=99999"}, `--port must be a port number from 0 to 65535, such as 1313, not "99999"`},
		{[]string{"build", "--base-url", "example.org"}, `ndpc build: --base-url must be an absolute http or https address, such as https://example.org/, not "example.org"`},
		{[]string{"check", "--base-url=javascript:alert(1)"}, `--base-url must be an absolute http or https address`},
		{[]string{"build", "stray"}, `ndpc build: unexpected argument "stray"`},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			var out, errOut bytes.Buffer
			if code := run(tc.args, &out, &errOut); code != 2 {
				t.Errorf("exit %d, want 2", code)
			}
			msg := errOut.String()
			if !strings.Contains(msg, tc.want) {
				t.Errorf("stderr = %q, want %q", msg, tc.want)
			}
			if lines := strings.Count(msg, "\n"); lines != 2 || !strings.Contains(msg, "\nUsage: ndpc "+tc.args[0]) {
				t.Errorf("stderr has %d lines, want the mistake and the usage line:\n%s", lines, msg)
			}
			if strings.Contains(msg, "did you mean") && strings.Contains(msg, "frobnicate") {
				t.Errorf("suggested a flag for a word close to none: %s", msg)
			}
		})
	}
}

// TestHelpOnStandardOutput: every --help, -h and -help prints the
// command's usage and flags on standard output and exits 0.
func TestHelpOnStandardOutput(t *testing.T) {
	for _, cmd := range []string{"build", "check", "serve", "new", "import"} {
		for _, help := range []string{"--help", "-h", "-help"} {
			var out, errOut bytes.Buffer
			if code := run([]string{cmd, help}, &out, &errOut); code != 0 {
				t.Errorf("%s %s: exit %d", cmd, help, code)
			}
			if !strings.HasPrefix(out.String(), "Usage: ndpc "+cmd) || !strings.Contains(out.String(), "\n  --content folder\n") {
				t.Errorf("%s %s: stdout lacks the usage and flags:\n%s", cmd, help, out.String())
			}
			if errOut.Len() > 0 {
				t.Errorf("%s %s wrote to stderr: %s", cmd, help, errOut.String())
			}
		}
	}
}

// TestMessagesCountInEnglish: "1 error", "1 page has", never "1 errors".
func TestMessagesCountInEnglish(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "content/about.en.md"), "---\ntitle: About\n---\n[x](nowhere.md)\n")
	var out, errOut bytes.Buffer
	if code := run(append([]string{"build"}, repoArgs(t, dir)...), &out, &errOut); code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	if !strings.HasSuffix(errOut.String(), "\n1 error\n") {
		t.Errorf("stderr does not end with 1 error:\n%s", errOut.String())
	}
	if strings.Contains(errOut.String(), "left as it was") {
		t.Errorf("a build with no previous output says it left the output as it was:\n%s", errOut.String())
	}

	write(t, filepath.Join(dir, "content/about.en.md"), "---\ntitle: About\n---\nText.\n")
	out.Reset()
	errOut.Reset()
	if code := run(append([]string{"check"}, siteArgs(t, dir)...), &out, &errOut); code != 0 {
		t.Fatalf("check: exit %d: %s", code, errOut.String())
	}
	for _, want := range []string{"ndpc check: 1 page has no Russian version:\n", ", no errors, "} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("check's output lacks %q:\n%s", want, out.String())
		}
	}
	if regexp.MustCompile(`\b1 [a-z]+s\b`).MatchString(out.String() + errOut.String()) {
		t.Errorf("a plural after 1:\n%s%s", out.String(), errOut.String())
	}
}

// TestVersion builds ndpc with its version control information, as go
// build does by default, and checks that --version and version name the
// commit that git names.
func TestVersion(t *testing.T) {
	head, err := exec.Command("git", "rev-parse", "HEAD").Output()
	if err != nil {
		t.Skipf("not a git checkout (%v): the version names no commit", err)
	}
	bin := filepath.Join(t.TempDir(), "ndpc")
	if out, err := exec.Command("go", "build", "-buildvcs=true", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	if info, err := exec.Command("go", "version", "-m", bin).Output(); err != nil || !strings.Contains(string(info), "vcs.revision=") {
		t.Skipf("go build recorded no version control information here (%v), so there is nothing for ndpc to print", err)
	}
	dirty, _ := exec.Command("git", "status", "--porcelain", "--untracked-files=no").Output()
	for _, arg := range []string{"--version", "version"} {
		out, err := exec.Command(bin, arg).Output()
		if err != nil {
			t.Fatalf("ndpc %s: %v", arg, err)
		}
		text := string(out)
		if !strings.Contains(text, "commit:   "+strings.TrimSpace(string(head))) {
			t.Errorf("ndpc %s does not name commit %s:\n%s", arg, head, text)
		}
		if wantModified := len(dirty) > 0; strings.Contains(text, "modified: yes") != wantModified {
			t.Errorf("ndpc %s: modified should be %v:\n%s", arg, wantModified, text)
		}
		if !strings.Contains(text, "go:       "+runtime.Version()) {
			t.Errorf("ndpc %s does not name the Go version:\n%s", arg, text)
		}
	}
	var out bytes.Buffer
	run([]string{"version"}, &out, &out)
	if !strings.Contains(out.String(), "not recorded: this program was built without version control information") {
		t.Errorf("without build information the version says nothing of it:\n%s", out.String())
	}
}

// TestServePortInUse: a port in use is reported before anything is
// built, with the flag that chooses another.
func TestServePortInUse(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	port := ln.Addr().(*net.TCPAddr).Port
	dir := t.TempDir()
	write(t, filepath.Join(dir, "content/about.en.md"), "---\ntitle: About\n---\nText.\n")
	args := append([]string{"serve", "--port", strconv.Itoa(port)}, siteArgs(t, dir)...)
	var out, errOut bytes.Buffer
	if code := run(args, &out, &errOut); code != 1 {
		t.Fatalf("exit %d, want 1: %s", code, errOut.String())
	}
	if want := "port " + strconv.Itoa(port) + " of 127.0.0.1 is in use"; !strings.Contains(errOut.String(), want) || !strings.Contains(errOut.String(), "--port") {
		t.Errorf("stderr = %q, want %q and the --port flag", errOut.String(), want)
	}
	if strings.Contains(out.String(), "built the site") {
		t.Errorf("the site was built before the port was tried:\n%s", out.String())
	}
}

// TestServeStopsWhenGoRunIsTerminated starts the preview with go run, as
// the README does, sends SIGTERM to go run alone (as a process manager or
// a CI step does) and checks that the server stops too.
func TestServeStopsWhenGoRunIsTerminated(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no SIGTERM on Windows")
	}
	if testing.Short() {
		t.Skip("compiles and starts ndpc with go run")
	}
	dir := t.TempDir()
	write(t, filepath.Join(dir, "content/about.en.md"), "---\ntitle: About\n---\nText.\n")
	args := append([]string{"run", ".", "serve", "--port", "0"}, siteArgs(t, dir)...)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true} // signals reach go run alone
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) // whatever is left of the group
	addr := ""
	lines := bufio.NewScanner(stdout)
	for lines.Scan() {
		if m := regexp.MustCompile(`ndpc serve: http://(\S+)/`).FindStringSubmatch(lines.Text()); m != nil {
			addr = m[1]
			break
		}
	}
	if addr == "" {
		t.Fatal("the server never said where it listens")
	}
	go func() {
		for lines.Scan() {
		}
	}()
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
	deadline := time.Now().Add(30 * time.Second) // a bound for a hang, not a speed
	for {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			return // stopped
		}
		c.Close()
		if time.Now().After(deadline) {
			t.Fatalf("the server on %s still answers after go run was terminated", addr)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// TestCommandSuggestions: a mistyped command is answered with the nearest
// one; a word near none gets the usage.
func TestCommandSuggestions(t *testing.T) {
	for typed, want := range map[string]string{
		"biuld": "did you mean ndpc build?", "server": "did you mean ndpc serve?", "chek": "did you mean ndpc check?",
		"imprt": "did you mean ndpc import?", "frobnicate": "Usage:",
	} {
		var out, errOut bytes.Buffer
		if code := run([]string{typed}, &out, &errOut); code != 2 || !strings.Contains(errOut.String(), want) {
			t.Errorf("ndpc %s: exit %d, %q; want 2 and %q", typed, code, errOut.String(), want)
		}
	}
}
