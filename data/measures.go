package data

import (
	"strconv"
	"strings"
)

// Unit is how a measure's values are counted.
type Unit string

// The units of the measure catalogue. Stored with each mobility reading.
const (
	UnitPoints  Unit = "points"  // a 0-10 rating
	UnitDegrees Unit = "degrees" // a joint's range of motion
	UnitCM      Unit = "cm"      // a distance (fingertip to floor)
)

// amount writes v with its unit: "20°", "5 cm", "1 point", "4 points".
func (u Unit) amount(v float64) string {
	n := formatValue(v)
	switch u {
	case UnitDegrees:
		return n + "°"
	case UnitCM:
		return n + " cm"
	}
	if v == 1 {
		return n + " point"
	}
	return n + " points"
}

// MeasureKind says where a measure's values come from.
type MeasureKind string

// The kinds of measure.
const (
	CheckInMeasure  MeasureKind = "checkin"  // asked at every visit's check-in
	MobilityMeasure MeasureKind = "mobility" // measured by the therapist at (re)assessments
)

// Measure is one entry of the measure catalogue: what can be followed over
// visits. Care-plan goals refer to a measure by its Key.
type Measure struct {
	Key           string
	Label         string // in words, starting with a capital: "Cervical rotation right"
	Unit          Unit
	Min, Max      float64 // the plausible range; values outside are refused
	LowerIsBetter bool    // pain, stress, fingertip-to-floor; otherwise higher is better
	Kind          MeasureKind
}

// Keys of the check-in measures. A PSFS activity's measure key is
// PSFSKey(activity ID).
const (
	MeasurePain   = "pain"
	MeasureStress = "stress"
	MeasureSleep  = "sleep"
	measurePSFS   = "psfs"
)

// measureCatalogue is the fixed list, in the order screens show it.
var measureCatalogue = []Measure{
	{Key: MeasurePain, Label: "Pain", Unit: UnitPoints, Max: 10, LowerIsBetter: true, Kind: CheckInMeasure},
	{Key: MeasureStress, Label: "Stress", Unit: UnitPoints, Max: 10, LowerIsBetter: true, Kind: CheckInMeasure},
	{Key: MeasureSleep, Label: "Sleep", Unit: UnitPoints, Max: 10, Kind: CheckInMeasure},
	{Key: "cervical_rotation_left", Label: "Neck rotation left", Unit: UnitDegrees, Max: 100, Kind: MobilityMeasure},
	{Key: "cervical_rotation_right", Label: "Neck rotation right", Unit: UnitDegrees, Max: 100, Kind: MobilityMeasure},
	{Key: "cervical_lateral_flexion_left", Label: "Neck side bend left", Unit: UnitDegrees, Max: 60, Kind: MobilityMeasure},
	{Key: "cervical_lateral_flexion_right", Label: "Neck side bend right", Unit: UnitDegrees, Max: 60, Kind: MobilityMeasure},
	{Key: "shoulder_flexion_left", Label: "Shoulder flexion left", Unit: UnitDegrees, Max: 200, Kind: MobilityMeasure},
	{Key: "shoulder_flexion_right", Label: "Shoulder flexion right", Unit: UnitDegrees, Max: 200, Kind: MobilityMeasure},
	{Key: "shoulder_abduction_left", Label: "Shoulder abduction left", Unit: UnitDegrees, Max: 200, Kind: MobilityMeasure},
	{Key: "shoulder_abduction_right", Label: "Shoulder abduction right", Unit: UnitDegrees, Max: 200, Kind: MobilityMeasure},
	{Key: "lumbar_flexion_fingertip_floor", Label: "Fingertip to floor", Unit: UnitCM, Max: 80, LowerIsBetter: true, Kind: MobilityMeasure},
	{Key: "straight_leg_raise_left", Label: "Straight-leg raise left", Unit: UnitDegrees, Max: 120, Kind: MobilityMeasure},
	{Key: "straight_leg_raise_right", Label: "Straight-leg raise right", Unit: UnitDegrees, Max: 120, Kind: MobilityMeasure},
}

// Measures returns the catalogue: the check-in measures, then the mobility
// measures, in the order screens show them. (PSFS activities are measures
// too, one per activity: see PSFSMeasure.)
func Measures() []Measure { return append([]Measure(nil), measureCatalogue...) }

// MobilityMeasures returns the measures a therapist can pick for a client.
func MobilityMeasures() []Measure {
	var out []Measure
	for _, m := range measureCatalogue {
		if m.Kind == MobilityMeasure {
			out = append(out, m)
		}
	}
	return out
}

// MeasureByKey finds a catalogue measure, or a PSFS activity's measure
// (labelled "Activity" until named), by key.
func MeasureByKey(key string) (Measure, bool) {
	for _, m := range measureCatalogue {
		if m.Key == key {
			return m, true
		}
	}
	if strings.HasPrefix(key, measurePSFS+":") {
		return Measure{Key: key, Label: "Activity", Unit: UnitPoints, Max: 10, Kind: CheckInMeasure}, true
	}
	return Measure{}, false
}

// PSFSMeasure is the measure of one PSFS activity: its name as label, 0-10,
// higher is better (10 = able to do it as before).
func PSFSMeasure(a PSFSActivity) Measure {
	return Measure{Key: PSFSKey(a.ID), Label: a.Name, Unit: UnitPoints, Max: 10, Kind: CheckInMeasure}
}

// PSFSKey is the measure key of the PSFS activity with the given ID.
func PSFSKey(activityID int64) string { return measurePSFS + ":" + strconv.FormatInt(activityID, 10) }

// check reports a value outside the measure's range, naming the measure.
func (m Measure) check(p *problems, field string, v float64) {
	if v < m.Min || v > m.Max || v != v {
		p.add(field, "%s must be between %s and %s (you entered %s).", m.Label, m.Unit.bare(m.Min),
			m.Unit.upper(m.Max), formatValue(v))
	}
}

// upper is a range's upper end: "100°", "80 cm", "10".
func (u Unit) upper(v float64) string {
	if u == UnitCM {
		return formatValue(v) + " cm"
	}
	return u.bare(v)
}

// bare is a number without its unit, except degrees keep their sign.
func (u Unit) bare(v float64) string {
	if u == UnitDegrees {
		return formatValue(v) + "°"
	}
	return formatValue(v)
}

// Format writes a value the way screens and documents show it: "3", "70°",
// "12 cm" (points without a unit).
func (u Unit) Format(v float64) string { return u.upper(v) }
