package gui

import (
	"context"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data"
)

// reminderSection is the part of Settings where the therapist words the
// appointment reminders: the e-mail's subject and text and the short text
// for a phone message, with placeholders such as {first_name}, and a live
// preview filled in for a sample visit. It is a form of its own, with its
// own Save, since the wording is stored apart from the practice profile.
type reminderSection struct {
	*form
	sh      *shell
	subject *entry
	body    *entry
	sms     *entry
	restore *widget.Button
	saved   *widget.Label

	previewSubject *widget.Label
	previewBody    *widget.Label
	previewSMS     *widget.Label
	gaps           *widget.Label // placeholders the practice profile leaves empty
	sample         data.ReminderValues

	obj fyne.CanvasObject
}

// newReminderSection builds the section on the open store's wording.
func newReminderSection(sh *shell) *reminderSection {
	s := &reminderSection{sh: sh}
	s.form = newForm(sh, "the reminder wording", s.save)
	s.validate = s.check
	s.onChange = func() {
		s.saved.Hide()
		s.updatePreview()
	}
	s.subject = newEntry("", 200)
	s.body = newTextArea("", 10, 5000)
	s.sms = newTextArea("", 3, 1000)
	s.watch(s.subject, s.body, s.sms)
	s.restore = widget.NewButtonWithIcon("Use the suggested wording", theme.ContentUndoIcon(), func() {
		s.put(data.DefaultReminderWording())
		s.changed()
	})
	s.restore.Importance = widget.LowImportance
	s.saved = widget.NewLabel("Saved.")
	s.saved.Importance = widget.SuccessImportance
	s.saved.Hide()
	s.previewSubject = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.previewBody = widget.NewLabel("")
	s.previewSMS = widget.NewLabel("")
	s.gaps = widget.NewLabel("")
	s.gaps.Importance = widget.WarningImportance
	for _, l := range []*widget.Label{s.previewSubject, s.previewBody, s.previewSMS, s.gaps} {
		l.Wrapping = fyne.TextWrapWord
	}
	s.obj = s.layout()
	s.revert()
	return s
}

// revert shows the stored wording again.
func (s *reminderSection) revert() {
	ctx := context.Background()
	w, err := s.sh.store.ReminderWording(ctx)
	if err != nil {
		showError(s.sh.win, err)
		w = data.DefaultReminderWording()
	}
	p, err := s.sh.store.Practice(ctx)
	if err != nil {
		p = data.DefaultPractice()
	}
	loc, err := s.sh.store.Location(ctx)
	if err != nil {
		loc = time.UTC
	}
	s.sample = data.SampleReminderValues(p, loc)
	s.form.load(func() { s.put(w) })
	s.report(nil, nil)
	s.updatePreview()
}

func (s *reminderSection) put(w data.ReminderWording) {
	s.subject.SetText(w.Subject)
	s.body.SetText(w.EmailBody)
	s.sms.SetText(w.SMS)
}

func (s *reminderSection) read() data.ReminderWording {
	return data.ReminderWording{Subject: s.subject.Text, EmailBody: s.body.Text, SMS: s.sms.Text}
}

// check validates the wording and shows problems under their fields.
func (s *reminderSection) check() bool { return s.report(nil, s.read().Validate()) }

// save stores the wording off the UI goroutine.
func (s *reminderSection) save() {
	if !s.ready() {
		return
	}
	w := s.read()
	s.submit(func(ctx context.Context, st *data.Store) error {
		return st.SaveReminderWording(ctx, &w)
	}, func() {
		s.saved.Show()
	})
}

// updatePreview fills the wording in for the sample visit.
func (s *reminderSection) updatePreview() {
	r := s.read().Render(s.sample)
	s.previewSubject.SetText(r.Subject)
	s.previewBody.SetText(r.Body)
	s.previewSMS.SetText(r.SMS)
	w := s.read()
	all := w.Subject + w.EmailBody + w.SMS
	var empty []string
	for _, g := range []struct{ name, value, what string }{
		{"{phone}", s.sample.Phone, "phone number"}, {"{address}", s.sample.Address, "address"},
		{"{therapist}", s.sample.Therapist, "name"}, {"{practice}", s.sample.Practice, "business name"},
	} {
		if g.value == "" && strings.Contains(all, g.name) {
			empty = append(empty, g.name+" (your "+g.what+")")
		}
	}
	if len(empty) == 0 {
		s.gaps.Hide()
		return
	}
	s.gaps.SetText("Empty until you fill it in under Practice: " + strings.Join(empty, ", ") + ".")
	s.gaps.Show()
}

func (s *reminderSection) layout() fyne.CanvasObject {
	names := make([]string, len(data.ReminderPlaceholders))
	for i, p := range data.ReminderPlaceholders {
		names[i] = "{" + p.Name + "}"
	}
	intro := widget.NewLabel("Stillpoint never sends anything itself: on the Today screen, E-mail opens this " +
		"reminder as a draft in your own mail program, and Copy text copies the short text for your phone. " +
		"You can use " + strings.Join(names, ", ") + ".")
	intro.Wrapping = fyne.TextWrapWord
	preview := container.NewVBox(
		widget.NewLabelWithStyle("Preview, for a sample visit", fyne.TextAlignLeading, fyne.TextStyle{Italic: true}),
		s.previewSubject, s.previewBody, widget.NewSeparator(), s.previewSMS, s.gaps)
	bg := canvasBox(preview)
	buttons := container.NewHBox(s.saveBtn, s.saved, s.restore)
	return section("Reminders",
		intro,
		s.summary,
		s.add(newField("Subject", "E-mail subject", s.subject, "")),
		s.add(newField("EmailBody", "E-mail", s.body, "")),
		s.add(newField("SMS", "Text message", s.sms, "Keep it short: a text message of 160 characters sends as one.")),
		bg,
		buttons,
	)
}

// canvasBox sets content on a quiet panel with rounded corners.
func canvasBox(content fyne.CanvasObject) fyne.CanvasObject {
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	bg.CornerRadius = theme.InputRadiusSize()
	return container.NewStack(bg, container.NewPadded(content))
}
