package export

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stillpoint/stillpoint/data"
)

// A client's export is one zip file holding only their rows, their signed
// notes and a README naming them; it is logged against the client.
func TestClientExport(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	dir := t.TempDir()
	path, err := Client(ctx, f.st, f.zoe.ID, dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(dir, "Record of Zoë Müller - 2026-03-04.zip"); path != want {
		t.Errorf("zip %q, want %q", path, want)
	}
	if names := entries(t, dir); len(names) != 1 {
		t.Errorf("the folder holds %v, want only the zip", names)
	}
	files := map[string][]byte{}
	for full, b := range zipFiles(t, path) {
		name, ok := strings.CutPrefix(full, "Record of Zoë Müller - 2026-03-04/")
		if !ok {
			t.Errorf("%s is outside the record's folder", full)
		}
		files[name] = b
	}
	clients := readCSV(t, files["clients.csv"])
	if got := column(t, clients, "First name"); !slices.Equal(got, []string{"Zoë"}) {
		t.Errorf("clients.csv of Zoë's record: %v", got)
	}
	for name, b := range files {
		if strings.Contains(string(b), "Ана") || strings.Contains(string(b), "HYPERLINK") {
			t.Errorf("%s holds another client's record", name)
		}
	}
	if _, ok := files["services.csv"]; ok {
		t.Error("the practice's services are not part of a client's record")
	}
	if len(readCSV(t, files["note-amendments.csv"])) != 2 {
		t.Error("the amendment of Zoë's note is missing")
	}
	var pdfs []string
	for name := range files {
		if strings.HasPrefix(name, "notes/") {
			pdfs = append(pdfs, name)
		}
	}
	if len(pdfs) != 1 {
		t.Errorf("PDFs %v, want Zoë's signed note", pdfs)
	}
	if !strings.Contains(string(files["README.txt"]), "The complete record of Zoë Müller") {
		t.Errorf("README.txt: %s", files["README.txt"])
	}
	log, err := f.st.AuditLog(ctx, f.zoe.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(log, func(e data.AuditEntry) bool {
		return e.Action == data.AuditExport && e.Entity == data.AuditClient && e.EntityID == f.zoe.ID
	}) {
		t.Errorf("no audit line for the client's export: %+v", log)
	}
}

// A cancelled client export leaves no zip, partial or final.
func TestClientExportCancelled(t *testing.T) {
	f := newFixture(t)
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Client(ctx, f.st, f.ana.ID, dir, Options{}); err == nil {
		t.Fatal("a cancelled export succeeded")
	}
	if names := entries(t, dir); len(names) != 0 {
		t.Errorf("a cancelled export left %v", names)
	}
}
