package printed

import "testing"

// BenchmarkBrief typesets the Russian fixture brief.
func BenchmarkBrief(b *testing.B) {
	br := fixtureBrief(b)
	for b.Loop() {
		if _, err := br.Typeset(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReport typesets the two-chapter fixture report.
func BenchmarkReport(b *testing.B) {
	r := fixtureReport(b)
	for b.Loop() {
		if _, err := r.Typeset(); err != nil {
			b.Fatal(err)
		}
	}
}
