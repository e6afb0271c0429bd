package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/stillpoint/stillpoint/data"
	"github.com/stillpoint/stillpoint/gui"
)

// Exit statuses.
const (
	exitOK    = 0
	exitFail  = 1
	exitUsage = 2
)

// env is what a command runs with: the practice file chosen with --db (""
// for the default) and where to write.
type env struct {
	db     string
	dbSet  bool // --db was given (so "" is a mistake, not the default)
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
}

// run is the whole command line: it parses args (without the program
// name), runs the command and returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr}
	fset := e.flags("stillpoint")
	showVersion := fset.Bool("version", false, "")
	if code, ok := e.parse(fset, args, ""); !ok {
		return code
	}
	if *showVersion {
		return e.version(nil)
	}
	rest := fset.Args()
	if len(rest) == 0 {
		return e.gui()
	}
	commands := map[string]func([]string) int{
		"demo": e.demo, "check": e.check, "list": e.list, "export": e.export, "version": e.version,
		"import": e.importCmd, "pdf": e.pdfCommand, "statements": e.statementsCmd, "report": e.reportCmd,
		"backup": e.backupCmd, "backups": e.backupsCmd, "restore": e.restoreCmd,
		"help": func([]string) int { fmt.Fprint(e.stdout, usage()); return exitOK },
	}
	cmd, ok := commands[rest[0]]
	if !ok {
		return e.usageError("", fmt.Sprintf("unknown command %q", rest[0]))
	}
	return offMainThread(func() int { return cmd(rest[1:]) })
}

// offMainThread runs a command on a new goroutine and waits for it. Fyne's
// GLFW driver locks the main goroutine to the main OS thread at init, so
// there every hand-off between goroutines is a switch of OS threads, and
// go-sqlite3 hands each statement to a goroutine of its own when the context
// can be cancelled: the 10,000-client demo took 6.4 s on the main goroutine
// and 1.6 s off it.
func offMainThread(cmd func() int) int {
	status := make(chan int)
	go func() { status <- cmd() }()
	return <-status
}

