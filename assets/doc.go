// Package assets embeds the images, icons and fonts Stillpoint ships with.
//
// It holds raw bytes only and imports no GUI toolkit, so any package — the
// user interface, PDF rendering or packaging tools — can use the same files.
// Wrap the bytes in a toolkit resource where they are used, for example
// fyne.NewStaticResource("icon.png", assets.IconPNG) in the gui package.
package assets
