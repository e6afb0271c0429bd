//go:build !ci && !wasm && !js && !android && !ios && !mobile

package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"github.com/go-gl/glfw/v3.4/glfw"
)

// displayReady reports whether the app can open windows, before any
// practice file is touched. Fyne starts GLFW when the app is made and only
// logs a failure (no display); the first window would then panic. Asking
// GLFW to start again answers at once when it runs, and gives the reason
// ("Failed to open display :99") when it cannot. It must run on the main
// goroutine, like every GLFW call.
func displayReady(a fyne.App) error {
	if _, ok := a.Driver().(desktop.Driver); !ok {
		return nil // not the desktop driver (tests): nothing to start
	}
	return glfw.Init()
}
