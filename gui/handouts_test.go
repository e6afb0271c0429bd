package gui

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"net/url"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/stillpoint/stillpoint/data"
)

// smallPNG is a small picture a therapist might choose.
func smallPNG(t *testing.T) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, 80, 60))
	for y := range 60 {
		for x := range 80 {
			img.Set(x, y, color.NRGBA{uint8(x * 3), 120, uint8(y * 4), 255})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// pick makes the editor's file chooser return name and b.
func pick(e *handoutEditor, name string, b []byte) {
	e.choosePicture = func(done func(string, []byte, error)) { done(name, b, nil) }
	test.Tap(e.chooseBtn)
}

// openNewHandout shows the Handouts screen and taps New handout.
func openNewHandout(t *testing.T, sh *shell) *handoutEditor {
	t.Helper()
	sh.show(sectionHandouts)
	s := sh.handouts
	s.editor = nil
	test.Tap(s.newBtn)
	if s.editor == nil {
		t.Fatal("New handout opened no editor")
	}
	return s.editor
}

// The library lists the built-ins with their drawings; New handout with a
// picture stores the therapist's own, listed with its picture and shown in
// the preview with Save as PDF… and Print….
func TestHandoutsCreateOwnWithPicture(t *testing.T) {
	sh := newTestShell(t, true)
	sh.win.Resize(fyne.NewSize(1024, 600))
	ed := openNewHandout(t, sh)
	s := sh.handouts
	builtins := len(s.rows)
	if builtins < 15 {
		t.Fatalf("the library lists %d handouts, want the built-ins", builtins)
	}
	if s.artResource(s.rows[0]) == nil {
		t.Errorf("the built-in %q has no thumbnail", s.rows[0].Title)
	}
	typeInto(ed.title, "Foam roller for the upper back")
	typeInto(ed.area, "Upper back")
	typeInto(ed.sets, "2")
	typeInto(ed.reps, "8")
	typeInto(ed.body, "Lie on the roller.\n\n## How to do it\n1. Roll slowly.")
	pic := smallPNG(t)
	pick(ed, "roller.png", pic)
	if !strings.Contains(ed.pictureName.Text, "roller.png") {
		t.Errorf("the chosen picture shows as %q", ed.pictureName.Text)
	}
	test.Tap(ed.saveBtn)
	if ed.summary.Visible() || ed.dirty {
		t.Fatalf("not saved: %s", ed.summary.Text)
	}
	if len(s.rows) != builtins+1 {
		t.Fatalf("the library lists %d handouts after the save, want %d", len(s.rows), builtins+1)
	}
	var own data.Handout
	for _, r := range s.rows {
		if !r.Builtin() {
			own = r
		}
	}
	stored, err := sh.store.Handout(context.Background(), own.ID)
	if err != nil {
		t.Fatal(err)
	}
	if stored.Title != "Foam roller for the upper back" || stored.Sets != 2 || stored.Reps != 8 ||
		!bytes.Equal(stored.Picture, pic) || stored.PictureType != "image/png" {
		t.Errorf("stored %+v", stored)
	}
	if s.artResource(own) == nil {
		t.Error("the own handout has no thumbnail in the list")
	}
	if s.chosen.ID != own.ID || s.pdf == nil || s.editBtn == nil || s.dupBtn != nil {
		t.Fatal("the saved handout is not shown with Print… and Edit")
	}
	var opened *url.URL
	s.pdf.printDir = func() (string, error) { return t.TempDir(), nil }
	s.pdf.openURL = func(u *url.URL) error { opened = u; return nil }
	test.Tap(s.pdf.printBtn)
	if opened == nil {
		t.Fatal("Print… opened nothing")
	}
	checkPDF(t, opened.Path, "Foam roller for the upper back", "2 sets of 8", "Roll slowly.")
	fits(t, "handouts screen", sh)
}

// A picture too large or not a PNG/JPEG is refused with a plain message
// under the field; what was typed and the earlier picture stay.
func TestHandoutPictureRefused(t *testing.T) {
	sh := newTestShell(t, true)
	ed := openNewHandout(t, sh)
	typeInto(ed.title, "Wall angels")
	pic := smallPNG(t)
	pick(ed, "good.png", pic)
	huge := append(append([]byte{}, pic...), make([]byte, data.MaxHandoutPicture)...)
	pick(ed, "huge.png", huge)
	if msg := ed.pictureField.err.Text; !strings.Contains(msg, "too large") || !strings.Contains(msg, "2 MB") {
		t.Errorf("a 2 MB+ picture: message %q", msg)
	}
	if !bytes.Equal(ed.picture, pic) || ed.title.Text != "Wall angels" {
		t.Error("a refused picture replaced the earlier one or lost the typing")
	}
	pick(ed, "notes.txt", []byte("just some words, not a picture"))
	if msg := ed.pictureField.err.Text; !strings.Contains(msg, "PNG or JPEG") {
		t.Errorf("a text file: message %q", msg)
	}
	if !bytes.Equal(ed.picture, pic) || ed.title.Text != "Wall angels" {
		t.Error("a refused file replaced the picture or lost the typing")
	}
	pick(ed, "good.png", pic)
	if ed.pictureField.err.Text != "" {
		t.Errorf("a good picture still shows %q", ed.pictureField.err.Text)
	}
}

// Duplicate to edit makes an own copy of a built-in and opens it; Archive
// takes an own handout out of the library.
func TestHandoutsDuplicateAndArchive(t *testing.T) {
	sh := newTestShell(t, true)
	sh.show(sectionHandouts)
	s := sh.handouts
	n := len(s.rows)
	s.list.Select(0)
	if s.dupBtn == nil || s.editBtn != nil {
		t.Fatal("a built-in offers no Duplicate to edit, or offers Edit")
	}
	title := s.chosen.Title
	test.Tap(s.dupBtn)
	if len(s.rows) != n+1 || s.chosen.Title != title+" (copy)" || s.chosen.Builtin() || s.editor == nil ||
		s.editor.title.Text != title+" (copy)" {
		t.Fatalf("after duplicating: %d rows, chosen %q", len(s.rows), s.chosen.Title)
	}
	s.archive(s.chosen.ID)
	if len(s.rows) != n {
		t.Errorf("after archiving: %d rows, want %d", len(s.rows), n)
	}
}
