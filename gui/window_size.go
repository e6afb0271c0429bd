package gui

import "fyne.io/fyne/v2"

// Window sizing. Fyne has no screen-size API (fyne-io/fyne#2307: "We do not
// expose any screen APIs"), so screenSize (screen_glfw.go) asks GLFW, which
// Fyne's desktop driver has already started, for the primary monitor and
// divides its pixels by the larger of the window's scale and the scale Fyne
// detects from the monitor's DPI: an estimate that errs on the small side.
// Where that is not possible (the test driver, other platforms) the window
// opens at a size that fits the smallest screen Stillpoint is built for.
// Either way every screen's content stays narrower and shorter than that
// smallest screen (see TestScreensFitASmallLaptop), so the window never has
// to grow past the screen.

// smallestScreen is the smallest work area Stillpoint is built for: a
// 1366×768 laptop at 125 % scaling, less the task bar, leaves about this.
var smallestScreen = fyne.NewSize(1024, 600)

// roomyWindow is the size the main window opens at where the screen allows.
var roomyWindow = fyne.NewSize(1180, 760)

// windowMargin is left free around the first window for its title bar and
// the desktop's panels.
var windowMargin = fyne.NewSize(32, 64)

// firstWindowSize is the main window's first size on a screen of the given
// logical size (zero when unknown): roomy where it fits, never larger
// than the screen less a margin.
func firstWindowSize(screen fyne.Size) fyne.Size {
	if screen.Width <= 0 || screen.Height <= 0 {
		screen = smallestScreen
	}
	return fyne.NewSize(
		max(min(roomyWindow.Width, screen.Width-windowMargin.Width), 320),
		max(min(roomyWindow.Height, screen.Height-windowMargin.Height), 240))
}
