// Package stillpoint holds Stillpoint's app metadata, FyneApp.toml, and its
// licence, embedded so that the binary reports the version the file declares
// and shows the licence it is under: FyneApp.toml is the one place a
// release's version is written (the packaging tools read it too). The app
// itself is in cmd/stillpoint, gui and data.
package stillpoint

import _ "embed" // for the //go:embed directive below

// FyneAppTOML is the content of FyneApp.toml at the module root.
//
//go:embed FyneApp.toml
var FyneAppTOML []byte

// License is the text of the LICENSE file (the MIT License).
//
//go:embed LICENSE
var License string
