package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"syscall"

	"github.com/stillpoint/stillpoint/data"
	"github.com/stillpoint/stillpoint/data/demo"
)

// demo fills an empty practice file with the sample practice. Ctrl+C stops
// it; a file the command created is then removed again.
func (e *env) demo(args []string) int {
	fset := e.flags("demo")
	years := fset.Int("years", 10, "")
	seed := fset.Int64("seed", 1, "")
	clients := fset.Int("clients", 0, "")
	if code, ok := e.parse(fset, args, "demo"); !ok {
		return code
	}
	if code, ok := e.noArgs(fset, "demo"); !ok {
		return code
	}
	if *years < 1 || *years > 50 {
		return e.usageError("demo", fmt.Sprintf("--years must be between 1 and 50 (got %d)", *years))
	}
	if *clients < 0 || *clients > 1_000_000 {
		return e.usageError("demo", fmt.Sprintf("--clients must be between 0 and 1000000 (got %d)", *clients))
	}
	path, err := e.path()
	if err != nil {
		return e.fail("demo", "%v", err)
	}
	_, statErr := os.Stat(path)
	created := errors.Is(statErr, fs.ErrNotExist)

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() { <-ctx.Done(); stop() }() // a second Ctrl+C ends the program at once

	st, err := data.Open(ctx, path)
	if err != nil {
		if created {
			removeDatabase(path)
		}
		return e.fail("demo", "%s", openMessage(path, err))
	}
	empty, err := st.IsEmpty(ctx)
	if err == nil && !empty {
		st.Close()
		return e.fail("demo", "the database %s already holds records; demo data goes into an empty file, e.g. --db /tmp/demo.db", path)
	}
	tty := isTerminal(e.stderr)
	if err == nil {
		err = demo.Fill(ctx, st, demo.Options{Years: *years, Seed: *seed, Clients: *clients,
			Progress: func(done, total int) {
				if tty {
					fmt.Fprintf(e.stderr, "\rFilling %s: %d of %d clients", path, done, total)
				}
			}})
		if tty {
			fmt.Fprintln(e.stderr)
		}
	}
	var active, archived []data.ClientSummary
	if err == nil {
		active, err = st.SearchClients(ctx, data.ClientQuery{})
	}
	if err == nil {
		archived, err = st.SearchClients(ctx, data.ClientQuery{Archived: true})
	}
	if cerr := st.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return e.demoFailed(path, created, err)
	}
	unit := "years"
	if *years == 1 {
		unit = "year"
	}
	fmt.Fprintf(e.stdout, "Filled %s with a sample practice: %d clients (%d archived), %d %s.\n",
		path, len(active)+len(archived), len(archived), *years, unit)
	return exitOK
}

// demoFailed reports a fill that did not finish and removes the file when
// the command created it, so no half-made practice is left behind.
func (e *env) demoFailed(path string, created bool, err error) int {
	what := data.UserMessage(err)
	if errors.Is(err, context.Canceled) {
		what = "stopped before the sample practice was complete."
	}
	if created {
		if rerr := removeDatabase(path); rerr != nil {
			return e.fail("demo", "%s\nThe unfinished file %s could not be removed (%v); delete it by hand.", what, path, rerr)
		}
		return e.fail("demo", "%s\nNothing was kept: %s was removed.", what, path)
	}
	return e.fail("demo", "%s\n%s holds an unfinished sample practice; delete it before trying again.", what, path)
}

// removeDatabase deletes a database file and the files SQLite keeps beside it.
func removeDatabase(path string) error {
	var first error
	for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
		if err := os.Remove(path + suffix); err != nil && !errors.Is(err, fs.ErrNotExist) && first == nil {
			first = err
		}
	}
	return first
}

// isTerminal reports whether w is an interactive terminal (a character
// device other than the null device), where a progress line makes sense.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	if err != nil || fi.Mode()&os.ModeCharDevice == 0 {
		return false
	}
	null, err := os.Stat(os.DevNull)
	return err != nil || !os.SameFile(fi, null)
}
