package data

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"Zoë":             "zoe",
		"Łukasz":          "lukasz",
		"Søren Ørsted":    "soren orsted",
		"Nguyễn Đặng":     "nguyen dang",
		"O'Brien-Smythe":  "o brien smythe",
		"  Straße  ":      "strasse",
		"zoe@Example.COM": "zoe example com",
		"Анна Иванова":    "анна иванова",
		"(416) 555-0134":  "416 555 0134",
	} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

func searchNames(t *testing.T, s *Store, text string) string {
	t.Helper()
	got, err := s.SearchClients(context.Background(), ClientQuery{Text: text})
	if err != nil {
		t.Fatalf("search %q: %v", text, err)
	}
	names := make([]string, len(got))
	for i, c := range got {
		names[i] = c.FirstName + " " + c.LastName
	}
	return strings.Join(names, ", ")
}

// mustSearch runs a search and fails the test if it fails: a "nothing
// found" check must never pass because the search itself broke.
func mustSearch(t *testing.T, s *Store, q ClientQuery) []ClientSummary {
	t.Helper()
	rows, err := s.SearchClients(context.Background(), q)
	if err != nil {
		t.Fatalf("search %+v: %v", q, err)
	}
	return rows
}

func TestSearchAccentsPrefixesAndOrder(t *testing.T) {
	s := openTemp(t)
	for _, c := range []*Client{
		{FirstName: "Zoë", LastName: "Martin", Email: "zm@example.com", MobilePhone: "416-555-0134"},
		{FirstName: "Łukasz", LastName: "Nowak", HomePhone: "+48 22 555 0199"},
		{FirstName: "Anna", LastName: "Zoellner"},
		{FirstName: "Émile", LastName: "Łaski"},
		{FirstName: "Mark", LastName: "Lambert", Email: "zoe.fan@example.com"},
		{FirstName: "Ана", LastName: "Иванова"},
		{FirstName: "Beatrice", LastName: "Okafor", PreferredName: "Bea"},
		{FirstName: "Ziggy", LastName: "Adams"},
	} {
		mustCreate(t, s, c)
	}
	for _, tc := range []struct{ query, want string }{
		{"zoe", "Zoë Martin, Anna Zoellner, Mark Lambert"}, // names starting with it first, then e-mail matches
		{"ZOË", "Zoë Martin, Anna Zoellner, Mark Lambert"},
		{"lukasz", "Łukasz Nowak"},
		{"łuk", "Łukasz Nowak"},
		{"emile las", "Émile Łaski"},
		{"nowak lu", "Łukasz Nowak"},
		{"bea", "Beatrice Okafor"},
		{"ана", "Ана Иванова"},
		{"555-0134", "Zoë Martin"},
		{"5550134", "Zoë Martin"},
		{"0199", "Łukasz Nowak"},
		{"zm@example", "Zoë Martin"},
		{"nobody", ""},
		{"\"*)(", "Ziggy Adams, Mark Lambert, Émile Łaski, Zoë Martin, Łukasz Nowak, Beatrice Okafor, Anna Zoellner, Ана Иванова"},
	} {
		if got := searchNames(t, s, tc.query); got != tc.want {
			t.Errorf("search %q:\n got %s\nwant %s", tc.query, got, tc.want)
		}
	}
}

func TestListOrderIsByNameAsPeopleExpect(t *testing.T) {
	s := openTemp(t)
	for _, n := range [][2]string{
		{"Zed", "Zimmer"}, {"Łukasz", "Łapiński"}, {"Al", "Lopez"}, {"Eve", "émond"}, {"Tom", "Ellis"},
		{"Ann", "Smith"}, {"Bo", "Smithson"}, {"Cy", "smith"}, {"Mo", "MacLeod"}, {"Di", "Mcintyre"},
	} {
		mustCreate(t, s, newClient(n[0], n[1]))
	}
	got := searchNames(t, s, "")
	want := "Tom Ellis, Eve émond, Łukasz Łapiński, Al Lopez, Mo MacLeod, Di Mcintyre, Ann Smith, Cy smith, Bo Smithson, Zed Zimmer"
	if got != want {
		t.Errorf("order:\n got %s\nwant %s", got, want)
	}
	if limited := mustSearch(t, s, ClientQuery{Limit: 3}); len(limited) != 3 {
		t.Errorf("limit 3 gave %d", len(limited))
	}
}

