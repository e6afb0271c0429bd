package backup

import (
	"context"
	"fmt"
	"path/filepath"
	"time"

	"github.com/stillpoint/stillpoint/data"
)

// The backup settings' keys in the practice's meta table.
const (
	keyFolder     = "backup.folder"       // chosen folder; absent: DefaultFolder
	keyPassphrase = "backup.passphrase"   // encrypt with it; absent: plain backups
	keyLastTime   = "backup.last_time"    // last attempt (RFC 3339, UTC)
	keyLastPath   = "backup.last_path"    // file the last attempt made
	keyLastError  = "backup.last_error"   // last attempt's message; absent when it worked
	keyLastOK     = "backup.last_ok_time" // last backup that worked
	keyLastOKPath = "backup.last_ok_path"
)

// FolderName is the default backup folder's name beside stillpoint.db;
// another practice file's is "<name> backups" (FolderFor).
const FolderName = "Stillpoint backups"

// StaleAfter is how old the last good backup may get before the app warns.
const StaleAfter = 7 * 24 * time.Hour

// AutoEvery is how often the app backs up while it stays open.
const AutoEvery = 24 * time.Hour

// Settings are a practice's backup settings and what its last backup did.
// The passphrase is kept in the practice file itself (see docs/backup.md):
// it protects the copies that leave the laptop, not the laptop.
type Settings struct {
	Folder        string // where backups go (the default when none was chosen)
	DefaultFolder bool   // Folder is the default
	passphrase    string
	LastTime      time.Time // last attempt (zero: never)
	LastPath      string
	LastError     string // plain words; empty when the last attempt worked
	LastOK        time.Time
	LastOKPath    string
}

// Encrypted reports whether backups are encrypted with a passphrase.
func (s Settings) Encrypted() bool { return s.passphrase != "" }

// Due reports whether an automatic backup should run now: none was tried
// in the last AutoEvery.
func (s Settings) Due(now time.Time) bool {
	return s.LastTime.IsZero() || now.Sub(s.LastTime) >= AutoEvery || now.Before(s.LastTime)
}

// Stale reports whether the last good backup is older than StaleAfter (or
// there is none).
func (s Settings) Stale(now time.Time) bool {
	return s.LastOK.IsZero() || now.Sub(s.LastOK) > StaleAfter
}

// DefaultFolder is the backup folder used when none was chosen, beside the
// practice file and its own: "Stillpoint backups" for stillpoint.db,
// "clinic backups" for clinic.db, so two practices in one folder do not
// share one backup folder.
func DefaultFolder(practicePath string) string {
	return filepath.Join(filepath.Dir(practicePath), FolderFor(practicePath))
}

// FolderFor is the name of the default backup folder of a practice file.
func FolderFor(practicePath string) string {
	if p := Prefix(practicePath); p != DefaultPrefix {
		return p + " backups"
	}
	return FolderName
}

// Load reads the practice's backup settings.
func Load(ctx context.Context, st *data.Store) (Settings, error) {
	m, err := st.BackupSettings(ctx)
	if err != nil {
		return Settings{}, err
	}
	s := Settings{Folder: m[keyFolder], passphrase: m[keyPassphrase], LastPath: m[keyLastPath],
		LastError: m[keyLastError], LastOKPath: m[keyLastOKPath]}
	if s.Folder == "" {
		s.Folder, s.DefaultFolder = DefaultFolder(st.Path()), true
	}
	s.LastTime, _ = time.Parse(time.RFC3339, m[keyLastTime])
	s.LastOK, _ = time.Parse(time.RFC3339, m[keyLastOK])
	return s, nil
}

// SetFolder chooses the backup folder; "" goes back to the default.
func SetFolder(ctx context.Context, st *data.Store, folder string) error {
	if folder != "" {
		abs, err := filepath.Abs(folder)
		if err != nil {
			return fmt.Errorf("backup folder %s: %w", folder, err)
		}
		folder = abs
	}
	return st.SaveBackupSettings(ctx, map[string]string{keyFolder: folder})
}

// SetPassphrase sets the passphrase later backups are encrypted with; ""
// removes it (later backups are plain). Earlier backups keep the
// passphrase they were made with. A passphrase shorter than MinPassphrase
// gives ErrShortPassphrase.
func SetPassphrase(ctx context.Context, st *data.Store, passphrase string) error {
	if passphrase != "" && len([]rune(passphrase)) < MinPassphrase {
		return ErrShortPassphrase
	}
	return st.SaveBackupSettings(ctx, map[string]string{keyPassphrase: passphrase})
}

// CheckPassphrase reports whether p is the practice's backup passphrase.
func (s Settings) CheckPassphrase(p string) bool { return s.passphrase != "" && p == s.passphrase }

// RunOptions are what Run takes beyond the stored settings.
type RunOptions struct {
	Folder     string // overrides the stored folder (the command line's DEST)
	FS         FS
	WorkFactor int
	Progress   func(done, total int)
	NoRotate   bool
	// BeforeRestore: the copy made just before a restore (see Options).
	BeforeRestore bool
	// Manual: made on purpose, kept from rotation a while (see Options).
	Manual bool
}

// Run backs up the practice with its stored settings (folder, passphrase)
// and records the outcome (time, file, message) in the practice, so
// Settings › Your data and the warning banner can show it.
func Run(ctx context.Context, st *data.Store, o RunOptions) (Result, error) {
	s, err := Load(ctx, st)
	if err != nil {
		return Result{}, err
	}
	folder := s.Folder
	if o.Folder != "" {
		folder = o.Folder
	}
	res, err := Make(ctx, st, Options{Folder: folder, Passphrase: s.passphrase, FS: o.FS,
		WorkFactor: o.WorkFactor, Progress: o.Progress, NoRotate: o.NoRotate,
		BeforeRestore: o.BeforeRestore, Manual: o.Manual})
	now := st.Now().Format(time.RFC3339)
	rec := map[string]string{keyLastTime: now}
	if err != nil {
		rec[keyLastError], rec[keyLastPath] = UserMessage(err), ""
	} else {
		rec[keyLastError], rec[keyLastPath] = "", res.Path
		rec[keyLastOK], rec[keyLastOKPath] = now, res.Path
	}
	if rerr := st.SaveBackupSettings(context.WithoutCancel(ctx), rec); rerr != nil && err == nil {
		return res, fmt.Errorf("record backup: %w", rerr)
	}
	return res, err
}

// Auto is the automatic backup: Run, unless the practice is the sample
// practice (ErrDemo) or holds no records yet (nothing done, no error).
// done is false when nothing was backed up.
func Auto(ctx context.Context, st *data.Store, o RunOptions) (res Result, done bool, err error) {
	demo, err := st.IsDemo(ctx)
	if err != nil {
		return Result{}, false, err
	}
	if demo {
		return Result{}, false, ErrDemo
	}
	empty, err := st.IsEmpty(ctx)
	if err != nil || empty {
		return Result{}, false, err
	}
	res, err = Run(ctx, st, o)
	return res, err == nil, err
}

// Passphrase is the stored passphrase ("" when backups are plain). It is
// never shown in a list; restore tries it first.
func (s Settings) Passphrase() string { return s.passphrase }
