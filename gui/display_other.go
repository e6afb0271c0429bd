//go:build ci || wasm || js || android || ios || mobile

package gui

import "fyne.io/fyne/v2"

// displayReady has nothing to check where the driver is not GLFW's.
func displayReady(fyne.App) error { return nil }
