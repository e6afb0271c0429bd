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
