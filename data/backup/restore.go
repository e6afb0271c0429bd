package backup

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/stillpoint/stillpoint/data"
)

// Preview is what a backup holds, read before restoring it.
type Preview struct {
	Entry
	Report data.CheckReport // schema version, quick_check, record counts
}

// Inspect reads the backup at path for the restore preview: it decrypts it
// (with passphrase) into a temporary file when it is encrypted, checks it
// and counts its records. A wrong passphrase gives ErrWrongPassphrase, a
// damaged file ErrDamaged. The time is from the file name when it is a
// backup's name, else the file's modification time.
func Inspect(ctx context.Context, path, passphrase string, loc *time.Location) (Preview, error) {
	p := Preview{Entry: entryFor(path, loc)}
	work, err := prepare(ctx, path, passphrase, os.TempDir())
	if err != nil {
		return p, err
	}
	defer removeWork(work.path)
	p.Report = work.report
	return p, nil
}

// entryFor describes the file at path as a backup.
func entryFor(path string, loc *time.Location) Entry {
	e, ok := ParseName(filepath.Base(path), loc)
	fi, err := os.Stat(path)
	if err == nil {
		e.Size = fi.Size()
		if !ok {
			e.Time = fi.ModTime().In(loc)
		}
	}
	e.Path, e.Name = path, filepath.Base(path)
	if !ok {
		if f, err := os.Open(path); err == nil {
			e.Encrypted, _ = looksEncrypted(f)
			f.Close()
		}
	}
	return e
}

// prepared is a checked, decrypted copy of a backup.
type prepared struct {
	path   string
	report data.CheckReport
}

// prepare copies the backup at path into dir (decrypting it) and checks the
// copy: a Stillpoint practice that passes quick_check and the foreign key
// check, from this Stillpoint or an older one.
func prepare(ctx context.Context, path, passphrase, dir string) (prepared, error) {
	fail := func(err error) (prepared, error) {
		return prepared{}, &Error{Op: "read backup", Path: path, Kind: classify(err), Err: err}
	}
	switch fi, err := os.Stat(path); {
	case errors.Is(err, fs.ErrNotExist):
		return prepared{}, &Error{Op: "read backup", Path: path, Kind: ErrNoBackupFile, Err: err}
	case err != nil:
		return fail(err)
	case fi.IsDir():
		return prepared{}, &Error{Op: "read backup", Path: path, Kind: ErrNoBackupFile,
			Err: fmt.Errorf("%s is a folder", path)}
	}
	work, err := readBack(OS{}, path, passphrase, dir)
	if err != nil {
		return fail(err)
	}
	report, err := checkFile(ctx, work)
	if err != nil {
		removeWork(work)
		return fail(err)
	}
	return prepared{path: work, report: report}, nil
}

// Restored is what Restore did.
type Restored struct {
	Store  *data.Store      // the practice, reopened on the restored file
	Before Result           // the backup of the practice made just before (none when it was empty)
	Report data.CheckReport // the restored backup's check and counts
	Closed bool             // st was closed: on an error, reopen the practice file
}

// Restore replaces the practice st (opened WithLock) with the backup at
// path. In order, without ever letting go of the practice lock: the backup
// is decrypted and checked beside the practice file; the practice as it is
// now is backed up into its backup folder (with its passphrase; no
// rotation, so the chosen backup cannot be rotated away; named
// …-before-restore-…, so no later rotation removes it either), and nothing
// is restored when that fails (an empty practice, as on a new computer, has
// nothing to keep: Before is then the zero Result); the file is swapped (data.Store.ReplaceWith:
// connections closed, -wal/-shm removed, rename, reopen); the backup
// settings of the practice as it was (folder, passphrase, last backup) are
// written into the restored file; the note search index is rebuilt.
//
// On success st is closed and Restored.Store is the practice. On an error
// before the swap, st is still open and unchanged; from the swap on
// (Restored.Closed), st is closed and Store nil: the caller reopens the
// practice file.
func Restore(ctx context.Context, st *data.Store, path, passphrase string, o RunOptions) (Restored, error) {
	var out Restored
	work, err := prepare(ctx, path, passphrase, filepath.Dir(st.Path()))
	if err != nil {
		return out, err
	}
	defer removeWork(work.path)
	out.Report = work.report
	settings, err := st.BackupSettings(ctx)
	if err != nil {
		return out, err
	}
	empty, err := st.IsEmpty(ctx)
	if err != nil {
		return out, err
	}
	o.NoRotate, o.BeforeRestore = true, true
	if !empty {
		if out.Before, err = Run(ctx, st, o); err != nil {
			return out, fmt.Errorf("restore: the practice as it is could not be backed up first, so nothing was restored: %w", err)
		}
	}
	if settings, err = st.BackupSettings(ctx); err != nil { // with the backup just made
		return out, err
	}
	ns, err := st.ReplaceWith(ctx, work.path)
	out.Closed = !errors.Is(err, data.ErrNotLocked)
	if err != nil {
		return out, &Error{Op: "restore", Path: st.Path(), Kind: classify(err), Err: err}
	}
	old, err := ns.BackupSettings(ctx)
	if err != nil {
		return out, errors.Join(err, ns.Close())
	}
	for k := range old {
		if _, ok := settings[k]; !ok {
			settings[k] = ""
		}
	}
	if err := ns.SaveBackupSettings(ctx, settings); err != nil {
		return out, errors.Join(err, ns.Close())
	}
	if err := ns.RebuildSearch(ctx); err != nil {
		return out, errors.Join(err, ns.Close())
	}
	out.Store = ns
	return out, nil
}
