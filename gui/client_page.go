package gui

import (
	"context"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data"
)

// clientPage shows one client: alerts and cautions first, then contact,
// health history and the rest. Edit is its one primary action.
type clientPage struct {
	client   data.Client
	name     *widget.Label // the heading: wraps, never cut
	header   *fyne.Container
	editBtn  *widget.Button
	archive  *fyne.MenuItem // in More: Archive client / Unarchive client
	bookBtn  *widget.Button
	more     *widget.Button // More: archive, the client's statement and the export of their record
	moreMenu *fyne.Menu     // what More offers
	visits   *clientVisits
	plans    *clientPlans
	alerts   fyne.CanvasObject // nil when the client has no alerts
	versions fyne.CanvasObject // when the health history was updated, and earlier versions
	scroll   *container.Scroll // the records under the header
	keep     *keptOffset       // goes back to the offset of the page this one replaces
	obj      fyne.CanvasObject
}

func newClientPage(s *clientsScreen, c data.Client) *clientPage {
	p := &clientPage{client: c}
	ctx := context.Background()
	// Stored instants are shown as dates in the practice's time zone.
	m, err := s.sh.store.Moment(ctx)
	if err != nil {
		showError(s.sh.win, err)
		m = data.Moment{Now: time.Now().UTC(), Loc: time.UTC, Today: data.DateOf(time.Now().UTC())}
	}
	versions, err := s.sh.store.HealthVersions(ctx, c.ID)
	if err != nil {
		showError(s.sh.win, err)
	}
	p.versions = newHealthVersionsLine(s.sh.win, c.DisplayName(), versions, m.Loc)
	name := heading(c.DisplayName())
	p.name = name
	sub := widget.NewLabel(clientSubtitle(c, m))
	sub.Importance = widget.LowImportance
	sub.Wrapping = fyne.TextWrapWord
	p.editBtn = widget.NewButtonWithIcon("Edit", theme.DocumentCreateIcon(), func() { s.edit(p.client) })
	p.editBtn.Importance = widget.HighImportance
	if c.Archived {
		p.archive = fyne.NewMenuItem("Unarchive client", func() { s.setArchived(p.client, false) })
	} else {
		p.archive = fyne.NewMenuItem("Archive client", func() { s.setArchived(p.client, true) })
	}
	p.bookBtn = widget.NewButtonWithIcon("Book", theme.CalendarIcon(), func() { s.sh.openBooking(bookingStart{client: p.client.ID}) })
	if c.Archived {
		p.bookBtn.Disable()
	}
	noteBtn := widget.NewButtonWithIcon("New note", theme.DocumentCreateIcon(), func() { s.sh.newNote(p.client.ID) })
	// The occasional actions share one More button, so the everyday ones
	// and the name fit on one row at 1024×600 and the records below start
	// high (two rows of five buttons took a fifth of the height).
	p.moreMenu = fyne.NewMenu("",
		fyne.NewMenuItem("Year-end statement…", func() { s.sh.showClientStatement(p.client) }),
		fyne.NewMenuItem("Export record…", func() { exportClient(s.sh, p.client) }),
		fyne.NewMenuItemSeparator(), p.archive)
	p.more = widget.NewButtonWithIcon("More", theme.MoreVerticalIcon(), nil)
	p.more.OnTapped = func() { showMenuUnder(p.moreMenu, s.sh.win.Canvas(), p.more) }
	if sub.Text == "" {
		sub.Hide()
	}
	p.header = container.New(&headerLayout{name: name}, name, container.NewHBox(p.bookBtn, noteBtn, p.editBtn, p.more), sub)
	header := p.header

	top := container.NewVBox(header)
	if c.Archived {
		note := widget.NewLabel("Archived: hidden from everyday lists. The record is kept; Unarchive brings the client back.")
		note.Wrapping = fyne.TextWrapWord
		note.Importance = widget.WarningImportance
		unarchive := widget.NewButton("Unarchive", p.archive.Action)
		top.Add(container.NewBorder(nil, nil, nil, container.NewCenter(unarchive), note))
	}
	if c.Alerts != "" {
		p.alerts = newAlertBanner(c.Alerts)
		top.Add(p.alerts)
	}
	if cautions := c.Health.Cautions(); len(cautions) > 0 {
		top.Add(newCautionStrip(cautions))
	}

	p.visits = newClientVisits(s.sh, c.ID)
	p.plans = newClientPlans(s.sh, c.ID)
	body := container.NewVBox(
		p.visits.obj,
		p.plans.obj,
		newClientTimeline(s.sh, c.ID).obj,
		newClientMeasures(s.sh, c.ID).obj,
		infoSection("Contact", contactPairs(c)),
		infoSection("Health history", healthPairs(c)),
		p.versions,
		newHealthReviewLine(s.sh, c.ID).obj,
		infoSection("Treatment preferences", [][2]string{
			{"Pressure", c.Pressure.Label()},
			{"Consent on paper", consentText(c.ConsentDate)},
		}),
		newClientConsents(s.sh, c.ID).obj,
		infoSection("About", [][2]string{
			{"Occupation", c.Occupation}, {"Referred by", c.ReferredBy},
			{"Family physician", joinNonEmpty(" · ", c.Physician, c.PhysicianPhone)},
			{"Emergency contact", joinNonEmpty(" · ", c.EmergencyName, c.EmergencyRelationship, c.EmergencyPhone)},
			{"Tags", strings.Join(c.Tags, ", ")},
		}),
	)
	if c.Notes != "" {
		notes := widget.NewLabel(c.Notes)
		notes.Wrapping = fyne.TextWrapWord
		body.Add(section("Notes", notes))
	}
	body.Add(newClientAudit(s.sh, c.ID).obj)
	p.scroll, p.keep = newKeptScroll(container.NewPadded(body))
	p.obj = container.NewBorder(container.NewPadded(top), nil, nil, nil, p.scroll)
	return p
}

