package demo

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/stillpoint/stillpoint/data"
)

// Result says what Create did.
type Result struct {
	Path     string   // the sample practice file
	Clients  int      // clients stored, archived ones included
	Archived int      // of which archived
	Reused   bool     // the file already held a complete sample practice (CreateOptions.Reuse)
	Cleaned  []string // leftovers of an interrupted earlier run that were removed
}

// CreateOptions tune Create beyond the practice's Options.
type CreateOptions struct {
	// Reuse leaves a complete sample practice already at the path as it is
	// (the welcome screen opens it again); without it such a file is
	// refused like any file that holds records.
	Reuse bool
	// Store are passed to data.Open for the file being built (a clock).
	Store []data.Option
}

// Create makes the sample practice in a file of its own at path, all or
// nothing: it is built in a temporary file beside path (same folder, so the
// final rename is atomic), marked complete, closed (which checkpoints it),
// flushed to disk and only then renamed into place. A crash, a kill or a
// cancelled ctx at any moment leaves path as it was: missing, or empty.
//
// path is resolved first (data.ResolvePractice): through a symbolic link,
// also one to a file not made yet, the sample is built, renamed and locked
// at the real file, and the link stays; a folder, a device or a pipe is
// refused without being opened or replaced.
//
// Create holds the practice lock of path throughout (data.ErrInUse when
// another program has it open). path must be missing, empty (zero bytes or
// a database with nothing in its schema) or, with Reuse, a complete sample; a file that
// holds records gives an error wrapping data.ErrNotEmpty. What an earlier,
// interrupted run left (its temporary file, or a file marked as an
// unfinished sample) is removed and listed in Result.Cleaned.
func Create(ctx context.Context, path string, opts Options, co CreateOptions) (res Result, err error) {
	abs, err := data.ResolvePractice(path) // a link's real target; never a device or pipe
	if err != nil {
		return res, fmt.Errorf("demo: %w", err)
	}
	res.Path = abs
	unlock, err := data.LockPractice(abs)
	if err != nil {
		return res, fmt.Errorf("demo: %w", err)
	}
	defer func() {
		if uerr := unlock(); err == nil && uerr != nil {
			err = fmt.Errorf("demo: %w", uerr)
		}
	}()
	tmp := partialPath(abs)
	if exists(tmp) {
		if err := removeDatabase(tmp); err != nil {
			return res, fmt.Errorf("demo: remove the unfinished %s: %w", tmp, err)
		}
		res.Cleaned = append(res.Cleaned, tmp)
	}
	reuse, err := examineTarget(ctx, abs, co.Reuse, &res)
	if err != nil || reuse {
		res.Reused = reuse
		return res, err
	}
	if err := build(ctx, tmp, opts, co.Store, &res); err != nil {
		if rerr := removeDatabase(tmp); rerr != nil {
			err = fmt.Errorf("%w (and the unfinished %s could not be removed: %v)", err, tmp, rerr)
		}
		return res, err
	}
	for _, suffix := range []string{"-wal", "-shm", "-journal"} { // beside an empty file being replaced
		if err := os.Remove(abs + suffix); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return res, fmt.Errorf("demo: %w", err)
		}
	}
	if err := os.Rename(tmp, abs); err != nil {
		removeDatabase(tmp) //nolint:errcheck // the rename error matters more
		return res, fmt.Errorf("demo: put the sample practice in place: %w", err)
	}
	syncDir(filepath.Dir(abs))
	return res, nil
}

// partialPath is where Create builds the sample practice for path: a
// hidden file beside it.
func partialPath(path string) string {
	return filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".partial")
}

// examineTarget decides what to do with what is already at path: nothing
// there or an empty file is fine; an unfinished sample is removed; a
// complete sample is reused (when allowed); anything else is refused.
func examineTarget(ctx context.Context, path string, allowReuse bool, res *Result) (reuse bool, err error) {
	st, err := data.OpenReadOnly(ctx, path)
	switch {
	case errors.Is(err, fs.ErrNotExist), errors.Is(err, data.ErrEmptyFile):
		return false, nil
	case errors.Is(err, data.ErrUnfinishedSample):
		if err := removeDatabase(path); err != nil {
			return false, fmt.Errorf("demo: remove the unfinished %s: %w", path, err)
		}
		res.Cleaned = append(res.Cleaned, path)
		return false, nil
	case err != nil:
		return false, fmt.Errorf("demo: %w", err)
	}
	defer st.Close()
	isDemo, err := st.IsDemo(ctx)
	if err != nil {
		return false, fmt.Errorf("demo: %w", err)
	}
	if isDemo && allowReuse {
		return true, nil
	}
	empty, err := st.IsEmpty(ctx)
	switch {
	case err != nil:
		return false, fmt.Errorf("demo: %w", err)
	case !empty:
		return false, fmt.Errorf("demo: %s: %w", path, data.ErrNotEmpty)
	}
	return false, nil
}

// build fills a new file at tmp, closes it and flushes it to disk.
func build(ctx context.Context, tmp string, opts Options, storeOpts []data.Option, res *Result) error {
	st, err := data.Open(ctx, tmp, storeOpts...)
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	err = Fill(ctx, st, opts)
	if err == nil {
		res.Clients, res.Archived, err = count(ctx, st)
	}
	if cerr := st.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("demo: %w", cerr)
	}
	if err != nil {
		return err
	}
	if exists(tmp + "-wal") {
		return fmt.Errorf("demo: %s-wal stayed after closing: the sample practice is not complete", tmp)
	}
	return syncFile(tmp)
}

func count(ctx context.Context, st *data.Store) (all, archived int, err error) {
	active, err := st.SearchClients(ctx, data.ClientQuery{})
	if err != nil {
		return 0, 0, fmt.Errorf("demo: %w", err)
	}
	arch, err := st.SearchClients(ctx, data.ClientQuery{Archived: true})
	if err != nil {
		return 0, 0, fmt.Errorf("demo: %w", err)
	}
	return len(active) + len(arch), len(arch), nil
}

func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

// removeDatabase deletes a database file and the files SQLite keeps beside it.
func removeDatabase(path string) error {
	var errs []error
	for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
		if err := os.Remove(path + suffix); err != nil && !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return fmt.Errorf("demo: flush %s: %w", path, err)
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return fmt.Errorf("demo: flush %s: %w", path, err)
	}
	return f.Close()
}

// syncDir flushes a folder's entries (the rename) to disk, where the
// system allows it (Windows cannot open a folder for this; the rename is
// then left to the file system).
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync() //nolint:errcheck // best effort: the rename is already done
		d.Close()
	}
}
