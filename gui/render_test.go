package gui

import (
	"context"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/stillpoint/stillpoint/data"
)

// TestRenderScreens draws whole screens, taller than any window, with the
// software painter and saves them as PNGs for review. It runs only when
// STILLPOINT_RENDER names a folder: go test -run RenderScreens ./gui/ with
// STILLPOINT_RENDER=/tmp/screens.
func TestRenderScreens(t *testing.T) {
	dir := os.Getenv("STILLPOINT_RENDER")
	if dir == "" {
		t.Skip("set STILLPOINT_RENDER to a folder to render the screens")
	}
	sh := newTestShell(t, true)
	sh.app.Settings().SetTheme(lightTheme{})
	c := &data.Client{FirstName: "Beatrice", LastName: "Okafor", PreferredName: "Bea",
		Alerts: "Blood thinners: no deep pressure", Health: data.HealthHistory{Conditions: []string{"blood_thinners"}}}
	if err := sh.store.CreateClient(context.Background(), c); err != nil {
		t.Fatal(err)
	}
	sh.clients.refresh()
	render := func(name string, o fyne.CanvasObject, size fyne.Size) {
		w := test.NewTempWindow(t, o)
		w.Resize(size)
		f, err := os.Create(filepath.Join(dir, name+".png"))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if err := png.Encode(f, w.Canvas().Capture()); err != nil {
			t.Fatal(err)
		}
	}
	sh.clients.newClient()
	sh.clients.form.save() // show the messages of an empty form
	render("client-form", sh.clients.form.obj, fyne.NewSize(900, 2600))
	render("settings", sh.settings.obj, fyne.NewSize(900, 1500))
}

// lightTheme is the calm theme in its light variant, whatever the test
// app's settings say.
type lightTheme struct{ calmTheme }

func (lightTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return calmTheme{}.Color(n, theme.VariantLight)
}
