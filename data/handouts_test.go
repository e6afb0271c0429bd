package data

import (
	"bytes"
	"context"
	"errors"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/stillpoint/stillpoint/assets"
)

// openWithHandouts opens a new practice whose built-in handouts are fsys.
func openWithHandouts(t *testing.T, fsys fstest.MapFS, now *time.Time) (*Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "practice.db")
	s, err := Open(context.Background(), path, WithHandouts(fsys), WithClock(func() time.Time { return *now }))
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s, path
}

func handoutByKey(t *testing.T, s *Store, key string) Handout {
	t.Helper()
	hs, err := s.Handouts(context.Background(), true)
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range hs {
		if h.BuiltinKey == key {
			return h
		}
	}
	t.Fatalf("no built-in %q in %+v", key, hs)
	return Handout{}
}

// The testdata fixture: every built-in gets a row with an ID, its text and
// drawing come from the files (no body stored), and it cannot be edited.
func TestBuiltinHandoutsGetRowsAndTextFromFiles(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)
	path := filepath.Join(t.TempDir(), "practice.db")
	s, err := Open(ctx, path, WithHandouts(os.DirFS("testdata/handouts")), WithClock(func() time.Time { return now }))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	hs, err := s.Handouts(ctx, false)
	if err != nil || len(hs) != 2 {
		t.Fatalf("handouts %v %+v", err, hs)
	}
	neck := handoutByKey(t, s, "neck-stretch")
	if neck.ID == 0 || neck.Title != "Neck side stretch" || neck.Sets != 3 || neck.Hold != "30 seconds" || neck.Body != "" {
		t.Errorf("listed %+v", neck)
	}
	var stored string
	if err := s.r.QueryRow(`SELECT body FROM handouts WHERE id = ?`, neck.ID).Scan(&stored); err != nil || stored != "" {
		t.Errorf("stored body %q %v, want none", stored, err)
	}
	full, err := s.Handout(ctx, neck.ID)
	if err != nil || !strings.Contains(full.Body, "## How to do it") || !bytes.Contains(full.Illustration, []byte("<svg")) {
		t.Errorf("read %v %+v", err, full)
	}
	full.Title = "Mine now"
	if err := s.UpdateHandout(ctx, &full); !errors.Is(err, ErrBuiltinHandout) {
		t.Errorf("update of a built-in: %v", err)
	}
	if err := s.SetHandoutArchived(ctx, neck.ID, true); !errors.Is(err, ErrBuiltinHandout) {
		t.Errorf("archive of a built-in: %v", err)
	}
	cp, err := s.DuplicateHandout(ctx, neck.ID)
	if err != nil || cp.Builtin() || cp.Title != "Neck side stretch (copy)" || !strings.Contains(cp.Body, "Tilt your ear") || cp.Sets != 3 {
		t.Fatalf("duplicate %v %+v", err, cp)
	}
	cp.Body += "\n\nMy own words."
	if err := s.UpdateHandout(ctx, &cp); err != nil {
		t.Fatalf("edit the copy: %v", err)
	}
	if got, _ := s.Handout(ctx, cp.ID); !strings.HasSuffix(got.Body, "My own words.") {
		t.Errorf("copy reads %q", got.Body)
	}
}

// An upgrade's files flow into an existing practice: a changed title is
// updated in place (same ID), a new handout is added, a handout no longer
// shipped is archived, not deleted; a current file is not written to.
func TestHandoutSyncFollowsUpgrades(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)
	v1 := fstest.MapFS{
		"a.txt": {Data: []byte("title: Old title\narea: Neck\n---\nText")},
		"b.txt": {Data: []byte("title: Goes away\nkind: advice\n---\nText")},
	}
	s, _ := openWithHandouts(t, v1, &now)
	a1, b1 := handoutByKey(t, s, "a"), handoutByKey(t, s, "b")
	now = now.Add(time.Hour)
	if err := s.SyncHandouts(ctx, v1); err != nil {
		t.Fatal(err)
	}
	if again := handoutByKey(t, s, "a"); !again.UpdatedAt.Equal(a1.UpdatedAt) {
		t.Errorf("a current library was written again: %v → %v", a1.UpdatedAt, again.UpdatedAt)
	}
	v2 := fstest.MapFS{
		"a.txt": {Data: []byte("title: New title\narea: Neck\nsets: 2\n---\nNew text")},
		"c.txt": {Data: []byte("title: Brand new\n---\nText")},
	}
	if err := s.SyncHandouts(ctx, v2); err != nil {
		t.Fatal(err)
	}
	s.handouts = v2
	a2, b2 := handoutByKey(t, s, "a"), handoutByKey(t, s, "b")
	if a2.ID != a1.ID || a2.Title != "New title" || a2.Sets != 2 {
		t.Errorf("a after the upgrade %+v", a2)
	}
	if b2.ID != b1.ID || !b2.Archived {
		t.Errorf("b after the upgrade %+v", b2)
	}
	if c := handoutByKey(t, s, "c"); c.ID == 0 || c.Archived {
		t.Errorf("c %+v", c)
	}
	if full, err := s.Handout(ctx, a1.ID); err != nil || full.Body != "New text" {
		t.Errorf("a's text %q %v", full.Body, err)
	}
	if list, _ := s.Handouts(ctx, false); len(list) != 2 {
		t.Errorf("the library lists %d handouts, want 2 (b archived)", len(list))
	}
}

