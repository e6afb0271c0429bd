//go:build !ci && !wasm && !js && !android && !ios && !mobile

package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"github.com/go-gl/glfw/v3.4/glfw"
)

// baselineDPI is the screen density at which Fyne draws at scale 1 (Fyne's
// internal/driver/glfw/scale.go).
const baselineDPI = 120

// screenSize estimates the primary screen's size in Fyne units, or returns
// the zero size when it cannot (not the desktop driver, no monitor). It must
// run on the main goroutine after the first window was made: GLFW is then
// started.
func screenSize(a fyne.App, w fyne.Window) (size fyne.Size) {
	if _, ok := a.Driver().(desktop.Driver); !ok {
		return fyne.Size{}
	}
	defer func() {
		if recover() != nil { // GLFW reports errors by panicking
			size = fyne.Size{}
		}
	}()
	m := glfw.GetPrimaryMonitor()
	if m == nil {
		return fyne.Size{}
	}
	mode := m.GetVideoMode()
	if mode == nil || mode.Width <= 0 || mode.Height <= 0 {
		return fyne.Size{}
	}
	scale := float32(1)
	if widthMM, _ := m.GetPhysicalSize(); widthMM > 0 {
		if dpi := float32(mode.Width) / (float32(widthMM) / 25.4); dpi > 10 && dpi < 1000 {
			scale = max(scale, dpi/baselineDPI)
		}
	}
	if user := a.Settings().Scale(); user > 0 {
		scale *= user
	}
	scale = max(scale, w.Canvas().Scale())
	return fyne.NewSize(float32(mode.Width)/scale, float32(mode.Height)/scale)
}
