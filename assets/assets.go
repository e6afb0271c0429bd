package assets

import _ "embed" // for the //go:embed directives below

// IconPNG is the application icon: a 512×512 PNG with a transparent
// background, rendered from IconSVG. Use it for the window and app icon.
//
//go:embed icon.png
var IconPNG []byte

// IconSVG is the vector source of the application icon. It uses only basic
// shapes and a linear gradient, so it stays crisp at any size in Fyne's SVG
// rasteriser; name the resource with a ".svg" suffix when wrapping it.
//
//go:embed icon.svg
var IconSVG []byte
