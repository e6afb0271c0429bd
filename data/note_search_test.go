package data

import (
	"context"
	"strings"
	"testing"
	"time"
)

func TestSearchFindsEveryFieldAccentInsensitively(t *testing.T) {
	f := newNoteFixture(t)
	ctx := context.Background()
	n := &Note{ClientID: f.client.ID, VisitDate: Date{2026, time.May, 12}, Pain: 3}
	fields := map[string]*string{"Complaint": &n.Complaint, "Changes": &n.Changes, "Goals": &n.Goals,
		"Posture": &n.Posture, "Palpation": &n.Palpation, "RangeOfMotion": &n.RangeOfMotion, "Tests": &n.Tests,
		"Pressure": &n.Pressure, "Response": &n.Response, "Progress": &n.Progress, "NextFocus": &n.NextFocus,
		"Frequency": &n.Frequency, "HomeCare": &n.HomeCare, "Referrals": &n.Referrals}
	words := map[string]string{}
	for name, p := range fields {
		w := "Crème" + strings.ToLower(name) // "Crèmecomplaint": one word with an accent
		*p = "Some words then " + w + " and more."
		words[name] = "creme" + strings.ToLower(name)
	}
	n.Techniques = []string{"Décollement fascial"}
	n.Areas = []string{"Trapèze supérieur"}
	words["Techniques"], words["Areas"] = "decollement", "trapeze SUPERIEUR"
	if err := f.s.SaveDraft(ctx, n); err != nil {
		t.Fatal(err)
	}
	words["client name"] = "zoe ngata"
	for field, q := range words {
		hits, err := f.s.SearchNotes(ctx, q, 10)
		if err != nil || len(hits) != 1 || hits[0].NoteID != n.ID {
			t.Errorf("%s: search %q: %+v %v", field, q, hits, err)
			continue
		}
		if !strings.Contains(hits[0].Snippet, MatchStart) || hits[0].ClientName != "Zoë Ngata" {
			t.Errorf("%s: snippet %q", field, hits[0].Snippet)
		}
	}
	// The last word matches as a prefix while typing; FTS syntax is just text.
	if hits, err := f.s.SearchNotes(ctx, "words crèmecom", 10); err != nil || len(hits) != 1 {
		t.Errorf("prefix: %+v %v", hits, err)
	}
	for _, q := range []string{`"unbalanced`, `creme* AND (`, `NEAR(a b)`, `-creme`, `col:creme`, `***`, ``} {
		if _, err := f.s.SearchNotes(ctx, q, 10); err != nil {
			t.Errorf("search %q: %v", q, err)
		}
	}
	// Signing and amending keep the index in step; so does renaming the client.
	if _, err := f.s.SignNote(ctx, n.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.AddAmendment(ctx, n.ID, "Omission", "Also treated the piriformis"); err != nil {
		t.Fatal(err)
	}
	c := f.client
	c.LastName = "Østergård"
	if err := f.s.UpdateClient(ctx, &c); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"piriformis", "ostergard", "østergård"} {
		if hits, err := f.s.SearchNotes(ctx, q, 10); err != nil || len(hits) != 1 || hits[0].Status != NoteSigned {
			t.Errorf("after changes, %q: %+v %v", q, hits, err)
		}
	}
	if hits, _ := f.s.SearchNotes(ctx, "ngata", 10); len(hits) != 0 {
		t.Errorf("the old name still finds the note: %+v", hits)
	}
}

func TestSnippetParts(t *testing.T) {
	got := SnippetParts("a " + MatchStart + "neck" + MatchEnd + " b " + MatchStart + "pain" + MatchEnd)
	want := []SnippetPart{{"a ", false}, {"neck", true}, {" b ", false}, {"pain", true}}
	if len(got) != len(want) {
		t.Fatalf("%+v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("part %d: %+v want %+v", i, got[i], want[i])
		}
	}
	if q := noteQuery(`neck "pain" OR`); q != `"neck" AND "pain" AND "OR"*` {
		t.Errorf("noteQuery: %s", q)
	}
}
