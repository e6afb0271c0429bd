package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/stillpoint/stillpoint/data"
	"github.com/stillpoint/stillpoint/data/statements"
)

// statementsCmd writes every client's year-end statement for a year into a
// folder: `statements YEAR --out DIR`. Progress goes to stderr when it is a
// terminal; Ctrl-C stops
// it cleanly (the statements written stay, nothing half-written is left).
func (e *env) statementsCmd(args []string) int {
	fset := e.flags("statements")
	out := fset.String("out", "", "")
	if code, ok := e.parse(fset, args, "statements"); !ok {
		return code
	}
	if fset.NArg() == 0 {
		return e.usageError("statements", "which year? (statements YEAR --out DIR)")
	}
	year, err := parseYear(fset.Arg(0))
	if err != nil {
		return e.usageError("statements", err.Error())
	}
	if code, ok := e.parse(fset, fset.Args()[1:], "statements"); !ok {
		return code
	}
	if code, ok := e.noArgs(fset, "statements"); !ok {
		return code
	}
	if *out == "" {
		return e.usageError("statements", "name the folder to write the statements into with --out DIR")
	}
	path, code, ok := e.practice("statements", true)
	if !ok {
		return code
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	st, err := data.Open(ctx, path, data.WithLock())
	if err != nil {
		return e.fail("statements", "%s", openMessage(path, err))
	}
	defer st.Close()
	// A year without paid visits writes nothing, not even the folder.
	if ids, err := st.StatementClients(ctx, year); err != nil {
		return e.fail("statements", "%s", data.UserMessage(err))
	} else if len(ids) == 0 {
		fmt.Fprintln(e.stdout, noStatementsText(year))
		return exitOK
	}
	if err := os.MkdirAll(*out, 0o700); err != nil {
		return e.fail("statements", "cannot make the folder %s: %v", *out, err)
	}
	// Progress is redrawn in place only on a terminal; a log gets the one
	// line at the end.
	var o statements.Options
	tty := isTerminal(e.stderr)
	if tty {
		o.Progress = func(done, total int) {
			fmt.Fprintf(e.stderr, "\rWriting statements: %d of %d", done, total)
			if done == total {
				fmt.Fprintln(e.stderr)
			}
		}
	}
	res, err := statements.Write(ctx, st, year, *out, o)
	switch {
	case errors.Is(err, context.Canceled):
		if tty {
			fmt.Fprintln(e.stderr)
		}
		return e.fail("statements", "stopped: %d of %d statements were written to %s; nothing half-written was left", len(res.Files), res.Total, *out)
	case err != nil:
		return e.fail("statements", "%d of %d statements were written to %s, then: %s", len(res.Files), res.Total, *out, data.UserMessage(err))
	case res.Total == 0:
		fmt.Fprintln(e.stdout, noStatementsText(year))
	default:
		fmt.Fprintf(e.stdout, "Wrote %d statements for %d to %s.\n", len(res.Files), year, *out)
	}
	return exitOK
}

// noStatementsText says that a year had no paid visits to write statements of.
func noStatementsText(year int) string {
	return fmt.Sprintf("No paid visits in %d: no statements written.", year)
}