// usage is the help text.
func usage() string {
	where := "stillpoint.db in the app's data folder"
	if p, err := data.DefaultPath(); err == nil {
		where = p
	}
	return `Stillpoint: clients and records for a solo massage therapy practice.

Usage:
  stillpoint [--db FILE]                  open the app
  stillpoint [--db FILE] demo [--years N] [--seed S] [--clients N]
                                          fill an EMPTY file with a sample practice
                                          (default 10 years, seed 1)
  stillpoint [--db FILE] check            schema version, integrity check, record counts;
                                          exits 1 if anything is wrong
  stillpoint [--db FILE] list clients [--archived] [--search TEXT]
                                          one line per client: id, name, phone, e-mail
                                          (tab-separated)
  stillpoint [--db FILE] list appointments [--from DATE] [--to DATE]
                                          one line per appointment: id, start, end
                                          (RFC 3339 with the practice's offset), client,
                                          service, status (tab-separated); dates are
                                          included, default today to 30 days on
  stillpoint [--db FILE] list notes [--client ID]
                                          one line per treatment note: id, client, visit
                                          date, draft/signed, amended yes/no (tab-separated)
  stillpoint [--db FILE] list plans       one line per care plan: id, client, condition,
                                          status (tab-separated)
  stillpoint [--db FILE] list handouts    one line per home-care handout: id, title
  stillpoint [--db FILE] list receipts    one line per receipt, oldest first: number, date,
                                          client, total, paid (plain amounts), status
                                          (tab-separated)
  stillpoint [--db FILE] export ics FILE [--from DATE] [--to DATE]
                                          write appointments as an iCalendar file
                                          (names and services only; default today to
                                          a year on)
  stillpoint [--db FILE] export all DIR   write everything as CSV files (one per kind of record),
                                          every signed note as a PDF and a README.txt, in a new
                                          folder in DIR (recorded in the audit log)
  stillpoint [--db FILE] export client ID DIR
                                          write one client's complete record (CSV, PDFs,
                                          README.txt) as a .zip file in DIR, for their request
  stillpoint [--db FILE] import clients FILE.csv [--dry-run] [--merge-duplicates] [--dates dmy|mdy]
                                          add clients from another program's CSV export
                                          (Jane, Cliniko, a spreadsheet…): lists each row that
                                          cannot be imported and each likely duplicate, then
                                          imports all the rest at once (--dry-run: only list);
                                          duplicates are skipped, or with --merge-duplicates
                                          fill the empty fields of the matching client
  stillpoint [--db FILE] pdf note ID -o FILE
                                          write a signed treatment note, with its
                                          amendments, as a PDF (recorded in the audit log)
  stillpoint [--db FILE] pdf careplan ID -o FILE [--with-handouts]
                                          write a care plan as a PDF, with its home-care
                                          handouts after it when asked (recorded in the
                                          client's audit log)
  stillpoint [--db FILE] pdf handout ID -o FILE
                                          write a home-care handout as a PDF (its id as
                                          list handouts prints it)
  stillpoint [--db FILE] pdf progress CLIENT-ID [--plan ID] [--summary TEXT] [--next TEXT] -o FILE
                                          write a client's progress report (measures,
                                          goals; one care plan's dates with --plan) as a
                                          PDF (recorded in the audit log)
  stillpoint [--db FILE] pdf receipt NUMBER -o FILE
                                          write a receipt (as ` + "`list receipts`" + ` numbers it) as a
                                          PDF; a receipt saved or printed before says DUPLICATE
  stillpoint [--db FILE] pdf statement CLIENT-ID YEAR -o FILE
                                          write a client's year-end statement of paid visits
  stillpoint [--db FILE] statements YEAR --out DIR
                                          write the year-end statement of every client with
                                          paid visits that year into DIR, one PDF each
                                          (progress on stderr; Ctrl-C stops cleanly)
  stillpoint [--db FILE] report income YEAR
                                          the year's visits, receipts, tax and money received
                                          by month, as CSV on stdout (for your accountant)
  stillpoint [--db FILE] backup [DEST]    back up now, into DEST or the backup folder (encrypted
                                          when a passphrase is set); keeps 7 daily, 4 weekly
                                          and 12 monthly backups
  stillpoint [--db FILE] backups [FOLDER] the backups in the backup folder (or FOLDER): date,
                                          size, encrypted or plain, file (tab-separated)
  stillpoint [--db FILE] restore BACKUP [--passphrase-file FILE]
                                          replace the practice with a backup, after backing
                                          up the practice as it is (a damaged practice file
                                          is kept aside instead; with no practice file yet,
                                          as on a new computer, it is made from the backup);
                                          asks for the passphrase of an encrypted backup
  stillpoint version                      the version, its commit and date, and the schema it writes

Options:
  --db FILE     the practice file (default: ` + where + `)
  -h, --help    show this help
`
}

// flags returns a flag set for a command that reports its own errors and
// also accepts --db after the command name.
func (e *env) flags(name string) *flag.FlagSet {
	fset := flag.NewFlagSet(name, flag.ContinueOnError)
	fset.SetOutput(io.Discard)
	fset.Func("db", "", func(v string) error {
		e.db, e.dbSet = v, true
		return nil
	})
	return fset
}

// parse parses args; on -h it prints the help, on an error a usage error.
// ok is false when the command must stop with the returned status.
func (e *env) parse(fset *flag.FlagSet, args []string, command string) (code int, ok bool) {
	err := fset.Parse(args)
	switch {
	case err == nil:
		return exitOK, true
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprint(e.stdout, usage())
		return exitOK, false
	default:
		return e.usageError(command, doubleDash(err.Error())), false
	}
}

// flagName finds the flag named in the flag package's messages ("flag
// needs an argument: -search"), which it writes with one dash.
var flagName = regexp.MustCompile(`(argument: |defined: |for flag |for )-([A-Za-z][A-Za-z0-9-]+)`) // -o keeps its one dash

