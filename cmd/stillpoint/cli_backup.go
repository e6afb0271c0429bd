package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"golang.org/x/term"

	"github.com/stillpoint/stillpoint/data"
	"github.com/stillpoint/stillpoint/data/backup"
)

// backupCmd backs the practice up now, into DEST or its backup folder, with
// its passphrase when one is set, and rotates that folder.
func (e *env) backupCmd(args []string) int {
	fset := e.flags("backup")
	if code, ok := e.parse(fset, args, "backup"); !ok {
		return code
	}
	if fset.NArg() > 1 {
		return e.usageError("backup", fmt.Sprintf("unexpected %q", strings.Join(fset.Args()[1:], " ")))
	}
	path, code, ok := e.practice("backup", true)
	if !ok {
		return code
	}
	ctx := context.Background()
	st, err := data.Open(ctx, path, data.WithLock())
	if err != nil {
		return e.fail("backup", "%s", openMessage(path, err))
	}
	defer st.Close()
	res, err := backup.Run(ctx, st, backup.RunOptions{Folder: fset.Arg(0)})
	if err != nil {
		return e.fail("backup", "%s", backup.UserMessage(err))
	}
	fmt.Fprintf(e.stdout, "Backed up to %s (%s%s).\n", res.Path, sizeText(res.Size), encryptedText(res.Encrypted))
	if n := len(res.Removed); n > 0 {
		fmt.Fprintf(e.stdout, "Removed %s (kept: 7 daily, 4 weekly, 12 monthly).\n", plural(n, "older backup", "older backups"))
	}
	return exitOK
}

// backupsCmd lists the backups in the practice's backup folder (or FOLDER):
// date, size, encrypted or not, tab-separated, newest first.
func (e *env) backupsCmd(args []string) int {
	fset := e.flags("backups")
	if code, ok := e.parse(fset, args, "backups"); !ok {
		return code
	}
	if fset.NArg() > 1 {
		return e.usageError("backups", fmt.Sprintf("unexpected %q", strings.Join(fset.Args()[1:], " ")))
	}
	path, code, ok := e.practice("backups", true)
	if !ok {
		return code
	}
	ctx := context.Background()
	st, err := data.OpenReadOnly(ctx, path)
	if err != nil {
		return e.fail("backups", "%s", openMessage(path, err))
	}
	defer st.Close()
	s, err := backup.Load(ctx, st)
	if err != nil {
		return e.fail("backups", "%s", data.UserMessage(err))
	}
	loc, err := st.Location(ctx)
	if err != nil {
		return e.fail("backups", "%s", data.UserMessage(err))
	}
	folder := s.Folder
	if fset.NArg() == 1 {
		folder = fset.Arg(0)
	}
	list, err := backup.List(folder, loc)
	if err != nil {
		return e.fail("backups", "%s", backup.UserMessage(err))
	}
	if len(list) == 0 {
		fmt.Fprintf(e.stderr, "No backups in %s yet.\n", folder)
		return exitOK
	}
	for _, b := range list {
		enc := "plain"
		if b.Encrypted {
			enc = "encrypted"
		}
		fmt.Fprintf(e.stdout, "%s\t%s\t%s\t%s\n", b.Time.Format("2006-01-02 15:04"), sizeText(b.Size), enc, b.Path)
	}
	return exitOK
}

