//go:build !unix

package pdf

import "time"

// cpuTime is not measured here; the benchmarks then report 0.
func cpuTime() time.Duration { return 0 }
