// Package load reads from the Store what each printed document needs and
// returns it as the plain input of a data/pdf renderer. It is the one
// bridge between the two, shared by the app and the command line, so
// data/pdf itself never sees the Store.
package load

import (
	"context"
	"fmt"

	"github.com/stillpoint/stillpoint/data"
	"github.com/stillpoint/stillpoint/data/pdf"
)

// Note reads treatment note id with its client, visit, amendments and the
// practice. The creation date is the Store's clock (data.Store.Moment), so
// a test with a fixed clock gets the same bytes every time. A draft note is
// pdf.ErrDraft; a missing one wraps data.ErrNotFound.
func Note(ctx context.Context, st *data.Store, id int64) (pdf.NoteInput, error) {
	var in pdf.NoteInput
	n, err := st.Note(ctx, id)
	if err != nil {
		return in, fmt.Errorf("read note %d: %w", id, err)
	}
	if !n.Signed() {
		return in, pdf.ErrDraft
	}
	m, err := st.Moment(ctx)
	if err != nil {
		return in, fmt.Errorf("read the practice's clock: %w", err)
	}
	p, err := st.Practice(ctx)
	if err != nil {
		return in, fmt.Errorf("read the practice: %w", err)
	}
	c, err := st.Client(ctx, n.ClientID)
	if err != nil {
		return in, fmt.Errorf("read the client of note %d: %w", id, err)
	}
	am, err := st.Amendments(ctx, id)
	if err != nil {
		return in, fmt.Errorf("read the amendments of note %d: %w", id, err)
	}
	in = pdf.NoteInput{Practice: p, Client: c, Note: n, Amendments: am, Loc: m.Loc, Created: m.Now}
	if n.AppointmentID != 0 {
		a, err := st.Appointment(ctx, n.AppointmentID)
		if err != nil {
			return in, fmt.Errorf("read the visit of note %d: %w", id, err)
		}
		in.Visit = a.Start
		ci, err := st.CheckInForAppointment(ctx, n.AppointmentID)
		if err != nil {
			return in, fmt.Errorf("read the check-in of note %d: %w", id, err)
		}
		if ci.ID != 0 {
			in.CheckIn = ci.Summary(n.Pain)
		}
	}
	return in, nil
}
