package data

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"strings"
	"testing"
)

// The therapist's signature is kept with the profile (migration 12) and
// checked like the logo.
func TestPracticeSignatureIsKeptAndChecked(t *testing.T) {
	ctx := context.Background()
	st := openTemp(t)
	var sig bytes.Buffer
	if err := png.Encode(&sig, image.NewGray(image.Rect(0, 0, 60, 20))); err != nil {
		t.Fatal(err)
	}
	p := Practice{TherapistName: "Maya Lindqvist", Currency: "CAD", TimeZone: "UTC", Signature: sig.Bytes()}
	if err := st.SavePractice(ctx, &p); err != nil {
		t.Fatal(err)
	}
	got, err := st.Practice(ctx)
	if err != nil || !bytes.Equal(got.Signature, sig.Bytes()) {
		t.Fatalf("signature read back %d bytes (%v), want %d", len(got.Signature), err, sig.Len())
	}
	p.Signature = []byte("not a picture")
	if msg := practiceProblem(t, p, "Signature"); !strings.Contains(msg, "signature must be a PNG or JPEG") {
		t.Errorf("a bad signature: %q", msg)
	}
}
