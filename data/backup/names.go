package backup

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

const (
	// plainExt ends a plain backup's name, encryptedExt an encrypted one's.
	plainExt     = ".db"
	encryptedExt = ".db.age"
	// tempPrefix starts the name of a backup being written; such files are
	// never listed and are removed by the next backup into the folder.
	tempPrefix = ".stillpoint-partial-"
)

// nameRE matches a backup's file name: stillpoint-YYYY-MM-DD-HHMM, an
// optional -N when two backups fall in one minute, .db or .db.age.
var nameRE = regexp.MustCompile(`^stillpoint-(\d{4})-(\d{2})-(\d{2})-(\d{2})(\d{2})(?:-(\d+))?\.db(\.age)?$`)

// Entry is one backup in a folder.
type Entry struct {
	Path      string
	Name      string
	Time      time.Time // from the name: the local time it was made (minute precision)
	Seq       int       // the -N of a second backup in one minute (0 for the first)
	Size      int64
	Encrypted bool
}

// FileName is the name of a backup made at t (in t's location), e.g.
// stillpoint-2026-11-30-0942.db, or .db.age when encrypted; seq > 0 adds
// -seq for a further backup in the same minute.
func FileName(t time.Time, encrypted bool, seq int) string {
	name := fmt.Sprintf("stillpoint-%s", t.Format("2006-01-02-1504"))
	if seq > 0 {
		name += "-" + strconv.Itoa(seq)
	}
	if encrypted {
		return name + encryptedExt
	}
	return name + plainExt
}

// ParseName reads a backup file name made by FileName, with its time in loc.
func ParseName(name string, loc *time.Location) (Entry, bool) {
	m := nameRE.FindStringSubmatch(name)
	if m == nil {
		return Entry{}, false
	}
	n := make([]int, 5)
	for i := range n {
		n[i], _ = strconv.Atoi(m[i+1])
	}
	t := time.Date(n[0], time.Month(n[1]), n[2], n[3], n[4], 0, 0, loc)
	if t.Year() != n[0] || int(t.Month()) != n[1] || t.Day() != n[2] || n[3] > 23 || n[4] > 59 {
		return Entry{}, false // not a real date: not ours
	}
	seq := 0
	if m[6] != "" {
		seq, _ = strconv.Atoi(m[6])
	}
	return Entry{Name: name, Time: t, Seq: seq, Encrypted: m[7] != ""}, true
}

// List returns the backups in folder, newest first. Files not named like a
// backup are ignored; a missing folder is an empty list.
func List(folder string, loc *time.Location) ([]Entry, error) {
	return list(OS{}, folder, loc)
}

func list(fsys FS, folder string, loc *time.Location) ([]Entry, error) {
	des, err := fsys.ReadDir(folder)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("list backups in %s: %w", folder, err)
	}
	var out []Entry
	for _, de := range des {
		if !de.Type().IsRegular() {
			continue
		}
		e, ok := ParseName(de.Name(), loc)
		if !ok {
			continue
		}
		if fi, err := de.Info(); err == nil {
			e.Size = fi.Size()
		}
		e.Path = filepath.Join(folder, e.Name)
		out = append(out, e)
	}
	sortNewestFirst(out)
	return out, nil
}

// sortNewestFirst sorts backups newest first.
func sortNewestFirst(es []Entry) {
	sort.Slice(es, func(i, j int) bool { return newer(es[i], es[j]) })
}

// newer orders backups newest first: by time, then by sequence number.
func newer(a, b Entry) bool {
	if !a.Time.Equal(b.Time) {
		return a.Time.After(b.Time)
	}
	if a.Seq != b.Seq {
		return a.Seq > b.Seq
	}
	return a.Name > b.Name
}

// isTemp reports whether name is a backup still being written (or left by
// an interrupted one).
func isTemp(name string) bool { return strings.HasPrefix(name, tempPrefix) }
