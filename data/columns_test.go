package data

import (
	"context"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

// tableColumns lists the columns of an SQL table.
func tableColumns(t *testing.T, s *Store, name string) []string {
	t.Helper()
	rows, err := s.r.QueryContext(context.Background(), `SELECT name FROM pragma_table_info(?)`, name)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			t.Fatal(err)
		}
		out = append(out, n)
	}
	slices.Sort(out)
	return out
}

// describedColumns lists the columns a table description reads.
func describedColumns[T any](tb *table[T]) []string {
	out := []string{tb.key.name}
	for _, c := range tb.cols {
		out = append(out, c.name)
	}
	slices.Sort(out)
	return out
}

// The descriptions cover every column of the schema (bar the search keys,
// which indexClient keeps), so a new column cannot be forgotten.
func TestColumnDescriptionsMatchTheSchema(t *testing.T) {
	s := openTemp(t)
	var schema []string
	for _, c := range tableColumns(t, s, "clients") {
		if !strings.HasSuffix(c, "_key") {
			schema = append(schema, c)
		}
	}
	if got := describedColumns(&clientTable); !slices.Equal(got, schema) {
		t.Errorf("clientTable describes\n%v\nthe schema has\n%v", got, schema)
	}
	if got, want := describedColumns(&practiceTable), tableColumns(t, s, "practice"); !slices.Equal(got, want) {
		t.Errorf("practiceTable describes\n%v\nthe schema has\n%v", got, want)
	}
}

func TestTableSQL(t *testing.T) {
	tb := table[Client]{name: "things", key: idColumn(func(c *Client) *int64 { return &c.ID }), autoKey: true,
		cols: []column[Client]{
			textColumn("a", "A", func(c *Client) *string { return &c.FirstName }),
			createdColumn("made", func(c *Client) *time.Time { return &c.CreatedAt }),
			dateColumn("d", "", func(c *Client) *Date { return &c.BirthDate }),
		}}
	for got, want := range map[string]string{
		tb.selectSQL("WHERE id = ?"): "SELECT id, a, made, d FROM things WHERE id = ?",
		tb.insertSQL():               "INSERT INTO things (a, made, d) VALUES (?, ?, ?)",
		tb.updateSQL():               "UPDATE things SET a = ?, d = ? WHERE id = ?",
		tb.upsertSQL():               "INSERT INTO things (a, made, d) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET a = excluded.a, d = excluded.d",
	} {
		if got != want {
			t.Errorf("got  %s\nwant %s", got, want)
		}
	}
	c := Client{ID: 7, FirstName: "Ann", CreatedAt: time.Unix(100, 0), BirthDate: Date{1984, 3, 21}}
	if got := tb.updateArgs(&c); !reflect.DeepEqual(got, []any{"Ann", "1984-03-21", int64(7)}) {
		t.Errorf("updateArgs %v", got)
	}
	if got := tb.insertArgs(&c); !reflect.DeepEqual(got, []any{"Ann", int64(100), "1984-03-21"}) {
		t.Errorf("insertArgs %v", got)
	}
	if got := tb.fieldNames(); !slices.Equal(got, []string{"A"}) {
		t.Errorf("fieldNames %v", got)
	}
}

// fullClient sets every field of a Client to a valid, non-zero value.
func fullClient() *Client {
	return &Client{
		FirstName: "Beatrice", LastName: "Okafor", PreferredName: "Bea", Pronouns: "she/her",
		BirthDate: Date{1984, time.March, 21}, MobilePhone: "416-555-0134", HomePhone: "+44 20 7946 0958",
		WorkPhone: "416 555 0177", Email: "bea.okafor@example.com", Street: "12 Elm St", City: "Toronto",
		Region: "ON", PostalCode: "M4C 1A1", Country: "Canada", EmergencyName: "Ade Okafor",
		EmergencyRelationship: "Brother", EmergencyPhone: "416 555 0199", ReferredBy: "Dr. Chen",
		Physician: "Dr. Lee", PhysicianPhone: "416-555-0100 ext 12", Occupation: "Nurse",
		Health: HealthHistory{Conditions: []string{"blood_thinners", "high_blood_pressure"},
			ConditionNotes: "Since 2020", Medications: "Warfarin 5 mg", Allergies: "Nut oils",
			SurgeriesInjuries: "ACL repair 2019", Pregnant: true, DueDate: Date{2026, time.July, 1}},
		Alerts: "Blood thinners: no deep pressure", Pressure: PressureLight,
		ConsentDate: Date{2024, time.January, 9}, Notes: "Prefers mornings.", Tags: []string{"nurse", "prenatal"},
		Archived: true, CreatedAt: time.Date(2020, 5, 4, 9, 30, 0, 0, time.UTC),
	}
}

