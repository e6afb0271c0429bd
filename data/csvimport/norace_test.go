//go:build !race

package csvimport

// raceEnabled is false without the race detector.
const raceEnabled = false
