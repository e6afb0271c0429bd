package data

import (
	"fmt"
	"net/http"
)

// MaxHandoutPicture is the largest picture a handout may carry (2 MB): a
// phone photo scaled for print is well under it.
const MaxHandoutPicture = 2 << 20

// normalize trims what was typed and finds the picture's type from its bytes.
func (h *Handout) normalize() {
	h.Title, h.Area, h.Hold, h.Frequency = clean(h.Title), clean(h.Area), clean(h.Hold), clean(h.Frequency)
	h.Body = cleanText(h.Body)
	if h.Kind == "" {
		h.Kind = HandoutExercise
	}
	h.PictureType = ""
	if len(h.Picture) > 0 {
		h.PictureType = pictureType(h.Picture)
	}
}

// pictureType is "image/png" or "image/jpeg" when the bytes are one, found
// by their content, never by a file name; otherwise what they look like.
func pictureType(b []byte) string {
	return http.DetectContentType(b)
}

// Validate reports everything wrong with h as a *ValidationError, or nil.
func (h *Handout) Validate() error {
	var p problems
	if h.Title == "" {
		p.add("Title", "Give the handout a title.")
	}
	p.checkLen("Title", "The title", h.Title, maxName)
	p.checkLen("Area", "The body area", h.Area, maxShort)
	p.checkLen("Hold", "The hold time", h.Hold, maxShort)
	p.checkLen("Frequency", "How often", h.Frequency, maxShort)
	p.checkLen("Body", "The text", h.Body, maxLong)
	if !h.Kind.Valid() {
		p.add("Kind", "Choose whether this is an exercise or advice.")
	}
	if h.Sets < 0 || h.Sets > 100 {
		p.add("Sets", "Sets must be between 0 and 100.")
	}
	if h.Reps < 0 || h.Reps > 1000 {
		p.add("Reps", "Repetitions must be between 0 and 1000.")
	}
	if n := len(h.Picture); n > MaxHandoutPicture {
		p.add("Picture", "The picture is too large (%s; the limit is 2 MB). Save it smaller and try again.", sizeMB(n))
	} else if t := pictureType(h.Picture); n > 0 && t != "image/png" && t != "image/jpeg" {
		p.add("Picture", "The picture must be a PNG or JPEG image; this file is not one.")
	}
	return p.err()
}

// sizeMB writes a byte count as megabytes: "3.4 MB".
func sizeMB(n int) string { return fmt.Sprintf("%.1f MB", float64(n)/(1<<20)) }
