// Command corpus writes a synthetic content tree for benchmarks and CI
// (package generator/corpus): n case studies in English and Russian with
// briefs, report chapters, events and plain pages, the same for the same
// flags.
//
//	go run ./cmd/corpus -n 2000 -out /tmp/tree   # writes /tmp/tree/content
//	go run ./cmd/ndpc build --content /tmp/tree/content --out /tmp/tree/public
package main

import (
	"flag"
	"fmt"
	"os"

	"ndpc/generator/corpus"
)

func main() {
	n := flag.Int("n", 2000, "number of case studies")
	out := flag.String("out", "", "`folder` to write the tree into (its content/ is made there)")
	seed := flag.Int64("seed", 1, "seed of the generated text")
	flag.Parse()
	if *out == "" || *n < 0 || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: go run ./cmd/corpus -n 2000 -out FOLDER")
		os.Exit(2)
	}
	dir, err := corpus.Write(*out, *n, *seed)
	if err != nil {
		fmt.Fprintf(os.Stderr, "corpus: %v\n", err)
		os.Exit(1)
	}
	fmt.Println(dir)
}