// doubleDash writes the flags named in a message of the flag package with
// two dashes, as the help shows them.
func doubleDash(msg string) string {
	return flagName.ReplaceAllString(msg, "${1}--${2}")
}

// usageError prints what was wrong on stderr: with the whole help for a
// mistake in the command itself, with a pointer to it for a mistake in a
// command's options.
func (e *env) usageError(command, msg string) int {
	if command == "" {
		fmt.Fprintf(e.stderr, "stillpoint: %s\n\n%s", msg, usage())
	} else {
		fmt.Fprintf(e.stderr, "stillpoint %s: %s\nRun 'stillpoint --help' for the commands and their options.\n", command, msg)
	}
	return exitUsage
}

// fail prints a failure in plain words and returns exitFail.
func (e *env) fail(command, format string, args ...any) int {
	msg := fmt.Sprintf(format, args...)
	fmt.Fprintf(e.stderr, "stillpoint %s: %s\n", command, strings.TrimSpace(msg))
	return exitFail
}

// noArgs reports extra words after a command's flags as a usage error.
func (e *env) noArgs(fset *flag.FlagSet, command string) (int, bool) {
	if fset.NArg() > 0 {
		return e.usageError(command, fmt.Sprintf("unexpected %q", strings.Join(fset.Args(), " "))), false
	}
	return exitOK, true
}

// path returns the practice file: --db, or the default. An empty --db is
// data.ErrNoPath (never the default file).
func (e *env) path() (string, error) {
	if e.dbSet && strings.TrimSpace(e.db) == "" {
		return "", fmt.Errorf("--db: %w", data.ErrNoPath)
	}
	if e.db != "" {
		return e.db, nil
	}
	p, err := data.DefaultPath()
	if err != nil {
		return "", fmt.Errorf("no --db given and %w", err)
	}
	return p, nil
}

// practice returns the practice file for command, or the exit status when
// the command must stop: an empty --db is a usage error; with mustExist a
// missing file is a failure (commands that only read never create one).
func (e *env) practice(command string, mustExist bool) (path string, code int, ok bool) {
	p, err := e.path()
	if errors.Is(err, data.ErrNoPath) {
		return "", e.usageError(command, "--db needs a file name (it was empty or blank)"), false
	}
	if err != nil {
		return "", e.fail(command, "%v", err), false
	}
	if !mustExist {
		return p, exitOK, true
	}
	if abs, err := filepath.Abs(p); err == nil {
		p = abs
	}
	if _, err := os.Stat(p); errors.Is(err, fs.ErrNotExist) {
		return "", e.fail(command, "no practice file at %s", p), false
	} else if err != nil {
		return "", e.fail(command, "cannot read %s: %v", p, err), false
	}
	return p, exitOK, true
}

// openMessage explains why a practice file could not be opened.
func openMessage(path string, err error) string {
	msg := data.UserMessage(err)
	if errors.Is(err, data.ErrInUse) { // the app's wording speaks of windows
		msg = "another Stillpoint program is using this practice file (the app or a command). " +
			"Close it or wait for it to finish, then try again."
	}
	return fmt.Sprintf("cannot open %s\n%s", path, msg)
}

// gui opens the app on the practice file.
func (e *env) gui() int {
	p, code, ok := e.practice("", false)
	if !ok {
		return code
	}
	if err := gui.Run(e.guiOptions(p)); err != nil {
		var de *gui.DisplayError
		if errors.As(err, &de) {
			fmt.Fprintln(e.stderr, de.Error())
			return exitFail
		}
		fmt.Fprintf(e.stderr, "Stillpoint: %s\n", data.UserMessage(err))
		return exitFail
	}
	return exitOK
}

// version prints the version, the commit and its date, and the schema this
// build writes.
func (e *env) version(args []string) int {
	if len(args) > 0 {
		return e.usageError("version", fmt.Sprintf("unexpected %q", strings.Join(args, " ")))
	}
	fmt.Fprint(e.stdout, versionText(currentBuild()))
	return exitOK
}
