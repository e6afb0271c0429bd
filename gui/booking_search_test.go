package gui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/stillpoint/stillpoint/data"
)

// Typing a new search after choosing a client un-chooses them.
func TestBookingSearchEditClearsTheChosenClient(t *testing.T) {
	w := newSchedWorld(t)
	b := w.slotAt(t, w.tuesday, 14, 0)
	pickClient(t, b, "bea", "Bea Okafor")
	if b.clientID != w.bea.ID {
		t.Fatal("Bea not chosen")
	}
	typeInto(b.search, "zo")
	if b.clientID != 0 || strings.Contains(b.chosen.Text, "Bea") {
		t.Errorf("after a new search, client %d is still chosen (%q)", b.clientID, b.chosen.Text)
	}
}

// A search still running when a client is chosen does not list its
// results afterwards; Enter before the results arrive picks the first
// client of the text typed.
func TestBookingSearchLateResultsAndEarlyEnter(t *testing.T) {
	w := newSchedWorld(t)
	sh := w.sh
	b := w.slotAt(t, w.tuesday, 14, 0)
	q := queueAsync(sh)
	typeInto(b.search, "zoe")
	b.search.OnSubmitted(b.search.Text) // Enter before the search answered
	if b.clientID != w.zoe.ID {
		t.Fatalf("Enter while searching chose client %d, want Zoë", b.clientID)
	}
	runQueued(q)
	if n := len(b.resultButtons()); n != 0 {
		t.Errorf("a late search listed %d clients after the choice: %s", n, allText(b.results))
	}
	if b.clientID != w.zoe.ID {
		t.Error("a late search changed the client chosen")
	}
}

// Two clients of the same name are told apart by their phone or e-mail.
func TestBookingSearchTellsNamesakesApart(t *testing.T) {
	w := newSchedWorld(t)
	ctx := context.Background()
	for _, c := range []data.Client{{FirstName: "Sam", LastName: "Lee", MobilePhone: "416-555-0101"},
		{FirstName: "Sam", LastName: "Lee", Email: "sam@example.com"}} {
		if err := w.sh.store.CreateClient(ctx, &c); err != nil {
			t.Fatal(err)
		}
	}
	b := w.slotAt(t, w.tuesday, 14, 0)
	typeInto(b.search, "sam lee")
	var texts []string
	for _, btn := range b.resultButtons() {
		texts = append(texts, btn.Text)
	}
	got := strings.Join(texts, "\n")
	if len(texts) != 2 || !strings.Contains(got, "416-555-0101") || !strings.Contains(got, "sam@example.com") {
		t.Errorf("namesakes listed as:\n%s", got)
	}
	test.Tap(b.resultButtons()[1])
	if b.clientID == 0 {
		t.Error("no client chosen")
	}
}

// A length of 3 minutes is refused under its field, as the data layer
// refuses it; empty means the service's length, and the end says so.
func TestBookingLengthMustBeFiveMinutesToTwelveHours(t *testing.T) {
	w := newSchedWorld(t)
	sh := w.sh
	b := w.slotAt(t, w.tuesday, 14, 0)
	pickClient(t, b, "zoe", "Zoë Tremblay")
	if !strings.Contains(b.end.Text, "the service's length") {
		t.Errorf("an empty length does not say it is the service's: %q", b.end.Text)
	}
	typeInto(b.minutes, "3")
	if fd := b.fields["Minutes"]; !fd.highlighted() || !strings.Contains(fd.err.Text, "5 minutes to 12 hours") {
		t.Errorf("3 minutes is not refused under the field: %q", fd.err.Text)
	}
	test.Tap(b.saveBtn)
	if n := len(visitsOf(t, sh, w.zoe.ID)); n != 0 {
		t.Fatalf("a 3-minute visit was booked")
	}
	typeInto(b.minutes, "45")
	if b.fields["Minutes"].highlighted() || !strings.Contains(b.end.Text, "Ends 14:45 (45 min)") {
		t.Errorf("45 minutes: error %q, end %q", b.fields["Minutes"].err.Text, b.end.Text)
	}
	test.Tap(b.saveBtn)
	got := visitsOf(t, sh, w.zoe.ID)
	if len(got) != 1 || got[0].Minutes != 45 {
		t.Fatalf("booked %+v", got)
	}
	sh.show(sectionClients)
	sh.clients.openClient(w.zoe.ID)
	if txt := allText(sh.clients.page.visits.obj); !strings.Contains(txt, "14:00–14:45") {
		t.Errorf("the client page does not show the visit's real length:\n%s", txt)
	}
}
