// Package backup makes, lists, rotates, encrypts and restores backups of a
// Stillpoint practice file. It depends on data, never the reverse, and has
// no user interface: the gui and the command line call it.
//
// A backup is made with SQLite's online backup API (Store.CopyTo) into a
// working copy beside the practice file, then written to the backup folder
// under a temporary name (".stillpoint-partial-…"), synced, read back and
// checked (decrypted when encrypted, compared byte for byte with the working
// copy and quick_checked), and only then renamed to its final name. A
// failure removes the temporary file and leaves earlier backups untouched.
// See docs/backup.md.
package backup

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/stillpoint/stillpoint/data"
)

// Options control one backup.
type Options struct {
	Folder     string // where the backup goes (made when missing)
	Passphrase string // encrypt with it when not empty
	FS         FS     // the backup folder's file system; nil is the real one
	WorkFactor int    // age's scrypt work factor; 0 is DefaultWorkFactor
	Keep       Policy // rotation; the zero Policy is DefaultPolicy
	NoRotate   bool   // keep every backup
	// BeforeRestore names the backup as the copy made just before a
	// restore (…-before-restore-…), which rotation never removes.
	BeforeRestore bool
	// Manual names the backup as one made on purpose (…-manual-…), of
	// which rotation keeps the newest Policy.Manual.
	Manual   bool
	Progress func(done, total int) // pages copied so far, of total
}

// Result describes a backup just made.
type Result struct {
	Entry
	Removed []string // old backups removed by rotation
	Report  data.CheckReport
}

// staleTemp is how old a leftover temporary file must be before a backup
// removes it: a younger one may belong to a backup still running (another
// practice sharing the folder).
const staleTemp = time.Hour

// Make backs up the practice st into opt.Folder, then rotates the folder.
// The file is named after the Store clock's time in the practice's time
// zone (FileName). Errors are *Error values whose Kind says what happened
// (ErrDiskFull, ErrFolderGone, …); UserMessage words them.
func Make(ctx context.Context, st *data.Store, opt Options) (Result, error) {
	fsys := orOS(opt.FS)
	loc, err := st.Location(ctx)
	if err != nil {
		return Result{}, err
	}
	now := st.Now().In(loc)
	work, err := workCopy(ctx, st, opt.Progress)
	if err != nil {
		return Result{}, err
	}
	defer removeWork(work)
	sum, err := fileSum(work)
	if err != nil {
		return Result{}, err
	}
	if err := fsys.MkdirAll(opt.Folder); err != nil {
		return Result{}, destError(opt.Folder, fmt.Errorf("make folder: %w", err))
	}
	removeStaleTemps(fsys, opt.Folder, time.Now())
	prefix := Prefix(st.Path())
	name, err := freeName(fsys, opt.Folder, prefix, loc, now, opt)
	if err != nil {
		return Result{}, err
	}
	final := filepath.Join(opt.Folder, name)
	temp := filepath.Join(opt.Folder, tempPrefix+name)
	removeOwnTemp(fsys, temp)
	size, err := writeBackup(fsys, temp, work, opt)
	if err != nil {
		fsys.Remove(temp) //nolint:errcheck // the write's error matters more; a pulled stick keeps it
		return Result{}, destError(opt.Folder, err)
	}
	report, err := verifyWritten(ctx, fsys, temp, opt.Passphrase, sum, filepath.Dir(work))
	if err != nil {
		fsys.Remove(temp) //nolint:errcheck // the check's error matters more
		return Result{}, destError(opt.Folder, err)
	}
	if err := fsys.Rename(temp, final); err != nil {
		fsys.Remove(temp) //nolint:errcheck // the rename's error matters more
		return Result{}, destError(opt.Folder, fmt.Errorf("rename: %w", err))
	}
	if err := fsys.SyncDir(opt.Folder); err != nil {
		return Result{}, destError(opt.Folder, fmt.Errorf("sync folder: %w", err))
	}
	e, _ := ParseNameFor(prefix, name, loc)
	e.Path, e.Size = final, size
	res := Result{Entry: e, Report: report}
	if !opt.NoRotate {
		if res.Removed, err = Rotate(fsys, opt.Folder, prefix, loc, opt.Keep); err != nil {
			return res, err
		}
	}
	return res, nil
}

// workCopy makes the working copy of the practice beside its file (the
// same disk, which has room for it) and returns its path.
func workCopy(ctx context.Context, st *data.Store, progress func(done, total int)) (string, error) {
	dir := filepath.Dir(st.Path())
	f, err := os.CreateTemp(dir, ".stillpoint-backup-*.db")
	if err != nil {
		return "", &Error{Op: "back up", Path: dir, Kind: classify(err), Err: err}
	}
	path := f.Name()
	f.Close()
	if err := st.CopyTo(ctx, path, progress); err != nil {
		removeWork(path)
		return "", &Error{Op: "back up", Path: st.Path(), Kind: classify(err), Err: err}
	}
	return path, nil
}

// removeWork removes a working copy and what SQLite may leave beside it.
func removeWork(path string) {
	for _, p := range []string{path, path + "-journal", path + "-wal", path + "-shm"} {
		os.Remove(p) //nolint:errcheck // best effort: it may not exist
	}
}

