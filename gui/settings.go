package gui

import (
	"context"
	"fmt"
	"io"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data"
)

// Common choices offered in the settings; any valid value may be typed.
var (
	taxNames   = []string{"HST", "GST", "GST/PST", "QST", "VAT", "Sales tax"}
	currencies = []string{"CAD", "USD", "GBP", "EUR", "AUD", "NZD"}
	timeZones  = []string{"America/St_Johns", "America/Halifax", "America/Toronto", "America/Winnipeg",
		"America/Regina", "America/Edmonton", "America/Vancouver", "America/New_York", "America/Chicago",
		"America/Denver", "America/Phoenix", "America/Los_Angeles", "America/Anchorage", "Pacific/Honolulu",
		"Europe/London", "Europe/Dublin", "Europe/Paris", "Europe/Berlin", "Australia/Perth",
		"Australia/Adelaide", "Australia/Brisbane", "Australia/Sydney", "Australia/Melbourne",
		"Pacific/Auckland", "UTC"}
)

// settingsScreen is the practice profile: who the therapist is and how
// their receipts and documents look.
type settingsScreen struct {
	*form
	sh   *shell
	logo []byte

	therapist, credentials, registration, business *entry
	address, phone, email, website, taxNumber      *entry
	taxRate                                        *entry
	taxName, currency, timeZone                    *widget.SelectEntry
	paper                                          *widget.RadioGroup
	logoPreview                                    *fyne.Container
	removeLogo                                     *widget.Button
	signature                                      *signatureSetting

	intro *widget.Label
	saved *widget.Label

	schedule   *scheduleSettings // the Schedule tab
	clinical   *clinicalSettings // the Clinical tab: consent texts, review interval
	receipts   *receiptSettingsForm
	tabs       *container.AppTabs
	storedZone string // the time zone as stored, to notice a change
	obj        fyne.CanvasObject
}

func newSettingsScreen(sh *shell) *settingsScreen {
	s := &settingsScreen{sh: sh}
	s.form = newForm(sh, "the practice settings", s.save)
	s.validate = s.check
	s.onChange = func() {
		if s.saved != nil {
			s.saved.Hide()
		}
	}
	s.therapist, s.credentials = newEntry("e.g. Maya Lindqvist", capName), newEntry("e.g. RMT", capShort)
	s.registration = newEntry("e.g. 12345", 60)
	s.business = newEntry("", capShort)
	s.address = newTextArea("As printed on receipts, one line per line", 3, 500)
	s.phone, s.email, s.website = newEntry("", capShort), newEntry("", capShort), newEntry("", capShort)
	s.taxNumber, s.taxRate = newEntry("e.g. 12345 6789 RT0001", 60), newEntry("e.g. 13", 20)
	s.taxName = widget.NewSelectEntry(taxNames)
	s.currency = widget.NewSelectEntry(currencies)
	s.timeZone = widget.NewSelectEntry(timeZones)
	s.paper = widget.NewRadioGroup([]string{string(data.PaperLetter), string(data.PaperA4)}, func(string) { s.changed() })
	s.paper.Horizontal = true
	s.paper.Required = true
	s.logoPreview = container.NewStack()
	s.removeLogo = widget.NewButton("Remove logo", func() { s.setLogo(nil); s.changed() })
	s.signature = newSignatureSetting(sh.win, func() { s.changed() })

	s.watch(s.therapist, s.credentials, s.registration, s.business, s.address, s.phone,
		s.email, s.website, s.taxNumber, s.taxRate)
	s.watchSelect(30, s.taxName)
	s.watchSelect(capShort, s.currency, s.timeZone)
	s.obj = s.layout()
	s.revert()
	return s
}

// revert shows the stored profile again, throwing away what was typed.
func (s *settingsScreen) revert() {
	p, err := s.sh.store.Practice(context.Background())
	if err != nil {
		showError(s.sh.win, err)
		p = data.DefaultPractice()
	}
	s.form.load(func() { s.load(p) })
	s.report(nil, nil)
	s.saved.Hide()
}

func (s *settingsScreen) load(p data.Practice) {
	for e, v := range map[*entry]string{
		s.therapist: p.TherapistName, s.credentials: p.Credentials, s.registration: p.RegistrationNumber,
		s.business: p.BusinessName, s.address: p.Address, s.phone: p.Phone, s.email: p.Email,
		s.website: p.Website, s.taxNumber: p.TaxNumber, s.taxRate: p.TaxRateText(),
	} {
		e.SetText(v)
	}
	s.taxName.SetText(p.TaxName)
	s.currency.SetText(p.Currency)
	s.timeZone.SetText(p.TimeZone)
	s.storedZone = p.TimeZone
	s.paper.SetSelected(string(p.PaperSize))
	s.setLogo(p.Logo)
	s.signature.set(p.Signature)
}

