package gui

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

func TestSettingsSaveAndInlineErrors(t *testing.T) {
	sh := newTestShell(t, true)
	sh.show(sectionSettings)
	s := sh.settings
	if s.therapist.Text != "Maya Lindqvist" || s.paper.Selected != "Letter" {
		t.Fatalf("profile not loaded: %q %q", s.therapist.Text, s.paper.Selected)
	}
	typeInto(s.email, "maya@")
	typeInto(s.taxRate, "thirteen")
	typeInto(s.therapist, "")
	test.Tap(s.saveBtn)
	for field, says := range map[string]string{
		"Email": "e-mail address", "TaxRate": "percentage", "TherapistName": "your name",
	} {
		if msg := s.fields[field].err.Text; !strings.Contains(msg, says) {
			t.Errorf("%s message %q, want %q", field, msg, says)
		}
	}
	if p, _ := sh.store.Practice(context.Background()); p.TherapistName != "Maya Lindqvist" {
		t.Errorf("bad profile saved: %+v", p)
	}
	if s.email.Text != "maya@" {
		t.Error("typed e-mail lost")
	}

	typeInto(s.therapist, "Maya Lindqvist, RMT")
	typeInto(s.email, "maya@cedarstone.ca")
	typeInto(s.taxRate, "13")
	s.taxName.SetText("HST")
	s.timeZone.SetText("America/Vancouver")
	s.paper.SetSelected("A4")
	test.Tap(s.saveBtn)
	p, err := sh.store.Practice(context.Background())
	if err != nil || p.Email != "maya@cedarstone.ca" || p.TaxRateBP != 1300 || p.PaperSize != "A4" ||
		p.TimeZone != "America/Vancouver" || p.TaxName != "HST" {
		t.Errorf("saved profile %+v %v", p, err)
	}
	if !s.saved.Visible() || s.dirty {
		t.Error("no sign that the profile was saved")
	}
}

func TestWelcomeOnEmptyPracticeThenSetUp(t *testing.T) {
	sh := newTestShell(t, false)
	if sh.screens != nil {
		t.Fatal("main screens shown on an empty practice")
	}
	text := allText(sh.win.Content())
	if !strings.Contains(text, "Welcome to Stillpoint") || !strings.Contains(text, sh.realPath) {
		t.Fatalf("welcome says:\n%s", text)
	}
	w := findWelcome(t, sh)
	test.Tap(w.setUp)
	if sh.current != sectionSettings || !sh.settings.intro.Visible() {
		t.Fatalf("Set up went to %q", sh.current)
	}
	test.Type(sh.settings.therapist, "Ingrid Søreide")
	test.Tap(sh.settings.saveBtn)
	if p, _ := sh.store.Practice(context.Background()); p.TherapistName != "Ingrid Søreide" {
		t.Errorf("profile %+v", p)
	}
}

func TestExploreSampleOpensSeparateDemoAndLeaves(t *testing.T) {
	sh := newTestShell(t, false)
	realPath := sh.store.Path()
	test.Tap(findWelcome(t, sh).explore)
	if sh.store.Path() == realPath || !sh.demo {
		t.Fatalf("demo not opened: path %s demo %v", sh.store.Path(), sh.demo)
	}
	if len(sh.banner.Objects) == 0 || !strings.Contains(allText(sh.banner), "DEMO PRACTICE") {
		t.Error("no demo banner")
	}
	if len(sh.clients.rows) < 50 {
		t.Errorf("demo has %d clients", len(sh.clients.rows))
	}
	// The real practice is untouched.
	if text := allText(sh.banner); !strings.Contains(text, "[Leave demo]") {
		t.Fatalf("banner: %q", text)
	}
	sh.reallyLeaveDemo()
	if sh.store.Path() != realPath || sh.demo || sh.screens != nil {
		t.Errorf("after leaving: path %s demo %v", sh.store.Path(), sh.demo)
	}
	if empty, _ := sh.store.IsEmpty(context.Background()); !empty {
		t.Error("demo records leaked into the real practice")
	}
}

func findWelcome(t *testing.T, sh *shell) *welcome {
	t.Helper()
	if sh.welcome == nil {
		t.Fatal("no welcome screen")
	}
	return sh.welcome
}

func TestCancelledSampleLeavesNoFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "practice-demo.db")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	st, err := openOrFillDemo(ctx, path, func(int, int) {})
	if !errors.Is(err, context.Canceled) || st != nil {
		t.Fatalf("cancelled fill: %v", err)
	}
	for _, suffix := range []string{"", "-wal", "-shm"} {
		if _, err := os.Stat(path + suffix); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s%s left behind", filepath.Base(path), suffix)
		}
	}
}
