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

// DefaultPrefix starts the backup names of the usual practice file,
// stillpoint.db.
const DefaultPrefix = "stillpoint"

// beforeRestore marks the copy a restore makes of the practice as it was:
// rotation never removes it.
const beforeRestore = "before-restore-"

// manualMark marks a backup made on purpose (Back up now, the backup
// command): rotation keeps the newest Policy.Manual of them whatever their
// day, so a later scheduled backup does not replace them.
const manualMark = "manual-"

// stampRE matches what follows a practice's prefix and "-" in a backup's
// name: an optional before-restore- mark, YYYY-MM-DD-HHMM on the practice's
// wall clock followed by its UTC offset (+HHMM or -HHMM; names made before
// Stillpoint wrote the offset have none), an optional -N when two backups
// fall in one minute, .db or .db.age. The offset makes the name one instant
// even in the hour a clock goes back, when the wall clock repeats itself.
var stampRE = regexp.MustCompile(`^(before-restore-|manual-)?(\d{4})-(\d{2})-(\d{2})-(\d{2})(\d{2})(?:([+-])(\d{2})(\d{2}))?(?:-(\d+))?\.db(\.age)?$`)

// stampLayout writes a backup's time: the wall clock, then its UTC offset.
const stampLayout = "2006-01-02-1504-0700"

// Entry is one backup in a folder.
type Entry struct {
	Path          string
	Name          string
	Time          time.Time // from the name: the instant it was made (minute precision), in the practice's zone
	Seq           int       // the -N of a second backup in one minute (0 for the first)
	Size          int64
	Encrypted     bool
	BeforeRestore bool // the practice as it was just before a restore: never rotated away
	Manual        bool // made on purpose (Back up now, the backup command): see Policy.Manual
	modTime       time.Time
	noOffset      bool // an older name, without its UTC offset: see legacyInstant
}

// Prefix starts the names of the backups of the practice file at path: its
// file name without the extension ("clinic" for clinic.db), so practices
// sharing a backup folder never count or rotate each other's backups.
func Prefix(practicePath string) string {
	base := filepath.Base(practicePath)
	if p := strings.TrimSuffix(base, filepath.Ext(base)); p != "" && p != "." && p != string(filepath.Separator) {
		return p
	}
	return DefaultPrefix
}

// NameFor is the name of a backup of the practice whose Prefix is prefix,
// made at t (in t's location), e.g. clinic-2026-11-30-0942-0500.db (the
// wall clock and its UTC offset, so the name is one instant), or .db.age
// when encrypted; seq > 0 adds -seq for a further backup in the same
// minute; before marks the copy made just before a restore
// (clinic-before-restore-2026-11-30-0942-0500.db).
func NameFor(prefix string, t time.Time, encrypted bool, seq int, before bool) string {
	mark := ""
	if before {
		mark = beforeRestore
	}
	return nameFor(prefix, t, encrypted, seq, mark)
}

// nameFor is NameFor with the name's mark: "", beforeRestore or manualMark
// (clinic-manual-2026-11-30-0942-0500.db).
func nameFor(prefix string, t time.Time, encrypted bool, seq int, mark string) string {
	name := prefix + "-" + mark + t.Format(stampLayout)
	if seq > 0 {
		name += "-" + strconv.Itoa(seq)
	}
	if encrypted {
		return name + encryptedExt
	}
	return name + plainExt
}

// FileName is NameFor a backup of stillpoint.db (DefaultPrefix).
func FileName(t time.Time, encrypted bool, seq int) string {
	return NameFor(DefaultPrefix, t, encrypted, seq, false)
}

// ParseName reads a backup name of stillpoint.db (DefaultPrefix).
func ParseName(name string, loc *time.Location) (Entry, bool) {
	return ParseNameFor(DefaultPrefix, name, loc)
}

