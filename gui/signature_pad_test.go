package gui

import (
	"bytes"
	"errors"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

func TestSignaturePadDrawsAndClears(t *testing.T) {
	test.NewTempApp(t)
	p := newSignaturePad()
	w := test.NewTempWindow(t, p)
	w.Resize(fyne.NewSize(480, 220))
	changes := 0
	p.OnChanged = func() { changes++ }
	if !p.Empty() {
		t.Fatal("a new pad is not empty")
	}
	if _, err := p.PNG(); !errors.Is(err, errNoSignature) {
		t.Errorf("PNG of an empty pad: %v, want errNoSignature", err)
	}
	abs := fyne.CurrentApp().Driver().AbsolutePositionForObject(p.ink)
	test.Drag(w.Canvas(), abs.AddXY(150, 60), 120, 30)
	test.Drag(w.Canvas(), abs.AddXY(300, 40), -40, 50)
	if p.Empty() || len(p.strokes) != 2 || changes != 2 {
		t.Fatalf("after two drags: empty %v, %d strokes, %d changes; want 2 strokes and 2 changes", p.Empty(), len(p.strokes), changes)
	}
	b, err := p.PNG()
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("PNG does not decode: %v", err)
	}
	if got := img.Bounds(); got.Dx() != signatureWidth || got.Dy() != signatureHeight {
		t.Errorf("PNG is %v, want %dx%d", got, signatureWidth, signatureHeight)
	}
	inked := 0
	for y := 0; y < signatureHeight; y++ {
		for x := 0; x < signatureWidth; x++ {
			if r, _, _, a := img.At(x, y).RGBA(); a > 0 && r < 0x4000 {
				inked++
			}
		}
	}
	// Two strokes about 120 and 65 points long, 3 pixels wide, at 1.25×.
	if inked < 300 {
		t.Errorf("only %d dark pixels in the signature", inked)
	}
	if dir := os.Getenv("STILLPOINT_RENDER"); dir != "" {
		os.WriteFile(filepath.Join(dir, "signature.png"), b, 0o644)
		for _, th := range []struct {
			name  string
			theme fyne.Theme
		}{{"light", lightTheme{}}, {"dark", darkTheme{}}} {
			fyne.CurrentApp().Settings().SetTheme(th.theme)
			f, err := os.Create(filepath.Join(dir, "signature-pad-"+th.name+".png"))
			if err != nil {
				t.Fatal(err)
			}
			png.Encode(f, w.Canvas().Capture())
			f.Close()
		}
	}
	test.Tap(p.clear)
	if !p.Empty() || changes != 3 {
		t.Errorf("after Clear: empty %v, %d changes; want empty and 3 changes", p.Empty(), changes)
	}
	if _, err := p.PNG(); err == nil {
		t.Error("PNG after Clear gave a picture")
	}
}

// TestSignaturePadFollowsThePointer drives the pad as the desktop driver
// does (each event: where the pointer is now and how far it moved) and
// checks one stroke follows every point.
func TestSignaturePadFollowsThePointer(t *testing.T) {
	test.NewTempApp(t)
	fyne.CurrentApp().Settings().SetTheme(lightTheme{})
	p := newSignaturePad()
	w := test.NewTempWindow(t, p)
	w.Resize(fyne.NewSize(480, 220))
	size := p.ink.Size()
	prev := fyne.NewPos(40, 100)
	for i := 1; i <= 60; i++ {
		x := 40 + float32(i)*6
		y := 100 - 35*float32(math.Sin(float64(i)/4)) + float32(i%15)*1.5
		pos := fyne.NewPos(x, y)
		p.ink.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: pos}, Dragged: fyne.NewDelta(pos.X-prev.X, pos.Y-prev.Y)})
		prev = pos
	}
	p.ink.DragEnd()
	if len(p.strokes) != 1 || len(p.strokes[0]) != 61 {
		t.Fatalf("strokes %d, points %d; want 1 stroke of 61 points", len(p.strokes), len(p.strokes[0]))
	}
	first, last := p.strokes[0][0], p.strokes[0][60]
	if !near(first.X, 40/size.Width) || !near(first.Y, 100/size.Height) || !near(last.X, prev.X/size.Width) {
		t.Errorf("stroke runs %v to %v, want from (40, 100) to %v in a %v area", first, last, prev, size)
	}
	saveRender(t, "signature-pad-wave-light", w.Canvas())
	if dir := os.Getenv("STILLPOINT_RENDER"); dir != "" {
		b, err := p.PNG()
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, "signature-wave.png"), b, 0o644)
	}
}
