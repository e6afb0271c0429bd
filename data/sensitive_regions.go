package data

// sensitiveRegion is a box on the body-chart outline (fractions of its
// width and height, as marks are stored) that lies over a sensitive area.
type sensitiveRegion struct {
	area      string
	view      BodyView
	x0, x1    float64
	y0, y1    float64
	bothViews bool // the area shows from the front and the back
}

// sensitiveRegions maps the outlines in assets/body-front.svg and
// body-back.svg (a 220×500 figure: shoulders at y≈98, navel ≈160,
// crotch ≈264, buttock folds ≈270, knees ≈360) to the sensitive areas that
// need their own consent. Boxes are generous: a mark near the edge of an
// area is better flagged than missed.
var sensitiveRegions = []sensitiveRegion{
	{area: AreaChest, view: ViewFront, x0: 0.30, x1: 0.70, y0: 0.19, y1: 0.33},
	{area: AreaAbdomen, view: ViewFront, x0: 0.32, x1: 0.68, y0: 0.33, y1: 0.52},
	{area: AreaInnerThigh, bothViews: true, x0: 0.39, x1: 0.61, y0: 0.53, y1: 0.70},
	{area: AreaGluteals, view: ViewBack, x0: 0.28, x1: 0.72, y0: 0.44, y1: 0.56},
}

// SensitiveAreaAt names the sensitive area under a body-chart point (view
// and fractions of the outline's width and height), or "" when the point
// is on no sensitive area.
func SensitiveAreaAt(view BodyView, x, y float64) string {
	for _, r := range sensitiveRegions {
		if (r.bothViews || r.view == view) && x >= r.x0 && x <= r.x1 && y >= r.y0 && y <= r.y1 {
			return r.area
		}
	}
	return ""
}

// MarkedSensitiveAreas lists the sensitive areas the marks lie on, each
// once, in form order.
func MarkedSensitiveAreas(marks []Mark) []string {
	var areas []string
	for _, m := range marks {
		if a := SensitiveAreaAt(m.View, m.X, m.Y); a != "" {
			areas = append(areas, a)
		}
	}
	return inAreaOrder(areas)
}
