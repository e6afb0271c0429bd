package gui

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data"
)

// clinicalSettings is Settings' Clinical tab: the wording of the two consent
// forms (each save keeps a new version; signed consents keep theirs) and
// how often health histories are reviewed. Each part is a form of its own.
type clinicalSettings struct {
	texts    []*consentTextSection // general, then sensitive
	interval *reviewIntervalSection
	obj      fyne.CanvasObject
}

// newClinical builds the Clinical tab and returns its content.
func (s *settingsScreen) newClinical() fyne.CanvasObject {
	c := &clinicalSettings{}
	body := container.NewVBox()
	for _, k := range data.ConsentKinds() {
		t := newConsentTextSection(s.sh, k)
		c.texts = append(c.texts, t)
		body.Add(t.obj)
	}
	c.interval = newReviewIntervalSection(s.sh)
	body.Add(c.interval.obj)
	c.obj = container.NewVScroll(container.NewPadded(body))
	s.clinical = c
	return c.obj
}

// settingsForms lists the tab's forms for Settings' leave and quit
// questions; none before the tab is built.
func (c *clinicalSettings) settingsForms() []settingsForm {
	if c == nil {
		return nil
	}
	var out []settingsForm
	for _, t := range c.texts {
		out = append(out, settingsForm{t.form, t.revert})
	}
	return append(out, settingsForm{c.interval.form, c.interval.revert})
}

// consentTextSection edits one consent form's wording.
type consentTextSection struct {
	*form
	kind    data.ConsentKind
	body    *entry
	version *widget.Label
	saved   *widget.Label
	obj     fyne.CanvasObject
}

func newConsentTextSection(sh *shell, kind data.ConsentKind) *consentTextSection {
	s := &consentTextSection{kind: kind}
	s.form = newForm(sh, "the "+strings.ToLower(kind.Label())+" text", s.save)
	s.saveBtn.SetText("Save as new version")
	s.validate = s.check
	s.body = newTextArea("", 8, capLong)
	s.watch(s.body)
	s.version = widget.NewLabel("")
	s.version.Importance = widget.LowImportance
	s.saved = widget.NewLabel("Saved.")
	s.saved.Importance = widget.SuccessImportance
	s.saved.Hide()
	s.onChange = s.saved.Hide
	s.obj = section(kind.Label(), s.summary,
		s.add(newField("Body", "", s.body, "Each save keeps a new version; consents already signed keep the words the client read.")),
		container.NewHBox(s.saveBtn, s.saved, s.version))
	s.revert()
	return s
}

// revert shows the current version again.
func (s *consentTextSection) revert() {
	t, err := s.sh.store.ConsentText(context.Background(), s.kind)
	if err != nil {
		showError(s.sh.win, err)
	}
	s.form.load(func() { s.body.SetText(t.Body) })
	s.showVersion(t)
	s.report(nil, nil)
}

func (s *consentTextSection) showVersion(t data.ConsentText) {
	if t.Version == 0 {
		s.version.SetText("No text saved yet.")
		return
	}
	loc, err := s.sh.store.Location(context.Background())
	if err != nil {
		loc = time.UTC
	}
	s.version.SetText(fmt.Sprintf("Version %d, saved %s", t.Version, t.CreatedAt.In(loc).Format("2 Jan 2006")))
}

func (s *consentTextSection) check() bool {
	var probs []data.FieldProblem
	if strings.TrimSpace(s.body.Text) == "" {
		probs = append(probs, data.FieldProblem{Field: "Body", Message: "The consent text is empty. Write what the client agrees to."})
	}
	return s.report(probs, nil)
}

// save keeps the wording as a new version off the UI goroutine.
func (s *consentTextSection) save() {
	if !s.ready() {
		return
	}
	body := s.body.Text
	var saved data.ConsentText
	s.submit(func(ctx context.Context, st *data.Store) error {
		var err error
		saved, err = st.SaveConsentText(ctx, s.kind, body)
		return err
	}, func() {
		s.form.load(func() { s.body.SetText(saved.Body) })
		s.showVersion(saved)
		s.saved.Show()
	})
}

// reviewIntervalSection edits how many months pass before a health history
// is due for review.
type reviewIntervalSection struct {
	*form
	months *entry
	saved  *widget.Label
	obj    fyne.CanvasObject
}

func newReviewIntervalSection(sh *shell) *reviewIntervalSection {
	s := &reviewIntervalSection{}
	s.form = newForm(sh, "the review interval", s.save)
	s.validate = s.check
	s.months = newEntry("e.g. 12", 3)
	s.watch(s.months)
	s.saved = widget.NewLabel("Saved.")
	s.saved.Importance = widget.SuccessImportance
	s.saved.Hide()
	s.onChange = s.saved.Hide
	s.obj = section("Health history reviews", s.summary,
		s.add(newField("ReviewIntervalMonths", "Review every (months)", container.NewGridWrap(fyne.NewSize(120, s.months.MinSize().Height), s.months),
			"A client's page asks for a review once this many months have passed since the last one (1 to 60).")),
		container.NewHBox(s.saveBtn, s.saved))
	s.revert()
	return s
}

// revert shows the stored interval again.
func (s *reviewIntervalSection) revert() {
	n, err := s.sh.store.ReviewInterval(context.Background())
	if err != nil {
		showError(s.sh.win, err)
		n = data.DefaultReviewMonths
	}
	s.form.load(func() { s.months.SetText(strconv.Itoa(n)) })
	s.report(nil, nil)
}

func (s *reviewIntervalSection) read() (int, []data.FieldProblem) {
	n, err := strconv.Atoi(strings.TrimSpace(s.months.Text))
	if err != nil || n < 1 || n > 60 {
		return 0, []data.FieldProblem{{Field: "ReviewIntervalMonths", Message: "Enter a number of months from 1 to 60."}}
	}
	return n, nil
}

func (s *reviewIntervalSection) check() bool {
	_, probs := s.read()
	return s.report(probs, nil)
}

// save stores the interval off the UI goroutine.
func (s *reviewIntervalSection) save() {
	if !s.ready() {
		return
	}
	n, _ := s.read()
	s.submit(func(ctx context.Context, st *data.Store) error { return st.SaveReviewInterval(ctx, n) },
		func() { s.saved.Show() })
}
