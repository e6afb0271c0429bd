package data

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"testing"
	"time"
)

func newClient(first, last string) *Client {
	return &Client{FirstName: first, LastName: last}
}

func mustCreate(t *testing.T, s *Store, c *Client) *Client {
	t.Helper()
	if err := s.CreateClient(context.Background(), c); err != nil {
		t.Fatalf("create %s: %v", c.FormalName(), err)
	}
	return c
}

func TestClientRoundTrip(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	in := &Client{
		FirstName: "  Beatrice ", LastName: "Okafor", PreferredName: "Bea", Pronouns: "she/her",
		BirthDate: Date{1984, time.March, 21}, MobilePhone: "416-555-0134", HomePhone: "+44 20 7946 0958",
		Email: "bea.okafor@example.com", Street: "12 Elm St", City: "Toronto", Region: "ON",
		PostalCode: "M4C 1A1", Country: "Canada", EmergencyName: "Ade Okafor", EmergencyRelationship: "Brother",
		EmergencyPhone: "416 555 0199", ReferredBy: "Dr. Chen", Physician: "Dr. Lee", PhysicianPhone: "416-555-0100 ext 12",
		Occupation: "Nurse",
		Health: HealthHistory{Conditions: []string{"high_blood_pressure", "blood_thinners", "blood_thinners"},
			Medications: "Warfarin 5 mg", Allergies: "Nut oils", SurgeriesInjuries: "ACL repair 2019",
			Pregnant: true, DueDate: DateOf(time.Now().AddDate(0, 4, 0))},
		Alerts: "Blood thinners: no deep pressure", Pressure: PressureLight,
		ConsentDate: Date{2024, time.January, 9}, Notes: "Prefers mornings.\nParks at the back.",
		Tags: []string{"nurse", " Nurse", "prenatal"},
	}
	mustCreate(t, s, in)
	if in.ID == 0 || in.CreatedAt.IsZero() {
		t.Fatalf("ID/CreatedAt not set: %+v", in)
	}
	got, err := s.Client(ctx, in.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.FirstName != "Beatrice" || got.PreferredName != "Bea" || got.BirthDate != in.BirthDate ||
		got.Email != in.Email || got.PhysicianPhone != in.PhysicianPhone || got.Pressure != PressureLight ||
		got.Notes != in.Notes || got.Health.DueDate != in.Health.DueDate || !got.Health.Pregnant {
		t.Errorf("round trip changed the client:\n in %+v\ngot %+v", in, got)
	}
	if strings.Join(got.Health.Conditions, ",") != "blood_thinners,high_blood_pressure" {
		t.Errorf("conditions %v", got.Health.Conditions)
	}
	if strings.Join(got.Tags, ",") != "nurse,prenatal" {
		t.Errorf("tags %v", got.Tags)
	}
	if c := got.Health.Cautions(); len(c) != 3 || c[0] != "Pregnant" {
		t.Errorf("cautions %v", c)
	}
	if got.DisplayName() != "Bea Okafor" || got.FormalName() != "Beatrice Okafor" {
		t.Errorf("names %q %q", got.DisplayName(), got.FormalName())
	}
}

func TestClientValidation(t *testing.T) {
	future := DateOf(time.Now().AddDate(0, 0, 2))
	for _, tc := range []struct {
		name  string
		edit  func(c *Client)
		field string
		says  string
	}{
		{"no first name", func(c *Client) { c.FirstName = "  " }, "FirstName", "first name"},
		{"no last name", func(c *Client) { c.LastName = "" }, "LastName", "last name"},
		{"born tomorrow", func(c *Client) { c.BirthDate = future }, "BirthDate", "future"},
		{"born 1800", func(c *Client) { c.BirthDate = Date{1800, 1, 1} }, "BirthDate", "120"},
		{"bad e-mail", func(c *Client) { c.Email = "zoe@example" }, "Email", "e-mail address"},
		{"e-mail with name", func(c *Client) { c.Email = "Zoë <zoe@example.com>" }, "Email", "e-mail address"},
		{"letters in phone", func(c *Client) { c.MobilePhone = "416-CALL-NOW" }, "MobilePhone", "character"},
		{"short phone", func(c *Client) { c.HomePhone = "555-12" }, "HomePhone", "between 7 and 15 digits"},
		{"long name", func(c *Client) { c.LastName = strings.Repeat("a", 101) }, "LastName", "too long"},
		{"unknown condition", func(c *Client) { c.Health.Conditions = []string{"gout?"} }, "Conditions", "checklist"},
		{"consent tomorrow", func(c *Client) { c.ConsentDate = future }, "ConsentDate", "future"},
		{"bad pressure", func(c *Client) { c.Pressure = "crushing" }, "Pressure", "pressure"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := openTemp(t)
			c := newClient("Zoë", "Martin")
			tc.edit(c)
			err := s.CreateClient(context.Background(), c)
			var ve *ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("error %v, want a ValidationError", err)
			}
			if msg := ve.For(tc.field); !strings.Contains(msg, tc.says) {
				t.Errorf("message for %s = %q, want it to mention %q (all: %v)", tc.field, msg, tc.says, ve)
			}
			if c.ID != 0 {
				t.Error("an invalid client got an ID")
			}
			if all := mustSearch(t, s, ClientQuery{}); len(all) != 0 {
				t.Errorf("an invalid client reached the database: %+v", all)
			}
		})
	}
}

