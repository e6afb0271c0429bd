package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"strconv"
	"syscall"
	"time"

	"github.com/stillpoint/stillpoint/data"
	"github.com/stillpoint/stillpoint/data/export"
)

// exportRecords writes the whole practice (`export all DIR`) or one
// client's record (`export client ID DIR`) as CSV files, PDFs and a README.
// The export is written to the audit log, which is a write: the practice
// file is opened as a writer, with the lock, like `pdf`. What it will write,
// then its progress, go to stderr (exportProgress); Ctrl+C stops the export
// and removes what it wrote.
func (e *env) exportRecords(args []string) int {
	what := args[0]
	command := "export " + what
	fset := e.flags("export")
	if code, ok := e.parse(fset, args[1:], command); !ok {
		return code
	}
	var clientID int64
	rest := fset.Args()
	if what == "client" {
		if len(rest) == 0 {
			return e.usageError(command, "which client? give their id, as `list clients` prints it (export client ID DIR)")
		}
		id, err := strconv.ParseInt(rest[0], 10, 64)
		if err != nil || id <= 0 {
			return e.usageError(command, fmt.Sprintf("%q is not an id; ids are whole numbers, as `list clients` prints them", rest[0]))
		}
		clientID, rest = id, rest[1:]
	}
	if len(rest) == 0 {
		return e.usageError(command, "name the folder to write the export into")
	}
	dir := rest[0]
	if code, ok := e.parse(fset, rest[1:], command); !ok {
		return code
	}
	if code, ok := e.noArgs(fset, command); !ok {
		return code
	}
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return e.fail(command, "%s is not a folder; make it first, or name another", dir)
	}
	path, code, ok := e.practice("export", true)
	if !ok {
		return code
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() { <-ctx.Done(); stop() }() // a second Ctrl+C ends the program at once
	st, err := data.Open(ctx, path, data.WithLock())
	if err != nil {
		return e.fail("export", "%s", openMessage(path, err))
	}
	defer st.Close()
	prog := &exportProgress{w: e.stderr, tty: isTerminal(e.stderr), dir: dir, now: time.Now}
	opt := export.Options{Progress: prog.report}
	var out string
	if clientID != 0 {
		out, err = export.Client(ctx, st, clientID, dir, opt)
	} else {
		out, err = export.All(ctx, st, dir, opt)
	}
	prog.end()
	switch {
	case errors.Is(err, context.Canceled):
		return e.fail(command, "stopped before the export was complete; nothing was kept in %s.", dir)
	case errors.Is(err, data.ErrNotFound):
		return e.fail(command, "there is no client with id %d (see `list clients`)", clientID)
	case data.IsDiskFull(err):
		return e.fail(command, "the disk is full, so the export was not made and nothing was kept in %s.", dir)
	case err != nil:
		return e.fail(command, "%s", data.UserMessage(err))
	}
	fmt.Fprintf(e.stdout, "Wrote %s.\n", out)
	return exitOK
}
