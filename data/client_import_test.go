package data

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

func TestImportClientsCreatesSearchableAuditedClients(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	res, err := s.ImportClients(ctx, ClientImport{New: []*Client{
		{FirstName: "Zoë", LastName: "Ångström", Email: "zoe@example.com"},
		{FirstName: "Łukasz", LastName: "Nowak", MobilePhone: "416-555-0101"},
	}})
	if err != nil {
		t.Fatal(err)
	}
	if res.Created != 2 || res.Merged != 0 {
		t.Fatalf("result %+v", res)
	}
	for _, q := range []string{"zoe", "angstrom", "lukasz", "5550101"} {
		got, err := s.SearchClients(ctx, ClientQuery{Text: q})
		if err != nil || len(got) != 1 {
			t.Errorf("search %q: %v %v", q, got, err)
		}
	}
	keys, err := s.ClientKeys(ctx)
	if err != nil || len(keys) != 2 || keys[0].Email != "zoe@example.com" {
		t.Fatalf("keys %+v %v", keys, err)
	}
	log, err := s.AuditLog(ctx, keys[1].ID)
	if err != nil || len(log) != 1 || log[0].Summary != "client record imported from a file" {
		t.Errorf("audit %+v %v", log, err)
	}
}

func TestImportClientsIsAllOrNothing(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	existing := mustCreate(t, s, newClient("Ada", "Lovelace"))
	ok := &Client{FirstName: "Grace", LastName: "Hopper"}
	// The second new client is valid; the merge points at a client that does
	// not exist, so the transaction must roll the first insert back.
	_, err := s.ImportClients(ctx, ClientImport{New: []*Client{ok},
		Merges: []ClientMerge{{ID: existing.ID + 100, From: Client{Email: "x@example.com"}}}})
	if !errors.Is(err, ErrNotFound) {
		t.Fatalf("err %v, want ErrNotFound", err)
	}
	if ok.ID != 0 {
		t.Errorf("ID %d kept after a rollback", ok.ID)
	}
	got, _ := s.SearchClients(ctx, ClientQuery{})
	if len(got) != 1 {
		t.Errorf("%d clients after a failed import, want 1", len(got))
	}
	// An invalid client stops the batch before anything is written.
	_, err = s.ImportClients(ctx, ClientImport{New: []*Client{ok, {FirstName: "Only"}}})
	var ve *ValidationError
	if !errors.As(err, &ve) || ve.For("LastName") == "" {
		t.Fatalf("err %v, want a validation error naming LastName", err)
	}
}

func TestImportMergeFillsOnlyEmptyFields(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	c := mustCreate(t, s, &Client{FirstName: "Ada", LastName: "Lovelace", Email: "ada@old.example", Notes: "Kept."})
	res, err := s.ImportClients(ctx, ClientImport{Merges: []ClientMerge{{ID: c.ID, From: Client{
		FirstName: "Augusta", Email: "ada@new.example", MobilePhone: "416-555-0199",
		BirthDate: Date{1980, time.December, 10}, Notes: "Imported note."}}}})
	if err != nil {
		t.Fatal(err)
	}
	if res.Merged != 1 || res.Filled != 2 {
		t.Errorf("result %+v, want 1 merged with 2 fields filled", res)
	}
	got, _ := s.Client(ctx, c.ID)
	if got.FirstName != "Ada" || got.Email != "ada@old.example" || got.Notes != "Kept." {
		t.Errorf("merge overwrote a field: %+v", got)
	}
	if got.MobilePhone != "416-555-0199" || got.BirthDate != (Date{1980, time.December, 10}) {
		t.Errorf("merge did not fill empty fields: %+v", got)
	}
	if hits, _ := s.SearchClients(ctx, ClientQuery{Text: "5550199"}); len(hits) != 1 {
		t.Errorf("merged phone not searchable: %v", hits)
	}
	log, _ := s.AuditLog(ctx, c.ID)
	if len(log) == 0 || !strings.Contains(log[len(log)-1].Summary+log[0].Summary, "MobilePhone, BirthDate") {
		t.Errorf("audit %+v", log)
	}
	// Merging the same again fills nothing and writes no audit line.
	before := len(log)
	res, err = s.ImportClients(ctx, ClientImport{Merges: []ClientMerge{{ID: c.ID, From: Client{Email: "z@example.com"}}}})
	if err != nil || res.Merged != 0 {
		t.Errorf("second merge %+v %v", res, err)
	}
	if log, _ = s.AuditLog(ctx, c.ID); len(log) != before {
		t.Errorf("a merge that filled nothing was audited")
	}
}
