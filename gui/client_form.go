package gui

import (
	"context"
	"errors"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data"
)

// clientForm edits one client (or a new one). What was typed is kept until
// it is saved or the therapist chooses to discard it; a failed save shows
// each problem under its field and loses nothing.
type clientForm struct {
	s      *clientsScreen
	client data.Client // as loaded; ID 0 for a new client
	fields fieldSet
	dirty  bool

	first, last, preferred, pronouns, birth  *widget.Entry
	mobile, home, work, email                *widget.Entry
	street, city, region, postal, country    *widget.Entry
	emergName, emergRel, emergPhone          *widget.Entry
	referred, physician, physPhone, occupatn *widget.Entry
	alerts, notes, tags, consent             *widget.Entry
	pressure                                 *widget.RadioGroup
	health                                   *healthFields

	summary *widget.Label
	saveBtn *widget.Button
	obj     fyne.CanvasObject
}

func newClientForm(s *clientsScreen, c data.Client) *clientForm {
	f := &clientForm{s: s, client: c, fields: fieldSet{}}
	f.first, f.last = newEntry(""), newEntry("")
	f.preferred, f.pronouns = newEntry("What they like to be called"), newEntry("e.g. she/her")
	f.birth = newEntry("YYYY-MM-DD")
	f.mobile, f.home, f.work = newEntry(""), newEntry(""), newEntry("")
	f.email = newEntry("name@example.com")
	f.street, f.city, f.region = newEntry(""), newEntry(""), newEntry("")
	f.postal, f.country = newEntry(""), newEntry("")
	f.emergName, f.emergRel, f.emergPhone = newEntry(""), newEntry("e.g. partner, parent"), newEntry("")
	f.referred, f.physician, f.physPhone, f.occupatn = newEntry(""), newEntry(""), newEntry(""), newEntry("")
	f.alerts = newTextArea("e.g. Allergic to nut oils. Blood thinners: no deep pressure.", 2)
	f.notes = newTextArea("Anything else worth remembering", 3)
	f.tags = newEntry("e.g. athlete, prenatal, insurance")
	f.consent = newEntry("YYYY-MM-DD")
	labels := []string{}
	for _, p := range data.Pressures {
		labels = append(labels, p.Label())
	}
	f.pressure = widget.NewRadioGroup(labels, func(string) { f.changed() })
	f.pressure.Horizontal = true
	f.health = newHealthFields(f.changed)
	f.load(c)
	onEdit(f.changed, f.entries()...)
	f.dirty = false
	f.obj = f.layout()
	return f
}

func (f *clientForm) entries() []*widget.Entry {
	return append([]*widget.Entry{f.first, f.last, f.preferred, f.pronouns, f.birth, f.mobile, f.home,
		f.work, f.email, f.street, f.city, f.region, f.postal, f.country, f.emergName, f.emergRel,
		f.emergPhone, f.referred, f.physician, f.physPhone, f.occupatn, f.alerts, f.notes, f.tags,
		f.consent}, f.health.entries()...)
}

// load puts a client's values in the widgets.
func (f *clientForm) load(c data.Client) {
	for e, v := range map[*widget.Entry]string{
		f.first: c.FirstName, f.last: c.LastName, f.preferred: c.PreferredName, f.pronouns: c.Pronouns,
		f.birth: c.BirthDate.String(), f.mobile: c.MobilePhone, f.home: c.HomePhone, f.work: c.WorkPhone,
		f.email: c.Email, f.street: c.Street, f.city: c.City, f.region: c.Region, f.postal: c.PostalCode,
		f.country: c.Country, f.emergName: c.EmergencyName, f.emergRel: c.EmergencyRelationship,
		f.emergPhone: c.EmergencyPhone, f.referred: c.ReferredBy, f.physician: c.Physician,
		f.physPhone: c.PhysicianPhone, f.occupatn: c.Occupation, f.alerts: c.Alerts, f.notes: c.Notes,
		f.tags: strings.Join(c.Tags, ", "), f.consent: c.ConsentDate.String(),
	} {
		e.SetText(v)
	}
	if c.Pressure != data.PressureUnset {
		f.pressure.SetSelected(c.Pressure.Label())
	}
	f.health.load(c.Health)
}

// read builds a client from what is typed. Dates that cannot be read are
// reported as problems of their fields.
func (f *clientForm) read() (data.Client, []data.FieldProblem) {
	c := f.client
	c.FirstName, c.LastName, c.PreferredName, c.Pronouns = f.first.Text, f.last.Text, f.preferred.Text, f.pronouns.Text
	c.MobilePhone, c.HomePhone, c.WorkPhone, c.Email = f.mobile.Text, f.home.Text, f.work.Text, strings.TrimSpace(f.email.Text)
	c.Street, c.City, c.Region, c.PostalCode, c.Country = f.street.Text, f.city.Text, f.region.Text, f.postal.Text, f.country.Text
	c.EmergencyName, c.EmergencyRelationship, c.EmergencyPhone = f.emergName.Text, f.emergRel.Text, f.emergPhone.Text
	c.ReferredBy, c.Physician, c.PhysicianPhone, c.Occupation = f.referred.Text, f.physician.Text, f.physPhone.Text, f.occupatn.Text
	c.Alerts, c.Notes = f.alerts.Text, f.notes.Text
	c.Tags = strings.Split(f.tags.Text, ",")
	c.Pressure = data.PressureFromLabel(f.pressure.Selected)
	var probs []data.FieldProblem
	parse := func(name, text string, into *data.Date) {
		d, err := data.ParseDate(text)
		if err != nil {
			probs = append(probs, data.FieldProblem{Field: name, Message: err.Error()})
		}
		*into = d
	}
	parse("BirthDate", f.birth.Text, &c.BirthDate)
	parse("ConsentDate", f.consent.Text, &c.ConsentDate)
	var dueProb *data.FieldProblem
	c.Health, dueProb = f.health.read()
	if dueProb != nil {
		probs = append(probs, *dueProb)
	}
	return c, probs
}