// A broken built-in file is reported by name (wrapping ErrHandoutFile)
// but does not stop the others, does not archive its row, and does not
// stop a practice from opening.
func TestHandoutSyncNamesABrokenFile(t *testing.T) {
	now := time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)
	good := fstest.MapFS{"a.txt": {Data: []byte("title: A\n---\nText")}}
	s, _ := openWithHandouts(t, good, &now)
	a := handoutByKey(t, s, "a")
	broken := fstest.MapFS{"a.txt": {Data: []byte("no header")}, "b.txt": {Data: []byte("title: B\n---\nText")}}
	err := s.SyncHandouts(context.Background(), broken)
	if !errors.Is(err, ErrHandoutFile) || !strings.Contains(err.Error(), "a.txt") {
		t.Errorf("error %v", err)
	}
	if got := handoutByKey(t, s, "a"); got.Archived || got.Title != "A" || got.ID != a.ID {
		t.Errorf("the broken file's row became %+v", got)
	}
	if b := handoutByKey(t, s, "b"); b.ID == 0 {
		t.Error("the readable file beside it was not synced")
	}
	s2, err := Open(context.Background(), filepath.Join(t.TempDir(), "p.db"), WithHandouts(broken))
	if err != nil {
		t.Fatalf("a broken handout file stopped the practice from opening: %v", err)
	}
	s2.Close()
}

// Every handout the app ships parses, has a title and a drawing: a file
// the parser refuses would be left out of every practice's library.
func TestShippedHandoutsParse(t *testing.T) {
	hs, err := ReadBuiltinHandouts(assets.Handouts)
	if err != nil {
		t.Fatal(err)
	}
	if len(hs) == 0 {
		t.Fatal("no built-in handouts")
	}
	for _, h := range hs {
		if h.Text.Title == "" || h.Text.Body == "" || !bytes.Contains(h.Illustration, []byte("<svg")) {
			t.Errorf("%s: %+v, drawing %d bytes", h.Key, h.Text, len(h.Illustration))
		}
	}
}

func pngBytes(t *testing.T) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 4, 4))
	img.Set(1, 1, color.RGBA{200, 10, 10, 255})
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// Own handouts: a PNG picture is kept with its type found from the bytes
// (whatever the caller said); a GIF, a renamed text file and a picture over
// 2 MB are refused with a plain message on the Picture field.
func TestOwnHandoutPictureIsCheckedByContent(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)
	s, _ := openWithHandouts(t, fstest.MapFS{}, &now)
	h := Handout{Title: "  Ankle circles ", Area: "Ankle", Body: "Circle slowly.", Picture: pngBytes(t), PictureType: "image/gif"}
	if err := s.CreateHandout(ctx, &h); err != nil {
		t.Fatal(err)
	}
	got, err := s.Handout(ctx, h.ID)
	if err != nil || got.Title != "Ankle circles" || got.PictureType != "image/png" || !bytes.Equal(got.Picture, h.Picture) || got.Kind != HandoutExercise {
		t.Fatalf("read back %v %+v", err, got)
	}
	for name, pic := range map[string][]byte{
		"gif":   []byte("GIF89a\x01\x00\x01\x00\x00\x00\x00;"),
		"text":  []byte("just some text pretending to be a picture"),
		"large": append(pngBytes(t), make([]byte, MaxHandoutPicture)...),
	} {
		bad := Handout{Title: "Bad " + name, Picture: pic}
		err := s.CreateHandout(ctx, &bad)
		var ve *ValidationError
		if !errors.As(err, &ve) || ve.For("Picture") == "" {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if name == "large" && !strings.Contains(ve.For("Picture"), "2 MB") {
			t.Errorf("large: %q", ve.For("Picture"))
		}
	}
	got.Archived = false
	if err := s.SetHandoutArchived(ctx, h.ID, true); err != nil {
		t.Fatal(err)
	}
	if list, _ := s.Handouts(ctx, false); len(list) != 0 {
		t.Errorf("archived handout still listed: %+v", list)
	}
}

func TestHandoutValidation(t *testing.T) {
	h := Handout{Kind: "stretch", Sets: -1, Reps: 5000}
	h.normalize()
	err := h.Validate()
	var ve *ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("got %v", err)
	}
	for _, f := range []string{"Title", "Kind", "Sets", "Reps"} {
		if ve.For(f) == "" {
			t.Errorf("no message for %s in %v", f, err)
		}
	}
}
