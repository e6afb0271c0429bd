package gui

import (
	"context"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data"
)

// clientForm edits one client (or a new one). What was typed is kept until
// it is saved or the therapist chooses to discard it; a failed save shows
// each problem under its field and loses nothing.
type clientForm struct {
	*form
	s      *clientsScreen
	client data.Client // as loaded; ID 0 for a new client

	first, last, preferred, pronouns, birth  *entry
	mobile, home, work, email                *entry
	street, city, region, postal, country    *entry
	emergName, emergRel, emergPhone          *entry
	referred, physician, physPhone, occupatn *entry
	alerts, notes, tags, consent             *entry
	pressure                                 *widget.RadioGroup
	health                                   *healthFields

	cancelBtn *widget.Button
	obj       fyne.CanvasObject
}

func newClientForm(s *clientsScreen, c data.Client) *clientForm {
	f := &clientForm{s: s, client: c}
	f.form = newForm(s.sh, "the client you are editing", f.save)
	f.validate = f.check
	f.first, f.last = newEntry("", capName), newEntry("", capName)
	f.preferred, f.pronouns = newEntry("What they like to be called", capName), newEntry("e.g. she/her", 40)
	f.birth = newEntry("YYYY-MM-DD", capShort)
	f.mobile, f.home, f.work = newEntry("", capShort), newEntry("", capShort), newEntry("", capShort)
	f.email = newEntry("name@example.com", capShort)
	f.street, f.city, f.region = newEntry("", capShort), newEntry("", capShort), newEntry("", capShort)
	f.postal, f.country = newEntry("", capShort), newEntry("", capShort)
	f.emergName, f.emergRel = newEntry("", capShort), newEntry("e.g. partner, parent", capShort)
	f.emergPhone = newEntry("", capShort)
	f.referred, f.physician = newEntry("", capShort), newEntry("", capShort)
	f.physPhone, f.occupatn = newEntry("", capShort), newEntry("", capShort)
	f.alerts = newTextArea("e.g. Allergic to nut oils. Blood thinners: no deep pressure.", 2, capLong)
	f.notes = newTextArea("Anything else worth remembering", 3, capLong)
	f.tags = newEntry("e.g. athlete, prenatal, insurance", capLong)
	f.consent = newEntry("YYYY-MM-DD", capShort)
	labels := []string{}
	for _, p := range data.Pressures {
		labels = append(labels, p.Label())
	}
	f.pressure = widget.NewRadioGroup(labels, func(string) { f.changed() })
	f.pressure.Horizontal = true
	f.health = newHealthFields(f.changed)
	f.watch(f.entries()...)
	f.form.load(func() { f.load(c) })
	f.obj = f.layout()
	return f
}

func (f *clientForm) entries() []*entry {
	return append([]*entry{f.first, f.last, f.preferred, f.pronouns, f.birth, f.mobile, f.home,
		f.work, f.email, f.street, f.city, f.region, f.postal, f.country, f.emergName, f.emergRel,
		f.emergPhone, f.referred, f.physician, f.physPhone, f.occupatn, f.alerts, f.notes, f.tags,
		f.consent}, f.health.entries()...)
}

// load puts a client's values in the widgets.
func (f *clientForm) load(c data.Client) {
	for e, v := range map[*entry]string{
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

// check validates what is typed without saving and shows the problems.
func (f *clientForm) check() bool {
	c, probs := f.read()
	today, err := f.s.sh.store.Today(context.Background())
	if err != nil {
		today = data.DateOf(time.Now())
	}
	return f.report(probs, c.Validate(today))
}

// save validates the client, then stores it off the UI goroutine; on
// success the page shows it.
func (f *clientForm) save() {
	if !f.ready() {
		return
	}
	c, _ := f.read()
	f.submit(func(ctx context.Context, st *data.Store) error {
		if c.ID == 0 {
			return st.CreateClient(ctx, &c)
		}
		return st.UpdateClient(ctx, &c)
	}, func() { f.s.saved(f, c) })
}

// cancel leaves the form, asking first when something was typed.
func (f *clientForm) cancel() {
	if f.busy {
		return
	}
	f.guard(f.s.cancelled)
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
	f.cancelBtn = widget.NewButton("Cancel", f.cancel)
	header := container.NewBorder(nil, nil, nil, container.NewVBox(container.NewHBox(f.cancelBtn, f.saveBtn)), oneLine(heading(title)))
	body := container.NewVBox(
		section("Name",
			f.row(newField("FirstName", "First name *", f.first, ""), newField("LastName", "Last name *", f.last, "")),
			f.row(newField("PreferredName", "Preferred name", f.preferred, ""), newField("Pronouns", "Pronouns", f.pronouns, "")),
			f.row(newField("BirthDate", "Date of birth", f.birth, ""), newField("Occupation", "Occupation", f.occupatn, "")),
		),
		section("Alerts",
			f.add(newField("Alerts", "", f.alerts,
				"Shown in red wherever this client appears: allergies, precautions, areas to avoid.")),
		),
		section("Contact",
			f.row(newField("MobilePhone", "Mobile", f.mobile, ""), newField("HomePhone", "Home phone", f.home, ""),
				newField("WorkPhone", "Work phone", f.work, "")),
			f.add(newField("Email", "E-mail", f.email, "")),
			f.add(newField("Street", "Street address", f.street, "")),
			f.row(newField("City", "City", f.city, ""), newField("Region", "Province / state", f.region, ""),
				newField("PostalCode", "Postal code", f.postal, ""), newField("Country", "Country", f.country, "")),
		),
		section("Emergency contact",
			f.row(newField("EmergencyName", "Name", f.emergName, ""), newField("EmergencyRelationship", "Relationship", f.emergRel, ""),
				newField("EmergencyPhone", "Phone", f.emergPhone, "")),
		),
		f.health.layout(f.form),
		section("Treatment",
			f.add(newField("Pressure", "Pressure preference", f.pressure, "")),
			f.row(newField("ConsentDate", "Consent to treatment signed on", f.consent, ""),
				newField("ReferredBy", "Referred by", f.referred, "")),
			f.row(newField("Physician", "Family physician", f.physician, ""), newField("PhysicianPhone", "Physician's phone", f.physPhone, "")),
		),
		section("Notes",
			f.add(newField("Tags", "Tags", f.tags, "Separate tags with commas.")),
			f.add(newField("Notes", "Notes", f.notes, "")),
		),
	)
	return f.frame(header, body)
}