func TestValidInputAccepted(t *testing.T) {
	s := openTemp(t)
	today, err := s.Today(context.Background()) // the practice's today, not the machine zone's
	if err != nil {
		t.Fatal(err)
	}
	for _, phone := range []string{"416-555-0134", "+1 (416) 555-0134", "020 7946 0958", "416.555.0134 x204", "0412 345 678"} {
		c := newClient("Ana", "Silva")
		c.MobilePhone = phone
		c.Email = "ana.silva+massage@mail.example.co.uk"
		c.BirthDate = today // born today is allowed
		mustCreate(t, s, c)
	}
}

func TestCreateClientsIsAllOrNothing(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	bad := newClient("Bad", "Email")
	bad.Email = "not-an-address"
	err := s.CreateClients(ctx, []*Client{newClient("Ann", "Able"), bad, newClient("Cy", "Cole")})
	if err == nil || !strings.Contains(err.Error(), "client 2 of 3") {
		t.Fatalf("error %v", err)
	}
	if all := mustSearch(t, s, ClientQuery{}); len(all) != 0 {
		t.Errorf("%d clients stored from a batch with a bad one", len(all))
	}
	// A failure inside the transaction (a duplicate ID) rolls back the rows before it.
	first := mustCreate(t, s, newClient("Dee", "Dunn"))
	err = s.write(ctx, "test", func(tx *sql.Tx) error {
		if _, err := tx.Exec(`INSERT INTO clients (first_name, last_name, created_at, updated_at) VALUES ('X', 'Y', 0, 0)`); err != nil {
			return err
		}
		_, err := tx.Exec(`INSERT INTO clients (id, first_name, last_name, created_at, updated_at) VALUES (?, 'Z', 'Z', 0, 0)`, first.ID)
		return err
	})
	if err == nil {
		t.Fatal("duplicate id accepted")
	}
	if all := mustSearch(t, s, ClientQuery{}); len(all) != 1 {
		t.Errorf("%d clients after a failed transaction, want 1", len(all))
	}
}

func TestUpdateKeepsHealthVersions(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	c := mustCreate(t, s, newClient("Søren", "Kierkegaard"))
	c.Email = "soren@example.dk"
	if err := s.UpdateClient(ctx, c); err != nil {
		t.Fatal(err)
	}
	c.Health.Allergies = "Lavender oil"
	c.Health.Conditions = []string{"osteoporosis"}
	if err := s.UpdateClient(ctx, c); err != nil {
		t.Fatal(err)
	}
	vs, err := s.HealthVersions(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(vs) != 2 || vs[0].Health.Allergies != "Lavender oil" || vs[1].Health.Allergies != "" {
		t.Errorf("versions %+v: want 2, newest first (contact changes do not add one)", vs)
	}
	if got := mustSearch(t, s, ClientQuery{Text: "soren@ex"}); len(got) != 1 {
		t.Errorf("search by new e-mail: %+v", got)
	}
	missing := newClient("No", "One")
	missing.ID = 999
	if err := s.UpdateClient(ctx, missing); !errors.Is(err, ErrNotFound) {
		t.Errorf("update missing: %v", err)
	}
	if _, err := s.Client(ctx, 999); !errors.Is(err, ErrNotFound) {
		t.Errorf("read missing: %v", err)
	}
}

func TestArchive(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	a := mustCreate(t, s, newClient("Ann", "Archer"))
	mustCreate(t, s, newClient("Ben", "Baker"))
	if err := s.SetClientArchived(ctx, a.ID, true); err != nil {
		t.Fatal(err)
	}
	active := mustSearch(t, s, ClientQuery{})
	archived := mustSearch(t, s, ClientQuery{Archived: true})
	if len(active) != 1 || active[0].FirstName != "Ben" || len(archived) != 1 || !archived[0].Archived {
		t.Errorf("active %+v archived %+v", active, archived)
	}
	if got := mustSearch(t, s, ClientQuery{Text: "ann", Archived: true}); len(got) != 1 {
		t.Errorf("archived search: %+v", got)
	}
	if err := s.SetClientArchived(ctx, a.ID, false); err != nil {
		t.Fatal(err)
	}
	if active = mustSearch(t, s, ClientQuery{}); len(active) != 2 {
		t.Errorf("after unarchive: %+v", active)
	}
	if err := s.SetClientArchived(ctx, 12345, true); !errors.Is(err, ErrNotFound) {
		t.Errorf("archive missing: %v", err)
	}
}

func TestCreatedAtKeptWhenInThePast(t *testing.T) {
	s := openTemp(t)
	old := time.Date(2017, 5, 4, 9, 30, 0, 0, time.UTC)
	c := mustCreate(t, s, &Client{FirstName: "Old", LastName: "Record", CreatedAt: old})
	f := mustCreate(t, s, &Client{FirstName: "Future", LastName: "Record", CreatedAt: time.Now().Add(48 * time.Hour)})
	got, _ := s.Client(context.Background(), c.ID)
	fut, _ := s.Client(context.Background(), f.ID)
	if !got.CreatedAt.Equal(old) || fut.CreatedAt.After(time.Now()) {
		t.Errorf("created %v and %v", got.CreatedAt, fut.CreatedAt)
	}
}
