package data

import "sort"

// GoalDirection says which way a goal's measure gets better.
type GoalDirection string

// The directions of a goal.
const (
	LowerIsBetter  GoalDirection = "lower"  // pain 7/10 → 3/10
	HigherIsBetter GoalDirection = "higher" // head turn 40° → 70°
)

// Valid reports whether d is a known direction.
func (d GoalDirection) Valid() bool { return d == LowerIsBetter || d == HigherIsBetter }

// Goal is one measurable goal of a plan, with its dated progress entries.
type Goal struct {
	ID          int64
	Description string // "Low-back pain from 7/10 to 3/10"
	MeasureKey  string // reserved for outcome measures ("": a goal of its own)
	Unit        string // "/10", "°"
	Baseline    float64
	Target      float64
	Direction   GoalDirection
	Progress    []ProgressEntry // oldest first
}

// ProgressEntry is a goal's value on a day.
type ProgressEntry struct {
	ID    int64
	On    Date
	Value float64
	Note  string
}

// Trend is how a goal is going.
type Trend string

// The trends of a goal.
const (
	TrendNone      Trend = ""          // no progress recorded yet
	TrendImproving Trend = "improving" // the latest value is better than the one before (or the baseline)
	TrendWorse     Trend = "worse"
	TrendSame      Trend = "same" // no change
)

// Label is the trend in plain words.
func (t Trend) Label() string {
	switch t {
	case TrendImproving:
		return "Improving"
	case TrendWorse:
		return "Worse"
	case TrendSame:
		return "No change"
	}
	return "Not measured yet"
}

// goalTable describes care_plan_goals; plan ID and position are passed apart.
var goalTable = table[Goal]{
	name: "care_plan_goals", key: idColumn(func(g *Goal) *int64 { return &g.ID }), autoKey: true,
	cols: []column[Goal]{
		textColumn("description", "Description", func(g *Goal) *string { return &g.Description }),
		nullTextColumn("measure_key", func(g *Goal) *string { return &g.MeasureKey }),
		textColumn("unit", "Unit", func(g *Goal) *string { return &g.Unit }),
		valueColumn("baseline", "Baseline", func(g *Goal) *float64 { return &g.Baseline }),
		valueColumn("target", "Target", func(g *Goal) *float64 { return &g.Target }),
		textColumn("direction", "Direction", func(g *Goal) *string { return (*string)(&g.Direction) }),
	},
}

// progressTable describes care_plan_progress; the goal's ID is passed apart.
var progressTable = table[ProgressEntry]{
	name: "care_plan_progress", key: idColumn(func(e *ProgressEntry) *int64 { return &e.ID }), autoKey: true,
	cols: []column[ProgressEntry]{
		dateColumn("recorded_on", "On", func(e *ProgressEntry) *Date { return &e.On }),
		valueColumn("value", "Value", func(e *ProgressEntry) *float64 { return &e.Value }),
		textColumn("note", "Note", func(e *ProgressEntry) *string { return &e.Note }),
	},
}

// sortProgress puts the entries in date order (stable: same-day entries
// keep the order they were added in).
func (g *Goal) sortProgress() {
	sort.SliceStable(g.Progress, func(i, j int) bool { return g.Progress[i].On.Before(g.Progress[j].On) })
}

// Latest is the most recent progress value (ok false when none).
func (g *Goal) Latest() (value float64, ok bool) {
	if len(g.Progress) == 0 {
		return 0, false
	}
	latest := g.Progress[0]
	for _, e := range g.Progress[1:] {
		if !e.On.Before(latest.On) {
			latest = e
		}
	}
	return latest.Value, true
}

// better reports whether a is better than b in the goal's direction.
func (g *Goal) better(a, b float64) bool {
	if g.Direction == HigherIsBetter {
		return a > b
	}
	return a < b
}

// Trend compares the latest value with the one before it (the baseline
// when there is only one entry).
func (g *Goal) Trend() Trend {
	if len(g.Progress) == 0 {
		return TrendNone
	}
	p := append([]ProgressEntry(nil), g.Progress...)
	sort.SliceStable(p, func(i, j int) bool { return p[i].On.Before(p[j].On) })
	latest, before := p[len(p)-1].Value, g.Baseline
	if len(p) > 1 {
		before = p[len(p)-2].Value
	}
	switch {
	case g.better(latest, before):
		return TrendImproving
	case g.better(before, latest):
		return TrendWorse
	}
	return TrendSame
}

// Met reports whether the latest value reaches the target.
func (g *Goal) Met() bool {
	v, ok := g.Latest()
	return ok && !g.better(g.Target, v)
}
