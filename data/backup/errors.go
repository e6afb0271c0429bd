package backup

import (
	"errors"
	"fmt"
	"io/fs"
	"runtime"
	"syscall"

	"github.com/stillpoint/stillpoint/data"
)

// The kinds of failure a backup or restore reports; test with errors.Is.
var (
	// ErrDiskFull: the backup folder's disk (or the practice's, for the
	// working copy) has no room left.
	ErrDiskFull = errors.New("the disk is full")
	// ErrFolderGone: the backup folder went away while it was written (a
	// USB stick pulled out, a network drive dropped).
	ErrFolderGone = errors.New("the backup folder went away")
	// ErrFolderNotWritable: the backup folder cannot be written to.
	ErrFolderNotWritable = errors.New("the backup folder cannot be written to")
	// ErrWrongPassphrase: the passphrase does not open the encrypted backup.
	ErrWrongPassphrase = errors.New("wrong passphrase")
	// ErrNeedPassphrase: the backup is encrypted and no passphrase was given.
	ErrNeedPassphrase = errors.New("the backup is encrypted")
	// ErrDamaged: the backup (or the copy just written) fails its check.
	ErrDamaged = errors.New("the backup is damaged")
	// ErrShortPassphrase: a new passphrase is shorter than MinPassphrase.
	ErrShortPassphrase = errors.New("the passphrase is too short")
	// ErrNoBackupFile: the file to restore is not there (or is a folder).
	ErrNoBackupFile = errors.New("there is no backup file there")
	// ErrFolderIsFile: the backup folder's name (or one of its parents')
	// is taken by a file.
	ErrFolderIsFile = errors.New("a file has the backup folder's name")
	// ErrDemo: the sample practice is never backed up automatically.
	ErrDemo = errors.New("the sample practice is not backed up")
)

// Error is a failed backup or restore: Kind is one of the Err… values
// above (nil when none fits), Err the cause.
type Error struct {
	Op   string // "back up", "restore", "read backup"
	Path string // the folder or file concerned
	Kind error
	Err  error
}

func (e *Error) Error() string {
	if e.Kind != nil && !errors.Is(e.Err, e.Kind) {
		return fmt.Sprintf("%s %s: %v: %v", e.Op, e.Path, e.Kind, e.Err)
	}
	return fmt.Sprintf("%s %s: %v", e.Op, e.Path, e.Err)
}

// Unwrap gives the kind and the cause.
func (e *Error) Unwrap() []error {
	if e.Kind == nil {
		return []error{e.Err}
	}
	return []error{e.Kind, e.Err}
}

// destError classifies an error met while writing to the backup folder.
func destError(folder string, err error) error {
	return &Error{Op: "back up to", Path: folder, Kind: classify(err), Err: err}
}

// classify names the kind of a file-system error, or nil.
func classify(err error) error {
	var se *Error
	if errors.As(err, &se) && se.Kind != nil {
		return se.Kind
	}
	switch {
	case isDiskFull(err) || data.IsDiskFull(err):
		return ErrDiskFull
	case errors.Is(err, syscall.ENOTDIR):
		return ErrFolderIsFile
	case errors.Is(err, fs.ErrNotExist), errors.Is(err, syscall.EIO), errors.Is(err, syscall.ENODEV),
		errors.Is(err, syscall.ENXIO), errors.Is(err, syscall.ESTALE):
		return ErrFolderGone
	case errors.Is(err, fs.ErrPermission), errors.Is(err, syscall.EROFS):
		return ErrFolderNotWritable
	}
	return nil
}

// isDiskFull reports a full disk: ENOSPC, or on Windows ERROR_DISK_FULL
// (112) and ERROR_HANDLE_DISK_FULL (39).
func isDiskFull(err error) bool {
	if errors.Is(err, syscall.ENOSPC) {
		return true
	}
	var en syscall.Errno
	return runtime.GOOS == "windows" && errors.As(err, &en) && (en == 112 || en == 39)
}

// settingsHint is where the therapist chooses another backup folder.
const settingsHint = "Choose another folder in Settings › Your data."

// UserMessage says in plain words what went wrong with a backup or a
// restore, naming the folder or file concerned. Errors of other kinds get
// data.UserMessage's sentence; a failure to write the backup folder that
// fits no kind still gets words, never the system's text.
func UserMessage(err error) string {
	var be *Error
	where := ""
	if errors.As(err, &be) {
		where = be.Path
	}
	folder := "the backup folder"
	if where != "" {
		folder = "the backup folder " + where
	}
	switch {
	case err == nil:
		return ""
	case errors.Is(err, ErrWrongPassphrase):
		return "That passphrase does not open this backup. Check it and try again."
	case errors.Is(err, ErrNeedPassphrase):
		return "This backup is protected with a passphrase. Type the passphrase to open it."
	case errors.Is(err, ErrNoBackupFile):
		return fmt.Sprintf("There is no backup file at %s. Check the name and the folder, and try again.", where)
	case errors.Is(err, ErrDiskFull):
		return "The backup was not made: the disk is full. Your earlier backups are untouched. " +
			"Free some space or choose another backup folder, then try again."
	case errors.Is(err, ErrFolderIsFile):
		return fmt.Sprintf("The backup was not made: %s cannot be used, because a file has that name. %s", folder, settingsHint)
	case errors.Is(err, ErrFolderGone):
		return fmt.Sprintf("The backup was not made: %s went away or could not be reached "+
			"(was a USB stick or a network drive removed?). Your earlier backups are untouched. "+
			"Put it back, or choose another folder, and try again.", folder)
	case errors.Is(err, ErrFolderNotWritable):
		return fmt.Sprintf("The backup was not made: Stillpoint is not allowed to write in %s. %s", folder, settingsHint)
	case errors.Is(err, ErrDamaged):
		return "This backup is damaged and cannot be used. Choose another backup."
	case errors.Is(err, ErrShortPassphrase):
		return fmt.Sprintf("A passphrase needs at least %d characters.", MinPassphrase)
	case errors.Is(err, ErrDemo):
		return "The sample practice is not backed up: it holds no real records."
	case be != nil && be.Op == "back up to":
		return fmt.Sprintf("The backup was not made: Stillpoint could not write in %s. "+
			"Check that the folder is there and that you can save files in it. %s", folder, settingsHint)
	}
	return data.UserMessage(err)
}
