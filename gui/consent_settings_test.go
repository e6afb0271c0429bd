package gui

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data"
)

// clinicalTab opens Settings › Clinical.
func clinicalTab(t *testing.T, sh *shell) *clinicalSettings {
	t.Helper()
	sh.show(sectionSettings)
	s := sh.settings
	for i, it := range s.tabs.Items {
		if it.Text == "Clinical" {
			s.tabs.SelectIndex(i)
		}
	}
	if s.clinical == nil || s.tabs.Selected().Text != "Clinical" {
		t.Fatal("Settings has no Clinical tab")
	}
	return s.clinical
}

func TestEditingConsentTextKeepsANewVersion(t *testing.T) {
	sh := newTestShell(t, true)
	c := clinicalTab(t, sh)
	general := c.texts[0]
	if general.kind != data.ConsentGeneral || !strings.HasPrefix(general.version.Text, "Version 1, saved ") {
		t.Fatalf("first section: %s, %q", general.kind, general.version.Text)
	}
	typeInto(general.body, "I agree to massage therapy as explained to me.")
	if len(sh.settings.unsavedForms()) != 1 {
		t.Errorf("the edited text is not among Settings' unsaved forms (leave and quit would not ask)")
	}
	test.Tap(general.saveBtn)
	versions, err := sh.store.ConsentTextVersions(context.Background(), data.ConsentGeneral)
	if err != nil {
		t.Fatal(err)
	}
	if len(versions) != 2 || versions[0].Version != 2 || versions[0].Body != "I agree to massage therapy as explained to me." {
		t.Fatalf("versions after the save: %+v", versions)
	}
	if !strings.HasPrefix(general.version.Text, "Version 2, saved ") || general.dirty {
		t.Errorf("after the save: %q, dirty %v", general.version.Text, general.dirty)
	}
	typeInto(general.body, "   ")
	test.Tap(general.saveBtn)
	if !strings.Contains(allText(general.obj), "The consent text is empty") {
		t.Errorf("an empty text is not refused under the field:\n%s", allText(general.obj))
	}
}

func TestReviewIntervalSetting(t *testing.T) {
	sh := newTestShell(t, true)
	c := clinicalTab(t, sh)
	if c.interval.months.Text != "12" {
		t.Fatalf("interval shows %q, want 12", c.interval.months.Text)
	}
	typeInto(c.interval.months, "61")
	test.Tap(c.interval.saveBtn)
	if !strings.Contains(allText(c.interval.obj), "from 1 to 60") {
		t.Errorf("61 months is not refused:\n%s", allText(c.interval.obj))
	}
	typeInto(c.interval.months, "6")
	test.Tap(c.interval.saveBtn)
	if n, err := sh.store.ReviewInterval(context.Background()); err != nil || n != 6 {
		t.Errorf("stored interval %d, %v; want 6", n, err)
	}
}

// The consent section, the review prompt, the Record consent dialog with
// its messages and the Clinical tab fit a 1024×600 window in both themes.
func TestConsentScreensFitInBothThemes(t *testing.T) {
	size := fyne.NewSize(1024, 600)
	for _, th := range []struct {
		name  string
		theme fyne.Theme
	}{{"light", lightTheme{}}, {"dark", darkTheme{}}} {
		now := time.Date(2024, 1, 10, 15, 0, 0, 0, time.UTC)
		sh, cl := consentShell(t, &now)
		now = now.AddDate(1, 2, 0) // the review is due
		sh.app.Settings().SetTheme(th.theme)
		sh.win.Resize(size)
		check := func(what string) {
			t.Helper()
			sh.win.Resize(size.SubtractWidthHeight(1, 1))
			sh.win.Resize(size)
			name := fmt.Sprintf("consent-%s-%s", what, th.name)
			if got := sh.win.Canvas().Size(); got != size {
				t.Errorf("%s: the window grew to %v", name, got)
			}
			for _, o := range settledOutside(sh.win, size) {
				t.Errorf("%s: %s", name, o)
			}
			fits(t, name, sh)
			saveRender(t, name, sh.win.Canvas())
		}
		sh.clients.openClient(cl.ID)
		test.Tap(consentButton(t, sh.clients.page.obj, "Record consent"))
		dlg := consentOverlay(t, sh)
		sign(t, sh, dlg)
		test.Tap(consentButton(t, dlg, "Record consent"))
		test.Tap(consentButton(t, sh.clients.page.obj, "Record consent"))
		dlg = consentOverlay(t, sh)
		radios := consentFind(dlg, func(o fyne.CanvasObject) bool { _, ok := o.(*widget.RadioGroup); return ok })
		radios[0].(*widget.RadioGroup).SetSelected(data.ConsentSensitive.Label())
		test.Tap(consentButton(t, dlg, "Record consent")) // with every message
		check("dialog")
		test.Tap(consentButton(t, dlg, "Cancel"))
		if top := sh.win.Canvas().Overlays().Top(); top != nil {
			test.Tap(consentButton(t, top, "Discard changes"))
		}
		page := allText(sh.clients.page.obj)
		if !strings.Contains(page, "Review due") || !strings.Contains(page, "text version 1") {
			t.Errorf("%s page:\n%s", th.name, page)
		}
		check("client-page")
		for _, o := range consentFind(sh.clients.page.obj, func(o fyne.CanvasObject) bool { _, ok := o.(*container.Scroll); return ok }) {
			o.(*container.Scroll).ScrollToOffset(fyne.NewPos(0, 420))
		}
		check("client-page-consent")
		clinicalTab(t, sh)
		check("settings-clinical")
	}
}