// restoreCmd replaces the practice with a backup, after backing the
// practice as it is up first. An encrypted backup is opened with
// --passphrase-file, else the practice's own passphrase, else one typed on
// the terminal.
func (e *env) restoreCmd(args []string) int {
	fset := e.flags("restore")
	passFile := fset.String("passphrase-file", "", "")
	if code, ok := e.parse(fset, args, "restore"); !ok {
		return code
	}
	if fset.NArg() != 1 {
		return e.usageError("restore", "name one backup file to restore")
	}
	file := fset.Arg(0)
	path, code, ok := e.practice("restore", true)
	if !ok {
		return code
	}
	ctx := context.Background()
	st, err := data.Open(ctx, path, data.WithLock())
	var damaged *data.DamagedError
	if errors.As(err, &damaged) || errors.Is(err, data.ErrNotDatabase) {
		return e.restoreUnopenable(ctx, path, file, *passFile, err)
	}
	if err != nil {
		return e.fail("restore", "%s", openMessage(path, err))
	}
	defer func() {
		if st != nil {
			st.Close()
		}
	}()
	loc, err := st.Location(ctx)
	if err != nil {
		return e.fail("restore", "%s", data.UserMessage(err))
	}
	pass, err := e.restorePassphrase(ctx, st, file, *passFile, loc)
	if err != nil {
		return e.fail("restore", "%s", backup.UserMessage(err))
	}
	prev, err := backup.Inspect(ctx, file, pass, loc)
	if err != nil {
		return e.fail("restore", "%s", backup.UserMessage(err))
	}
	fmt.Fprintf(e.stdout, "Restoring the backup of %s: %d clients, %d appointments, %d notes.\n",
		prev.Time.Format("2006-01-02 15:04"), prev.Report.Counts["clients"], prev.Report.Counts["appointments"],
		prev.Report.Counts["notes"])
	out, err := backup.Restore(ctx, st, file, pass, backup.RunOptions{})
	if out.Closed {
		st = out.Store
	}
	if err != nil {
		return e.fail("restore", "%s", backup.UserMessage(err))
	}
	fmt.Fprintf(e.stdout, "Restored %s. The records as they were just before are in %s.\n", path, out.Before.Path)
	return exitOK
}

// restoreUnopenable restores over a practice file that cannot be opened
// (damaged): the file is kept aside, never deleted.
func (e *env) restoreUnopenable(ctx context.Context, path, file, passFile string, openErr error) int {
	fmt.Fprintf(e.stderr, "The practice file cannot be opened (%s). It will be kept aside and the backup put in its place.\n",
		data.UserMessage(openErr))
	pass := ""
	if passFile != "" || !strings.HasSuffix(file, ".db") {
		var err error
		if pass, err = e.restorePassphrase(ctx, nil, file, passFile, time.Local); err != nil {
			return e.fail("restore", "%s", backup.UserMessage(err))
		}
	}
	aside, rep, err := backup.RestoreUnopenable(ctx, path, file, pass)
	if err != nil {
		return e.fail("restore", "%s", backup.UserMessage(err))
	}
	fmt.Fprintf(e.stdout, "Restored %s: %d clients, %d appointments, %d notes.\n", path, rep.Counts["clients"],
		rep.Counts["appointments"], rep.Counts["notes"])
	if aside != "" {
		fmt.Fprintf(e.stdout, "The file that could not be opened is kept as %s.\n", aside)
	}
	return exitOK
}

// restorePassphrase finds the passphrase for an encrypted backup: from
// passFile, the practice's own (st may be nil), or typed on the terminal. A
// plain backup needs none.
func (e *env) restorePassphrase(ctx context.Context, st *data.Store, file, passFile string, loc *time.Location) (string, error) {
	if passFile != "" {
		b, err := os.ReadFile(passFile)
		if err != nil {
			return "", fmt.Errorf("passphrase file: %w", err)
		}
		return strings.TrimRight(string(b), "\r\n"), nil
	}
	if st == nil {
		return e.askPassphrase()
	}
	s, err := backup.Load(ctx, st)
	if err != nil {
		return "", err
	}
	_, err = backup.Inspect(ctx, file, s.Passphrase(), loc)
	if !errors.Is(err, backup.ErrWrongPassphrase) && !errors.Is(err, backup.ErrNeedPassphrase) {
		return s.Passphrase(), nil // plain, opened with the practice's own, or an error Inspect repeats
	}
	return e.askPassphrase()
}

// askPassphrase reads a passphrase typed on the terminal (not echoed), or a
// line of standard input when it is not a terminal.
func (e *env) askPassphrase() (string, error) {
	fmt.Fprint(e.stderr, "This backup is protected with a passphrase. Passphrase: ")
	if f, ok := e.stdin.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		b, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(e.stderr)
		if err != nil {
			return "", fmt.Errorf("read passphrase: %w", err)
		}
		return string(b), nil
	}
	line, err := bufio.NewReader(e.stdin).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", fmt.Errorf("read passphrase: %w", err)
	}
	return strings.TrimRight(line, "\r\n"), nil
}

// sizeText is a size in plain units.
func sizeText(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

func encryptedText(enc bool) string {
	if enc {
		return ", encrypted"
	}
	return ""
}
