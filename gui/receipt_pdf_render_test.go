package gui

import (
	"context"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// The receipt dialog with its print buttons, the Year-end statements
// dialog and the client's Statement dialog fit a 1024×600 window: every
// button on screen. STILLPOINT_RENDER=DIR saves each as a PNG to look at.
func TestRenderReceiptDocumentsAtLaptopSize(t *testing.T) {
	size := fyne.NewSize(1024, 600)
	sh := newTestShell(t, true)
	sh.app.Settings().SetTheme(lightTheme{})
	a := completedVisit(t, sh)
	ctx := context.Background()
	inv, err := sh.store.CheckOut(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	sh.showMain(sectionReceipts)
	sh.win.Resize(size)
	check := func(name string, buttons ...*widget.Button) {
		t.Helper()
		sh.win.Resize(size.SubtractWidthHeight(1, 1))
		sh.win.Resize(size)
		img := sh.win.Canvas().Capture()
		for _, b := range buttons {
			pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(b)
			if !b.Visible() || pos.X < 0 || pos.Y < 0 || pos.X+b.Size().Width > size.Width || pos.Y+b.Size().Height > size.Height ||
				b.Size().Width < b.MinSize().Width-0.5 {
				t.Errorf("%s: button %q at %v size %v is not wholly on screen", name, b.Text, pos, b.Size())
			}
		}
		if dir := os.Getenv("STILLPOINT_RENDER"); dir != "" {
			f, err := os.Create(filepath.Join(dir, name+".png"))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if err := png.Encode(f, img); err != nil {
				t.Fatal(err)
			}
		}
	}
	d := sh.showInvoice(inv.ID, nil)
	check("receipt-dialog", d.pdf.saveBtn, d.pdf.printBtn, buttonNamed(t, d.content, "Close"))
	d.dlg.Hide()
	r := sh.showStatements()
	r.chooseFolder = func(done func(string)) {
		done(filepath.Join(t.TempDir(), "a folder with a rather long name for statements"))
	}
	r.choose.OnTapped()
	check("statements-dialog", r.choose, r.start, r.close)
	r.dlg.Hide()
	c, _ := sh.store.Client(ctx, a.ClientID)
	s := sh.showClientStatement(c)
	check("client-statement", s.pdf.saveBtn, s.pdf.printBtn)
}
