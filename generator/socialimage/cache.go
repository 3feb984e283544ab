package socialimage

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"time"

	"ndpc/generator/printed"
)

// Cached returns the image of c from the folder dir when a build has
// drawn the same card with the same program before, and otherwise draws
// it and keeps it there. hit says which. With dir "" it only draws. A
// folder that cannot be written to costs the time saved, not the build.
func Cached(dir string, c Card) (data []byte, hit bool, err error) {
	key, ok := cacheKey(c)
	if dir == "" || !ok {
		data, err = Draw(c)
		return data, false, err
	}
	file := filepath.Join(dir, key+".png")
	if data, err := os.ReadFile(file); err == nil {
		if cfg, err := png.DecodeConfig(bytes.NewReader(data)); err == nil && cfg.Width == Width && cfg.Height == Height {
			now := time.Now()
			_ = os.Chtimes(file, now, now) // still in use: keep it
			return data, true, nil
		}
	}
	data, err = Draw(c)
	if err != nil {
		return nil, false, err
	}
	if os.MkdirAll(dir, 0o755) == nil {
		tmp, err := os.CreateTemp(dir, ".new-*")
		if err == nil {
			_, werr := tmp.Write(data)
			if cerr := tmp.Close(); werr == nil && cerr == nil {
				_ = os.Rename(tmp.Name(), file)
			}
			_ = os.Remove(tmp.Name())
		}
	}
	return data, false, nil
}

// PruneCache removes the images in dir that no build has used for the
// given time.
func PruneCache(dir string, unused time.Duration) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	old := time.Now().Add(-unused)
	for _, e := range entries {
		info, err := e.Info()
		if err != nil || e.IsDir() || !strings.HasSuffix(e.Name(), ".png") && !strings.HasPrefix(e.Name(), ".new-") {
			continue
		}
		if info.ModTime().Before(old) {
			_ = os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

// cacheKey is the hash of the program (which stands for the layout code
// and the fonts) and of the card's texts.
func cacheKey(c Card) (string, bool) {
	prog, ok := printed.ProgramID()
	if !ok {
		return "", false
	}
	h := sha256.New()
	h.Write(prog)
	for _, s := range []string{c.Brand, c.Kind, c.Title, c.Footer} {
		var n [8]byte
		binary.BigEndian.PutUint64(n[:], uint64(len(s)))
		h.Write(n[:])
		h.Write([]byte(s))
	}
	return hex.EncodeToString(h.Sum(nil)), true
}
