package gui

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data"
)

// mobilityForm records a client's mobility at a visit: the therapist ticks
// the measures followed for this client (from the fixed list) and types a
// value for each, in degrees or cm. Values outside a measure's plausible
// range are refused under the measure. It belongs to a visit, chosen at
// the top (today's by default), or to today without one.
type mobilityForm struct {
	*form
	clientID int64
	day      data.Date
	apptID   int64          // the visit measured at; 0: none
	visit    *widget.Select // which visit (openMobility)
	picks    map[string]*widget.Check
	values   map[string]*entry
	onSaved  func()
	obj      fyne.CanvasObject
}

func newMobilityForm(sh *shell, clientID int64, day data.Date, followed []string, stored data.MobilityVisit) *mobilityForm {
	f := &mobilityForm{clientID: clientID, day: day, picks: map[string]*widget.Check{}, values: map[string]*entry{}}
	f.form = newForm(sh, "these measures", f.save)
	f.validate = func() bool { _, ok := f.read(); return ok }
	isFollowed := map[string]bool{}
	for _, k := range followed {
		isFollowed[k] = true
	}
	var rows []fyne.CanvasObject
	for _, me := range data.MobilityMeasures() {
		me := me
		v := newEntry(unitWord(me.Unit), 5)
		v.OnSubmitted = func(string) { f.save() }
		f.watch(v)
		pick := widget.NewCheck(me.Label, func(on bool) {
			if on {
				v.Show()
			} else {
				v.Hide()
			}
			f.changed()
		})
		f.picks[me.Key], f.values[me.Key] = pick, v
		line := container.NewBorder(nil, nil, nil, container.NewGridWrap(fyne.NewSize(110, v.MinSize().Height), v), pick)
		rows = append(rows, f.add(newField(me.Key, "", line, "")))
	}
	f.load(func() {
		for _, me := range data.MobilityMeasures() {
			val, measured := stored.Values[me.Key]
			f.picks[me.Key].SetChecked(isFollowed[me.Key] || measured)
			if !f.picks[me.Key].Checked {
				f.values[me.Key].Hide()
			}
			if measured {
				f.values[me.Key].SetText(strconv.FormatFloat(val, 'f', -1, 64))
			}
		}
	})
	f.obj = container.New(newColumnsLayout(2), rows...)
	return f
}

// unitWord is a value entry's placeholder.
func unitWord(u data.Unit) string {
	if u == data.UnitCM {
		return "cm"
	}
	return "degrees"
}

// read turns the ticked measures' values into a visit and shows problems.
func (f *mobilityForm) read() (data.MobilityVisit, bool) {
	v := data.MobilityVisit{ClientID: f.clientID, AppointmentID: f.apptID, VisitDate: f.day, Values: map[string]float64{}}
	var probs []data.FieldProblem
	for _, me := range data.MobilityMeasures() {
		text := strings.TrimSpace(strings.ReplaceAll(f.values[me.Key].Text, ",", "."))
		if !f.picks[me.Key].Checked || text == "" {
			continue
		}
		n, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(strings.TrimSuffix(text, "°")), "cm"), 64)
		if err != nil {
			probs = append(probs, data.FieldProblem{Field: me.Key,
				Message: fmt.Sprintf("%s: type a number, like 45.", me.Label)})
			continue
		}
		v.Values[me.Key] = n
	}
	today, err := f.sh.store.Today(context.Background())
	if err != nil {
		probs = append(probs, data.FieldProblem{Field: "VisitDate", Message: data.UserMessage(err)})
	}
	return v, f.report(probs, v.Validate(today))
}

// followedKeys are the ticked measures.
func (f *mobilityForm) followedKeys() []string {
	var out []string
	for _, me := range data.MobilityMeasures() {
		if f.picks[me.Key].Checked {
			out = append(out, me.Key)
		}
	}
	return out
}

// save stores the followed measures and the values typed, off the UI goroutine.
func (f *mobilityForm) save() {
	if !f.ready() {
		return
	}
	v, _ := f.read()
	keys := f.followedKeys()
	f.submit(func(ctx context.Context, st *data.Store) error {
		if err := st.SetClientMeasures(ctx, f.clientID, keys); err != nil {
			return err
		}
		if len(v.Values) == 0 {
			return nil
		}
		return st.SaveMobility(ctx, &v)
	}, func() {
		if f.onSaved != nil {
			f.onSaved()
		}
	})
}

