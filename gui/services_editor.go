package gui

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data"
)

// servicesPanel lists the practice's services, active and inactive, with
// an Edit button on each and Add service below. Services are never
// deleted: visits booked with them keep their history, so one that is no
// longer offered is made inactive instead.
type servicesPanel struct {
	sh     *shell
	rows   *fyne.Container
	addBtn *widget.Button
	edits  []*widget.Button // one per row, in list order (tests drive them)
	list   []data.Service
	dialog *serviceDialog // the open add/edit dialog, if any
	obj    fyne.CanvasObject
}

func newServicesPanel(sh *shell) *servicesPanel {
	p := &servicesPanel{sh: sh, rows: container.NewVBox()}
	p.addBtn = widget.NewButtonWithIcon("Add service", theme.ContentAddIcon(), func() { p.open(data.Service{Active: true}) })
	hint := widget.NewLabel("A service that is no longer offered can be made inactive: visits booked with it keep their history.")
	hint.Importance = widget.LowImportance
	hint.Wrapping = fyne.TextWrapWord
	p.obj = container.NewVBox(p.rows, hint, container.NewHBox(p.addBtn))
	p.reload()
	return p
}

// reload reads the services again and rebuilds the rows.
func (p *servicesPanel) reload() {
	ctx := context.Background()
	list, err := p.sh.store.Services(ctx, true)
	if err != nil {
		showError(p.sh.win, err)
		return
	}
	pr, err := p.sh.store.Practice(ctx)
	if err != nil {
		showError(p.sh.win, err)
	}
	p.list, p.edits = list, nil
	p.rows.Objects = nil
	for _, v := range list {
		p.rows.Add(p.row(v, pr.Currency))
	}
	if len(list) == 0 {
		p.rows.Add(widget.NewLabel("No services yet: add the treatments you offer."))
	}
	p.rows.Refresh()
}

