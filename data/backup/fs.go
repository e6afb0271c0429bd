package backup

import (
	"errors"
	"io"
	"io/fs"
	"os"
)

// FS is what a backup does to the destination folder. OS is the real one;
// tests pass one that fails like a full disk or a pulled USB stick, so the
// failure paths are tested without such a disk (and as root, who ignores
// file permissions).
type FS interface {
	// MkdirAll makes the folder and its parents (mode 0700).
	MkdirAll(dir string) error
	// Create makes a new file (mode 0600), failing when it exists.
	Create(name string) (File, error)
	// Open opens a file for reading.
	Open(name string) (io.ReadCloser, error)
	// Rename moves a file within one folder, replacing the target.
	Rename(from, to string) error
	// Remove removes a file.
	Remove(name string) error
	// ReadDir lists a folder.
	ReadDir(dir string) ([]fs.DirEntry, error)
	// SyncDir flushes a folder's entries to disk.
	SyncDir(dir string) error
}

// File is a file being written.
type File interface {
	io.Writer
	Sync() error
	Close() error
}

// OS is the operating system's file system.
type OS struct{}

// MkdirAll implements FS.
func (OS) MkdirAll(dir string) error { return os.MkdirAll(dir, 0o700) }

// Create implements FS.
func (OS) Create(name string) (File, error) {
	return os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
}

// Open implements FS.
func (OS) Open(name string) (io.ReadCloser, error) { return os.Open(name) }

// Rename implements FS.
func (OS) Rename(from, to string) error { return os.Rename(from, to) }

// Remove implements FS.
func (OS) Remove(name string) error { return os.Remove(name) }

// ReadDir implements FS.
func (OS) ReadDir(dir string) ([]fs.DirEntry, error) { return os.ReadDir(dir) }

// SyncDir implements FS. A system that cannot sync a folder (Windows) is
// not an error.
func (OS) SyncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, fs.ErrInvalid) && !errors.Is(err, fs.ErrPermission) {
		return err
	}
	return nil
}

// orOS is fsys, or the real file system when it is nil.
func orOS(fsys FS) FS {
	if fsys == nil {
		return OS{}
	}
	return fsys
}
