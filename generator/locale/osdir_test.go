package locale

import (
	"io/fs"
	"os"
)

func osDir(p string) fs.FS { return os.DirFS(p) }
