package scaffold

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// ExistingPage returns the path of a file or folder in the content folder
// that already is the page slug of section, in any language or form:
// SLUG.en.md, SLUG.ru.md, SLUG.md or the bundle folder SLUG/. It returns ""
// when there is none.
func ExistingPage(contentDir, section, slug string) (string, error) {
	dir := filepath.Join(contentDir, section)
	for _, name := range []string{slug + ".en.md", slug + ".ru.md", slug + ".md", slug} {
		p := filepath.Join(dir, name)
		_, err := os.Lstat(p)
		if err == nil {
			return p, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return "", fmt.Errorf("checking whether %s exists: %w", p, err)
		}
	}
	return "", nil
}

// CreateFile writes a new file. It never replaces a file: when path
// exists it returns an error for which errors.Is(err, fs.ErrExist) holds.
// A file that cannot be written completely is removed.
func CreateFile(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o666)
	if err != nil {
		return err // an *fs.PathError naming the path
	}
	_, err = f.Write(data)
	if closeErr := f.Close(); err == nil {
		err = closeErr
	}
	if err != nil {
		os.Remove(path)
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}

// CheckContentFolder checks that the content folder exists, so that a
// command run from the wrong folder says so instead of starting a new tree.
func CheckContentFolder(dir string) error {
	info, err := os.Stat(dir)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("there is no content folder %s: run the command from the repository's root, or name the folder with --content", dir)
		}
		return fmt.Errorf("reading the content folder: %w", err)
	}
	if !info.IsDir() {
		return fmt.Errorf("%s is not a folder: name the content folder with --content", dir)
	}
	return nil
}
