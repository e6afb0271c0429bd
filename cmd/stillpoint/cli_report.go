package main

import (
	"context"

	"github.com/stillpoint/stillpoint/data"
	"github.com/stillpoint/stillpoint/data/export"
)

// reportCmd prints a report: `report income YEAR` writes the year's income
// summary (the app's Reports › Income) as CSV to stdout, for the accountant.
// It only reads the practice file.
func (e *env) reportCmd(args []string) int {
	fset := e.flags("report")
	if code, ok := e.parse(fset, args, "report"); !ok {
		return code
	}
	if fset.NArg() == 0 || fset.Arg(0) != "income" {
		return e.usageError("report", "which report? (report income YEAR)")
	}
	if fset.NArg() < 2 {
		return e.usageError("report", "which year? (report income YEAR)")
	}
	year, err := parseYear(fset.Arg(1))
	if err != nil {
		return e.usageError("report", err.Error())
	}
	if fset.NArg() > 2 {
		return e.usageError("report", "unexpected "+fset.Arg(2)+" (report income YEAR)")
	}
	path, code, ok := e.practice("report", true)
	if !ok {
		return code
	}
	ctx := context.Background()
	st, err := data.OpenReadOnly(ctx, path)
	if err != nil {
		return e.fail("report", "%s", openMessage(path, err))
	}
	defer st.Close()
	if err := st.NeedsUpgrade(); err != nil {
		return e.fail("report", "%s", openMessage(path, err))
	}
	y, err := st.Income(ctx, year)
	if err != nil {
		return e.fail("report", "%s", data.UserMessage(err))
	}
	if err := export.WriteIncomeCSV(e.stdout, y); err != nil {
		return exitFail // e.g. `| head` closed the pipe
	}
	return exitOK
}
