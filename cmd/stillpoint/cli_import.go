package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/stillpoint/stillpoint/data"
	"github.com/stillpoint/stillpoint/data/csvimport"
)

// importCmd brings clients in from another program's CSV export:
// `import clients FILE.csv [--dry-run] [--merge-duplicates] [--dates dmy|mdy]`.
// It prints what each row becomes (the preview), then, unless --dry-run,
// writes every importable row in one transaction under the practice lock.
func (e *env) importCmd(args []string) int {
	fset := e.flags("import")
	dryRun := fset.Bool("dry-run", false, "")
	merge := fset.Bool("merge-duplicates", false, "")
	dates := fset.String("dates", "", "")
	if code, ok := e.parse(fset, args, "import"); !ok {
		return code
	}
	if fset.NArg() == 0 || fset.Arg(0) != "clients" {
		return e.usageError("import", "what should be imported? (try: import clients FILE.csv)")
	}
	if fset.NArg() < 2 {
		return e.usageError("import clients", "name the .csv file to read (import clients FILE.csv)")
	}
	file := fset.Arg(1)
	if code, ok := e.parse(fset, fset.Args()[2:], "import"); !ok {
		return code
	}
	if code, ok := e.noArgs(fset, "import clients"); !ok {
		return code
	}
	order := csvimport.AutoOrder
	switch strings.ToLower(*dates) {
	case "":
	case "dmy":
		order = csvimport.DayFirst
	case "mdy":
		order = csvimport.MonthFirst
	default:
		return e.usageError("import clients", fmt.Sprintf("--dates takes dmy (day/month/year) or mdy (month/day/year), not %q", *dates))
	}
	path, code, ok := e.practice("import", true)
	if !ok {
		return code
	}
	tab, err := readCSV(file)
	if err != nil {
		return e.fail("import", "%v", err)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	var st *data.Store
	if *dryRun {
		st, err = data.OpenReadOnly(ctx, path)
	} else {
		st, err = data.Open(ctx, path, data.WithLock())
	}
	if err != nil {
		return e.fail("import", "%s", openMessage(path, err))
	}
	defer st.Close()
	p, err := csvimport.Load(ctx, st, tab, csvimport.Options{DateOrder: order})
	if err != nil {
		return e.fail("import", "%s: %s", file, importMessage(err))
	}
	p.SetMergeAll(*merge)
	if err := writePreview(e.stdout, file, p, *merge); err != nil {
		return exitFail
	}
	if *dryRun {
		fmt.Fprintln(e.stdout, "Dry run: nothing was written.")
		return exitOK
	}
	c := p.Counts()
	if c.Ready == 0 && c.Merge == 0 {
		fmt.Fprintln(e.stdout, "Nothing to import.")
		return exitOK
	}
	res, err := csvimport.Import(ctx, st, p)
	if errors.Is(err, context.Canceled) {
		return e.fail("import", "stopped before the import was written. Nothing was imported.")
	}
	if err != nil {
		return e.fail("import", "nothing was imported: %s", data.UserMessage(err))
	}
	fmt.Fprintf(e.stdout, "Imported %s.", plural(res.Created, "new client", "new clients"))
	if *merge {
		fmt.Fprintf(e.stdout, " Filled %s in %s.", plural(res.Filled, "empty field", "empty fields"),
			plural(res.Merged, "existing client", "existing clients"))
	}
	fmt.Fprintln(e.stdout)
	return exitOK
}

// readCSV reads and parses the file to import.
func readCSV(file string) (*csvimport.Table, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", file, err)
	}
	defer f.Close()
	tab, err := csvimport.ParseReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %s", file, importMessage(err))
	}
	return tab, nil
}

// importMessage is a reading problem in plain words.
func importMessage(err error) string {
	var re *csvimport.ReadError
	switch {
	case errors.As(err, &re), errors.Is(err, csvimport.ErrEmpty), errors.Is(err, csvimport.ErrNoNames):
		return err.Error()
	}
	return data.UserMessage(err)
}

// separatorNames name the separators for the summary.
var separatorNames = map[rune]string{',': "commas", ';': "semicolons", '\t': "tabs"}

// writePreview prints what the import will do: how the file was read, the
// columns, the notices, the counts, every bad row with its reason and
// every duplicate with its match.
func writePreview(w io.Writer, file string, p *csvimport.Preview, merge bool) error {
	c := p.Counts()
	var b strings.Builder
	fmt.Fprintf(&b, "Read %s (%s, separated by %s): %s.\n", filepath.Base(file), p.Encoding,
		separatorNames[p.Separator], plural(len(p.Rows), "row", "rows"))
	var cols []string
	for _, col := range p.Columns {
		if col.Field != csvimport.Ignored {
			cols = append(cols, fmt.Sprintf("%s (%s)", col.Header, col.Field))
		}
	}
	fmt.Fprintf(&b, "Columns used: %s.\n", strings.Join(cols, ", "))
	fmt.Fprintf(&b, "Dates of birth are read as %s.\n", p.DateOrder)
	for _, n := range p.Notices {
		fmt.Fprintf(&b, "Note: %s\n", n)
	}
	fmt.Fprintf(&b, "%s to import as new clients.\n", plural(c.Ready, "row", "rows"))
	if c.Bad > 0 {
		fmt.Fprintf(&b, "%s cannot be imported:\n", plural(c.Bad, "row", "rows"))
		for _, r := range p.Rows {
			if r.Status == csvimport.Bad {
				fmt.Fprintf(&b, "  row %d: %s\n", r.Number, r.Reason)
			}
		}
	}
	if c.Duplicate > 0 {
		what := "skipped; --merge-duplicates fills their matches' empty fields instead"
		if merge {
			what = "merged: they fill the empty fields of their matches and never change what is there"
		}
		fmt.Fprintf(&b, "%s (%s):\n", c.DuplicateWords(), what)
		for _, r := range p.Rows {
			if r.Status == csvimport.Duplicate {
				fmt.Fprintf(&b, "  row %d: %s, %s\n", r.Number, r.Client.FormalName(), r.Match.Describe())
			}
		}
	}
	if p.Empty > 0 {
		fmt.Fprintf(&b, "%s left out.\n", plural(p.Empty, "empty row", "empty rows"))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// plural writes a count with its noun: "1 row", "3 rows".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