// mobilityVisit is one choice of the Mobility dialog's visit list.
type mobilityVisit struct {
	label  string
	day    data.Date
	apptID int64
}

// mobilityVisits lists the visits a measurement can belong to, newest
// first: the client's visits up to today (not cancelled, not missed), the
// last ten, with "Today, without a visit" when none is today. The first
// is the default.
func mobilityVisits(ctx context.Context, st *data.Store, clientID int64, today data.Date) ([]mobilityVisit, error) {
	as, err := st.ClientAppointments(ctx, clientID)
	if err != nil {
		return nil, err
	}
	var out []mobilityVisit
	todays := false
	for i := len(as) - 1; i >= 0 && len(out) < 10; i-- {
		a := as[i]
		day, err := data.ParseDate(a.LocalStart[:min(10, len(a.LocalStart))])
		if err != nil || today.Before(day) || !a.Status.Occupies() || a.Status == data.StatusNoShow {
			continue
		}
		todays = todays || day == today
		clock := ""
		if len(a.LocalStart) >= 16 {
			clock = " · " + a.LocalStart[11:16]
		}
		out = append(out, mobilityVisit{label: day.Format() + clock + " · " + a.ServiceName, day: day, apptID: a.ID})
	}
	if !todays {
		out = append([]mobilityVisit{{label: "Today (" + today.Format() + "), without a visit", day: today}}, out...)
	}
	return out, nil
}

// chooseVisit shows the values stored for visit v and saves to it next.
func (f *mobilityForm) chooseVisit(ctx context.Context, v mobilityVisit) error {
	stored, err := f.sh.store.MobilityOn(ctx, f.clientID, v.day)
	if err != nil {
		return err
	}
	f.day, f.apptID = v.day, v.apptID
	f.load(func() {
		for _, me := range data.MobilityMeasures() {
			val, measured := stored.Values[me.Key]
			text := ""
			if measured {
				text = strconv.FormatFloat(val, 'f', -1, 64)
				f.picks[me.Key].SetChecked(true)
			}
			f.values[me.Key].SetText(text)
		}
	})
	return nil
}

// openMobility shows a client's mobility measures in a dialog, for the
// visit chosen at its top: today's visit, or today without one, at first.
func (sh *shell) openMobility(clientID int64) *mobilityForm {
	ctx := context.Background()
	today, err := sh.store.Today(ctx)
	if err != nil {
		showError(sh.win, err)
		return nil
	}
	visits, err := mobilityVisits(ctx, sh.store, clientID, today)
	if err != nil {
		showError(sh.win, err)
		return nil
	}
	day := visits[0].day
	followed, err := sh.store.ClientMeasures(ctx, clientID)
	if err != nil {
		showError(sh.win, err)
		return nil
	}
	stored, err := sh.store.MobilityOn(ctx, clientID, day)
	if err != nil {
		showError(sh.win, err)
		return nil
	}
	f := newMobilityForm(sh, clientID, day, followed, stored)
	f.apptID = visits[0].apptID
	var dlg *dialog.CustomDialog
	leave := func() { f.guard(func() { dlg.Hide() }) }
	title := oneLine(heading("Mobility"))
	labels := make([]string, len(visits))
	for i, v := range visits {
		labels[i] = v.label
	}
	f.visit = widget.NewSelect(labels, nil)
	f.visit.SetSelectedIndex(0)
	f.visit.OnChanged = func(string) {
		if i := f.visit.SelectedIndex(); i >= 0 {
			if err := f.chooseVisit(context.Background(), visits[i]); err != nil {
				showError(sh.win, err)
			}
		}
	}
	hint := widget.NewLabel("Tick the measures you follow for this client and type the values measured at this visit.")
	hint.Wrapping = fyne.TextWrapWord
	head := container.NewVBox(title, container.NewBorder(nil, nil, widget.NewLabel("Visit"), nil, f.visit), hint)
	content := container.NewBorder(nil, container.NewHBox(layoutSpacer(), widget.NewButton("Close", leave), f.saveBtn),
		nil, nil, f.frame(head, f.obj))
	dlg = dialog.NewCustomWithoutButtons("Mobility", content, sh.win)
	restore := f.escapeCancels(leave)
	dlg.SetOnClosed(func() {
		restore()
		sh.clientRecordChanged(clientID)
	})
	f.onSaved = func() { dlg.Hide() }
	size := sh.win.Canvas().Size()
	dlg.Resize(fyne.NewSize(min(760, size.Width-40), min(560, size.Height-40)))
	dlg.Show()
	return f
}
