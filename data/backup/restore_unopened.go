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

// RestoreUnopenable puts the backup at path in place of a practice file
// that cannot be opened (damaged, or not a practice at all), which is when
// a backup matters most. Nothing is deleted: under the practice lock, the
// file and its -wal/-shm are renamed aside to
// "<file>.unopenable-YYYYMMDD-HHMMSS" (named in the returned string), the
// checked backup is renamed into place, and the practice is opened to
// migrate it when older and to rebuild its note search index. A missing
// practice file (a new computer) is simply restored, its folder made.
func RestoreUnopenable(ctx context.Context, practice, path, passphrase string) (aside string, rep data.CheckReport, err error) {
	real, err := data.ResolvePractice(practice)
	if err != nil {
		return "", rep, err
	}
	if err := os.MkdirAll(filepath.Dir(real), 0o700); err != nil { // a new computer: no folder yet
		return "", rep, fmt.Errorf("restore: make the folder for %s: %w", real, err)
	}
	unlock, err := data.LockPractice(real)
	if err != nil {
		return "", rep, err
	}
	work, err := prepare(ctx, path, passphrase, filepath.Dir(real))
	if err != nil {
		return "", rep, errors.Join(err, unlock())
	}
	defer removeWork(work.path)
	if _, err := os.Stat(real); err == nil {
		aside = real + ".unopenable-" + time.Now().Format("20060102-150405")
		for _, side := range []string{"", "-wal", "-shm"} {
			if err := os.Rename(real+side, aside+side); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return "", rep, errors.Join(fmt.Errorf("restore: move %s aside: %w", real+side, err), unlock())
			}
		}
	}
	if err := os.Rename(work.path, real); err != nil {
		return aside, rep, errors.Join(fmt.Errorf("restore %s: %w", real, err), unlock())
	}
	if err := unlock(); err != nil {
		return aside, rep, err
	}
	st, err := data.Open(ctx, real, data.WithLock())
	if err != nil {
		return aside, rep, err
	}
	if err := st.RebuildSearch(ctx); err != nil {
		return aside, rep, errors.Join(err, st.Close())
	}
	return aside, work.report, st.Close()
}
