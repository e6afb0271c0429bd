//go:build !unix

package data

// identityLockPath has no identity lock on systems without inode numbers
// in os.FileInfo: only the path lock guards the file there.
func identityLockPath(string) (string, bool, error) { return "", false, nil }

// isReadOnlyFS is false where the read-only file system error is not known;
// such a write is still refused as a permission error.
func isReadOnlyFS(error) bool { return false }
