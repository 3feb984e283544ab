package socialimage

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"image/png"
	"time"

	"ndpc/generator/filecache"
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
	cache := filecache.Dir(dir)
	if data, ok := cache.Get(key, ".png", func(data []byte) bool {
		cfg, err := png.DecodeConfig(bytes.NewReader(data))
		return err == nil && cfg.Width == Width && cfg.Height == Height
	}); ok {
		return data, true, nil
	}
	data, err = Draw(c)
	if err != nil {
		return nil, false, err
	}
	cache.Put(key, ".png", data)
	return data, false, nil
}

// PruneCache removes the images in dir that no build has used for the
// given time.
func PruneCache(dir string, unused time.Duration) { filecache.Dir(dir).Prune(".png", unused) }

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
