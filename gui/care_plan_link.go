package gui

import (
	"context"

	"fyne.io/fyne/v2/widget"
)

// noPlanLabel is the plan choice of a visit that is part of no plan.
const noPlanLabel = "Not part of a care plan"

// planField is the appointment dialog's "Care plan" choice: the client's
// plans (the visit's own first when linked), changed at once when another
// is chosen. It is nil when the client has no plan.
func (d *appointmentDialog) planField() *field {
	rows, err := d.sh.store.ClientCarePlans(context.Background(), d.appt.ClientID)
	if err != nil || len(rows) == 0 {
		d.planSelect = nil
		return nil
	}
	labels, ids := []string{noPlanLabel}, []int64{0}
	for _, r := range rows {
		labels, ids = append(labels, r.Condition+" ("+r.Status.Label()+")"), append(ids, r.ID)
	}
	sel := widget.NewSelect(labels, nil)
	for i, id := range ids {
		if id == d.appt.CarePlanID {
			sel.SetSelectedIndex(i)
		}
	}
	apptID, current := d.appt.ID, d.appt.CarePlanID
	sel.OnChanged = func(string) {
		i := sel.SelectedIndex()
		if i < 0 || ids[i] == current {
			return
		}
		planID, st := ids[i], d.sh.store
		d.sh.background(func(ctx context.Context) func() {
			err := st.LinkVisits(ctx, planID, apptID)
			return func() {
				if err != nil {
					for j, id := range ids { // the choice goes back to the visit's plan
						if id == current {
							sel.SetSelectedIndex(j)
						}
					}
					showError(d.sh.win, err)
					return
				}
				current, d.appt.CarePlanID = planID, planID
			}
		})
	}
	d.planSelect = sel
	return newField("CarePlanID", "Care plan", sel, "Completed visits of a plan count as its sessions.")
}

// withPlan adds the plan field to the dialog's fields when there is one.
func (d *appointmentDialog) withPlan() []*field {
	if fd := d.planField(); fd != nil {
		return []*field{fd}
	}
	return nil
}
