package main

import (
	"fmt"
	"os"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/stillpoint/stillpoint"
	"github.com/stillpoint/stillpoint/data"
)

func TestAppVersionReadsFyneAppToml(t *testing.T) {
	for _, c := range []struct{ toml, want string }{
		{"[Details]\nName = \"X\"\nVersion = \"1.2.3\"\n", "1.2.3"},
		{"[Details]\n  Version=\"2.0.0\"  # next\n", "2.0.0"},
		{"[Other]\nVersion = \"9\"\n[Details]\nName = \"X\"\n", "unknown"},
		{"[Details]\nVersion = 1\n", "unknown"},
		{"", "unknown"},
	} {
		if got := appVersion([]byte(c.toml)); got != c.want {
			t.Errorf("appVersion(%q) = %q, want %q", c.toml, got, c.want)
		}
	}
	// The embedded file is the one at the module root.
	file, err := os.ReadFile("../../FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := appVersion(stillpoint.FyneAppTOML), appVersion(file); got != want || got == "unknown" {
		t.Errorf("embedded version %q, FyneApp.toml says %q", got, want)
	}
}

func TestReadBuildUsesVCSSettings(t *testing.T) {
	toml := []byte("[Details]\nVersion = \"1.2.3\"\n")
	bi := &debug.BuildInfo{Settings: []debug.BuildSetting{
		{Key: "vcs", Value: "git"},
		{Key: "vcs.revision", Value: "6580647a9fac37ad3596caa17a84c58b5ca19ec8"},
		{Key: "vcs.time", Value: "2026-11-30T05:43:06+01:00"},
		{Key: "vcs.modified", Value: "true"},
	}}
	b := readBuild(toml, bi)
	want := fmt.Sprintf("stillpoint 1.2.3 (schema %d)\ncommit: 6580647a9fac (modified)\ndate: 2026-11-30T04:43:06Z\n",
		data.LatestSchema())
	if got := versionText(b); got != want {
		t.Errorf("versionText = %q, want %q", got, want)
	}
	none := versionText(readBuild(toml, nil))
	if !strings.Contains(none, "commit: unknown") || !strings.Contains(none, "date: unknown") {
		t.Errorf("without build information: %q", none)
	}
}
