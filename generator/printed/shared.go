package printed

// What the print editions share with other pictures the build draws (the
// social preview images, package socialimage): the fonts and the
// program's identity, for keys of caches.

// FontFile returns the bytes of one of the embedded fonts by its file
// name, such as "NotoSerif-Bold.ttf" (see fonts/README.md).
func FontFile(name string) ([]byte, error) {
	return fontFiles.ReadFile("fonts/" + name)
}

// ProgramID returns a hash of what identifies the running program (its
// Go build ID), which changes with any of its code or embedded files;
// false when it cannot be read, and nothing should then be cached.
func ProgramID() ([]byte, bool) {
	return program()
}