// read builds the profile from what is typed.
func (s *settingsScreen) read() (data.Practice, []data.FieldProblem) {
	p := data.Practice{TherapistName: s.therapist.Text, Credentials: s.credentials.Text,
		RegistrationNumber: s.registration.Text, BusinessName: s.business.Text, Address: s.address.Text,
		Phone: s.phone.Text, Email: s.email.Text, Website: s.website.Text, TaxNumber: s.taxNumber.Text,
		TaxName: s.taxName.Text, Currency: s.currency.Text, TimeZone: s.timeZone.Text,
		PaperSize: data.PaperSize(s.paper.Selected), Logo: s.logo, Signature: s.signature.png}
	rate, err := data.ParseTaxRate(s.taxRate.Text)
	if err != nil {
		return p, []data.FieldProblem{{Field: "TaxRate", Message: err.Error()}}
	}
	p.TaxRateBP = rate
	return p, nil
}

// check validates what is typed and shows the problems under their fields.
func (s *settingsScreen) check() bool {
	p, probs := s.read()
	return s.report(probs, p.Validate())
}

// save validates the profile, then stores it off the UI goroutine. A new
// time zone, while visits are booked ahead, first asks whether those keep
// their clock time or their moment (zoneQuestion).
func (s *settingsScreen) save() {
	if !s.ready() {
		return
	}
	p, _ := s.read()
	if zone := strings.TrimSpace(p.TimeZone); zone != s.storedZone && zone != "" {
		n, err := s.sh.store.FutureBookedCount(context.Background())
		if err != nil {
			showError(s.sh.win, err)
			return
		}
		if n > 0 {
			s.zoneQuestion(p, n)
			return
		}
		// Nothing booked ahead: past visits keep the moments they happened
		// at, and their stored zone and clock time follow the new zone.
		s.store(p, s.changeZone(p, false))
		return
	}
	s.store(p, func(ctx context.Context, st *data.Store) error { return st.SavePractice(ctx, &p) })
}

// changeZone saves the profile under the stored zone, then moves the
// practice and its appointments to p's zone in one transaction.
func (s *settingsScreen) changeZone(p data.Practice, keepWallClock bool) func(ctx context.Context, st *data.Store) error {
	old := s.storedZone
	return func(ctx context.Context, st *data.Store) error {
		rest := p
		rest.TimeZone = old
		if err := st.SavePractice(ctx, &rest); err != nil {
			return err
		}
		return st.ChangeTimeZone(ctx, p.TimeZone, keepWallClock)
	}
}

// zoneQuestion asks how the n visits booked ahead move to the new zone,
// then saves the profile and changes the zone with its visits.
func (s *settingsScreen) zoneQuestion(p data.Practice, n int) {
	visits := fmt.Sprintf("%d booked appointments", n)
	if n == 1 {
		visits = "1 booked appointment"
	}
	msg := fmt.Sprintf("You have %s to come. Moving from %s to %s, should they:\n\n"+
		"• keep the same clock time: 10:00 stays 10:00 in the new zone (for a zone that was set wrong), or\n"+
		"• keep the same moments: their times shift by the difference between the zones.",
		visits, s.storedZone, p.TimeZone)
	change := func(keepWallClock bool) func() {
		return func() { s.store(p, s.changeZone(p, keepWallClock)) }
	}
	cancel := choice{"Cancel", widget.MediumImportance, nil}
	ask(s.sh.win, "Change the time zone?", msg, cancel,
		choice{"Keep appointments at the same clock time", widget.HighImportance, change(true)},
		cancel, choice{"Keep the same moments (times shift)", widget.MediumImportance, change(false)})
}

// store runs write through the form and, once saved, shows the stored values.
func (s *settingsScreen) store(p data.Practice, write func(ctx context.Context, st *data.Store) error) {
	before := s.storedZone
	s.submit(write, func() {
		if stored, err := s.sh.store.Practice(context.Background()); err == nil {
			p = stored
		}
		if p.TimeZone != before {
			defer s.sh.zoneChanged()
		}
		s.form.load(func() { s.load(p) }) // the stored, tidied values
		s.sh.updateTitle()
		s.intro.Hide()
		s.saved.Show()
	})
}

