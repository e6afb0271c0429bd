package data

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// AppID is Stillpoint's application ID; the default data folder is named
// after it, matching Fyne's storage root for the app.
const AppID = "io.github.stillpoint"

// DataDir returns the app's storage folder, the same folder Fyne's app
// storage uses for AppID: <user config dir>/fyne/<AppID> on Linux and the
// BSDs (~/.config/…), %AppData%\fyne\<AppID> on Windows and
// ~/Library/Preferences/fyne/<AppID> on macOS.
func DataDir() (string, error) {
	var base string
	var err error
	if runtime.GOOS == "darwin" {
		base, err = os.UserHomeDir()
		base = filepath.Join(base, "Library", "Preferences")
	} else {
		base, err = os.UserConfigDir()
	}
	if err != nil {
		return "", fmt.Errorf("find the settings folder: %w", err)
	}
	return filepath.Join(base, "fyne", AppID), nil
}

// DefaultPath is where the practice database lives unless --db says otherwise.
func DefaultPath() (string, error) {
	dir, err := DataDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "stillpoint.db"), nil
}

// DemoPath is where the sample practice lives: a separate file beside the
// real database ("stillpoint.db" → "stillpoint-demo.db"), never the real one.
func DemoPath(realPath string) string {
	ext := filepath.Ext(realPath)
	return strings.TrimSuffix(realPath, ext) + "-demo" + ext
}

// PracticePath checks a practice path given by the user and makes it
// absolute: an empty path (ErrNoPath) and one ending in a path separator
// (ErrFolder) are refused, rather than silently meaning the default file or
// a file called "new".
func PracticePath(path string) (string, error) {
	if strings.TrimSpace(path) == "" {
		return "", ErrNoPath
	}
	if strings.HasSuffix(path, "/") || strings.HasSuffix(path, string(filepath.Separator)) {
		return "", fmt.Errorf("%s: %w", path, ErrFolder)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", fmt.Errorf("open %s: %w", path, err)
	}
	return abs, nil
}
