package load

import (
	"context"
	"fmt"

	"github.com/stillpoint/stillpoint/data"
	"github.com/stillpoint/stillpoint/data/pdf"
)

// CarePlan reads care plan id with its client, figures (sessions done,
// next reassessment), the practice and the handout of each home-care item
// (text and drawing or picture); withHandouts attaches those handouts as
// full pages. The creation date is the Store's clock. A missing plan wraps
// data.ErrNotFound.
func CarePlan(ctx context.Context, st *data.Store, id int64, withHandouts bool) (pdf.CarePlanInput, error) {
	var in pdf.CarePlanInput
	p, err := st.CarePlan(ctx, id)
	if err != nil {
		return in, fmt.Errorf("read care plan %d: %w", id, err)
	}
	pr, m, err := practiceNow(ctx, st)
	if err != nil {
		return in, err
	}
	c, err := st.Client(ctx, p.ClientID)
	if err != nil {
		return in, fmt.Errorf("read the client of care plan %d: %w", id, err)
	}
	f, err := st.CarePlanFigures(ctx, &p)
	if err != nil {
		return in, err
	}
	goals, err := st.CarePlanGoals(ctx, &p)
	if err != nil {
		return in, err
	}
	hs := make([]data.Handout, len(p.HomeCare))
	for i, it := range p.HomeCare {
		if hs[i], err = st.Handout(ctx, it.HandoutID); err != nil {
			return in, fmt.Errorf("read the home care of care plan %d: %w", id, err)
		}
	}
	return pdf.CarePlanInput{Practice: pr, Client: c, Plan: p, Goals: goals, Figures: f, Handouts: hs, WithHandouts: withHandouts,
		Created: m.Now}, nil
}

// Handout reads handout id (a built-in with its text and drawing, or one
// of the therapist's own with its picture) and the practice, to print on
// its own. A missing handout wraps data.ErrNotFound.
func Handout(ctx context.Context, st *data.Store, id int64) (pdf.HandoutInput, error) {
	var in pdf.HandoutInput
	h, err := st.Handout(ctx, id)
	if err != nil {
		return in, fmt.Errorf("read handout %d: %w", id, err)
	}
	pr, m, err := practiceNow(ctx, st)
	if err != nil {
		return in, err
	}
	return pdf.HandoutInput{Practice: pr, Handout: h, Created: m.Now}, nil
}
