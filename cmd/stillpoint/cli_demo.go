package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/stillpoint/stillpoint/data"
	"github.com/stillpoint/stillpoint/data/demo"
)

// demo makes the sample practice in an empty or new practice file, all or
// nothing (demo.Create): Ctrl+C, a crash or a kill leaves the file as it was.
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
	path, code, ok := e.practice("demo", false)
	if !ok {
		return code
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() { <-ctx.Done(); stop() }() // a second Ctrl+C ends the program at once

	tty := isTerminal(e.stderr)
	res, err := demo.Create(ctx, path, demo.Options{Years: *years, Seed: *seed, Clients: *clients,
		Progress: func(done, total int) {
			if tty {
				fmt.Fprintf(e.stderr, "\rFilling %s: %d of %d clients", path, done, total)
			}
		}}, demo.CreateOptions{})
	if tty {
		fmt.Fprintln(e.stderr)
	}
	for _, c := range res.Cleaned {
		fmt.Fprintf(e.stderr, "stillpoint demo: %s held an unfinished sample practice from an interrupted run; it was removed.\n", c)
	}
	if err != nil {
		return e.demoFailed(path, err)
	}
	unit := "years"
	if *years == 1 {
		unit = "year"
	}
	fmt.Fprintf(e.stdout, "Filled %s with a sample practice: %d clients (%d archived), %d %s.\n",
		path, res.Clients, res.Archived, *years, unit)
	return exitOK
}

// demoFailed reports a sample practice that was not made. demo.Create
// leaves nothing half-made behind: path is as it was.
func (e *env) demoFailed(path string, err error) int {
	switch {
	case errors.Is(err, context.Canceled):
		return e.fail("demo", "stopped before the sample practice was complete. Nothing was kept; %s is as it was.", path)
	case data.IsDiskFull(err):
		return e.fail("demo", "the disk is full, so the sample practice was not made and nothing was kept; "+
			"%s is as it was. Free some space and try again.", path)
	case errors.Is(err, data.ErrNotEmpty):
		return e.fail("demo", "the database %s already holds records; demo data goes into an empty file, e.g. --db /tmp/demo.db", path)
	}
	return e.fail("demo", "%s", openMessage(path, err))
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
