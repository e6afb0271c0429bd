package main

import (
	"bufio"
	"bytes"
	"fmt"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/stillpoint/stillpoint"
	"github.com/stillpoint/stillpoint/data"
	"github.com/stillpoint/stillpoint/gui"
)

// buildInfo is what `stillpoint version` and the About dialog show: the
// release from FyneApp.toml, and the commit it was built from with that
// commit's date, both from the build information Go embeds in the binary
// (debug.ReadBuildInfo's vcs settings), so nothing is kept by hand.
type buildInfo struct {
	Version  string // e.g. "0.1.0"; "unknown" when FyneApp.toml has none
	Commit   string // the full revision, "" when built outside a git checkout
	Modified bool   // the checkout had uncommitted changes
	Date     string // the commit's time in UTC, RFC 3339; "" when unknown
}

// currentBuild reads the running binary's version, commit and date.
func currentBuild() buildInfo {
	bi, _ := debug.ReadBuildInfo()
	return readBuild(stillpoint.FyneAppTOML, bi)
}

// readBuild combines FyneApp.toml's version with the vcs settings of bi
// (which may be nil).
func readBuild(fyneApp []byte, bi *debug.BuildInfo) buildInfo {
	b := buildInfo{Version: appVersion(fyneApp)}
	if bi == nil {
		return b
	}
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			b.Commit = s.Value
		case "vcs.modified":
			b.Modified = s.Value == "true"
		case "vcs.time":
			if t, err := time.Parse(time.RFC3339, s.Value); err == nil {
				b.Date = t.UTC().Format(time.RFC3339)
			}
		}
	}
	return b
}

// ShortCommit is the commit's first 12 hex digits, with " (modified)" when
// the checkout had uncommitted changes, or "unknown".
func (b buildInfo) ShortCommit() string {
	if b.Commit == "" {
		return "unknown (not built from a git checkout)"
	}
	c := b.Commit
	if len(c) > 12 {
		c = c[:12]
	}
	if b.Modified {
		c += " (modified)"
	}
	return c
}

// DateText is the commit's date for people, or "unknown".
func (b buildInfo) DateText() string {
	if b.Date == "" {
		return "unknown"
	}
	return b.Date
}

// appVersion is the Version value of FyneApp.toml's [Details] table, or
// "unknown". It reads only the simple `Key = "value"` lines that file uses.
func appVersion(toml []byte) string {
	section := ""
	sc := bufio.NewScanner(bytes.NewReader(toml))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if strings.HasPrefix(line, "[") {
			section = strings.Trim(line, "[] ")
			continue
		}
		key, value, ok := strings.Cut(line, "=")
		if !ok || section != "Details" || strings.TrimSpace(key) != "Version" {
			continue
		}
		value = strings.TrimSpace(value)
		if i := strings.Index(value, "#"); i > 0 && strings.HasSuffix(strings.TrimSpace(value[:i]), `"`) {
			value = strings.TrimSpace(value[:i]) // a comment after the value
		}
		if v, err := strconv.Unquote(value); err == nil && v != "" {
			return v
		}
	}
	return "unknown"
}

// versionText is the output of `stillpoint version`.
func versionText(b buildInfo) string {
	return fmt.Sprintf("stillpoint %s (schema %d)\ncommit: %s\ndate: %s\n",
		b.Version, data.LatestSchema(), b.ShortCommit(), b.DateText())
}

// guiOptions is how the app starts on the practice file at path.
func (e *env) guiOptions(path string) gui.Options {
	b := currentBuild()
	return gui.Options{DBPath: path, Version: b.Version, Commit: b.ShortCommit(), BuildDate: b.DateText()}
}
