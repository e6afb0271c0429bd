package backup

import (
	"fmt"
	"path/filepath"
	"time"
)

// Policy says how many backups rotation keeps: the newest backup of each of
// the Daily most recent days that have a backup, of each of the Weekly most
// recent weeks (ISO weeks, Monday to Sunday) and of each of the Monthly most
// recent calendar months; and the Manual newest backups made on purpose
// (Entry.Manual), whatever their day. A backup kept for any reason stays;
// the others are removed.
type Policy struct {
	Daily, Weekly, Monthly int
	Manual                 int
}

// DefaultPolicy keeps 7 daily, 4 weekly and 12 monthly backups, and the 5
// newest made on purpose.
var DefaultPolicy = Policy{Daily: 7, Weekly: 4, Monthly: 12, Manual: 5}

// orDefault is p, or DefaultPolicy when p is the zero Policy.
func (p Policy) orDefault() Policy {
	if p == (Policy{}) {
		return DefaultPolicy
	}
	return p
}

// Keep returns which of the backups (in any order) the policy keeps, by
// name. Periods are counted from the backups themselves, not from today,
// so a laptop left off for a month does not lose its older backups, and
// the newest backup is always kept (when Daily ≥ 1). Days, weeks and months
// are those of each backup's Time (the local time in its name).
func (p Policy) Keep(entries []Entry) map[string]bool {
	sorted := append([]Entry(nil), entries...)
	sortNewestFirst(sorted)
	keep := map[string]bool{}
	buckets := []struct {
		n   int
		key func(time.Time) string
	}{
		{p.Daily, func(t time.Time) string { return t.Format("2006-01-02") }},
		{p.Weekly, func(t time.Time) string { y, w := t.ISOWeek(); return fmt.Sprintf("%d-W%02d", y, w) }},
		{p.Monthly, func(t time.Time) string { return t.Format("2006-01") }},
	}
	for _, b := range buckets {
		last, n := "", 0
		for _, e := range sorted {
			if n >= b.n {
				break
			}
			if k := b.key(e.Time); k != last {
				keep[e.Name] = true // the newest backup of this period
				last = k
				n++
			}
		}
	}
	n := 0
	for _, e := range sorted {
		if e.Manual && n < p.Manual {
			keep[e.Name] = true
			n++
		}
	}
	return keep
}

// Rotate removes the backups of the practice whose Prefix is prefix in
// folder that p does not keep (see Policy) and returns their names. Only
// that practice's backups are touched, and never a copy made before a
// restore (Entry.BeforeRestore): the restore promised to keep it.
func Rotate(fsys FS, folder, prefix string, loc *time.Location, p Policy) ([]string, error) {
	fsys = orOS(fsys)
	all, err := list(fsys, folder, prefix, loc)
	if err != nil {
		return nil, err
	}
	var entries []Entry
	for _, e := range all {
		if !e.BeforeRestore {
			entries = append(entries, e)
		}
	}
	keep := p.orDefault().Keep(entries)
	var removed []string
	for _, e := range entries {
		if keep[e.Name] {
			continue
		}
		if err := fsys.Remove(filepath.Join(folder, e.Name)); err != nil {
			return removed, destError(folder, fmt.Errorf("remove old backup %s: %w", e.Name, err))
		}
		removed = append(removed, e.Name)
	}
	return removed, nil
}
