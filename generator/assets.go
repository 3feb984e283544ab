package generator

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"ndpc/generator/content"
	"ndpc/generator/diag"
)

// assetsDir is the folder of static/ whose files are fingerprinted: each is
// published as NAME.HASH.EXT (/assets/css/style.3f9a1c2e.css), so that it
// can be cached for a year, and templates refer to it through the asset
// function: {{asset "/assets/css/style.css"}}.
const assetsDir = "assets"

// assets are the fingerprinted files of a build.
type assets struct {
	urls  map[string]string // "/assets/css/style.css" → "/assets/css/style.3f9a1c2e.css"
	files []assetFile       // in URL order
}

type assetFile struct {
	url  string
	rel  string // path under static/: assets/css/style.css
	src  string // the file on disk
	data []byte // as published (minified when the build minifies)
}

// loadAssets reads static/assets/, minifies each file when mf is not nil,
// and, when fingerprint is set, names it after the hash of what will be
// published.
// Files that cannot be read as files (see content.Usable) go to problems.
func loadAssets(staticDir string, mf *minifier, fingerprint bool, problems *diag.List) (*assets, error) {
	a := &assets{urls: map[string]string{}}
	root := filepath.Join(staticDir, assetsDir)
	if _, err := os.Stat(root); os.IsNotExist(err) {
		return a, nil
	}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && p != root && content.Ignored(d.Name()) {
			return filepath.SkipDir
		}
		if d.IsDir() || content.Ignored(d.Name()) {
			return nil
		}
		rel, err := filepath.Rel(staticDir, p)
		if err != nil {
			return err
		}
		if !content.Usable(staticDir, filepath.ToSlash(rel), filepath.ToSlash(p), d, problems) {
			return nil
		}
		original := "/" + filepath.ToSlash(rel)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if data, err = mf.apply(original, data); err != nil {
			return fmt.Errorf("%s: cannot minify: %w", filepath.ToSlash(p), err)
		}
		sum := sha256.Sum256(data)
		ext := path.Ext(original)
		published := original
		if fingerprint {
			published = strings.TrimSuffix(original, ext) + "." + hex.EncodeToString(sum[:4]) + ext
		}
		a.urls[original] = published
		a.files = append(a.files, assetFile{url: published, rel: filepath.ToSlash(rel), src: p, data: data})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading the assets: %w", err)
	}
	sort.Slice(a.files, func(i, j int) bool { return a.files[i].url < a.files[j].url })
	return a, nil
}

// data returns an asset's content as read at load, by its published
// address.
func (a *assets) data(url string) ([]byte, bool) {
	i := sort.Search(len(a.files), func(i int) bool { return a.files[i].url >= url })
	if i < len(a.files) && a.files[i].url == url {
		return a.files[i].data, true
	}
	return nil, false
}

// URL returns the fingerprinted address of an asset given by its path
// under static/ ("/assets/css/style.css").
func (a *assets) URL(original string) (string, error) {
	if u, ok := a.urls[original]; ok {
		return u, nil
	}
	return "", fmt.Errorf("no asset %s: assets are the files under static/%s/", original, assetsDir)
}
