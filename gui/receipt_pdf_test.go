package gui

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/stillpoint/stillpoint/data"
	"github.com/stillpoint/stillpoint/data/statements"
)

// The common case in two clicks: Check out, then Print receipt…. The
// receipt opens in the viewer, the print is counted and logged, and the
// next copy says DUPLICATE.
func TestCheckOutThenPrintReceipt(t *testing.T) {
	sh := newTestShell(t, true)
	a := completedVisit(t, sh)
	sh.openAppointment(a.ID)
	test.Tap(buttonNamed(t, sh.sched.appointment.buttons, "Check out"))
	d := sh.receipt
	if d == nil || d.pdf == nil {
		t.Fatal("the receipt after Check out has no print buttons")
	}
	dir := t.TempDir()
	var opened []*url.URL
	print := func(d *invoiceDialog) {
		d.pdf.printDir = func() (string, error) { return dir, nil }
		d.pdf.openURL = func(u *url.URL) error { opened = append(opened, u); return nil }
		test.Tap(buttonNamed(t, d.content, "Print receipt…"))
	}
	print(d)
	if len(opened) != 1 || filepath.Dir(opened[0].Path) != dir {
		t.Fatalf("the viewer was asked to open %v", opened)
	}
	checkPDF(t, opened[0].Path, "Zoë Nguyễn", "60-min massage", "PAID", "124.30")
	if b, _ := os.ReadFile(opened[0].Path); strings.Contains(string(b), "DUPLICATE") {
		t.Error("the first copy is marked DUPLICATE")
	}
	inv := d.inv
	if n := auditCount(t, sh, inv.ClientID, data.AuditInvoice, inv.ID, data.AuditPrint); n != 1 {
		t.Errorf("%d print lines, want 1", n)
	}
	// Printed again from the same dialog: a duplicate.
	print(d)
	checkPDF(t, opened[1].Path, "DUPLICATE")
	if v, _ := sh.store.Invoice(context.Background(), inv.ID); v.PrintCount != 2 {
		t.Errorf("print count %d, want 2", v.PrintCount)
	}
}

