package export

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"regexp"

	"github.com/stillpoint/stillpoint/data"
)

// bom starts every CSV file: Excel reads a UTF-8 file without it as the
// system's old code page and garbles "Zoë" and "Łukasz"; LibreOffice,
// Numbers, Python and Stillpoint's own import all accept it.
const bom = "\uFEFF"

// plainNumber is a cell a spreadsheet reads as a number and nothing else:
// a negative amount such as "-12.50", a count. Such cells stay as they are.
var plainNumber = regexp.MustCompile(`^[+-]?[0-9]+(\.[0-9]+)?$`)

// phoneNumber is a phone number written with a leading "+" ("+1 (416)
// 555-0100"): only digits, spaces, parentheses, dots and hyphens, so no
// spreadsheet can find a function or a cell reference in it. It stays as
// it is, so a re-import gets the same number.
var phoneNumber = regexp.MustCompile(`^\+[0-9][0-9 ().-]*$`)

// Neutralise defuses a cell that a spreadsheet would run as a formula: one
// starting with = + - @, a tab or a carriage return gets a leading
// apostrophe, which spreadsheets show as text. Plain numbers and "+"-phone
// numbers are left alone (see plainNumber, phoneNumber).
func Neutralise(cell string) string {
	if cell == "" {
		return cell
	}
	switch cell[0] {
	case '=', '+', '-', '@', '\t', '\r':
		if plainNumber.MatchString(cell) || phoneNumber.MatchString(cell) {
			return cell
		}
		return "'" + cell
	}
	return cell
}

// writeSheet writes one sheet as an RFC 4180 CSV file (CRLF line ends,
// quotes where needed) with a header row, and returns its row count.
func writeSheet(ctx context.Context, r *data.ExportReader, out sink, sh data.ExportSheet, clientID int64) (int, error) {
	n := 0
	err := out.put(sh.File, func(w io.Writer) error {
		if _, err := io.WriteString(w, bom); err != nil {
			return err
		}
		cw := csv.NewWriter(w)
		cw.UseCRLF = true
		if err := cw.Write(r.Headers(sh)); err != nil {
			return err
		}
		err := r.Rows(ctx, sh, clientID, func(cells []string) error {
			if n++; n%1024 == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
			}
			for i, c := range cells {
				cells[i] = Neutralise(c)
			}
			return cw.Write(cells)
		})
		if err != nil {
			return err
		}
		cw.Flush()
		return cw.Error()
	})
	if err != nil {
		return 0, fmt.Errorf("export %s: %w", sh.File, err)
	}
	return n, ctx.Err()
}

// writePictures writes the pictures the last sheet's cells named (a
// signature, a handout's picture, the logo) as files of their own, after
// the sheet is complete (a zip takes one file at a time), and returns how
// many it wrote.
func writePictures(r *data.ExportReader, out sink) (int, error) {
	pics := r.TakePictures()
	for _, p := range pics {
		err := out.put(p.Name, func(w io.Writer) error {
			_, err := w.Write(p.Data)
			return err
		})
		if err != nil {
			return 0, fmt.Errorf("export %s: %w", p.Name, err)
		}
	}
	return len(pics), nil
}
