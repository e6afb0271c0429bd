//go:build unix

package pdf

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time this process has used (user + system): on a
// shared, busy machine it measures our work where wall time cannot.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
