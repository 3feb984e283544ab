package generator

import (
	"os"
	"sync"
)

// memSink keeps a build in memory.
type memSink struct {
	mu    sync.Mutex
	files map[string][]byte
}

func newMemSink() *memSink { return &memSink{files: map[string][]byte{}} }

func (m *memSink) WriteFile(sitePath string, data []byte) error {
	m.mu.Lock()
	m.files[sitePath] = append([]byte(nil), data...)
	m.mu.Unlock()
	return nil
}

func (m *memSink) CopyFile(sitePath, src string) error {
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	return m.WriteFile(sitePath, data)
}
