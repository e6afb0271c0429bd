package gui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/stillpoint/stillpoint/data"
)

// rowText is what the list row of the i-th result says.
func rowText(s *clientsScreen, i int) string {
	row := newClientRow()
	s.updateRow(i, row)
	return allText(row)
}

// A search row shows the field that matched when it was not the name.
func TestSearchRowShowsTheFieldThatMatched(t *testing.T) {
	sh := newTestShell(t, true)
	if err := sh.store.CreateClient(context.Background(), &data.Client{FirstName: "Beatrice", LastName: "Okafor",
		MobilePhone: "416-555-0134", WorkPhone: "416-555-0142", Email: "bea@example.com"}); err != nil {
		t.Fatal(err)
	}
	s := sh.clients
	for _, tc := range []struct{ search, want, not string }{
		{"0142", "work phone 416-555-0142", "416-555-0134"},
		{"bea@example", "e-mail bea@example.com", "416-555-0134"},
		{"okafor", "416-555-0134 · bea@example.com", "work phone"},
	} {
		typeInto(s.search, tc.search)
		if len(s.rows) != 1 {
			t.Fatalf("search %q: %d rows", tc.search, len(s.rows))
		}
		text := rowText(s, 0)
		if !strings.Contains(text, tc.want) || strings.Contains(text, tc.not) {
			t.Errorf("search %q: row says %q, want %q and not %q", tc.search, text, tc.want, tc.not)
		}
	}
}

// "Include archived clients" lists active and archived clients together,
// archived ones marked; after archiving, the list does not claim that
// nothing matches.
func TestIncludeArchivedAndArchivingFromASearch(t *testing.T) {
	sh := newTestShell(t, true)
	ctx := context.Background()
	for _, n := range [][2]string{{"Ann", "Okafor"}, {"Bea", "Okafor"}, {"Cy", "Lee"}} {
		if err := sh.store.CreateClient(ctx, &data.Client{FirstName: n[0], LastName: n[1]}); err != nil {
			t.Fatal(err)
		}
	}
	s := sh.clients
	typeInto(s.search, "okafor bea")
	s.list.Select(0)
	if s.page == nil || s.page.client.FirstName != "Bea" {
		t.Fatal("Bea's page did not open")
	}
	tapArchive(t, s.page)
	if len(s.rows) != 0 {
		t.Fatalf("archived client still listed: %+v", s.rows)
	}
	if got := s.count.Text; strings.Contains(got, "No client matches") || !strings.Contains(got, "1 archived client") {
		t.Errorf("after archiving, the list says %q", got)
	}
	typeInto(s.search, "")
	if got := s.count.Text; got != "2 clients" {
		t.Errorf("without search the list says %q", got)
	}

	test.Tap(s.archived) // Include archived clients
	if len(s.rows) != 3 {
		t.Fatalf("with archived: %d rows", len(s.rows))
	}
	var names []string
	for i, r := range s.rows {
		names = append(names, r.FirstName)
		marked := strings.Contains(rowText(s, i), "Archived")
		if marked != r.Archived {
			t.Errorf("%s (archived %v): row marked %v: %q", r.FirstName, r.Archived, marked, rowText(s, i))
		}
	}
	if got := strings.Join(names, ","); got != "Cy,Ann,Bea" {
		t.Errorf("order with archived %s, want one name order", got)
	}
	if got := s.count.Text; got != "3 clients (1 archived)" {
		t.Errorf("count %q", got)
	}
	typeInto(s.search, "okafor")
	if len(s.rows) != 2 || s.count.Text != "2 clients found (1 archived)" {
		t.Errorf("search with archived: %d rows, %q", len(s.rows), s.count.Text)
	}
}

// Stored instants show as dates in the practice's time zone: an update at
// 23:30 UTC is the next morning in Auckland.
func TestPageDatesAreInThePracticesTimeZone(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "practice.db")
	instant := time.Date(2025, 3, 31, 23, 30, 0, 0, time.UTC) // 1 April, 12:30 in Auckland
	st, err := data.Open(ctx, path, data.WithClock(func() time.Time { return instant }))
	if err != nil {
		t.Fatal(err)
	}
	p := data.Practice{TherapistName: "Aroha Ngata", Currency: "NZD", TimeZone: "Pacific/Auckland", PaperSize: data.PaperA4}
	if err := st.SavePractice(ctx, &p); err != nil {
		t.Fatal(err)
	}
	c := &data.Client{FirstName: "Ana", LastName: "Tane", Health: data.HealthHistory{Allergies: "Latex"}}
	if err := st.CreateClient(ctx, c); err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	sh := newTestShellAt(t, path, false)
	s := sh.clients
	if s == nil {
		t.Fatal("the main screens did not open")
	}
	s.list.Select(0)
	text := allText(s.page.obj)
	if !strings.Contains(text, "client since Apr 2025") {
		t.Errorf("the page does not say client since Apr 2025:\n%s", text)
	}
	if !strings.Contains(text, "Last updated 1 Apr 2025") {
		t.Errorf("the health history is not dated 1 Apr 2025:\n%s", text)
	}
	vs := mustVersions(t, sh, c.ID)
	loc, err := sh.store.Location(ctx)
	if err != nil {
		t.Fatal(err)
	}
	showHealthVersions(sh.win, "Ana Tane", vs, loc)
	if overlay := allText(sh.win.Canvas().Overlays().Top()); !strings.Contains(overlay, "1 Apr 2025 (current)") {
		t.Errorf("versions dialog: %q", overlay)
	}
}