// freeName is the name for a backup of the practice (prefix) made now:
// NameFor, with -N added when a backup of this kind and minute is already
// there.
func freeName(fsys FS, folder, prefix string, loc *time.Location, now time.Time, opt Options) (string, error) {
	entries, err := list(fsys, folder, prefix, loc)
	if err != nil {
		return "", destError(folder, err)
	}
	minute := now.Truncate(time.Minute) // an instant: the repeated hour's two 01:30s differ
	taken := map[int]bool{}
	for _, e := range entries {
		if e.Time.Equal(minute) && e.BeforeRestore == opt.BeforeRestore && e.Manual == opt.Manual {
			taken[e.Seq] = true
		}
	}
	seq := 0
	for taken[seq] {
		seq++
	}
	mark := ""
	switch {
	case opt.BeforeRestore:
		mark = beforeRestore
	case opt.Manual:
		mark = manualMark
	}
	return nameFor(prefix, now, opt.Passphrase != "", seq, mark), nil
}

// removeOwnTemp removes a temporary file of exactly the name this backup
// is about to write: one left by a backup of this practice that was killed
// in this same minute (the practice lock lets no other program back it up
// meanwhile). Only a file with the temporary prefix is ever removed.
func removeOwnTemp(fsys FS, temp string) {
	if !isTemp(filepath.Base(temp)) {
		return
	}
	des, err := fsys.ReadDir(filepath.Dir(temp))
	if err != nil {
		return
	}
	for _, de := range des {
		if de.Name() == filepath.Base(temp) && de.Type().IsRegular() {
			fsys.Remove(temp) //nolint:errcheck // Create below reports a file still in the way
			return
		}
	}
}

// writeBackup writes the working copy (encrypted when opt says so) to temp
// and syncs it; it returns the size written.
func writeBackup(fsys FS, temp, work string, opt Options) (int64, error) {
	src, err := os.Open(work)
	if err != nil {
		return 0, err
	}
	defer src.Close()
	f, err := fsys.Create(temp)
	if err != nil {
		return 0, fmt.Errorf("create %s: %w", filepath.Base(temp), err)
	}
	cw := &countWriter{w: f}
	if opt.Passphrase != "" {
		err = encrypt(cw, src, opt.Passphrase, opt.WorkFactor)
	} else {
		_, err = io.Copy(cw, src)
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return 0, fmt.Errorf("write %s: %w", filepath.Base(temp), err)
	}
	return cw.n, nil
}

// verifyWritten reads the written backup back through fsys (decrypting it
// when encrypted) into a file in workDir, checks that it is byte for byte
// the working copy, and checks it with SQLite (quick_check, foreign keys,
// a Stillpoint file).
func verifyWritten(ctx context.Context, fsys FS, temp, passphrase string, want [32]byte, workDir string) (data.CheckReport, error) {
	back, err := readBack(fsys, temp, passphrase, workDir)
	if err != nil {
		return data.CheckReport{}, err
	}
	defer removeWork(back)
	got, err := fileSum(back)
	if err != nil {
		return data.CheckReport{}, err
	}
	if got != want {
		return data.CheckReport{}, fmt.Errorf("verify: %w: what was read back differs from what was written", ErrDamaged)
	}
	return checkFile(ctx, back)
}

// readBack copies the backup at path (through fsys), decrypted when it is
// encrypted, into a new file in dir and returns that file's path.
func readBack(fsys FS, path, passphrase, dir string) (string, error) {
	in, err := fsys.Open(path)
	if err != nil {
		return "", fmt.Errorf("read %s: %w", filepath.Base(path), err)
	}
	defer in.Close()
	out, err := os.CreateTemp(dir, ".stillpoint-check-*.db")
	if err != nil {
		return "", fmt.Errorf("read %s: %w", filepath.Base(path), err)
	}
	enc, r := looksEncrypted(in)
	if enc {
		err = decrypt(out, r, passphrase)
	} else {
		_, err = io.Copy(out, r)
	}
	if cerr := out.Close(); err == nil { // a scratch copy: no need to sync it
		err = cerr
	}
	if err != nil {
		removeWork(out.Name())
		return "", fmt.Errorf("read %s: %w", filepath.Base(path), err)
	}
	return out.Name(), nil
}

// checkFile checks a copy of a practice read-only: a file that is not a
// Stillpoint practice, is damaged, or fails quick_check or the foreign key
// check gives ErrDamaged.
func checkFile(ctx context.Context, path string) (data.CheckReport, error) {
	r, err := data.CheckFile(ctx, path)
	var newer *data.NewerSchemaError
	switch {
	case errors.As(err, &newer):
		return r, err
	case err != nil:
		return r, fmt.Errorf("verify: %w: %w", ErrDamaged, err)
	case !r.OK():
		return r, fmt.Errorf("verify: %w: quick_check: %s, %d broken links", ErrDamaged, r.QuickCheck, r.ForeignKeys)
	}
	return r, nil
}

// fileSum is the SHA-256 of a file's content.
func fileSum(path string) ([32]byte, error) {
	var sum [32]byte
	f, err := os.Open(path)
	if err != nil {
		return sum, fmt.Errorf("read %s: %w", path, err)
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return sum, fmt.Errorf("read %s: %w", path, err)
	}
	copy(sum[:], h.Sum(nil))
	return sum, nil
}

// removeStaleTemps removes temporary files left in folder by interrupted
// backups (older than staleTemp, by the real clock: file times are real).
// Errors are ignored: they are litter.
func removeStaleTemps(fsys FS, folder string, now time.Time) {
	des, err := fsys.ReadDir(folder)
	if err != nil {
		return
	}
	for _, de := range des {
		if !isTemp(de.Name()) {
			continue
		}
		if fi, err := de.Info(); err == nil && now.Sub(fi.ModTime()) >= staleTemp {
			fsys.Remove(filepath.Join(folder, de.Name())) //nolint:errcheck // litter
		}
	}
}

// countWriter counts the bytes written through it.
type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}
