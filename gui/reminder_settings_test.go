package gui

import (
	"context"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"github.com/stillpoint/stillpoint/data"
)

// newReminderWindow shows the reminder section alone in the window, as
// Settings will show it, scrolled.
func newReminderWindow(t *testing.T) (*shell, *reminderSection) {
	t.Helper()
	sh := newTestShell(t, true)
	s := newReminderSection(sh)
	sh.win.SetContent(container.NewVScroll(s.obj))
	return sh, s
}

func TestReminderSectionHasAWidgetForEveryField(t *testing.T) {
	_, s := newReminderWindow(t)
	for _, n := range data.ReminderFieldNames() {
		fd, ok := s.fields[n]
		if !ok {
			t.Errorf("the reminder section has no widget for %s", n)
			continue
		}
		if !slices.Contains(s.order, fd) || fd.input == nil {
			t.Errorf("the reminder section's %s field is not laid out", n)
		}
	}
}

func TestReminderSectionSavesTheWording(t *testing.T) {
	sh, s := newReminderWindow(t)
	if s.subject.Text != data.DefaultReminderWording().Subject {
		t.Fatalf("a new practice shows %q, want the suggested wording", s.subject.Text)
	}
	if !s.gaps.Visible() || !strings.Contains(s.gaps.Text, "{phone} (your phone number)") {
		t.Errorf("the practice has no phone, yet the preview does not say so: %q", s.gaps.Text)
	}
	typeInto(s.subject, "See you {date}, {first_name}")
	if !s.dirty {
		t.Error("an edit did not mark the section changed")
	}
	if got := s.previewSubject.Text; got != "See you Tuesday 3 March, Bea" {
		t.Errorf("preview %q", got)
	}
	test.Tap(s.saveBtn)
	w, err := sh.store.ReminderWording(context.Background())
	if err != nil || w.Subject != "See you {date}, {first_name}" || w.SMS != data.DefaultReminderWording().SMS {
		t.Fatalf("stored %+v, %v", w, err)
	}
	if s.dirty || !s.saved.Visible() {
		t.Errorf("after saving: dirty %v, Saved shown %v", s.dirty, s.saved.Visible())
	}
	// A fresh section reads the saved wording back.
	if again := newReminderSection(sh); again.subject.Text != w.Subject {
		t.Errorf("reopened with %q", again.subject.Text)
	}
	test.Tap(s.restore)
	if s.subject.Text != data.DefaultReminderWording().Subject || !s.dirty {
		t.Errorf("restore: %q dirty %v", s.subject.Text, s.dirty)
	}
}

func TestReminderSectionShowsABadPlaceholderUnderItsField(t *testing.T) {
	sh, s := newReminderWindow(t)
	typeInto(s.sms, "Hi {frist_name}")
	test.Tap(s.saveBtn)
	fd := s.fields["SMS"]
	if !fd.highlighted() || !strings.Contains(fd.err.Text, "{frist_name} is not a placeholder") ||
		!strings.Contains(fd.err.Text, "{first_name}") {
		t.Fatalf("SMS field shows %q (highlighted %v)", fd.err.Text, fd.highlighted())
	}
	if s.fields["Subject"].highlighted() {
		t.Error("the subject is highlighted too")
	}
	if w, _ := sh.store.ReminderWording(context.Background()); w != data.DefaultReminderWording() {
		t.Errorf("a wording with a problem was stored: %+v", w)
	}
	if sh.win.Canvas().Focused() != s.sms {
		t.Error("the cursor is not in the field with the problem")
	}
	// Fixing it clears the message as soon as it is typed.
	typeInto(s.sms, "Hi {first_name}")
	if fd.highlighted() {
		t.Errorf("still shows %q after the fix", fd.err.Text)
	}
}

// The section fits a small laptop's width and is drawn in both themes.
func TestRenderReminderSection(t *testing.T) {
	sh, s := newReminderWindow(t)
	typeInto(s.sms, "Hi {frist_name}")
	test.Tap(s.saveBtn)
	for _, variant := range []string{"light", "dark"} {
		if variant == "light" {
			sh.app.Settings().SetTheme(lightTheme{})
		} else {
			sh.app.Settings().SetTheme(darkTheme{})
		}
		size := fyne.NewSize(800, 600) // Settings' side of a 1024-wide window
		sh.win.Resize(size)
		if m := s.obj.MinSize(); m.Width > size.Width {
			t.Errorf("%s: the section needs %v points of width", variant, m.Width)
		}
		if dir := os.Getenv("STILLPOINT_RENDER"); dir != "" {
			out, err := os.Create(filepath.Join(dir, fmt.Sprintf("reminders-%s.png", variant)))
			if err != nil {
				t.Fatal(err)
			}
			if err := png.Encode(out, sh.win.Canvas().Capture()); err != nil {
				t.Fatal(err)
			}
			out.Close()
			sh.win.Content().(*container.Scroll).ScrollToBottom()
			out, err = os.Create(filepath.Join(dir, fmt.Sprintf("reminders-%s-bottom.png", variant)))
			if err != nil {
				t.Fatal(err)
			}
			if err := png.Encode(out, sh.win.Canvas().Capture()); err != nil {
				t.Fatal(err)
			}
			out.Close()
			sh.win.Content().(*container.Scroll).ScrollToTop()
		}
	}
}