// ParseNameFor reads a backup file name made by NameFor with prefix; its
// Time is the instant the name gives, shown in loc. An older name without
// an offset is read as a wall clock in loc. Names of other practices'
// backups are not ours.
func ParseNameFor(prefix, name string, loc *time.Location) (Entry, bool) {
	rest, ok := strings.CutPrefix(name, prefix+"-")
	if !ok {
		return Entry{}, false
	}
	m := stampRE.FindStringSubmatch(rest)
	if m == nil {
		return Entry{}, false
	}
	n := make([]int, 5)
	for i := range n {
		n[i], _ = strconv.Atoi(m[i+2])
	}
	zone := loc
	if m[7] != "" {
		oh, _ := strconv.Atoi(m[8])
		om, _ := strconv.Atoi(m[9])
		if oh > 14 || om > 59 {
			return Entry{}, false // no zone is that far from UTC: not ours
		}
		off := oh*3600 + om*60
		if m[7] == "-" {
			off = -off
		}
		zone = time.FixedZone("", off)
	}
	t := time.Date(n[0], time.Month(n[1]), n[2], n[3], n[4], 0, 0, zone)
	if t.Year() != n[0] || int(t.Month()) != n[1] || t.Day() != n[2] || n[3] > 23 || n[4] > 59 {
		return Entry{}, false // not a real date: not ours
	}
	seq := 0
	if m[10] != "" {
		seq, _ = strconv.Atoi(m[10])
	}
	return Entry{Name: name, Time: t.In(loc), Seq: seq, Encrypted: m[11] != "", BeforeRestore: m[1] == beforeRestore,
		Manual:   m[1] == manualMark,
		noOffset: m[7] == ""}, true
}

// legacyInstant reads an older name's wall clock t (in its zone) in the
// hour a clock goes back, when that wall clock happened twice: of the two
// instants it picks the one nearer to when the file was written (mod).
// Any other time has one instant, which it returns as it is.
func legacyInstant(t, mod time.Time) time.Time {
	if mod.IsZero() {
		return t
	}
	_, off := t.Zone()
	best := t
	for _, near := range []time.Time{t.Add(-3 * time.Hour), t.Add(3 * time.Hour)} {
		_, o := near.Zone()
		alt := t.Add(time.Duration(off-o) * time.Second)
		if o == off || alt.Format("2006-01-02 15:04") != t.Format("2006-01-02 15:04") {
			continue // not the same wall clock: that instant is not this name's
		}
		if alt.Sub(mod).Abs() < best.Sub(mod).Abs() {
			best = alt
		}
	}
	return best
}

// List returns the backups of the practice file practicePath in folder,
// newest first, the copies made before a restore among them (marked
// BeforeRestore). Other files, other practices' backups among them, are
// ignored; a missing folder is an empty list.
func List(folder, practicePath string, loc *time.Location) ([]Entry, error) {
	return list(OS{}, folder, Prefix(practicePath), loc)
}

func list(fsys FS, folder, prefix string, loc *time.Location) ([]Entry, error) {
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
		e, ok := ParseNameFor(prefix, de.Name(), loc)
		if !ok {
			continue
		}
		if fi, err := de.Info(); err == nil {
			e.Size, e.modTime = fi.Size(), fi.ModTime()
		}
		if e.noOffset {
			e.Time = legacyInstant(e.Time, e.modTime)
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

// newer orders backups newest first by the real time: the instant parsed
// from the name (never the name's text), then the sequence number; two
// names for one instant (the hour a clock goes back repeats its times) go
// by when the files were written.
func newer(a, b Entry) bool {
	if !a.Time.Equal(b.Time) {
		return a.Time.After(b.Time)
	}
	if !a.modTime.Equal(b.modTime) && a.BeforeRestore == b.BeforeRestore {
		return a.modTime.After(b.modTime)
	}
	if a.Seq != b.Seq {
		return a.Seq > b.Seq
	}
	return a.Name > b.Name
}

// isTemp reports whether name is a backup still being written (or left by
// an interrupted one).
func isTemp(name string) bool { return strings.HasPrefix(name, tempPrefix) }
