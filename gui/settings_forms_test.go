package gui

import (
	"context"
	"strings"
	"testing"
)

// Every form in Settings is covered by the leave and quit questions, and
// Discard throws the edits of all of them away.
func TestSettingsFormsAreAllGuarded(t *testing.T) {
	sh := newTestShell(t, true)
	sh.show(sectionSettings)
	sched := sh.settings.schedule
	typeInto(sched.reminders.subject, "See you soon")
	if got := sh.unsaved(); !strings.Contains(got, "reminder") {
		t.Fatalf("the quit question names %q, not the reminder wording", got)
	}
	selectSection(t, sh, sectionClients)
	if sh.current != sectionSettings || !hasDialog(sh) {
		t.Fatal("leaving Settings with an unsaved reminder wording did not ask")
	}
	answer(t, sh, "Keep editing")
	if sched.reminders.subject.Text != "See you soon" {
		t.Fatal("Keep editing lost the wording")
	}
	selectSection(t, sh, sectionClients)
	answer(t, sh, "Discard changes")
	if sh.current != sectionClients || sched.reminders.dirty {
		t.Fatalf("Discard: section %s, still dirty %v", sh.current, sched.reminders.dirty)
	}
	w, err := sh.store.ReminderWording(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if sched.reminders.subject.Text != w.Subject {
		t.Errorf("after Discard the subject shows %q, stored %q", sched.reminders.subject.Text, w.Subject)
	}

	// Ctrl+S in Settings saves the reminder wording too.
	sh.show(sectionSettings)
	typeInto(sched.reminders.subject, "Your visit")
	sh.save()
	if w, _ := sh.store.ReminderWording(context.Background()); w.Subject != "Your visit" {
		t.Errorf("Ctrl+S did not save the wording: %q", w.Subject)
	}
}
