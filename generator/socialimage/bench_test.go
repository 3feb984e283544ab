package socialimage

import "testing"

// BenchmarkDraw draws a card with a title of three lines.
func BenchmarkDraw(b *testing.B) {
	c := sampleCards["ru"]
	for b.Loop() {
		if _, err := Draw(c); err != nil {
			b.Fatal(err)
		}
	}
}
