package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
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
	pos, code, ok := e.parseAnywhere(fset, args, "backup")
	if !ok {
		return code
	}
	if len(pos) > 1 {
		return e.usageError("backup", fmt.Sprintf("unexpected %q", strings.Join(pos[1:], " ")))
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
	res, err := backup.Run(ctx, st, backup.RunOptions{Folder: first(pos), Manual: true})
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
	pos, code, ok := e.parseAnywhere(fset, args, "backups")
	if !ok {
		return code
	}
	if len(pos) > 1 {
		return e.usageError("backups", fmt.Sprintf("unexpected %q", strings.Join(pos[1:], " ")))
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
	if len(pos) == 1 {
		folder = pos[0]
	}
	if _, err := os.Stat(folder); errors.Is(err, os.ErrNotExist) && len(pos) == 1 {
		return e.fail("backups", "the folder %s does not exist; name the folder your backups are in", folder)
	} else if fi, err := os.Stat(folder); err == nil && !fi.IsDir() {
		return e.fail("backups", "%s is a file, not a folder; name the folder your backups are in", folder)
	}
	list, err := backup.List(folder, st.Path(), loc)
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
		if b.BeforeRestore {
			enc += "\tbefore a restore (kept)"
		} else if b.Manual {
			enc += "\tmade on purpose"
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
	pos, code, ok := e.parseAnywhere(fset, args, "restore")
	if !ok {
		return code
	}
	if len(pos) != 1 {
		return e.usageError("restore", "name one backup file to restore")
	}
	file := pos[0]
	path, code, ok := e.practice("restore", false)
	if !ok {
		return code
	}
	ctx := context.Background()
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) { // a new computer
		return e.restoreNew(ctx, path, file, *passFile)
	}
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
	if out.Before.Path == "" {
		fmt.Fprintf(e.stdout, "Restored %s.\n", path)
	} else {
		fmt.Fprintf(e.stdout, "Restored %s. The records as they were just before are kept in %s.\n", path, out.Before.Path)
	}
	return exitOK
}

// restoreNew makes the practice file from a backup when there is none yet
// (a new computer), under the practice lock.
func (e *env) restoreNew(ctx context.Context, path, file, passFile string) int {
	pass, err := e.restorePassphrase(ctx, nil, file, passFile, time.Local)
	if err != nil {
		return e.fail("restore", "%s", backup.UserMessage(err))
	}
	_, rep, err := backup.RestoreUnopenable(ctx, path, file, pass)
	if err != nil {
		return e.fail("restore", "%s", backup.UserMessage(err))
	}
	fmt.Fprintf(e.stdout, "Restored %s from the backup: %d clients, %d appointments, %d notes.\n", path,
		rep.Counts["clients"], rep.Counts["appointments"], rep.Counts["notes"])
	return exitOK
}

// parseAnywhere parses a command's flags wherever they stand among its
// other arguments (restore BACKUP --passphrase-file FILE, as the help
// shows it) and returns those other arguments in order. After "--" every
// argument is taken as it is.
func (e *env) parseAnywhere(fset *flag.FlagSet, args []string, command string) (pos []string, code int, ok bool) {
	for {
		if code, ok := e.parse(fset, args, command); !ok {
			return nil, code, false
		}
		rest := fset.Args()
		if len(rest) == 0 {
			return pos, exitOK, true
		}
		if n := len(args) - len(rest); n > 0 && args[n-1] == "--" {
			return append(pos, rest...), exitOK, true
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// first is the first of args, or "".
func first(args []string) string {
	if len(args) == 0 {
		return ""
	}
	return args[0]
}

// restoreUnopenable restores over a practice file that cannot be opened
// (damaged): the file is kept aside, never deleted.
func (e *env) restoreUnopenable(ctx context.Context, path, file, passFile string, openErr error) int {
	fmt.Fprintf(e.stderr, "The practice file cannot be opened (%s). It will be kept aside and the backup put in its place.\n",
		data.UserMessage(openErr))
	pass, err := e.restorePassphrase(ctx, nil, file, passFile, time.Local)
	if err != nil {
		return e.fail("restore", "%s", backup.UserMessage(err))
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
	own := ""
	if st != nil {
		s, err := backup.Load(ctx, st)
		if err != nil {
			return "", err
		}
		own = s.Passphrase()
	}
	_, err := backup.Inspect(ctx, file, own, loc)
	if !errors.Is(err, backup.ErrWrongPassphrase) && !errors.Is(err, backup.ErrNeedPassphrase) {
		return own, nil // plain, opened with the practice's own, or an error Inspect repeats
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
