package export

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/stillpoint/stillpoint/data"
)

// readme is what README.txt says about one export.
type readme struct {
	practice string
	client   string // "" for an export of everything
	when     string
	zone     string
	sheets   []data.ExportSheet
	counts   []int
	docs     map[string]int // documents per folder
	pictures int            // files in pictures/
}

// readmeInfo gathers what README.txt needs.
func readmeInfo(ctx context.Context, st *data.Store, clientID int64, sheets []data.ExportSheet, counts []int, jobs []docJob) (readme, error) {
	m, err := st.Moment(ctx)
	if err != nil {
		return readme{}, fmt.Errorf("export: read the practice's clock: %w", err)
	}
	p, err := st.Practice(ctx)
	if err != nil {
		return readme{}, fmt.Errorf("export: read the practice: %w", err)
	}
	r := readme{practice: p.BusinessName, when: m.Now.In(m.Loc).Format("2 January 2006, 15:04"), zone: m.Loc.String(),
		sheets: sheets, counts: counts, docs: map[string]int{}}
	if r.practice == "" {
		r.practice = p.TherapistName
	}
	if clientID != 0 {
		c, err := st.Client(ctx, clientID)
		if err != nil {
			return readme{}, fmt.Errorf("export: read client %d: %w", clientID, err)
		}
		r.client = c.FormalName()
	}
	for _, j := range jobs {
		r.docs[j.kind.dir]++
	}
	return r, nil
}

// write writes README.txt (CRLF line ends, so Notepad shows it too).
func (r readme) write(w io.Writer) error {
	var b strings.Builder
	line := func(format string, args ...any) { fmt.Fprintf(&b, format+"\r\n", args...) }
	if r.client != "" {
		line("The complete record of %s, kept by %s", r.client, r.practice)
	} else {
		line("Everything %s keeps in Stillpoint", r.practice)
	}
	line("Exported on %s (time zone %s).", r.when, r.zone)
	line("")
	line("HOW TO READ THESE FILES")
	line("Each .csv file opens in Excel, LibreOffice, Numbers or Google Sheets: one row per record,")
	line("the first row names the columns. The files are UTF-8 text with a byte-order mark (so")
	line("Excel shows accents and other alphabets correctly), commas between values (RFC 4180).")
	line("- Dates are written YYYY-MM-DD; moments (when something was saved or signed) are ISO 8601")
	line("  with the time zone offset, e.g. 2026-03-04T15:30:00-05:00.")
	line("- Amounts of money are plain decimal numbers (124.30, -5.00); the Currency column says")
	line("  which currency (ISO 4217 code, e.g. CAD).")
	line("- Columns ending in ID link files together: \"Client ID\" is the \"ID\" of clients.csv,")
	line("  \"Note ID\" the \"ID\" of notes.csv, and so on.")
	line("- A text that begins with = + - or @ starts with an apostrophe (') here, so that a")
	line("  spreadsheet shows it instead of running it as a formula. Numbers and phone numbers")
	line("  like +1 416 555 0100 are left as they are.")
	line("")
	line("THE FILES")
	for i, sh := range r.sheets {
		line("%s (%d %s): %s.", sh.File, r.counts[i], plural(r.counts[i], "row"), sh.About)
		heads := make([]string, len(sh.Columns))
		for j, c := range sh.Columns {
			heads[j] = c.Header
		}
		if sh.HasMoney() && !sh.HasCurrency() {
			heads = append(heads, "Currency")
		}
		line("    Columns: %s.", strings.Join(heads, ", "))
	}
	for _, k := range docKinds {
		line("%s/ (%d %s): %s, as printed by Stillpoint.", k.dir, r.docs[k.dir], plural(r.docs[k.dir], "PDF"), k.about)
	}
	line("%s/ (%d %s): the stored pictures (signatures on consents, your handouts' own pictures,", data.PictureFolder, r.pictures, plural(r.pictures, "file"))
	line("    your logo and signature). A picture column in a .csv file names its file here, e.g.")
	line("    %s/consents-12-signature.png; an empty cell means no picture.", data.PictureFolder)
	if r.client == "" {
		line("Your settings (practice.csv, receipt-settings.csv, schedule-settings.csv,")
		line("    health-review-settings.csv) are one row each under their header row.")
	}
	line("")
	line("MOVING TO ANOTHER PROGRAM, OR BACK TO STILLPOINT")
	line("Most practice programs import clients from a CSV file: give them clients.csv. Stillpoint")
	line("itself reads it too: in Stillpoint, Clients › Import clients…, or on the command line")
	line("  stillpoint --db PRACTICE-FILE import clients clients.csv")
	line("A backup (Settings › Your data) is the way to move everything into another copy of")
	line("Stillpoint: this export is for reading, and for other programs.")
	line("")
	line("Keep these files as safe as the practice itself: they hold health information.")
	_, err := io.WriteString(w, b.String())
	return err
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}
