package data

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// ErrNotRegular is returned when the practice path names something that is
// neither a regular file nor missing: a device (/dev/null), a pipe, a
// socket. Stillpoint never opens, replaces or locks such a thing.
var ErrNotRegular = errors.New("names a device, pipe or other special file, not a practice file")

// maxLinks bounds how many symbolic links ResolvePractice follows.
const maxLinks = 40

// ResolvePractice checks a practice path given by the user (PracticePath)
// and returns the real path of the file it names: symbolic links of the
// folders and of the file itself are followed, also a link to a file that
// does not exist yet (its link text is resolved), so every program builds,
// renames and locks at one place. The file there must be a regular file or
// missing: a folder gives ErrFolder and anything else ErrNotRegular, found
// without opening it (opening a pipe would wait forever). A folder that
// does not exist yet is left as given (it is created when the file is).
func ResolvePractice(path string) (string, error) {
	abs, err := PracticePath(path)
	if err != nil {
		return "", err
	}
	for range maxLinks {
		dir, base := filepath.Split(abs)
		realDir, err := filepath.EvalSymlinks(dir)
		if errors.Is(err, fs.ErrNotExist) {
			return abs, nil // a new folder: nothing there to resolve
		}
		if err != nil {
			return "", fmt.Errorf("open %s: %w", abs, err)
		}
		p := filepath.Join(realDir, base)
		fi, err := os.Lstat(p)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return p, nil
		case err != nil:
			return "", fmt.Errorf("open %s: %w", p, err)
		case fi.Mode()&fs.ModeSymlink != 0:
			target, err := os.Readlink(p)
			if err != nil {
				return "", fmt.Errorf("open %s: %w", p, err)
			}
			if !filepath.IsAbs(target) {
				target = filepath.Join(realDir, target)
			}
			abs = target
			continue
		case fi.IsDir():
			return "", fmt.Errorf("%s: %w", p, ErrFolder)
		case !fi.Mode().IsRegular():
			return "", fmt.Errorf("%s: %w", p, ErrNotRegular)
		}
		return p, nil
	}
	return "", fmt.Errorf("open %s: too many symbolic links", path)
}
