// Package csvimport reads client lists exported by other practice systems
// (Jane, ClinicSense, Noterro, Cliniko, Square) and by spreadsheets, and
// turns them into Stillpoint client records.
//
// Reading is in three steps, none of which writes anything: Parse reads the
// file's bytes (any common encoding, separator and line ending) into a
// table; Build recognises its columns and checks every row, giving a
// Preview that says, row by row, what will happen; the caller chooses for
// each likely duplicate whether to skip it or merge it; then Import writes
// the whole batch in one transaction (data.Store.ImportClients).
package csvimport

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// Limits that keep a wrong file (a video, a whole database dump) from
// freezing the preview.
const (
	MaxBytes = 64 << 20 // 64 MB
	MaxRows  = 200_000
)

// Encodings a file can be read in.
const (
	UTF8        = "UTF-8"
	UTF16       = "UTF-16"
	Windows1252 = "Windows-1252"
)

// Table is a CSV file as read: its header row, its data rows and how it was
// written.
type Table struct {
	Header []string
	// Rows are the data rows; Rows[i] is row i+2 of the file as a
	// spreadsheet numbers it (the header is row 1).
	Rows      [][]string
	Separator rune   // ',', ';' or '\t'
	Encoding  string // UTF8, UTF16 or Windows1252
}

// ErrEmpty is returned for a file with no rows at all.
var ErrEmpty = errors.New("the file is empty")

// ReadError is a file that could not be read as a table, in plain words.
type ReadError struct {
	Row    int // the spreadsheet row where reading stopped (0: not known)
	Reason string
}

func (e *ReadError) Error() string {
	if e.Row > 0 {
		return fmt.Sprintf("row %d: %s", e.Row, e.Reason)
	}
	return e.Reason
}

// ParseReader reads at most MaxBytes from r and parses them.
func ParseReader(r io.Reader) (*Table, error) {
	b, err := io.ReadAll(io.LimitReader(r, MaxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read the file: %w", err)
	}
	if len(b) > MaxBytes {
		return nil, &ReadError{Reason: fmt.Sprintf("the file is larger than %d MB; a client list is much smaller, so this is probably not the right file", MaxBytes>>20)}
	}
	return Parse(b)
}

// Parse reads a CSV file's bytes: UTF-8 (with or without a byte-order
// mark), UTF-16 with a byte-order mark (Excel's "Unicode text"), or
// Windows-1252 when the bytes are not valid UTF-8; separated by commas,
// semicolons or tabs (whichever the header row uses most); with CRLF or LF
// line ends and quoted fields that may hold separators, quotes and line
// breaks.
func Parse(b []byte) (*Table, error) {
	text, enc, err := decode(b)
	if err != nil {
		return nil, err
	}
	if strings.TrimSpace(text) == "" {
		return nil, ErrEmpty
	}
	sep := detectSeparator(text)
	t, err := readTable(text, sep, false)
	var pe *csv.ParseError
	if errors.As(err, &pe) && errors.Is(pe.Err, csv.ErrBareQuote) {
		// A quote inside an unquoted value (5'10" tall): read it as text.
		t, err = readTable(text, sep, true)
	}
	if err != nil {
		return nil, err
	}
	t.Encoding = enc
	return t, nil
}

// readTable splits text into rows. lazy accepts quotes inside unquoted
// values; a quoted value that is never closed is an error either way.
func readTable(text string, sep rune, lazy bool) (*Table, error) {
	r := csv.NewReader(strings.NewReader(text))
	r.Comma = sep
	r.FieldsPerRecord = -1
	r.LazyQuotes = lazy
	t := &Table{Separator: sep}
	for row := 1; ; row++ {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) && errors.Is(pe.Err, csv.ErrBareQuote) {
			return nil, err
		}
		if err != nil {
			return nil, &ReadError{Row: row, Reason: "a quotation mark opened here is never closed, so the rest " +
				"of the file cannot be read; check this row in a spreadsheet"}
		}
		if row == 1 {
			t.Header = rec
			continue
		}
		if len(t.Rows) >= MaxRows {
			return nil, &ReadError{Reason: fmt.Sprintf("the file has more than %d rows; split it into smaller files", MaxRows)}
		}
		t.Rows = append(t.Rows, rec)
	}
	return t, nil
}

// decode turns the file's bytes into text and names the encoding it used.
func decode(b []byte) (string, string, error) {
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		b = b[3:]
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}), bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		d := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder()
		out, err := d.Bytes(b)
		if err != nil {
			return "", "", &ReadError{Reason: "the file says it is UTF-16 text but is not; save it again as CSV (UTF-8)"}
		}
		return string(out), UTF16, nil
	}
	if utf8.Valid(b) {
		return string(b), UTF8, nil
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(b)
	if err != nil {
		return "", "", &ReadError{Reason: "the file's characters cannot be read; save it again as CSV (UTF-8)"}
	}
	return string(out), Windows1252, nil
}

// detectSeparator picks the separator the first row (outside quotes) uses
// most: comma, semicolon (French spreadsheets) or tab. A one-column file is
// read with commas.
func detectSeparator(text string) rune {
	counts := map[rune]int{}
	quoted := false
	for _, r := range text {
		if r == '"' {
			quoted = !quoted
			continue
		}
		if quoted {
			continue
		}
		if r == '\n' {
			break
		}
		counts[r]++
	}
	best := ','
	for _, sep := range []rune{';', '\t'} {
		if counts[sep] > counts[best] {
			best = sep
		}
	}
	return best
}
