package gui

// settingsForm is one of the forms Settings holds, with how to throw its
// edits away.
type settingsForm struct {
	form   *form
	revert func()
}

// forms lists every form in Settings: the practice profile, the working
// hours and the reminder wording. (Services and blocked time are edited in
// dialogs of their own.)
func (s *settingsScreen) forms() []settingsForm {
	out := []settingsForm{{s.form, s.revert}}
	if s.schedule != nil {
		out = append(out, settingsForm{s.schedule.hours.form, s.schedule.hours.revert},
			settingsForm{s.schedule.reminders.form, s.schedule.reminders.revert})
	}
	out = append(out, s.clinical.settingsForms()...) // consent texts, review interval
	if s.receipts != nil {
		out = append(out, settingsForm{s.receipts.form, s.receipts.revert})
	}
	return out
}

// unsavedForms lists Settings' forms with changes not yet saved.
func (s *settingsScreen) unsavedForms() []*form {
	var out []*form
	for _, f := range s.forms() {
		if f.form.dirty {
			out = append(out, f.form)
		}
	}
	return out
}

// revertAll throws away every unsaved edit in Settings.
func (s *settingsScreen) revertAll() {
	for _, f := range s.forms() {
		if f.form.dirty {
			f.revert()
		}
	}
}

// saveAll saves every Settings form with unsaved changes (Ctrl+S), or the
// practice profile when nothing has changed (to show its checks).
func (s *settingsScreen) saveAll() {
	forms := s.unsavedForms()
	if len(forms) == 0 {
		s.save()
		return
	}
	for _, f := range forms {
		f.saveFn()
	}
}