// row shows one service: colour, name, length, price, tax and state.
func (p *servicesPanel) row(v data.Service, currency string) fyne.CanvasObject {
	c, _ := hexToColor(v.Color)
	sw := canvas.NewRectangle(c)
	sw.CornerRadius = 3
	sw.SetMinSize(fyne.NewSize(18, 18))
	name := oneLine(widget.NewLabelWithStyle(v.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	details := fmt.Sprintf("%d min · %s", v.Minutes, formatMoney(v.PriceCents, currency))
	if v.Taxable {
		details += " · taxable"
	}
	info := widget.NewLabel(details)
	state := widget.NewLabel("")
	if !v.Active {
		name.Importance = widget.LowImportance
		info.Importance = widget.LowImportance
		state.SetText("Inactive")
		state.Importance = widget.WarningImportance
	}
	v2 := v
	edit := widget.NewButtonWithIcon("Edit", theme.DocumentCreateIcon(), func() { p.open(v2) })
	p.edits = append(p.edits, edit)
	right := container.NewHBox(info, state, edit)
	return container.NewBorder(nil, nil, container.NewCenter(sw), right, name)
}

// open shows the add/edit dialog for v (ID 0: a new service).
func (p *servicesPanel) open(v data.Service) {
	p.dialog = newServiceDialog(p.sh, v, func() {
		p.dialog = nil
		p.reload()
	})
}

// serviceDialog adds or edits one service, on the form type.
type serviceDialog struct {
	*form
	svc     data.Service
	name    *entry
	minutes *entry
	price   *entry
	taxable *widget.Check
	color   *colorPicker
	active  *widget.Check
	cancel  *widget.Button
	dlg     *dialog.CustomDialog
}

func newServiceDialog(sh *shell, v data.Service, saved func()) *serviceDialog {
	d := &serviceDialog{svc: v}
	d.form = newForm(sh, "this service", nil)
	d.validate = d.check
	d.name = newEntry("e.g. 60-min massage", capName)
	d.minutes = newEntry("e.g. 60", 4)
	d.price = newEntry("e.g. 85 or 85.50", 12)
	d.taxable = widget.NewCheck("Tax is charged on it", func(bool) { d.changed() })
	d.active = widget.NewCheck("Offered when booking", func(bool) { d.changed() })
	d.color = newColorPicker()
	d.color.OnChanged = func(string) { d.changed() }
	d.watch(d.name, d.minutes, d.price)

	body := container.NewVBox(
		d.add(newField("Name", "Name *", d.name, "")),
		d.row(newField("Minutes", "Length (minutes) *", d.minutes, "5 to 720."),
			newField("Price", "Price *", d.price, "In your practice's currency.")),
		d.add(newField("Color", "Colour on the calendar", d.color, "")),
		d.row(newField("Taxable", "Tax", d.taxable, ""), newField("Active", "Active", d.active, "")),
	)
	title := "New service"
	if v.ID != 0 {
		title = "Edit service"
	}
	d.cancel = widget.NewButton("Cancel", func() { d.guard(d.dlg.Hide) })
	d.saveFn = func() { d.save(saved) }
	buttons := container.NewHBox(layout.NewSpacer(), d.cancel, d.saveBtn)
	content := container.NewBorder(nil, buttons, nil, nil, d.frame(container.NewVBox(), body))
	d.form.load(func() { d.put(v) })
	d.dlg = dialog.NewCustomWithoutButtons(title, content, sh.win)
	d.dlg.Resize(fyne.NewSize(560, 500))
	d.dlg.SetOnClosed(d.escapeCancels(func() { d.guard(d.dlg.Hide) }))
	d.dlg.Show()
	return d
}

// put shows a service's values.
func (d *serviceDialog) put(v data.Service) {
	d.name.SetText(v.Name)
	d.minutes.SetText("")
	if v.Minutes > 0 {
		d.minutes.SetText(strconv.Itoa(v.Minutes))
	}
	d.price.SetText("")
	if v.ID != 0 {
		d.price.SetText(priceText(v.PriceCents))
	}
	d.taxable.SetChecked(v.Taxable)
	d.active.SetChecked(v.Active)
	col := v.Color
	if col == "" {
		col = servicePalette[0]
	}
	d.color.SetSelected(col)
}

// read builds the service from what is typed.
func (d *serviceDialog) read() (data.Service, []data.FieldProblem) {
	v := d.svc
	v.Name, v.Taxable, v.Active, v.Color = d.name.Text, d.taxable.Checked, d.active.Checked, d.color.Selected()
	var probs []data.FieldProblem
	if t := strings.TrimSpace(d.minutes.Text); t != "" {
		n, err := strconv.Atoi(t)
		if err != nil {
			probs = append(probs, data.FieldProblem{Field: "Minutes",
				Message: fmt.Sprintf("“%s” is not a number of minutes; write it like 60.", firstRunes(t, 20))})
		}
		v.Minutes = n
	}
	cents, err := readPrice(d.price.Text)
	if err != nil {
		probs = append(probs, data.FieldProblem{Field: "Price", Message: err.Error()})
	}
	v.PriceCents = cents
	return v, probs
}

// check validates what is typed; a field that could not be read shows
// its own message (report keeps the first message of each field).
func (d *serviceDialog) check() bool {
	v, probs := d.read()
	return d.report(probs, v.Validate())
}

// save stores the service and closes the dialog.
func (d *serviceDialog) save(saved func()) {
	if !d.ready() {
		return
	}
	v, _ := d.read()
	d.submit(func(ctx context.Context, st *data.Store) error {
		return st.SaveService(ctx, &v)
	}, func() {
		d.dlg.Hide()
		saved()
	})
}

// maxPriceCents is the most a service can cost: 100000 in the practice's
// currency.
const maxPriceCents = 100000_00

// readPrice reads the price typed, saying so when it is too large rather
// than calling a long number "not a price".
func readPrice(text string) (int64, error) {
	tooLarge := fmt.Errorf("That price is too large; a service can cost at most %s.", priceText(maxPriceCents))
	cents, err := parsePrice(text)
	if err != nil {
		t := strings.ReplaceAll(strings.TrimLeft(strings.TrimSpace(text), "$£€ "), ",", "")
		if whole, _, _ := strings.Cut(t, "."); digits(whole) && len(whole) > 6 {
			return 0, tooLarge
		}
		return 0, err
	}
	if cents > maxPriceCents {
		return 0, tooLarge
	}
	return cents, nil
}
