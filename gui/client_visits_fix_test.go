package gui

import (
	"testing"
	"time"

	"github.com/stillpoint/stillpoint/data"
)

// A cancelled visit next week is upcoming, not past; a visit begun an
// hour ago is past, whatever its status.
func TestSplitVisitsByStartWhateverTheStatus(t *testing.T) {
	now := time.Date(2026, 11, 30, 10, 0, 0, 0, time.UTC)
	begun := data.Appointment{ID: 1, Start: now.Add(-time.Hour), End: now.Add(time.Hour), Status: data.StatusBooked}
	cancelled := data.Appointment{ID: 2, Start: now.AddDate(0, 0, 7), End: now.AddDate(0, 0, 7).Add(time.Hour),
		Status: data.StatusCancelled}
	up, past := splitVisits([]data.Appointment{begun, cancelled}, now)
	if len(up) != 1 || up[0].ID != 2 || len(past) != 1 || past[0].ID != 1 {
		t.Errorf("upcoming %v, past %v", up, past)
	}
}

// On the client page, Bea's cancelled visit next week is listed under
// Upcoming.
func TestClientPageListsAFutureCancelledVisitAsUpcoming(t *testing.T) {
	w := newSchedWorld(t)
	sh := w.sh
	if _, err := sh.store.CancelAppointment(t.Context(), w.beaVisit.ID, "Unwell", false, data.ThisVisit); err != nil {
		t.Fatal(err)
	}
	sh.show(sectionClients)
	sh.clients.openClient(w.bea.ID)
	v := sh.clients.page.visits
	if len(v.upcoming) != 1 || len(v.past) != 0 {
		t.Errorf("upcoming %d, past %d; want the cancelled visit upcoming", len(v.upcoming), len(v.past))
	}
}
