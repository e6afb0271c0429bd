package gui

import (
	"context"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/stillpoint/stillpoint/data"
	"github.com/stillpoint/stillpoint/data/export"
)

// Settings › Your data offers "Export everything…"; the export shows its
// progress, then where it went, and Show in folder opens that folder.
func TestExportEverything(t *testing.T) {
	sh := lockedShell(t)
	d := newDataSectionScreen(sh)
	if !strings.Contains(allText(d.obj), "[Export everything…]") {
		t.Fatalf("Your data has no Export everything… button:\n%s", allText(d.obj))
	}
	dir := t.TempDir()
	j := startExport(sh, "everything", export.All, dir)
	if j.made == "" || filepath.Dir(j.made) != dir || j.bar.Value != 1 {
		t.Fatalf("made %q, progress %v; outcome %q", j.made, j.bar.Value, j.outcome.Text)
	}
	if _, err := os.Stat(filepath.Join(j.made, "clients.csv")); err != nil {
		t.Errorf("the export has no clients.csv: %v", err)
	}
	if !strings.Contains(j.outcome.Text, "Exported everything to "+j.made) || j.result == nil {
		t.Errorf("outcome %q", j.outcome.Text)
	}
	var opened string
	j.openURL = func(u *url.URL) error { opened = u.Path; return nil }
	test.Tap(j.showBtn)
	if opened != j.made {
		t.Errorf("Show in folder opened %q, want %q", opened, j.made)
	}
}

// Cancel stops the export: the outcome says so and the folder is empty.
func TestExportCancel(t *testing.T) {
	sh := lockedShell(t)
	var pending func()
	sh.async = func(f func()) { pending = f }
	dir := t.TempDir()
	j := startExport(sh, "everything", export.All, dir)
	test.Tap(j.cancel)
	if !j.cancel.Disabled() || j.step.Text != "Stopping…" {
		t.Errorf("after Cancel: button disabled %v, step %q", j.cancel.Disabled(), j.step.Text)
	}
	pending()
	if !strings.Contains(j.outcome.Text, "The export was stopped. Nothing was kept") || j.made != "" {
		t.Errorf("outcome %q, made %q", j.outcome.Text, j.made)
	}
	if es, _ := os.ReadDir(dir); len(es) != 0 {
		t.Errorf("a cancelled export left %d entries", len(es))
	}
}

// The client page has "Export record…", which writes the client's record as
// a zip; Show in folder opens the folder holding it.
func TestExportClientRecord(t *testing.T) {
	sh := lockedShell(t)
	rows, err := sh.store.SearchClients(context.Background(), data.ClientQuery{})
	if err != nil || len(rows) != 1 {
		t.Fatal(rows, err)
	}
	sh.clients.openClient(rows[0].ID)
	p := sh.clients.page
	var labels []string
	for _, it := range p.moreMenu.Items {
		labels = append(labels, it.Label)
	}
	if p.more == nil || !slices.Contains(labels, "Export record…") || !slices.Contains(labels, "Year-end statement…") {
		t.Fatalf("the client page's More offers %q, want Export record… and Year-end statement…", labels)
	}
	test.Tap(p.more)
	if top := sh.win.Canvas().Overlays().Top(); top == nil {
		t.Error("More shows no menu")
	}
	dir := t.TempDir()
	j := startExport(sh, p.client.FormalName()+"'s record", clientExport(p.client.ID), dir)
	if filepath.Ext(j.made) != ".zip" || !strings.Contains(j.outcome.Text, "Exported Zoë Ng's record to ") {
		t.Fatalf("made %q, outcome %q", j.made, j.outcome.Text)
	}
	var opened string
	j.openURL = func(u *url.URL) error { opened = u.Path; return nil }
	j.showFolder(j.made)
	if opened != dir {
		t.Errorf("Show in folder opened %q, want %q", opened, dir)
	}
}
