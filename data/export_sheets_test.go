package data

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// exportSkipped are stored columns an export leaves out on purpose: search
// and sort keys Stillpoint derives from the names (they hold nothing the
// therapist typed) and the positions that only order a plan's rows.
var exportSkipped = map[string]bool{
	"clients.search_key": true, "clients.name_key": true, "clients.sort_key": true,
	"care_plan_goals.position": true, "care_plan_reassessments.position": true,
	"care_plan_home_care.position": true, "care_plan_referrals.position": true,
	"client_measures.id": true, // nothing refers to it
}

// Every column of every exported table is in its sheet, so a column added
// by a migration (and to its table description) cannot be forgotten by the
// export; and every table holding a client's records has a sheet.
func TestExportSheetsCoverTheSchema(t *testing.T) {
	ctx := context.Background()
	st, err := Open(ctx, filepath.Join(t.TempDir(), "p.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	exported := map[string]bool{}
	for _, sh := range ExportSheets() {
		exported[sh.from] = true
		if sh.health {
			continue
		}
		var have []string
		for _, c := range sh.Columns {
			have = append(have, c.SQL)
		}
		rows, err := st.r.QueryContext(ctx, "SELECT name FROM pragma_table_info(?)", sh.from)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var name string
			if err := rows.Scan(&name); err != nil {
				t.Fatal(err)
			}
			if !slices.Contains(have, name) && !exportSkipped[sh.from+"."+name] {
				t.Errorf("%s: column %s.%s is not exported", sh.File, sh.from, name)
			}
		}
		rows.Close()
	}
	rows, err := st.r.QueryContext(ctx, `SELECT m.name FROM sqlite_master m, pragma_table_info(m.name) p
		WHERE m.type = 'table' AND p.name = 'client_id' GROUP BY m.name`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			t.Fatal(err)
		}
		if !exported[name] {
			t.Errorf("table %s holds clients' records but has no sheet", name)
		}
	}
}

func TestExportHeaders(t *testing.T) {
	for in, want := range map[string]string{
		"first_name": "First name", "client_id": "Client ID", "total_cents": "Total",
		"tax_rate_bp": "Tax rate (basis points)", "id": "ID", "icd10_codes": "ICD-10 codes",
		"surgeries_injuries": "Surgeries and injuries",
	} {
		if got := header(in); got != want {
			t.Errorf("header(%q) = %q, want %q", in, got, want)
		}
	}
	for _, sh := range ExportSheets() {
		seen := map[string]bool{}
		for _, c := range sh.Columns {
			if seen[c.Header] || strings.TrimSpace(c.Header) == "" {
				t.Errorf("%s: header %q twice or empty", sh.File, c.Header)
			}
			seen[c.Header] = true
		}
	}
}

// Stored values are written as plain text: an instant never set (0) is
// empty, not "0" or 1970; money is a decimal amount in its currency.
func TestExportCells(t *testing.T) {
	loc, err := time.LoadLocation("America/Toronto")
	if err != nil {
		t.Fatal(err)
	}
	r := &ExportReader{loc: loc}
	for _, c := range []struct {
		kind ColumnKind
		v    any
		cur  string
		want string
	}{
		{KindInstant, int64(0), "", ""},
		{KindInstant, int64(1772654400), "", "2026-03-04T15:00:00-05:00"},
		{KindMoney, int64(-500), "CAD", "-5.00"},
		{KindMoney, int64(8500), "JPY", "8500"},
		{KindBool, int64(1), "", "yes"},
		{KindNumber, 2.5, "", "2.5"},
		{KindText, nil, "", ""},
	} {
		if got := r.cell(c.kind, c.v, c.cur); got != c.want {
			t.Errorf("cell(%v, %v, %q) = %q, want %q", c.kind, c.v, c.cur, got, c.want)
		}
	}
}

// The listings of the documents an export prints skip drafts, and follow
// one client when asked.
func TestExportDocumentIDs(t *testing.T) {
	ctx := context.Background()
	st, err := Open(ctx, filepath.Join(t.TempDir(), "p.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	p := Practice{TherapistName: "Maya Lindqvist", Currency: "CAD", TimeZone: "UTC", PaperSize: PaperA4}
	if err := st.SavePractice(ctx, &p); err != nil {
		t.Fatal(err)
	}
	var clients []int64
	for _, name := range []string{"Ada", "Bea"} {
		c := &Client{FirstName: name, LastName: "Test"}
		if err := st.CreateClient(ctx, c); err != nil {
			t.Fatal(err)
		}
		clients = append(clients, c.ID)
	}
	var signed int64
	for i, id := range clients {
		n := Note{ClientID: id, VisitDate: Date{Year: 2026, Month: 3, Day: 4}, ServiceName: "Massage"}
		if err := st.SaveDraft(ctx, &n); err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			if _, err := st.SignNote(ctx, n.ID); err != nil {
				t.Fatal(err)
			}
			signed = n.ID
		}
	}
	err = st.ReadExport(ctx, func(r *ExportReader) error {
		for _, c := range []struct {
			client int64
			want   []int64
		}{{0, []int64{signed}}, {clients[0], []int64{signed}}, {clients[1], nil}} {
			got, err := r.SignedNoteIDs(ctx, c.client)
			if err != nil || !slices.Equal(got, c.want) {
				t.Errorf("SignedNoteIDs(%d) = %v, %v; want %v", c.client, got, err, c.want)
			}
		}
		for _, list := range []func(context.Context, int64) ([]int64, error){r.CarePlanIDs, r.ReceiptIDs} {
			if got, err := list(ctx, 0); err != nil || len(got) != 0 {
				t.Errorf("a practice without plans or receipts lists %v, %v", got, err)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
