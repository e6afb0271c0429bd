package load

import (
	"context"
	"fmt"

	"github.com/stillpoint/stillpoint/data"
	"github.com/stillpoint/stillpoint/data/pdf"
)

// ErrOtherClient is returned by Progress for a plan of another client.
var ErrOtherClient = fmt.Errorf("that care plan belongs to another client")

// Progress reads a client's progress report: with planID 0 their whole
// history up to today, otherwise that plan's dates (its start to its
// discharge, or today while it is active) with its goals judged. The
// summary and next steps are the therapist's, typed when printing.
func Progress(ctx context.Context, st *data.Store, clientID, planID int64, summary, next string) (pdf.ProgressInput, error) {
	var in pdf.ProgressInput
	p, m, err := practiceNow(ctx, st)
	if err != nil {
		return in, err
	}
	c, err := st.Client(ctx, clientID)
	if err != nil {
		return in, fmt.Errorf("read client %d: %w", clientID, err)
	}
	in = pdf.ProgressInput{Practice: p, Client: c, To: m.Today, Summary: summary, NextSteps: next, Created: m.Now}
	if planID != 0 {
		plan, err := st.CarePlan(ctx, planID)
		if err != nil {
			return in, fmt.Errorf("read care plan %d: %w", planID, err)
		}
		if plan.ClientID != clientID {
			return in, fmt.Errorf("care plan %d: %w", planID, ErrOtherClient)
		}
		in.Plan, in.From = &plan, plan.StartDate
		if plan.Status != data.PlanActive && !plan.DischargeDate.IsZero() {
			in.To = plan.DischargeDate
		}
	}
	o, err := st.ClientOutcomes(ctx, clientID, data.Date{})
	if err != nil {
		return in, err
	}
	in.Series = o.Between(in.From, in.To).Series
	if in.Plan != nil {
		in.Goals = in.Plan.JudgeGoals(o)
	}
	visits, err := st.ClientAppointments(ctx, clientID)
	if err != nil {
		return in, fmt.Errorf("read the visits of client %d: %w", clientID, err)
	}
	for _, a := range visits {
		day := data.DateOf(a.Start.In(m.Loc))
		if a.Status == data.StatusCompleted && !a.End.After(m.Now) && !day.Before(in.From) && !in.To.Before(day) {
			in.Visits++
		}
	}
	return in, nil
}
