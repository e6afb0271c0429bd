package assets

import (
	"embed"
	"io/fs"
)

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

// BodyFrontSVG is the body chart's front view: a calm outline of a neutral
// figure in a 220×500 view box, stroked #5f7a86 and filled #e9eef0 (the
// body chart swaps those two colours for the theme's). The client's right
// side is on the viewer's left.
//
//go:embed body-front.svg
var BodyFrontSVG []byte

// BodyBackSVG is the body chart's back view, drawn like BodyFrontSVG with
// the same outline; the client's left side is on the viewer's left.
//
//go:embed body-back.svg
var BodyBackSVG []byte

//go:embed handouts
var handoutFiles embed.FS

// Handouts are the built-in home-care handouts: <slug>.txt files (a
// "key: value" header, a "---" line, then the text in the handout markup)
// each with a <slug>.svg line drawing, at the root of this file system.
var Handouts, _ = fs.Sub(handoutFiles, "handouts")
