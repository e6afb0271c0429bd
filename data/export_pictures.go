package data

import (
	"net/http"
	"strings"
)

// ExportPicture is a stored picture (a consent signature, a handout's own
// picture, the practice's logo) that an export writes as a file of its own.
// The sheet's cell names the file, so a person or a program finds it.
type ExportPicture struct {
	Name string // slash-separated, relative to the export: "pictures/consents-3-signature.png"
	Data []byte
}

// PictureFolder is the export's folder of picture files.
const PictureFolder = "pictures"

// TakePictures returns the pictures met by Rows since the last call, in
// the order met, and forgets them: the caller writes each as its own file.
func (r *ExportReader) TakePictures() []ExportPicture {
	p := r.pictures
	r.pictures = nil
	return p
}

// picture keeps one row's stored picture for TakePictures and returns the
// cell naming its file ("" when the row has none).
func (r *ExportReader) picture(sh ExportSheet, key any, c ExportColumn, v any) string {
	b, ok := v.([]byte)
	if !ok || len(b) == 0 {
		return ""
	}
	name := PictureFolder + "/" + strings.TrimSuffix(sh.File, ".csv") + "-" + text(key) + "-" +
		strings.ReplaceAll(c.SQL, "_", "-") + pictureExt(b)
	r.pictures = append(r.pictures, ExportPicture{Name: name, Data: b})
	return name
}

// pictureExt is the file extension of a stored picture, from its first
// bytes: Stillpoint stores PNG and JPEG; anything else keeps its bytes
// under ".bin".
func pictureExt(b []byte) string {
	switch http.DetectContentType(b) {
	case "image/png":
		return ".png"
	case "image/jpeg":
		return ".jpg"
	case "image/gif":
		return ".gif"
	case "image/webp":
		return ".webp"
	case "image/bmp":
		return ".bmp"
	}
	if strings.HasPrefix(strings.TrimSpace(string(b[:min(len(b), 256)])), "<svg") || strings.HasPrefix(string(b[:min(len(b), 5)]), "<?xml") {
		return ".svg"
	}
	return ".bin"
}