// showFirstRun explains, on a new practice, why this screen comes first.
func (s *settingsScreen) showFirstRun() {
	s.intro.Show()
	s.sh.win.Canvas().Focus(s.therapist)
}

func (s *settingsScreen) chooseLogo() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		defer r.Close()
		b, err := io.ReadAll(io.LimitReader(r, 4<<20))
		if err != nil {
			showError(s.sh.win, err)
			return
		}
		s.setLogo(b)
		s.changed()
	}, s.sh.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".png", ".jpg", ".jpeg"}))
	d.Show()
}

func (s *settingsScreen) setLogo(b []byte) {
	s.logo = b
	s.logoPreview.Objects = nil
	if len(b) > 0 {
		img := canvas.NewImageFromResource(fyne.NewStaticResource("logo", b))
		img.FillMode = canvas.ImageFillContain
		img.SetMinSize(fyne.NewSize(160, 64))
		s.logoPreview.Objects = []fyne.CanvasObject{img}
		s.removeLogo.Show()
	} else {
		none := widget.NewLabel("No logo: receipts show your business name in text.")
		none.Importance = widget.LowImportance
		s.logoPreview.Objects = []fyne.CanvasObject{none}
		s.removeLogo.Hide()
	}
	s.logoPreview.Refresh()
}

func (s *settingsScreen) layout() fyne.CanvasObject {
	s.saved = widget.NewLabel("Saved.")
	s.saved.Importance = widget.SuccessImportance
	s.saved.Hide()
	header := container.NewBorder(nil, nil, nil, container.NewVBox(container.NewHBox(s.saved, s.saveBtn)), heading("Practice settings"))
	s.intro = widget.NewLabel("Welcome! Start with your details: they appear on receipts, care plans and statements. " +
		"Only your name is required now; you can fill in the rest any time.")
	s.intro.Wrapping = fyne.TextWrapWord
	s.intro.Hide()
	chooseLogo := widget.NewButtonWithIcon("Choose logo…", theme.FileImageIcon(), s.chooseLogo)
	body := container.NewVBox(
		section("You",
			s.row(newField("TherapistName", "Your name *", s.therapist, "As it should appear on receipts."),
				newField("Credentials", "Credentials", s.credentials, ""),
				newField("RegistrationNumber", "Registration / licence number", s.registration, "Insurers need it on receipts.")),
		),
		section("Practice",
			s.add(newField("BusinessName", "Business name", s.business, "")),
			s.add(newField("Address", "Address", s.address, "")),
			s.row(newField("Phone", "Phone", s.phone, ""), newField("Email", "E-mail", s.email, ""),
				newField("Website", "Website", s.website, "")),
			s.add(newField("Logo", "Logo", container.NewVBox(s.logoPreview, container.NewHBox(chooseLogo, s.removeLogo)),
				"PNG or JPEG, shown at the top of receipts.")),
			s.add(newField("Signature", "Your signature", s.signature.obj, "Printed above the signature line of receipts and statements.")),
		),
		section("Tax and money",
			s.row(newField("TaxName", "Tax name", s.taxName, "HST, GST, VAT…"),
				newField("TaxRate", "Default tax rate (%)", s.taxRate, "0 if your services are tax-exempt."),
				newField("TaxNumber", "Tax / business number", s.taxNumber, "")),
			s.row(newField("Currency", "Currency", s.currency, "Three-letter code."),
				newField("TimeZone", "Time zone", s.timeZone, "Appointments are shown in this zone.")),
		),
		section("Documents",
			s.add(newField("PaperSize", "Paper size", s.paper, "")),
		),
	)
	practice := s.frame(container.NewVBox(header, s.intro), body)
	s.schedule = newScheduleSettings(s.sh)
	yours := container.NewVScroll(container.NewPadded(newDataSection(s.sh)))
	s.tabs = container.NewAppTabs(
		container.NewTabItem("Practice", practice),
		container.NewTabItem("Schedule", s.schedule.obj),
		container.NewTabItem("Your data", yours),
		container.NewTabItem("Clinical", s.newClinical()),
	)
	s.receipts = newReceiptSettings(s.sh)
	s.tabs.Append(container.NewTabItem("Receipts", container.NewVScroll(container.NewPadded(s.receipts.obj))))
	return s.tabs
}
