package printed

import "testing"

// BenchmarkBrief typesets the Russian fixture brief: one Node.js process
// and one PDF.
func BenchmarkBrief(b *testing.B) {
	br := fixtureBrief(b)
	for b.Loop() {
		typeset(b, br)
	}
}

// BenchmarkReport typesets the two-chapter fixture report.
func BenchmarkReport(b *testing.B) {
	r := fixtureReport(b)
	for b.Loop() {
		typeset(b, r)
	}
}