// changed marks the form dirty and, after a failed save, re-checks it so
// messages go away as soon as the problem is fixed.
func (f *clientForm) changed() {
	f.dirty = true
	if f.summary != nil && f.summary.Visible() {
		f.check()
	}
}

// check validates what is typed without saving and shows the problems.
func (f *clientForm) check() bool {
	c, probs := f.read()
	today, err := f.s.sh.store.Today(context.Background())
	if err != nil {
		today = data.DateOf(time.Now())
	}
	return f.fields.report(f.summary, probs, c.Validate(today))
}

// save validates and stores the client; on success the page shows it.
func (f *clientForm) save() {
	if !f.check() {
		return
	}
	c, _ := f.read()
	ctx := context.Background()
	var err error
	if c.ID == 0 {
		err = f.s.sh.store.CreateClient(ctx, &c)
	} else {
		err = f.s.sh.store.UpdateClient(ctx, &c)
	}
	var ve *data.ValidationError
	switch {
	case errors.As(err, &ve):
		f.fields.report(f.summary, nil, err)
		return
	case err != nil:
		showError(f.s.sh.win, err)
		return
	}
	f.dirty = false
	f.s.saved(c)
}

// cancel leaves the form, asking first when something was typed.
func (f *clientForm) cancel() {
	if f.dirty {
		confirmDiscard(f.s.sh.win, "You have unsaved changes to this client.", f.s.cancelled)
		return
	}
	f.s.cancelled()
}

// focus puts the cursor in the first name.
func (f *clientForm) focus() {
	f.s.sh.win.Canvas().Focus(f.first)
}

func (f *clientForm) layout() fyne.CanvasObject {
	title := "New client"
	if f.client.ID != 0 {
		title = "Edit " + f.client.DisplayName()
	}
	f.saveBtn = widget.NewButtonWithIcon("Save", theme.DocumentSaveIcon(), f.save)
	f.saveBtn.Importance = widget.HighImportance
	cancel := widget.NewButton("Cancel", f.cancel)
	header := container.NewBorder(nil, nil, nil, container.NewVBox(container.NewHBox(cancel, f.saveBtn)), heading(title))
	f.summary = newSummary()

	fs := f.fields
	two := func(a, b *field) fyne.CanvasObject { return container.NewGridWithColumns(2, fs.add(a), fs.add(b)) }
	three := func(a, b, c *field) fyne.CanvasObject {
		return container.NewGridWithColumns(3, fs.add(a), fs.add(b), fs.add(c))
	}
	body := container.NewVBox(
		section("Name",
			two(newField("FirstName", "First name *", f.first, ""), newField("LastName", "Last name *", f.last, "")),
			two(newField("PreferredName", "Preferred name", f.preferred, ""), newField("Pronouns", "Pronouns", f.pronouns, "")),
			two(newField("BirthDate", "Date of birth", f.birth, ""), newField("Occupation", "Occupation", f.occupatn, "")),
		),
		section("Alerts",
			fs.add(newField("Alerts", "", f.alerts,
				"Shown in red wherever this client appears: allergies, precautions, areas to avoid.")),
		),
		section("Contact",
			three(newField("MobilePhone", "Mobile", f.mobile, ""), newField("HomePhone", "Home phone", f.home, ""),
				newField("WorkPhone", "Work phone", f.work, "")),
			fs.add(newField("Email", "E-mail", f.email, "")),
			fs.add(newField("Street", "Street address", f.street, "")),
			container.NewGridWithColumns(4, fs.add(newField("City", "City", f.city, "")),
				fs.add(newField("Region", "Province / state", f.region, "")),
				fs.add(newField("PostalCode", "Postal code", f.postal, "")),
				fs.add(newField("Country", "Country", f.country, ""))),
		),
		section("Emergency contact",
			three(newField("EmergencyName", "Name", f.emergName, ""), newField("EmergencyRelationship", "Relationship", f.emergRel, ""),
				newField("EmergencyPhone", "Phone", f.emergPhone, "")),
		),
		f.health.layout(fs),
		section("Treatment",
			fs.add(newField("Pressure", "Pressure preference", f.pressure, "")),
			two(newField("ConsentDate", "Consent to treatment signed on", f.consent, ""),
				newField("ReferredBy", "Referred by", f.referred, "")),
			two(newField("Physician", "Family physician", f.physician, ""), newField("PhysicianPhone", "Physician's phone", f.physPhone, "")),
		),
		section("Notes",
			fs.add(newField("Tags", "Tags", f.tags, "Separate tags with commas.")),
			fs.add(newField("Notes", "Notes", f.notes, "")),
		),
	)
	return container.NewBorder(container.NewPadded(container.NewVBox(header, f.summary)), nil, nil, nil,
		container.NewVScroll(container.NewPadded(body)))
}
