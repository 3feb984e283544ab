// Package parallel spreads independent pieces of work over every core.
package parallel

import (
	"runtime"
	"sync"
)

// Each calls fn(i) for every i from 0 to n-1, on as many goroutines as
// there are cores, and returns when all calls have returned.
func Each(n int, fn func(i int)) {
	workers := min(runtime.NumCPU(), n)
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				fn(i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
}
