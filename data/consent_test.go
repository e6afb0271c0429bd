package data

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// signature returns a PNG of w × h pixels; a signed one carries a stroke.
func signature(t *testing.T, w, h int, signed bool) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	if signed {
		for x := 0; x < w; x++ {
			img.Set(x, h/2, color.Black)
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// consentFixture is a practice in Toronto whose clock reads *now, with one client.
type consentFixture struct {
	ctx    context.Context
	s      *Store
	client *Client
	now    time.Time
}

func newConsentFixture(t *testing.T) *consentFixture {
	t.Helper()
	f := &consentFixture{ctx: context.Background(), now: time.Date(2026, 3, 2, 15, 0, 0, 0, time.UTC)}
	f.s = openWithClock(t, "America/Toronto", func() time.Time { return f.now })
	f.client = mustCreate(t, f.s, &Client{FirstName: "Amara", LastName: "Okafor"})
	return f
}

// record records a consent of kind on the current text and fails the test on error.
func (f *consentFixture) record(t *testing.T, kind ConsentKind, areas ...string) Consent {
	t.Helper()
	text, err := f.s.ConsentText(f.ctx, kind)
	if err != nil {
		t.Fatal(err)
	}
	c := Consent{ClientID: f.client.ID, Kind: kind, TextVersionID: text.ID, Areas: areas,
		SignedOn: Date{2026, time.March, 2}, SignaturePNG: signature(t, 300, 100, true)}
	if err := f.s.RecordConsent(f.ctx, &c); err != nil {
		t.Fatalf("record %s consent: %v", kind, err)
	}
	return c
}

// Editing a consent text keeps every earlier version, and a consent signed
// on an earlier version still shows the words the client read.
func TestConsentTextVersionsKept(t *testing.T) {
	f := newConsentFixture(t)
	texts, err := f.s.ConsentTexts(f.ctx)
	if err != nil || len(texts) != 2 || texts[0].Kind != ConsentGeneral || texts[1].Kind != ConsentSensitive {
		t.Fatalf("default texts: %v %+v", err, texts)
	}
	for _, tx := range texts {
		if tx.Version != 1 || !strings.Contains(tx.Body, "consent") {
			t.Errorf("default %s text: version %d %q", tx.Kind, tx.Version, tx.Body)
		}
	}
	if !strings.Contains(texts[1].Body, "inner thigh") {
		t.Errorf("the sensitive-areas text does not name the areas: %q", texts[1].Body)
	}
	signedOnV1 := f.record(t, ConsentGeneral)

	v2, err := f.s.SaveConsentText(f.ctx, ConsentGeneral, "  I consent to massage therapy.\r\n")
	if err != nil || v2.Version != 2 || v2.Body != "I consent to massage therapy." || !v2.CreatedAt.Equal(f.now) {
		t.Fatalf("save v2: %v %+v", err, v2)
	}
	same, err := f.s.SaveConsentText(f.ctx, ConsentGeneral, "I consent to massage therapy.")
	if err != nil || same.ID != v2.ID {
		t.Errorf("saving the same words made a new version: %v %+v", err, same)
	}
	v3, err := f.s.SaveConsentText(f.ctx, ConsentGeneral, "I consent to massage therapy and assessment.")
	if err != nil || v3.Version != 3 {
		t.Fatalf("save v3: %v %+v", err, v3)
	}
	cur, err := f.s.ConsentText(f.ctx, ConsentGeneral)
	if err != nil || cur.ID != v3.ID {
		t.Errorf("current general text %v %+v, want v3", err, cur)
	}
	if other, err := f.s.ConsentText(f.ctx, ConsentSensitive); err != nil || other.Version != 1 {
		t.Errorf("editing the general text changed the sensitive one: %v %+v", err, other)
	}
	all, err := f.s.ConsentTextVersions(f.ctx, ConsentGeneral)
	if err != nil || len(all) != 3 || all[0].Version != 3 || all[2].Body != texts[0].Body {
		t.Errorf("versions %v %+v", err, all)
	}
	old, err := f.s.ConsentTextVersion(f.ctx, signedOnV1.TextVersionID)
	if err != nil || old.Body != texts[0].Body || old.Version != 1 {
		t.Errorf("the text the client signed: %v %+v", err, old)
	}
	if _, err := f.s.ConsentTextVersion(f.ctx, 9999); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown version: %v", err)
	}

	var ve *ValidationError
	if _, err := f.s.SaveConsentText(f.ctx, ConsentGeneral, " \n "); !errors.As(err, &ve) || !strings.Contains(ve.For("Body"), "empty") {
		t.Errorf("empty text: %v", err)
	}
	if _, err := f.s.SaveConsentText(f.ctx, "other", "Words."); !errors.As(err, &ve) || ve.For("Kind") == "" {
		t.Errorf("unknown kind: %v", err)
	}
	if _, err := f.s.SaveConsentText(f.ctx, ConsentGeneral, strings.Repeat("a", maxConsentText+1)); !errors.As(err, &ve) ||
		!strings.Contains(ve.For("Body"), "too long") {
		t.Errorf("long text: %v", err)
	}
}

// A consent comes back as it was recorded: kind, text version, areas in
// form order, date and the signature's bytes.
func TestConsentRoundTrip(t *testing.T) {
	f := newConsentFixture(t)
	general := f.record(t, ConsentGeneral)
	f.now = f.now.Add(time.Hour)
	sensitive := f.record(t, ConsentSensitive, AreaInnerThigh, AreaGluteals, AreaGluteals)
	if !slices.Equal(sensitive.Areas, []string{AreaGluteals, AreaInnerThigh}) || sensitive.ID == 0 || !sensitive.RecordedAt.Equal(f.now) {
		t.Errorf("recorded %+v", sensitive)
	}
	got, err := f.s.ClientConsents(f.ctx, f.client.ID)
	if err != nil || len(got) != 2 {
		t.Fatalf("consents %v %d", err, len(got))
	}
	if got[0].ID != sensitive.ID || got[1].ID != general.ID {
		t.Errorf("order: %d, %d; want newest record first", got[0].ID, got[1].ID)
	}
	for i, want := range []Consent{sensitive, general} {
		g := got[i]
		if g.Kind != want.Kind || g.TextVersionID != want.TextVersionID || g.SignedOn != want.SignedOn ||
			!slices.Equal(g.Areas, want.Areas) || !bytes.Equal(g.SignaturePNG, want.SignaturePNG) ||
			!g.RecordedAt.Equal(want.RecordedAt) || !g.Current() {
			t.Errorf("consent %d:\n got %+v\nwant %+v", i, g, want)
		}
	}
	if _, err := png.Decode(bytes.NewReader(got[0].SignaturePNG)); err != nil {
		t.Errorf("stored signature is no PNG: %v", err)
	}
	areas, err := f.s.ConsentedAreas(f.ctx, f.client.ID)
	if err != nil || !slices.Equal(areas, []string{AreaGluteals, AreaInnerThigh}) {
		t.Errorf("consented areas %v %v", err, areas)
	}
	if ok, err := f.s.HasCurrentConsent(f.ctx, f.client.ID, ConsentGeneral); err != nil || !ok {
		t.Errorf("general consent: %v %v", ok, err)
	}
	other := mustCreate(t, f.s, &Client{FirstName: "Ben", LastName: "Tran"})
	if cs, err := f.s.ClientConsents(f.ctx, other.ID); err != nil || len(cs) != 0 {
		t.Errorf("another client's consents: %v %v", err, cs)
	}
	if ok, err := f.s.HasCurrentConsent(f.ctx, other.ID, ConsentGeneral); err != nil || ok {
		t.Errorf("another client has consent: %v %v", ok, err)
	}
	c := Consent{ClientID: 9999, Kind: ConsentGeneral, TextVersionID: general.TextVersionID,
		SignedOn: general.SignedOn, SignaturePNG: general.SignaturePNG}
	if err := f.s.RecordConsent(f.ctx, &c); !errors.Is(err, ErrNotFound) {
		t.Errorf("consent of a missing client: %v", err)
	}
}

// Body-chart marks on sensitive areas without consent are flagged; other
// areas never are.
func TestUnconsentedSensitive(t *testing.T) {
	for _, tc := range []struct {
		marks, consented, want []string
	}{
		{nil, nil, nil},
		{[]string{"neck", "low_back"}, nil, nil},
		{[]string{AreaInnerThigh, "neck", AreaChest, AreaChest}, nil, []string{AreaChest, AreaInnerThigh}},
		{[]string{AreaGluteals, AreaAbdomen}, []string{AreaGluteals}, []string{AreaAbdomen}},
		{[]string{AreaGluteals}, []string{AreaGluteals, AreaChest}, nil},
	} {
		if got := UnconsentedSensitive(tc.marks, tc.consented); !slices.Equal(got, tc.want) {
			t.Errorf("UnconsentedSensitive(%v, %v) = %v, want %v", tc.marks, tc.consented, got, tc.want)
		}
	}
	if AreaLabel(AreaInnerThigh) != "Inner thigh" || len(SensitiveAreas()) != 4 {
		t.Error("area labels")
	}
}

// Each problem with a consent is reported on its field in plain words, and
// nothing is stored.
func TestConsentValidation(t *testing.T) {
	f := newConsentFixture(t)
	general, _ := f.s.ConsentText(f.ctx, ConsentGeneral)
	sensitive, _ := f.s.ConsentText(f.ctx, ConsentSensitive)
	var jpg bytes.Buffer
	if err := jpeg.Encode(&jpg, image.NewRGBA(image.Rect(0, 0, 10, 10)), nil); err != nil {
		t.Fatal(err)
	}
	huge := signature(t, 5000, 1, true)
	tomorrow := Date{2026, time.March, 3}
	for _, tc := range []struct {
		name        string
		edit        func(c *Consent)
		field, want string
	}{
		{"no kind", func(c *Consent) { c.Kind = "" }, "Kind", "consent to treatment or consent for sensitive areas"},
		{"no text", func(c *Consent) { c.TextVersionID = 0 }, "TextVersionID", "Choose the consent text"},
		{"unknown text", func(c *Consent) { c.TextVersionID = 9999 }, "TextVersionID", "no longer on file"},
		{"text of the other kind", func(c *Consent) { c.TextVersionID = general.ID }, "TextVersionID", "not the consent for sensitive areas form"},
		{"no areas", func(c *Consent) { c.Areas = nil }, "Areas", "at least one area"},
		{"unknown area", func(c *Consent) { c.Areas = []string{"back"} }, "Areas", `"back" is not one of the sensitive areas`},
		{"areas on general", func(c *Consent) { c.Kind, c.TextVersionID = ConsentGeneral, general.ID }, "Areas", "only chosen on the consent for sensitive areas"},
		{"no date", func(c *Consent) { c.SignedOn = Date{} }, "SignedOn", "Enter the date"},
		{"not a date", func(c *Consent) { c.SignedOn = Date{2026, time.February, 30} }, "SignedOn", "not a real date"},
		{"tomorrow", func(c *Consent) { c.SignedOn = tomorrow }, "SignedOn", "in the future"},
		{"no signature", func(c *Consent) { c.SignaturePNG = nil }, "SignaturePNG", "signature is missing"},
		{"JPEG", func(c *Consent) { c.SignaturePNG = jpg.Bytes() }, "SignaturePNG", "must be a PNG"},
		{"cut short", func(c *Consent) { c.SignaturePNG = c.SignaturePNG[:60] }, "SignaturePNG", "Ask the client to sign again"},
		{"too many pixels", func(c *Consent) { c.SignaturePNG = huge }, "SignaturePNG", "5000 × 1 pixels, too large"},
		{"too many bytes", func(c *Consent) { c.SignaturePNG = make([]byte, maxSignatureBytes+1) }, "SignaturePNG", "larger than 512 KB"},
		{"blank", func(c *Consent) { c.SignaturePNG = signature(t, 300, 100, false) }, "SignaturePNG", "signature box is empty"},
	} {
		c := Consent{ClientID: f.client.ID, Kind: ConsentSensitive, TextVersionID: sensitive.ID,
			Areas: []string{AreaChest}, SignedOn: Date{2026, time.March, 2}, SignaturePNG: signature(t, 300, 100, true)}
		tc.edit(&c)
		err := f.s.RecordConsent(f.ctx, &c)
		var ve *ValidationError
		if !errors.As(err, &ve) || !strings.Contains(ve.For(tc.field), tc.want) {
			t.Errorf("%s: %v; want %s: %q", tc.name, err, tc.field, tc.want)
			continue
		}
		if msg := UserMessage(err); !strings.HasPrefix(msg, "Please check the form:") || strings.Contains(msg, "sql") {
			t.Errorf("%s: message %q", tc.name, msg)
		}
		if !slices.Contains(ConsentFieldNames(), tc.field) {
			t.Errorf("%s: field %s not in ConsentFieldNames", tc.name, tc.field)
		}
	}
	if cs, err := f.s.ClientConsents(f.ctx, f.client.ID); err != nil || len(cs) != 0 {
		t.Errorf("refused consents were stored: %v %d", err, len(cs))
	}
}

// Withdrawing keeps the signed consent as it was, adds the date and reason,
// and ends the areas' consent; a second withdrawal is refused.
func TestWithdrawConsent(t *testing.T) {
	f := newConsentFixture(t)
	c := f.record(t, ConsentSensitive, AreaChest, AreaAbdomen)
	f.now = time.Date(2026, 4, 1, 3, 30, 0, 0, time.UTC) // 31 March, 23:30 in Toronto
	if err := f.s.WithdrawConsent(f.ctx, c.ID, "  Prefers no abdominal work.  "); err != nil {
		t.Fatal(err)
	}
	cs, err := f.s.ClientConsents(f.ctx, f.client.ID)
	if err != nil || len(cs) != 1 {
		t.Fatalf("consents %v %v", err, cs)
	}
	got := cs[0]
	if got.Current() || got.WithdrawnOn != (Date{2026, time.March, 31}) || got.WithdrawReason != "Prefers no abdominal work." ||
		!got.WithdrawnAt.Equal(f.now) {
		t.Errorf("withdrawal %+v", got)
	}
	if got.SignedOn != c.SignedOn || !slices.Equal(got.Areas, c.Areas) || !bytes.Equal(got.SignaturePNG, c.SignaturePNG) ||
		!got.RecordedAt.Equal(c.RecordedAt) {
		t.Errorf("the signed consent changed: %+v", got)
	}
	if areas, err := f.s.ConsentedAreas(f.ctx, f.client.ID); err != nil || len(areas) != 0 {
		t.Errorf("areas after withdrawal %v %v", err, areas)
	}
	err = f.s.WithdrawConsent(f.ctx, c.ID, "again")
	if err == nil || !strings.Contains(UserMessage(err), "already withdrawn") {
		t.Errorf("second withdrawal: %v", err)
	}
	if err := f.s.WithdrawConsent(f.ctx, 9999, ""); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown consent: %v", err)
	}
	var ve *ValidationError
	if err := f.s.WithdrawConsent(f.ctx, c.ID, strings.Repeat("x", maxWithdrawReason+1)); !errors.As(err, &ve) ||
		ve.For("WithdrawReason") == "" {
		t.Errorf("long reason: %v", err)
	}
	again := f.record(t, ConsentSensitive, AreaChest)
	if areas, err := f.s.ConsentedAreas(f.ctx, f.client.ID); err != nil || !slices.Equal(areas, []string{AreaChest}) {
		t.Errorf("areas after a new consent %v %v", err, areas)
	}
	if cs, _ := f.s.ClientConsents(f.ctx, f.client.ID); len(cs) != 2 || cs[0].ID != again.ID || cs[1].Current() {
		t.Errorf("history after a new consent: %+v", cs)
	}
}

