//go:build !unix

package data

import "os"

// dirWritable reports whether this process may create files in dir, by
// making (and removing) a small file there.
func dirWritable(dir string) bool {
	f, err := os.CreateTemp(dir, ".stillpoint-probe-*")
	if err != nil {
		return false
	}
	name := f.Name()
	f.Close()
	os.Remove(name)
	return true
}
