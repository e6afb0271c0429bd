//go:build race

package csvimport

// raceEnabled: the race detector slows everything; timing budgets are not checked.
const raceEnabled = true