// Consent texts, signed consents, withdrawals and reviews refuse UPDATE and
// DELETE even from another connection with plain SQL.
func TestConsentRecordsRefuseSQLChanges(t *testing.T) {
	f := newConsentFixture(t)
	c := f.record(t, ConsentSensitive, AreaChest)
	other := f.record(t, ConsentGeneral)
	if err := f.s.WithdrawConsent(f.ctx, other.ID, "moved away"); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.ReviewHealthHistory(f.ctx, f.client.ID, "No changes."); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite3", fileURI(f.s.path, "_busy_timeout=5000&_foreign_keys=1"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, tc := range []struct{ stmt, want string }{
		{`UPDATE consents SET signed_on = '2020-01-01'`, "signed consent cannot be changed"},
		{`UPDATE consents SET areas = 'chest,gluteals' WHERE id = ` + itoa(c.ID), "signed consent cannot be changed"},
		{`UPDATE consents SET signature = x'00'`, "signed consent cannot be changed"},
		{`DELETE FROM consents WHERE id = ` + itoa(c.ID), "signed consent cannot be deleted"},
		{`UPDATE consent_texts SET body = 'rewritten'`, "consent text version cannot be changed"},
		{`DELETE FROM consent_texts WHERE version = 1`, "consent text version cannot be deleted"},
		{`UPDATE consent_withdrawals SET reason = 'changed'`, "withdrawal cannot be changed"},
		{`DELETE FROM consent_withdrawals`, "withdrawal cannot be deleted"},
		{`INSERT INTO consent_withdrawals (consent_id, withdrawn_on, reason, recorded_at) VALUES (` + itoa(other.ID) +
			`, '2026-03-02', 'twice', 0)`, "withdrawal cannot be changed"},
		{`INSERT INTO consents (client_id, kind, text_id, areas, signed_on, signature, recorded_at)
		 SELECT client_id, 'general', text_id, '', signed_on, signature, 0 FROM consents WHERE id = ` + itoa(c.ID),
			"signed on a text of its own kind"},
		{`UPDATE health_reviews SET reviewed_on = '2020-01-01'`, "review cannot be changed"},
		{`DELETE FROM health_reviews`, "review cannot be deleted"},
	} {
		if _, err := db.Exec(tc.stmt); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v; want %q", tc.stmt, err, tc.want)
		}
	}
	cs, err := f.s.ClientConsents(f.ctx, f.client.ID)
	if err != nil || len(cs) != 2 || cs[0].SignedOn != c.SignedOn || !slices.Equal(cs[1].Areas, []string{AreaChest}) ||
		cs[0].WithdrawReason != "moved away" || !bytes.Equal(cs[1].SignaturePNG, c.SignaturePNG) {
		t.Errorf("after the refused statements: %v %+v", err, cs)
	}
	if vs, err := f.s.ConsentTextVersions(f.ctx, ConsentGeneral); err != nil || len(vs) != 1 || vs[0].Body == "rewritten" {
		t.Errorf("texts after the refused statements: %v %+v", err, vs)
	}
	if rs, err := f.s.HealthReviews(f.ctx, f.client.ID); err != nil || len(rs) != 1 || rs[0].ReviewedOn.Year != 2026 {
		t.Errorf("reviews after the refused statements: %v %+v", err, rs)
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// The new tables' descriptions cover every column of the schema.
func TestConsentColumnsMatchTheSchema(t *testing.T) {
	s := openTemp(t)
	check := func(name string, got []string) {
		t.Helper()
		if want := tableColumns(t, s, name); !slices.Equal(got, want) {
			t.Errorf("%s: described\n%v\nschema\n%v", name, got, want)
		}
	}
	check("consent_texts", describedColumns(&consentTextTable))
	check("consents", describedColumns(&consentTable))
	check("consent_withdrawals", describedColumns(&withdrawalTable))
	check("health_reviews", describedColumns(&healthReviewTable))
	check("health_review_settings", describedColumns(&reviewSettingsTable))
	for _, name := range []string{"consent_texts", "consents", "consent_withdrawals", "health_reviews"} {
		if !slices.Contains(CountedTables(), name) {
			t.Errorf("check does not count %s", name)
		}
	}
}