// Save as PDF… suggests "Receipt R-000001 - name - date.pdf", writes the
// file and logs the export; a draft has no PDF buttons.
func TestReceiptSaveAsPDFAndDraftHasNone(t *testing.T) {
	sh := newTestShell(t, true)
	a := completedVisit(t, sh)
	ctx := context.Background()
	inv, err := sh.store.CheckOut(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	d := sh.showInvoice(inv.ID, nil)
	path := filepath.Join(t.TempDir(), "chosen.pdf")
	var suggested string
	d.pdf.chooseFile = func(name string, done func(string)) { suggested = name; done(path) }
	test.Tap(d.pdf.saveBtn)
	if want := "Receipt " + inv.Number + " - Zoë Nguyễn - " + inv.IssuedOn.String() + ".pdf"; suggested != want {
		t.Errorf("suggested %q, want %q", suggested, want)
	}
	checkPDF(t, path, "Receipt "+inv.Number, "Zoë Nguyễn")
	if n := auditCount(t, sh, inv.ClientID, data.AuditInvoice, inv.ID, data.AuditExport); n != 1 {
		t.Errorf("%d export lines, want 1", n)
	}
	draft := data.Invoice{ClientID: inv.ClientID, Lines: []data.InvoiceLine{{Kind: data.LineOther, Description: "Oil", Quantity: 1, Unit: 500}}}
	if err := sh.store.SaveDraftInvoice(ctx, &draft); err != nil {
		t.Fatal(err)
	}
	if dd := sh.showInvoice(draft.ID, nil); dd.pdf != nil {
		t.Error("a draft offers Save as PDF…")
	}
}

// Year-end statements…: pick the year and folder, write, see "1 statement
// written to …" and Show in folder.
func TestYearEndStatementsFromReceipts(t *testing.T) {
	sh := newTestShell(t, true)
	a := completedVisit(t, sh)
	if _, err := sh.store.CheckOut(context.Background(), a.ID); err != nil {
		t.Fatal(err)
	}
	sh.show(sectionReceipts)
	test.Tap(buttonNamed(t, sh.receipts.obj, "Year-end statements…"))
	r := sh.receipts.statements
	if r == nil {
		t.Fatal("no statements dialog")
	}
	dir := t.TempDir()
	r.chooseFolder = func(done func(string)) { done(dir) }
	if !r.start.Disabled() {
		t.Error("Write statements is on before a folder is chosen")
	}
	test.Tap(r.choose)
	r.year.SetSelected(strconv.Itoa(a.Start.Year()))
	test.Tap(r.start)
	if got := r.status.Text; got != "1 statement written to "+dir+"." {
		t.Errorf("status %q", got)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.pdf"))
	if len(files) != 1 || r.bar.Value != 1 || !r.show.Visible() {
		t.Fatalf("files %v, bar %v, show %v", files, r.bar.Value, r.show.Visible())
	}
	checkPDF(t, files[0], "Year-end statement", "Zoë Nguyễn", "124.30")
	var opened *url.URL
	r.openURL = func(u *url.URL) error { opened = u; return nil }
	test.Tap(r.show)
	if opened == nil || opened.Path != dir {
		t.Errorf("Show in folder opened %v", opened)
	}
}

// Cancel during a run stops it; the dialog says how many were written.
func TestYearEndStatementsCancel(t *testing.T) {
	sh := newTestShell(t, true)
	a := completedVisit(t, sh)
	if _, err := sh.store.CheckOut(context.Background(), a.ID); err != nil {
		t.Fatal(err)
	}
	r := sh.showStatements()
	r.chooseFolder = func(done func(string)) { done(t.TempDir()) }
	test.Tap(r.choose)
	r.year.SetSelected(strconv.Itoa(a.Start.Year()))
	r.write = func(ctx context.Context, _ *data.Store, year int, dir string, o statements.Options) (statements.Result, error) {
		o.Progress(1, 3)
		if !r.cancel.Visible() || r.cancel.Disabled() || !r.close.Disabled() {
			t.Error("during a run Cancel is not offered or Close is")
		}
		test.Tap(r.cancel) // the therapist changes their mind
		if ctx.Err() == nil {
			t.Error("Cancel did not cancel the run")
		}
		return statements.Result{Year: year, Dir: dir, Total: 3, Files: []string{filepath.Join(dir, "a.pdf")}},
			fmt.Errorf("stopped: %w", ctx.Err())
	}
	test.Tap(r.start)
	if got := r.status.Text; !strings.HasPrefix(got, "Stopped. 1 of 3 statements were written") {
		t.Errorf("status %q", got)
	}
	if r.cancel.Visible() || r.close.Disabled() {
		t.Error("after the run Cancel still shows or Close is off")
	}
}

// Statement… on a client's page saves the statement of a year with paid
// visits, logged as an export of the client's record.
func TestClientStatement(t *testing.T) {
	sh := newTestShell(t, true)
	a := completedVisit(t, sh)
	ctx := context.Background()
	if _, err := sh.store.CheckOut(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	c, err := sh.store.Client(ctx, a.ClientID)
	if err != nil {
		t.Fatal(err)
	}
	s := sh.showClientStatement(c)
	if s.pdf == nil || s.year.Selected != strconv.Itoa(a.Start.Year()) {
		t.Fatalf("no statement offered for %d", a.Start.Year())
	}
	path := filepath.Join(t.TempDir(), "s.pdf")
	s.pdf.chooseFile = func(_ string, done func(string)) { done(path) }
	test.Tap(s.pdf.saveBtn)
	checkPDF(t, path, "Year-end statement "+s.year.Selected, "Zoë Nguyễn", "Total paid")
	log, _ := sh.store.AuditLog(ctx, c.ID)
	if len(log) == 0 || log[0].Action != data.AuditExport || log[0].Entity != data.AuditClient {
		t.Errorf("latest audit line %+v, want the statement's export", log)
	}
	other := &data.Client{FirstName: "Ana", LastName: "Silva"}
	if err := sh.store.CreateClient(ctx, other); err != nil {
		t.Fatal(err)
	}
	if s := sh.showClientStatement(*other); s.pdf != nil || !strings.Contains(allText(s.body), "no paid visits") {
		t.Error("a client without paid visits is offered a statement")
	}
}

// The signature drawn in Settings is saved with the profile, kept when
// other fields are saved, and removed with Remove signature.
func TestSettingsSignature(t *testing.T) {
	sh := newTestShell(t, true)
	sh.show(sectionSettings)
	s := sh.settings
	if s.signature.remove.Visible() {
		t.Fatal("Remove signature shows with no signature")
	}
	test.Tap(s.signature.sign)
	w := test.NewTempWindow(t, s.signature.pad)
	w.Resize(fyne.NewSize(420, 200))
	test.Drag(w.Canvas(), fyne.NewPos(60, 60), 150, 20)
	png, err := s.signature.pad.PNG()
	if err != nil {
		t.Fatal(err)
	}
	s.signature.set(png) // what "Keep this signature" does
	s.changed()
	test.Tap(s.saveBtn)
	ctx := context.Background()
	if p, _ := sh.store.Practice(ctx); len(p.Signature) == 0 {
		t.Fatal("the signature was not saved")
	}
	typeInto(s.phone, "519-555-0100")
	test.Tap(s.saveBtn)
	if p, _ := sh.store.Practice(ctx); len(p.Signature) == 0 || p.Phone != "519-555-0100" {
		t.Fatalf("saving the phone lost the signature (%d bytes) or the phone %q", len(p.Signature), p.Phone)
	}
	test.Tap(s.signature.remove)
	test.Tap(s.saveBtn)
	if p, _ := sh.store.Practice(ctx); len(p.Signature) != 0 {
		t.Error("Remove signature did not remove it")
	}
}