// zeroFields names the fields of v (a struct, walked into nested structs
// but not Date) that hold their zero value.
func zeroFields(v reflect.Value, prefix string) []string {
	var out []string
	for i := 0; i < v.NumField(); i++ {
		f, name := v.Field(i), prefix+v.Type().Field(i).Name
		if f.Kind() == reflect.Struct && f.Type() != reflect.TypeOf(Date{}) && f.Type() != reflect.TypeOf(time.Time{}) {
			out = append(out, zeroFields(f, name+".")...)
		} else if f.IsZero() {
			out = append(out, name)
		}
	}
	return out
}

// Every field of a client comes back as it was stored: the description
// reads what it writes. A field added to Client must be set in fullClient
// (checked), so it is covered too.
func TestClientRoundTripEveryField(t *testing.T) {
	s := openWithClock(t, "America/Toronto", fixed(time.Date(2026, 3, 2, 15, 0, 0, 0, time.UTC)))
	ctx := context.Background()
	in := fullClient()
	in.ID = 1 // set by CreateClient; counted as filled here
	if zero := zeroFields(reflect.ValueOf(*in), ""); len(zero) > 1 || (len(zero) == 1 && zero[0] != "UpdatedAt") {
		t.Fatalf("fullClient leaves %v unset: give every field a value", zero)
	}
	in.ID = 0
	mustCreate(t, s, in)
	got, err := s.Client(ctx, in.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, *in) {
		t.Errorf("round trip changed the client:\n in %+v\ngot %+v", *in, got)
	}
	in.LastName, in.Health.DueDate, in.ConsentDate = "Okafor-Lee", Date{2026, time.August, 2}, Date{2025, 1, 9}
	in.CreatedAt = time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC) // ignored: created_at is kept
	if err := s.UpdateClient(ctx, in); err != nil {
		t.Fatal(err)
	}
	if got, _ = s.Client(ctx, in.ID); !reflect.DeepEqual(got, *in) || got.CreatedAt.Year() != 2020 {
		t.Errorf("update round trip:\n in %+v\ngot %+v", *in, got)
	}
}

func TestPracticeRoundTripEveryField(t *testing.T) {
	s := openWithClock(t, "UTC", fixed(time.Date(2026, 3, 2, 15, 0, 0, 0, time.UTC)))
	ctx := context.Background()
	in := Practice{TherapistName: "Maya Lindqvist", Credentials: "RMT", RegistrationNumber: "U1234",
		BusinessName: "Cedar & Stone", Address: "12 King St W\nToronto", Phone: "416-555-0100",
		Email: "maya@example.ca", Website: "cedarstone.example.ca", TaxNumber: "12345 RT0001", TaxName: "HST",
		TaxRateBP: 1300, Currency: "CAD", TimeZone: "America/Toronto", PaperSize: PaperA4,
		Logo: pngHeader(t, 64, 32), Signature: pngHeader(t, 60, 20), UpdatedAt: time.Unix(1, 0)}
	if zero := zeroFields(reflect.ValueOf(in), ""); len(zero) > 0 {
		t.Fatalf("the test profile leaves %v unset", zero)
	}
	if err := s.SavePractice(ctx, &in); err != nil {
		t.Fatal(err)
	}
	got, err := s.Practice(ctx)
	if err != nil || !reflect.DeepEqual(got, in) {
		t.Errorf("round trip (%v):\n in %+v\ngot %+v", err, in, got)
	}
}
