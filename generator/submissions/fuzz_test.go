package submissions

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"ndpc/generator/internal/bounded"
)

// FuzzImport reads arbitrary bytes as the form's export and makes the
// page of every row that can be one: it must never panic, every error
// must start with the file's name, and reading and making the pages must
// stay within the time and memory of package bounded.
func FuzzImport(f *testing.F) {
	seed, err := os.ReadFile("testdata/submissions.csv")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	n := repoNames(f)
	f.Add([]byte("language,project,description,countries,sectors,outcome,consent\nen,\"unclosed,x,EE,digital,impact,yes\n"))
	f.Add([]byte("\ufeffproject,description,countries,sectors,outcome\nx,y,z\n"))
	f.Add([]byte("project,description,countries,sectors,outcome,consent\n\"=1+1\",\"## Hi\n\n[a](javascript:x)\",FI;SE,digital,impact,yes\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		bounded.Run(t, func() {
			rows, err := readExport(bytes.NewReader(data), "x.csv")
			if err != nil {
				if !strings.HasPrefix(err.Error(), "x.csv:") {
					t.Fatalf("error without the file's name: %v", err)
				}
				return
			}
			for _, r := range rows {
				s, reasons := parseRow(r.Cells, n)
				if len(reasons) > 0 {
					continue
				}
				if _, err := s.page(); err != nil {
					t.Fatalf("row at line %d: %v", r.Line, err)
				}
			}
		})
	})
}
