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

// handoutFiles holds the built-in home-care handouts: for each slug a text
// (handouts/<slug>.txt) and its line drawing (handouts/<slug>.svg).
//
//go:embed handouts/*.txt handouts/*.svg
var handoutFiles embed.FS

// Handouts is the built-in handout library, rooted at the handouts folder:
// "<slug>.txt" is the handout's header and body and "<slug>.svg" its
// illustration. docs/handouts.md describes both formats; the drawing tool in
// assets/handouts/draw is not part of it.
var Handouts fs.FS = subFS(handoutFiles, "handouts")

// subFS returns the folder dir of an embedded file system. The folder name is
// a constant of this package, so an error is a programming mistake caught by
// the package's tests, never something a user can cause.
func subFS(fsys embed.FS, dir string) fs.FS {
	sub, err := fs.Sub(fsys, dir)
	if err != nil {
		panic("assets: " + dir + ": " + err.Error())
	}
	return sub
}

// Fonts holds the TrueType fonts the PDF documents embed, each with its
// licence beside it: fonts/DejaVuSans.ttf and fonts/DejaVuSans-Bold.ttf
// (Latin incl. Vietnamese, Greek, Cyrillic; DejaVu-LICENSE.txt) and
// fonts/DroidSansFallbackFull.ttf (Chinese, Japanese;
// DroidSansFallback-LICENSE.txt, Apache-2.0) and fonts/NanumSquareR.ttf
// (Korean; NanumSquare-LICENSE.txt, SIL OFL 1.1). Read-only.
//
//go:embed fonts
var Fonts embed.FS
