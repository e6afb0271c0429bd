package pdf

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"image"
	"image/draw"
	_ "image/jpeg" // JPEG logos and photos
	"image/png"

	"codeberg.org/go-pdf/fpdf"
)

// maxImagePixels caps an image's size (width × height) so a huge picture
// cannot exhaust memory; 40 megapixels is far beyond any logo or photo
// a document needs.
const maxImagePixels = 40_000_000

// ErrImage is wrapped by every error about a picture that cannot be used.
var ErrImage = errors.New("the picture is not a PNG or JPEG image that can be printed")

// registered is an image fpdf knows, by a name derived from its bytes.
type registered struct {
	name string
	opts fpdf.ImageOptions
	w, h float64 // pixels
}

// register checks b is a usable PNG or JPEG and hands it to fpdf once. PNGs
// fpdf cannot read itself (16-bit, interlaced) are converted first.
func (d *Doc) register(b []byte) (registered, error) {
	sum := sha256.Sum256(b)
	name := "img-" + hex.EncodeToString(sum[:12])
	if r, ok := d.images[name]; ok {
		return r, nil
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(b))
	if err != nil {
		return registered{}, fmt.Errorf("pdf: %w: %w", ErrImage, err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width*cfg.Height > maxImagePixels {
		return registered{}, fmt.Errorf("pdf: %w: it is %d×%d pixels", ErrImage, cfg.Width, cfg.Height)
	}
	// Decode it whole: a damaged file with a valid header would make fpdf
	// panic (PNG) or print garbage (JPEG).
	if _, _, err := image.Decode(bytes.NewReader(b)); err != nil {
		return registered{}, fmt.Errorf("pdf: %w: %w", ErrImage, err)
	}
	var tp string
	switch format {
	case "png":
		tp = "PNG"
		if needsConversion(b) {
			if b, err = reencodePNG(b); err != nil {
				return registered{}, err
			}
		}
	case "jpeg":
		tp = "JPG"
	default:
		return registered{}, fmt.Errorf("pdf: %w: it is %s", ErrImage, format)
	}
	opts := fpdf.ImageOptions{ImageType: tp, ReadDpi: false}
	info, err := d.registerSafely(name, opts, b)
	if err != nil {
		return registered{}, err
	}
	if d.pdf.Err() {
		// fpdf's error would poison the whole document: take it back and
		// report the picture alone.
		err := d.pdf.Error()
		d.pdf.ClearError()
		return registered{}, fmt.Errorf("pdf: %w: %w", ErrImage, err)
	}
	r := registered{name, opts, info.Width(), info.Height()}
	d.images[name] = r
	return r, nil
}

// registerSafely hands b to fpdf, turning a panic in its image parsers into
// an error about this picture alone.
func (d *Doc) registerSafely(name string, opts fpdf.ImageOptions, b []byte) (info *fpdf.ImageInfoType, err error) {
	defer func() {
		if r := recover(); r != nil {
			d.pdf.ClearError()
			info, err = nil, fmt.Errorf("pdf: %w: %v", ErrImage, r)
		}
	}()
	return d.pdf.RegisterImageOptionsReader(name, opts, bytes.NewReader(b)), nil
}

// needsConversion reports a PNG fpdf does not read: 16 bits per channel or
// interlaced (from the IHDR chunk, which always comes first).
func needsConversion(b []byte) bool {
	if len(b) < 29 {
		return true
	}
	depth, interlace := b[24], b[28]
	return depth > 8 || interlace != 0
}

// reencodePNG decodes any PNG or JPEG and encodes it as a plain 8-bit PNG.
func reencodePNG(b []byte) ([]byte, error) {
	src, _, err := image.Decode(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("pdf: %w: %w", ErrImage, err)
	}
	dst := image.NewNRGBA(src.Bounds())
	draw.Draw(dst, dst.Bounds(), src, src.Bounds().Min, draw.Src)
	var out bytes.Buffer
	if err := png.Encode(&out, dst); err != nil {
		return nil, fmt.Errorf("pdf: convert a picture: %w", err)
	}
	return out.Bytes(), nil
}

// fit scales w×h to fit inside maxW×maxH, keeping its shape.
func fit(w, h, maxW, maxH float64) (float64, float64) {
	if w <= 0 || h <= 0 {
		return 0, 0
	}
	s := min(maxW/w, maxH/h)
	return w * s, h * s
}

// Image prints a PNG or JPEG picture at the left, as large as fits in a
// maxW×maxH millimetre box with its shape kept. The picture is embedded as
// it is (no resampling), so it stays as sharp as the original. A picture
// that cannot be read makes Write fail with an error wrapping ErrImage.
func (d *Doc) Image(img []byte, maxW, maxH float64) {
	if !d.ok() {
		return
	}
	r, err := d.register(img)
	if err != nil {
		d.fail(err)
		return
	}
	maxW = clampBox(maxW, d.width())
	maxH = clampBox(maxH, d.bottom()-d.top())
	w, h := fit(r.w, r.h, maxW, maxH)
	d.KeepTogether(h)
	d.mark(d.y, "[picture]")
	d.pdf.ImageOptions(r.name, marginSide, d.y, w, h, false, r.opts, 0, "")
	d.y += h + gapBlock
}

// clampBox keeps a requested box size within (0, limit].
func clampBox(v, limit float64) float64 {
	if !(v > 0) || v > limit {
		return limit
	}
	return v
}