func TestSearchSeesChangesFromAnotherConnection(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	mustCreate(t, s, newClient("Ann", "Able"))
	if got := searchNames(t, s, "a"); got != "Ann Able" {
		t.Fatalf("first search %q", got)
	}
	// Another program (the command line, a second window) adds a client.
	other, err := Open(ctx, s.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	mustCreate(t, other, newClient("Abe", "Adams"))
	if got := searchNames(t, s, "a"); got != "Ann Able, Abe Adams" {
		t.Errorf("after a change elsewhere: %q", got)
	}
	c := newClient("Ann", "Zed")
	c.ID = 1
	if err := other.UpdateClient(ctx, c); err != nil {
		t.Fatal(err)
	}
	if got := searchNames(t, s, "zed"); got != "Ann Zed" {
		t.Errorf("after an edit elsewhere: %q", got)
	}
}

// The index patched after the Store's own saves must equal one loaded
// from scratch.
func TestPatchedIndexEqualsReloadedIndex(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	var ids []int64
	for _, n := range [][2]string{{"Ann", "Able"}, {"Ben", "Baker"}, {"Cy", "Cole"}, {"Dee", "Dunn"}, {"Eve", "Ewing"}} {
		ids = append(ids, mustCreate(t, s, newClient(n[0], n[1])).ID)
	}
	s.SearchClients(ctx, ClientQuery{}) // load, so later saves patch it
	c, _ := s.Client(ctx, ids[0])
	c.LastName = "Zimmer" // moves from first to last
	c.Alerts = "Latex"
	if err := s.UpdateClient(ctx, &c); err != nil {
		t.Fatal(err)
	}
	if err := s.SetClientArchived(ctx, ids[2], true); err != nil {
		t.Fatal(err)
	}
	mustCreate(t, s, newClient("Al", "Aaron"))
	patchedVersion := s.index.version

	fresh, err := Open(ctx, s.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer fresh.Close()
	for _, q := range []ClientQuery{{}, {Archived: true}, {Text: "zim"}, {Text: "a"}} {
		got := mustSearch(t, s, q)
		want := mustSearch(t, fresh, q)
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("query %+v:\npatched  %v\nreloaded %v", q, got, want)
		}
	}
	if s.index.version != patchedVersion {
		t.Error("the index was reloaded instead of patched")
	}
	if got := searchNames(t, s, ""); got != "Al Aaron, Ben Baker, Dee Dunn, Eve Ewing, Ann Zimmer" {
		t.Errorf("order %q", got)
	}
}

// Keys made with other rules (an older collation table or Fold) are
// recomputed when the file is opened.
func TestStaleKeysAreRecomputedOnOpen(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	mustCreate(t, s, newClient("Zoë", "Zimmer"))
	mustCreate(t, s, newClient("Ann", "Able"))
	if _, err := s.w.Exec(`UPDATE clients SET sort_key = x'00', name_key = '', search_key = 'stale'`); err != nil {
		t.Fatal(err)
	}
	if _, err := s.w.Exec(`UPDATE meta SET value = 'cldr-0/fold-0' WHERE key = 'keys_version'`); err != nil {
		t.Fatal(err)
	}
	path := s.Path()
	s.Close()
	again, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	if got := searchNames(t, again, ""); got != "Ann Able, Zoë Zimmer" {
		t.Errorf("order after rekey %q", got)
	}
	if got := searchNames(t, again, "zoe"); got != "Zoë Zimmer" {
		t.Errorf("search after rekey %q", got)
	}
}

// A search row says which field matched when it was not the name, so the
// therapist sees why "0142" found Beatrice.
func TestSearchSaysWhichFieldMatched(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	mustCreate(t, s, &Client{FirstName: "Beatrice", LastName: "Okafor", Email: "bea@example.com",
		MobilePhone: "416-555-0134", WorkPhone: "416-555-0142"})
	mustCreate(t, s, &Client{FirstName: "Mark", LastName: "Lambert", HomePhone: "905-555-0199"})
	for _, tc := range []struct{ query, field, value, text string }{
		{"0142", "work phone", "416-555-0142", "work phone 416-555-0142"},
		{"555-0134", "mobile phone", "416-555-0134", "mobile phone 416-555-0134"},
		{"bea@ex", "e-mail", "bea@example.com", "e-mail bea@example.com"},
		{"okafor 0142", "work phone", "416-555-0142", "work phone 416-555-0142"},
		{"bea", "", "", ""},    // "Beatrice": the first name matched
		{"okafor", "", "", ""}, // the name matched: nothing to add
		{"9055550199", "home phone", "905-555-0199", "home phone 905-555-0199"},
	} {
		got, err := s.SearchClients(ctx, ClientQuery{Text: tc.query})
		if err != nil {
			t.Fatalf("search %q: %v", tc.query, err)
		}
		if len(got) != 1 {
			t.Fatalf("search %q: %d rows %+v", tc.query, len(got), got)
		}
		if got[0].MatchedField != tc.field || got[0].MatchedValue != tc.value || got[0].Matched() != tc.text {
			t.Errorf("search %q: matched %q %q (%q), want %q %q", tc.query,
				got[0].MatchedField, got[0].MatchedValue, got[0].Matched(), tc.field, tc.value)
		}
	}
	// The whole list (no search text) claims no match.
	all, err := s.SearchClients(ctx, ClientQuery{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range all {
		if c.Matched() != "" {
			t.Errorf("list without search: %s matched %q", c.ListName(), c.Matched())
		}
	}
}

// "Include archived" lists active and archived clients together, in one
// name order, each marked; Limit still applies.
func TestSearchIncludeArchivedMergesByName(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	var archived []int64
	for i, n := range [][2]string{{"Ann", "Able"}, {"Ben", "Baker"}, {"Cy", "Cole"}, {"Dee", "Dunn"}} {
		c := mustCreate(t, s, newClient(n[0], n[1]))
		if i%2 == 0 {
			archived = append(archived, c.ID)
		}
	}
	for _, id := range archived {
		if err := s.SetClientArchived(ctx, id, true); err != nil {
			t.Fatal(err)
		}
	}
	list := func(q ClientQuery) string {
		t.Helper()
		got, err := s.SearchClients(ctx, q)
		if err != nil {
			t.Fatalf("search %+v: %v", q, err)
		}
		var names []string
		for _, c := range got {
			n := c.LastName
			if c.Archived {
				n += "(archived)"
			}
			names = append(names, n)
		}
		return strings.Join(names, ", ")
	}
	for _, tc := range []struct {
		q    ClientQuery
		want string
	}{
		{ClientQuery{}, "Baker, Dunn"},
		{ClientQuery{Archived: true}, "Able(archived), Cole(archived)"},
		{ClientQuery{IncludeArchived: true}, "Able(archived), Baker, Cole(archived), Dunn"},
		{ClientQuery{IncludeArchived: true, Limit: 3}, "Able(archived), Baker, Cole(archived)"},
		{ClientQuery{IncludeArchived: true, Text: "c"}, "Cole(archived)"},
		{ClientQuery{IncludeArchived: true, Archived: true, Text: "d"}, "Dunn"},
	} {
		if got := list(tc.q); got != tc.want {
			t.Errorf("query %+v:\n got %s\nwant %s", tc.q, got, tc.want)
		}
	}
}
