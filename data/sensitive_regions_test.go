package data

import (
	"slices"
	"testing"
)

func TestSensitiveAreaAt(t *testing.T) {
	for _, tc := range []struct {
		view BodyView
		x, y float64
		want string
	}{
		{ViewFront, 0.5, 0.25, AreaChest},
		{ViewFront, 0.5, 0.42, AreaAbdomen},
		{ViewFront, 0.5, 0.60, AreaInnerThigh},
		{ViewBack, 0.5, 0.60, AreaInnerThigh},
		{ViewBack, 0.5, 0.50, AreaGluteals},
		{ViewBack, 0.5, 0.25, ""},   // upper back
		{ViewFront, 0.5, 0.08, ""},  // head
		{ViewFront, 0.15, 0.45, ""}, // the hand beside the hip
		{ViewFront, 0.33, 0.85, ""}, // lower leg
	} {
		if got := SensitiveAreaAt(tc.view, tc.x, tc.y); got != tc.want {
			t.Errorf("%s (%.2f, %.2f): %q, want %q", tc.view, tc.x, tc.y, got, tc.want)
		}
	}
	marks := []Mark{{View: ViewBack, X: 0.5, Y: 0.5}, {View: ViewFront, X: 0.5, Y: 0.25},
		{View: ViewFront, X: 0.45, Y: 0.27}, {View: ViewBack, X: 0.5, Y: 0.2}}
	if got := MarkedSensitiveAreas(marks); !slices.Equal(got, []string{AreaGluteals, AreaChest}) &&
		!slices.Equal(got, []string{AreaChest, AreaGluteals}) {
		t.Errorf("marked areas %v", got)
	}
	if got := UnconsentedSensitive(MarkedSensitiveAreas(marks), []string{AreaChest}); !slices.Equal(got, []string{AreaGluteals}) {
		t.Errorf("unconsented %v, want gluteals", got)
	}
}
