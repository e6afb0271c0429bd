package gui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/stillpoint/stillpoint/data"
)

// newClientOffer is the "New client: …" button under the search results.
func newClientOffer(t *testing.T, b *bookingDialog) {
	t.Helper()
	if b.newClientBtn == nil || !strings.HasPrefix(b.newClientBtn.Text, "New client: ") {
		t.Fatalf("no new-client offer: %s", allText(b.results))
	}
	test.Tap(b.newClientBtn)
}

// findClient is the stored client of that first and last name, or nil.
func findClient(t *testing.T, st *data.Store, first, last string) *data.Client {
	t.Helper()
	rows, err := st.SearchClients(context.Background(), data.ClientQuery{Text: first + " " + last, Limit: 5})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		c, err := st.Client(context.Background(), r.ID)
		if err == nil && c.FirstName == first && c.LastName == last {
			return &c
		}
	}
	return nil
}

// A name the search does not find is offered as a new client; taking it
// adds the client (first and last name) and books for them.
func TestBookingAddsANewClient(t *testing.T) {
	w := newSchedWorld(t)
	b := w.slotAt(t, w.tuesday, 14, 0)
	typeInto(b.search, "Ada  Lovelace King")
	newClientOffer(t, b)
	c := findClient(t, w.sh.store, "Ada", "Lovelace King")
	if c == nil {
		t.Fatal("the new client was not stored as Ada / Lovelace King")
	}
	if b.clientID != c.ID {
		t.Errorf("client chosen %d, want the new one %d", b.clientID, c.ID)
	}
	if f := w.sh.win.Canvas().Focused(); f != b.service {
		t.Errorf("after choosing, the focus is on %T, want the service", f)
	}
	test.Tap(b.saveBtn)
	if n := len(visitsOf(t, w.sh, c.ID)); n != 1 {
		t.Errorf("%d visits booked for the new client", n)
	}
}

// With one word typed the dialog asks for the last name too.
func TestBookingNewClientFromOneWordAsksForBothNames(t *testing.T) {
	w := newSchedWorld(t)
	b := w.slotAt(t, w.tuesday, 14, 0)
	typeInto(b.search, "Cher")
	newClientOffer(t, b)
	if b.clientID != 0 {
		t.Fatal("a client was chosen before the last name was asked")
	}
	test.Type(w.sh.win.Canvas().Focused(), "Sarkisian")
	answer(t, w.sh, "Add client")
	if c := findClient(t, w.sh.store, "Cher", "Sarkisian"); c == nil || b.clientID != c.ID {
		t.Errorf("client %+v, chosen %d", c, b.clientID)
	}
}

// Picking a client found moves the cursor to the service.
func TestBookingPickingAClientMovesOnToTheService(t *testing.T) {
	w := newSchedWorld(t)
	b := w.slotAt(t, w.tuesday, 14, 0)
	w.sh.win.Canvas().Focus(b.search)
	pickClient(t, b, "zoe", "Zoë Tremblay")
	if f := w.sh.win.Canvas().Focused(); f != b.service {
		t.Errorf("focus on %T, want the service", f)
	}
}
