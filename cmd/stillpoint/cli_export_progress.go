package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/stillpoint/stillpoint/data/export"
)

// exportProgress shows an export's progress on stderr: first what it will
// write, then "Writing PDFs: 1,955 of 18,700" — rewritten in place (\r)
// on a terminal, otherwise a line at each tenth of the PDFs.
type exportProgress struct {
	w       io.Writer
	tty     bool
	dir     string
	shown   time.Time // last in-place rewrite
	tenth   int       // the last tenth of the PDFs given a line
	inPlace bool      // a \r line is on the terminal
	now     func() time.Time
}

// folderWords names an export folder's PDFs in a sentence.
var folderWords = map[string][2]string{
	"notes":      {"treatment note PDF", "treatment note PDFs"},
	"care-plans": {"care plan PDF", "care plan PDFs"},
	"receipts":   {"receipt PDF", "receipt PDFs"},
}

func (e *exportProgress) report(p export.Progress) {
	if p.Done == 0 {
		e.begin(p)
		return
	}
	if p.PDFs == 0 || p.PDFsDone == 0 {
		return
	}
	line := fmt.Sprintf("Writing PDFs: %s of %s", thousands(p.PDFsDone), thousands(p.PDFs))
	last := p.PDFsDone == p.PDFs
	if e.tty {
		if t := e.now(); last || t.Sub(e.shown) >= 100*time.Millisecond {
			e.shown = t
			fmt.Fprintf(e.w, "\r%s", line)
			e.inPlace = true
		}
		if last {
			fmt.Fprintln(e.w)
			e.inPlace = false
		}
		return
	}
	if tenth := p.PDFsDone * 10 / p.PDFs; tenth > e.tenth {
		e.tenth = tenth
		fmt.Fprintln(e.w, line)
	}
}

// begin says what the export will write.
func (e *exportProgress) begin(p export.Progress) {
	parts := []string{pdfCount(p.Sheets, "CSV file", "CSV files")}
	for _, d := range p.Documents {
		words, ok := folderWords[d.Folder]
		if !ok {
			words = [2]string{d.Folder + " PDF", d.Folder + " PDFs"}
		}
		parts = append(parts, pdfCount(d.Count, words[0], words[1]))
	}
	what := strings.Join(parts[:len(parts)-1], ", ")
	if len(parts) > 1 {
		what += " and " + parts[len(parts)-1]
	} else {
		what = parts[0]
	}
	fmt.Fprintf(e.w, "Exporting into %s: %s, and a README.txt.\n", e.dir, what)
	if p.PDFs >= 1000 {
		fmt.Fprintln(e.w, "Many PDFs take a while: several minutes for a practice of many years.")
	}
}

// end finishes an in-place line before an error or the result.
func (e *exportProgress) end() {
	if e.inPlace {
		fmt.Fprintln(e.w)
		e.inPlace = false
	}
}

// pdfCount is "1 thing" or "1,234 things".
func pdfCount(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return thousands(n) + " " + many
}

// thousands writes n with commas between groups of three digits.
func thousands(n int) string {
	s := strconv.Itoa(n)
	if n < 0 {
		return "-" + thousands(-n)
	}
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}
