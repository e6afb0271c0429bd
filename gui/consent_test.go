package gui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data"
)

// consentFind walks a tree of objects (containers and widgets' renderers) and
// returns every visible object for which keep says yes.
func consentFind(root fyne.CanvasObject, keep func(fyne.CanvasObject) bool) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		if keep(o) {
			out = append(out, o)
		}
		switch w := o.(type) {
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(w).Objects() {
				walk(c)
			}
		}
	}
	walk(root)
	return out
}

// consentButton is the one visible button labelled text under root.
func consentButton(t *testing.T, root fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	found := consentFind(root, func(o fyne.CanvasObject) bool {
		b, ok := o.(*widget.Button)
		return ok && b.Text == text
	})
	if len(found) != 1 {
		t.Fatalf("%d buttons %q, want 1:\n%s", len(found), text, allText(root))
	}
	return found[0].(*widget.Button)
}

// consentShell opens a practice with one client whose store reads *now as
// the time, and shows the client's page.
func consentShell(t *testing.T, now *time.Time) (*shell, data.Client) {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "practice.db")
	a := test.NewTempApp(t)
	a.Settings().SetTheme(calmTheme{})
	st, err := data.Open(ctx, path, data.WithClock(func() time.Time { return *now }))
	if err != nil {
		t.Fatal(err)
	}
	p := data.Practice{TherapistName: "Maya Lindqvist", Currency: "CAD", TimeZone: "America/Toronto", PaperSize: data.PaperLetter}
	if err := st.SavePractice(ctx, &p); err != nil {
		t.Fatal(err)
	}
	c := &data.Client{FirstName: "Ana", LastName: "Tane", Health: data.HealthHistory{Allergies: "Latex"}}
	if err := st.CreateClient(ctx, c); err != nil {
		t.Fatal(err)
	}
	w := a.NewWindow("Stillpoint")
	sh := newTestShellOn(a, w, st)
	w.Resize(fyne.NewSize(1200, 800))
	sh.start()
	t.Cleanup(w.Close)
	sh.showMain(sectionClients)
	sh.clients.refresh()
	sh.clients.list.Select(0)
	return sh, *c
}

// consentOverlay is the open Record consent dialog.
func consentOverlay(t *testing.T, sh *shell) fyne.CanvasObject {
	t.Helper()
	top := sh.win.Canvas().Overlays().Top()
	if top == nil || !strings.Contains(allText(top), "Client's signature") {
		t.Fatal("the Record consent dialog is not open")
	}
	return top
}

// sign draws a stroke on the dialog's signature pad.
func sign(t *testing.T, sh *shell, dlg fyne.CanvasObject) {
	t.Helper()
	pads := consentFind(dlg, func(o fyne.CanvasObject) bool { _, ok := o.(*signaturePad); return ok })
	if len(pads) != 1 {
		t.Fatalf("%d signature pads in the dialog", len(pads))
	}
	for _, s := range consentFind(dlg, func(o fyne.CanvasObject) bool { _, ok := o.(*container.Scroll); return ok }) {
		s.(*container.Scroll).ScrollToBottom()
	}
	pad := pads[0].(*signaturePad)
	abs := fyne.CurrentApp().Driver().AbsolutePositionForObject(pad.ink)
	test.Drag(sh.win.Canvas(), abs.AddXY(60, 40), 150, 25)
	if pad.Empty() {
		t.Fatal("the drag drew nothing on the pad")
	}
}

