package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/stillpoint/stillpoint/data"
	"github.com/stillpoint/stillpoint/data/ics"
)

// export writes appointments to a file: `export ics FILE [--from DATE]
// [--to DATE]` (from defaults to today in the practice's zone, to to a year
// later; both included). The practice file is opened read-only. The .ics
// file is written beside its target and renamed into place, so a failed
// export never leaves half a file.
func (e *env) export(args []string) int {
	if len(args) > 0 && (args[0] == "all" || args[0] == "client") {
		return e.exportRecords(args)
	}
	fset := e.flags("export")
	from := fset.String("from", "", "")
	to := fset.String("to", "", "")
	if code, ok := e.parse(fset, args, "export"); !ok {
		return code
	}
	if fset.NArg() == 0 || fset.Arg(0) != "ics" {
		return e.usageError("export", "what should be exported? (try: export all DIR, export client ID DIR or export ics FILE)")
	}
	if fset.NArg() < 2 {
		return e.usageError("export ics", "name the .ics file to write (export ics FILE)")
	}
	out := fset.Arg(1)
	if code, ok := e.parse(fset, fset.Args()[2:], "export"); !ok {
		return code
	}
	if code, ok := e.noArgs(fset, "export ics"); !ok {
		return code
	}
	path, code, ok := e.practice("export", true)
	if !ok {
		return code
	}
	ctx := context.Background()
	st, err := data.OpenReadOnly(ctx, path)
	if err != nil {
		return e.fail("export", "%s", openMessage(path, err))
	}
	defer st.Close()
	if err := st.NeedsUpgrade(); err != nil {
		return e.fail("export", "%s", openMessage(path, err))
	}
	start, end, _, msg := dateRange(ctx, st, *from, *to, 365)
	if msg != "" {
		return e.usageError("export ics", msg)
	}
	n, err := writeICS(ctx, st, out, start, end)
	if err != nil {
		return e.fail("export", "%v", err)
	}
	fmt.Fprintf(e.stdout, "Wrote %d appointments to %s.\n", n, out)
	return exitOK
}

// writeICS exports to a temporary file beside out and renames it into place.
func writeICS(ctx context.Context, st *data.Store, out string, from, to time.Time) (int, error) {
	f, err := os.CreateTemp(filepath.Dir(out), "."+filepath.Base(out)+".*.partial")
	if err != nil {
		return 0, fmt.Errorf("cannot write %s: %w", out, err)
	}
	n, err := ics.Export(ctx, st, f, from, to)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), out)
	}
	if err != nil {
		os.Remove(f.Name()) //nolint:errcheck // the export error matters more
		return 0, fmt.Errorf("cannot write %s: %w", out, err)
	}
	return n, nil
}

// dateRange reads --from and --to (dates, both included) in the practice's
// time zone: from defaults to today, to to defaultDays after from. It
// returns the instants [from, to) and the zone, or a message for a usage
// error.
func dateRange(ctx context.Context, st *data.Store, fromText, toText string, defaultDays int) (time.Time, time.Time, *time.Location, string) {
	m, err := st.Moment(ctx)
	if err != nil {
		return time.Time{}, time.Time{}, nil, data.UserMessage(err)
	}
	from, to := m.Today, data.Date{}
	if fromText != "" {
		if from, err = data.ParseDate(fromText); err != nil {
			return time.Time{}, time.Time{}, nil, "--from: " + err.Error()
		}
	}
	if toText != "" {
		if to, err = data.ParseDate(toText); err != nil {
			return time.Time{}, time.Time{}, nil, "--to: " + err.Error()
		}
	} else {
		to = data.DateOf(from.Time(time.UTC).AddDate(0, 0, defaultDays))
	}
	if to.Before(from) {
		return time.Time{}, time.Time{}, nil, fmt.Sprintf("--to (%s) comes before --from (%s)", to, from)
	}
	end := time.Date(to.Year, to.Month, to.Day+1, 0, 0, 0, 0, m.Loc)
	return from.Time(m.Loc), end, m.Loc, ""
}