// clientSubtitle is the line under the name: legal name, pronouns, age,
// client since; "today" and the month the record was made are those of the
// practice's time zone.
func clientSubtitle(c data.Client, m data.Moment) string {
	var parts []string
	if c.PreferredName != "" {
		parts = append(parts, c.FormalName())
	}
	if c.Pronouns != "" {
		parts = append(parts, c.Pronouns)
	}
	if !c.BirthDate.IsZero() {
		parts = append(parts, fmt.Sprintf("%d years (born %s)", c.BirthDate.AgeOn(m.Today), c.BirthDate.Format()))
	}
	if !c.CreatedAt.IsZero() {
		parts = append(parts, "client since "+c.CreatedAt.In(m.Loc).Format("Jan 2006"))
	}
	return strings.Join(parts, " · ")
}

func contactPairs(c data.Client) [][2]string {
	region := joinNonEmpty(" ", c.Region, c.PostalCode)
	return [][2]string{
		{"Mobile", c.MobilePhone}, {"Home", c.HomePhone}, {"Work", c.WorkPhone}, {"E-mail", c.Email},
		{"Address", joinNonEmpty("\n", c.Street, joinNonEmpty(", ", c.City, region), c.Country)},
	}
}

func healthPairs(c data.Client) [][2]string {
	var conds []string
	for _, cond := range data.Conditions { // in checklist order
		if c.Health.Has(cond.Code) {
			conds = append(conds, cond.Label)
		}
	}
	pregnant := ""
	if c.Health.Pregnant {
		pregnant = "Yes"
		if !c.Health.DueDate.IsZero() {
			pregnant += ", due " + c.Health.DueDate.Format()
		}
	}
	return [][2]string{
		{"Conditions", strings.Join(conds, ", ")},
		{"Details", c.Health.ConditionNotes},
		{"Medications", c.Health.Medications},
		{"Allergies", c.Health.Allergies},
		{"Surgeries and injuries", c.Health.SurgeriesInjuries},
		{"Pregnant", pregnant},
	}
}

// consentText is the consent date kept on the client record (a paper form
// signed before Stillpoint recorded consents), or "" (row left out): the
// Consent section below shows the consents recorded in Stillpoint.
func consentText(d data.Date) string {
	if d.IsZero() {
		return ""
	}
	return "Signed " + d.Format()
}

// infoSection shows label/value pairs, skipping empty values.
func infoSection(title string, pairs [][2]string) fyne.CanvasObject {
	grid := container.NewVBox()
	for _, kv := range pairs {
		if kv[1] == "" {
			continue
		}
		key := widget.NewLabel(kv[0])
		key.Importance = widget.LowImportance
		val := widget.NewLabel(kv[1])
		val.Wrapping = fyne.TextWrapWord
		val.Selectable = true
		// One key width on the whole page, so values line up across sections.
		grid.Add(container.NewBorder(nil, nil, container.NewStack(fixedWidth(190), key), nil, val))
	}
	if len(grid.Objects) == 0 {
		none := widget.NewLabel("Nothing recorded yet.")
		none.Importance = widget.LowImportance
		return section(title, none)
	}
	return section(title, grid)
}

func joinNonEmpty(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}
