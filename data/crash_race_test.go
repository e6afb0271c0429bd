//go:build race

package data

// raceEnabled: the race detector slows every write; the crash test kills fewer times.
const raceEnabled = true
