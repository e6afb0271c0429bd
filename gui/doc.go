// Package gui is Stillpoint's desktop interface, built with Fyne. Every Fyne
// import of the project lives here; the screens talk to the practice only
// through *data.Store.
//
// Each screen, dialog or custom widget has its own file. Screens are built by
// functions that take the fyne.App or fyne.Window they live in, so tests can
// drive them with Fyne's test app. Work off the UI goroutine changes widgets
// only through fyne.Do.
package gui