func clientConsentsOf(t *testing.T, sh *shell, id int64) []data.Consent {
	t.Helper()
	list, err := sh.store.ClientConsents(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return list
}

func TestRecordGeneralConsentWithDrawnSignature(t *testing.T) {
	now := time.Date(2026, 3, 10, 15, 0, 0, 0, time.UTC)
	sh, c := consentShell(t, &now)
	page := sh.clients.page.obj
	if text := allText(page); !strings.Contains(text, "No consent to treatment on file") {
		t.Fatalf("no notice without a consent:\n%s", text)
	}
	test.Tap(consentButton(t, page, "Record consent"))
	dlg := consentOverlay(t, sh)
	if text := allText(dlg); !strings.Contains(text, "Text version 1") {
		t.Errorf("the dialog does not show the text version:\n%s", text)
	}
	sign(t, sh, dlg)
	test.Tap(consentButton(t, dlg, "Record consent"))
	list := clientConsentsOf(t, sh, c.ID)
	if len(list) != 1 || list[0].Kind != data.ConsentGeneral || list[0].SignedOn != (data.Date{Year: 2026, Month: 3, Day: 10}) ||
		len(list[0].SignaturePNG) == 0 {
		t.Fatalf("stored consents: %+v", list)
	}
	text := allText(sh.clients.page.obj)
	if !strings.Contains(text, "Consent to treatment — text version 1, signed 10 Mar 2026") {
		t.Errorf("the page does not show the consent:\n%s", text)
	}
	if strings.Contains(text, "No consent to treatment on file") {
		t.Errorf("the notice stays after consenting:\n%s", text)
	}
}

func TestSensitiveConsentNeedsAreaAndSignature(t *testing.T) {
	now := time.Date(2026, 3, 10, 15, 0, 0, 0, time.UTC)
	sh, c := consentShell(t, &now)
	test.Tap(consentButton(t, sh.clients.page.obj, "Record consent"))
	dlg := consentOverlay(t, sh)
	radios := consentFind(dlg, func(o fyne.CanvasObject) bool { _, ok := o.(*widget.RadioGroup); return ok })
	radios[0].(*widget.RadioGroup).SetSelected(data.ConsentSensitive.Label())
	test.Tap(consentButton(t, dlg, "Record consent"))
	text := allText(dlg)
	areaAt := strings.Index(text, "Areas the client consents to")
	areaMsg := strings.Index(text, "Tick at least one area the client consents to.")
	sigAt := strings.Index(text, "Client's signature")
	sigMsg := strings.Index(text, "The client's signature is missing.")
	if areaAt < 0 || areaMsg < areaAt || sigAt < areaMsg || sigMsg < sigAt {
		t.Fatalf("the messages are not under the areas and the signature:\n%s", text)
	}
	if list := clientConsentsOf(t, sh, c.ID); len(list) != 0 {
		t.Fatalf("a consent was stored: %+v", list)
	}
	checks := consentFind(dlg, func(o fyne.CanvasObject) bool { _, ok := o.(*widget.CheckGroup); return ok })
	checks[0].(*widget.CheckGroup).SetSelected([]string{data.AreaLabel(data.AreaInnerThigh), data.AreaLabel(data.AreaGluteals)})
	sign(t, sh, dlg)
	test.Tap(consentButton(t, dlg, "Record consent"))
	list := clientConsentsOf(t, sh, c.ID)
	if len(list) != 1 || strings.Join(list[0].Areas, ",") != "gluteals,inner_thigh" {
		t.Fatalf("stored: %+v", list)
	}
	if text := allText(sh.clients.page.obj); !strings.Contains(text, "Areas: Gluteals, Inner thigh") {
		t.Errorf("the page does not list the areas:\n%s", text)
	}
}

func TestWithdrawConsentKeepsHistory(t *testing.T) {
	now := time.Date(2026, 3, 10, 15, 0, 0, 0, time.UTC)
	sh, c := consentShell(t, &now)
	test.Tap(consentButton(t, sh.clients.page.obj, "Record consent"))
	dlg := consentOverlay(t, sh)
	sign(t, sh, dlg)
	test.Tap(consentButton(t, dlg, "Record consent"))
	now = now.AddDate(0, 0, 5)
	test.Tap(consentButton(t, sh.clients.page.obj, "Withdraw"))
	top := sh.win.Canvas().Overlays().Top()
	reasons := consentFind(top, func(o fyne.CanvasObject) bool { _, ok := o.(*entry); return ok })
	typeInto(reasons[0].(*entry), "Changed her mind")
	test.Tap(consentButton(t, top, "Withdraw consent"))
	list := clientConsentsOf(t, sh, c.ID)
	if len(list) != 1 || list[0].Current() || list[0].WithdrawReason != "Changed her mind" {
		t.Fatalf("after withdrawing: %+v", list)
	}
	text := allText(sh.clients.page.obj)
	for _, want := range []string{"signed 10 Mar 2026", "Withdrawn 15 Mar 2026: Changed her mind",
		"withdrew consent to treatment on 15 Mar 2026"} {
		if !strings.Contains(text, want) {
			t.Errorf("the page does not say %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "[Withdraw]") {
		t.Errorf("a withdrawn consent still offers Withdraw:\n%s", text)
	}
}

func TestReviewDuePromptAndMarkReviewed(t *testing.T) {
	now := time.Date(2025, 1, 10, 15, 0, 0, 0, time.UTC)
	sh, c := consentShell(t, &now)
	if _, err := sh.store.ReviewHealthHistory(context.Background(), c.ID, ""); err != nil {
		t.Fatal(err)
	}
	now = time.Date(2026, 3, 12, 15, 0, 0, 0, time.UTC) // 14 months on
	sh.clients.openClient(c.ID)
	page := sh.clients.page.obj
	text := allText(page)
	if !strings.Contains(text, "Health history last reviewed 10 Jan 2025") ||
		!strings.Contains(text, "Review due — last reviewed 14 months ago") {
		t.Fatalf("no review prompt:\n%s", text)
	}
	test.Tap(consentButton(t, page, "Mark reviewed"))
	top := sh.win.Canvas().Overlays().Top()
	notes := consentFind(top, func(o fyne.CanvasObject) bool { _, ok := o.(*entry); return ok })
	typeInto(notes[0].(*entry), "New blood pressure pills")
	test.Tap(consentButton(t, top, "Mark reviewed"))
	text = allText(sh.clients.page.obj)
	if strings.Contains(text, "Review due") || strings.Contains(text, "[Mark reviewed]") {
		t.Errorf("the prompt stays after marking reviewed:\n%s", text)
	}
	if !strings.Contains(text, "Health history last reviewed 12 Mar 2026: New blood pressure pills") {
		t.Errorf("the new review is not shown:\n%s", text)
	}
}

func TestMonthsAgo(t *testing.T) {
	d := func(y int, m time.Month, day int) data.Date { return data.Date{Year: y, Month: m, Day: day} }
	for _, tc := range []struct {
		since, today data.Date
		want         string
	}{
		{d(2025, 1, 10), d(2026, 3, 12), "14 months ago"},
		{d(2025, 1, 10), d(2026, 3, 9), "13 months ago"},
		{d(2026, 2, 10), d(2026, 3, 10), "1 month ago"},
		{d(2026, 3, 1), d(2026, 3, 10), "less than a month ago"},
	} {
		if got := monthsAgo(tc.since, tc.today); got != tc.want {
			t.Errorf("monthsAgo(%v, %v) = %q, want %q", tc.since, tc.today, got, tc.want)
		}
	}
}

// Every field RecordConsent can report has a widget in the dialog, so no
// problem is left without a place to show.
func TestConsentDialogHasEveryDataField(t *testing.T) {
	now := time.Date(2026, 3, 10, 15, 0, 0, 0, time.UTC)
	sh, c := consentShell(t, &now)
	d := newConsentDialog(sh, c.ID, func() {})
	for _, name := range data.ConsentFieldNames() {
		if _, ok := d.fields[name]; !ok {
			t.Errorf("no widget for the consent field %q", name)
		}
	}
	if d.dirty {
		t.Error("a new dialog counts as edited")
	}
	d.date.SetText("2026-03-11") // tomorrow in Toronto
	sign(t, sh, consentOverlay(t, sh))
	test.Tap(d.saveBtn)
	if !strings.Contains(d.fields["SignedOn"].err.Text, "in the future") {
		t.Errorf("a date after today: %q", d.fields["SignedOn"].err.Text)
	}
}
