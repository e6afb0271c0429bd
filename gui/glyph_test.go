package gui

import (
	"go/scanner"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"golang.org/x/image/font/sfnt"
)

// Every character in the GUI's strings has a glyph in the fonts the theme
// draws with (regular, bold, italic): a missing one shows as a box
// ("Booked → Completed" drew "Booked [box] Completed").
func TestStringsHaveGlyphs(t *testing.T) {
	var fonts []*sfnt.Font
	for _, style := range []fyne.TextStyle{{}, {Bold: true}, {Italic: true}} {
		f, err := sfnt.Parse(calmTheme{}.Font(style).Content())
		if err != nil {
			t.Fatal(err)
		}
		fonts = append(fonts, f)
	}
	files, _ := filepath.Glob("*.go")
	var buf sfnt.Buffer
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		var s scanner.Scanner
		fset := token.NewFileSet()
		s.Init(fset.AddFile(name, -1, len(src)), src, nil, 0)
		for {
			pos, tok, lit := s.Scan()
			if tok == token.EOF {
				break
			}
			if tok != token.STRING && tok != token.CHAR {
				continue
			}
			str, err := strconv.Unquote(lit)
			if err != nil {
				continue
			}
			for _, r := range str {
				if r < 0x80 || r == '\ufffd' {
					continue
				}
				for _, f := range fonts {
					if i, _ := f.GlyphIndex(&buf, r); i == 0 {
						t.Errorf("%s: %q has no glyph in the theme's font", fset.Position(pos), r)
						break
					}
				}
			}
		}
	}
}
