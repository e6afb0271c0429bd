package main

import (
	"context"
	"fmt"

	"github.com/stillpoint/stillpoint/data"
)

// check reports the practice file's schema, integrity and record counts,
// and exits 1 when anything is wrong. It never creates a file.
func (e *env) check(args []string) int {
	fset := e.flags("check")
	if code, ok := e.parse(fset, args, "check"); !ok {
		return code
	}
	if code, ok := e.noArgs(fset, "check"); !ok {
		return code
	}
	path, code, ok := e.practice("check", true)
	if !ok {
		return code
	}
	ctx := context.Background()
	rep, err := data.CheckFile(ctx, path) // read-only: never creates, migrates or writes
	if err != nil {
		return e.fail("check", "%s", openMessage(path, err))
	}
	out := e.stdout
	fmt.Fprintf(out, "file: %s\n", rep.Path)
	fmt.Fprintf(out, "schema: %d (latest %d)\n", rep.SchemaVersion, rep.LatestSchema)
	if rep.SchemaVersion < rep.LatestSchema {
		fmt.Fprintln(out, "  (an older schema: Stillpoint upgrades it the next time it opens the file)")
	}
	fmt.Fprintf(out, "quick_check: %s\n", rep.QuickCheck)
	if rep.QuickCheck != "ok" {
		fmt.Fprintln(out, "  (the file is damaged: foreign keys and record counts were not read)")
		return e.fail("check", "%s is damaged. Restore it from a backup; check has not changed it.", path)
	}
	if rep.ForeignKeys == 0 {
		fmt.Fprintln(out, "foreign keys: ok")
	} else {
		fmt.Fprintf(out, "foreign keys: %d rows point at missing records\n", rep.ForeignKeys)
	}
	fmt.Fprintf(out, "demo: %s\n", map[bool]string{true: "yes", false: "no"}[rep.Demo])
	for _, table := range append(data.CountedTables(), "practice") {
		fmt.Fprintf(out, "%s: %d\n", table, rep.Counts[table])
	}
	if !rep.OK() {
		return e.fail("check", "problems found in %s", path)
	}
	return exitOK
}
