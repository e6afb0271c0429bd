package backup

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// faultFS is the real file system with faults injected into backup files
// (those with the temporary prefix) once limit bytes were written:
// diskFull fails writes with ENOSPC; pulled makes every later operation
// fail with EIO, as when a USB stick is pulled out (the files written so
// far stay on the stick); corrupt flips a byte of everything written.
type faultFS struct {
	OS
	limit    int64
	diskFull bool
	pulled   bool
	corrupt  bool
	written  int64
	gone     bool
}

func (f *faultFS) check(op string) error {
	if f.gone {
		return &fs.PathError{Op: op, Path: "backup", Err: syscall.EIO}
	}
	return nil
}

func (f *faultFS) MkdirAll(dir string) error {
	if err := f.check("mkdir"); err != nil {
		return err
	}
	return f.OS.MkdirAll(dir)
}

func (f *faultFS) Create(name string) (File, error) {
	if err := f.check("create"); err != nil {
		return nil, err
	}
	file, err := f.OS.Create(name)
	if err != nil {
		return nil, err
	}
	return &faultFile{File: file, fs: f}, nil
}

func (f *faultFS) Open(name string) (io.ReadCloser, error) {
	if err := f.check("open"); err != nil {
		return nil, err
	}
	return f.OS.Open(name)
}

func (f *faultFS) Rename(from, to string) error {
	if err := f.check("rename"); err != nil {
		return err
	}
	return f.OS.Rename(from, to)
}

func (f *faultFS) Remove(name string) error {
	if err := f.check("remove"); err != nil {
		return err
	}
	return f.OS.Remove(name)
}

func (f *faultFS) ReadDir(dir string) ([]fs.DirEntry, error) {
	if err := f.check("readdir"); err != nil {
		return nil, err
	}
	return f.OS.ReadDir(dir)
}

func (f *faultFS) SyncDir(dir string) error {
	if err := f.check("sync"); err != nil {
		return err
	}
	return f.OS.SyncDir(dir)
}

type faultFile struct {
	File
	fs *faultFS
}

func (w *faultFile) Write(p []byte) (int, error) {
	f := w.fs
	if err := f.check("write"); err != nil {
		return 0, err
	}
	if f.corrupt {
		p = append([]byte(nil), p...)
		p[len(p)/2] ^= 0xff
	}
	if (f.diskFull || f.pulled) && f.written+int64(len(p)) > f.limit {
		n := f.limit - f.written
		if n > 0 {
			w.File.Write(p[:n]) //nolint:errcheck // a partial write, like the device's
		}
		f.written = f.limit
		if f.pulled {
			f.gone = true
			return int(max(n, 0)), &fs.PathError{Op: "write", Path: "backup", Err: syscall.EIO}
		}
		return int(max(n, 0)), &fs.PathError{Op: "write", Path: "backup", Err: syscall.ENOSPC}
	}
	f.written += int64(len(p))
	return w.File.Write(p)
}

func (w *faultFile) Sync() error {
	if err := w.fs.check("sync"); err != nil {
		return err
	}
	return w.File.Sync()
}

func TestDiskFullLeavesEarlierBackupsAndNoLitter(t *testing.T) {
	for _, enc := range []string{"", "a long passphrase"} {
		t.Run(fmt.Sprintf("encrypted=%v", enc != ""), func(t *testing.T) {
			ctx, st, c := samplePractice(t)
			folder := t.TempDir()
			first, err := Make(ctx, st, Options{Folder: folder, Passphrase: enc, WorkFactor: testWork})
			if err != nil {
				t.Fatal(err)
			}
			before := readFile(t, first.Path)
			c.set(c.now().Add(24 * time.Hour))
			_, err = Make(ctx, st, Options{Folder: folder, Passphrase: enc, WorkFactor: testWork,
				FS: &faultFS{diskFull: true, limit: 20_000}})
			if !errors.Is(err, ErrDiskFull) || !strings.Contains(UserMessage(err), "disk is full") ||
				!strings.Contains(UserMessage(err), "earlier backups are untouched") {
				t.Fatalf("got %v / %q", err, UserMessage(err))
			}
			if got := names(t, folder); len(got) != 1 || got[0] != first.Name {
				t.Errorf("folder holds %v, want only %s", got, first.Name)
			}
			if !bytes.Equal(readFile(t, first.Path), before) {
				t.Error("the earlier backup changed")
			}
			noLitter(t, folder, filepath.Dir(st.Path()))
		})
	}
}

func TestPulledStickLeavesEarlierBackupsAndTheNextBackupClearsUp(t *testing.T) {
	ctx, st, c := samplePractice(t)
	folder := t.TempDir()
	first, err := Make(ctx, st, Options{Folder: folder})
	if err != nil {
		t.Fatal(err)
	}
	before := readFile(t, first.Path)
	c.set(c.now().Add(24 * time.Hour))
	_, err = Make(ctx, st, Options{Folder: folder, FS: &faultFS{pulled: true, limit: 50_000}})
	if !errors.Is(err, ErrFolderGone) || !strings.Contains(UserMessage(err), "USB stick") {
		t.Fatalf("got %v / %q", err, UserMessage(err))
	}
	// The stick is back: the earlier backup is whole; the cut-off file is
	// only ever a temporary name, never a backup.
	if !bytes.Equal(readFile(t, first.Path), before) {
		t.Error("the earlier backup changed")
	}
	es, _ := List(folder, st.Path(), time.UTC)
	if len(es) != 1 {
		t.Errorf("backups listed after the pull: %+v", es)
	}
	var temps []string
	for _, n := range names(t, folder) {
		if isTemp(n) {
			temps = append(temps, n)
			old := time.Now().Add(-2 * staleTemp)
			os.Chtimes(filepath.Join(folder, n), old, old) //nolint:errcheck // checked below
		}
	}
	if len(temps) != 1 {
		t.Fatalf("expected the cut-off temporary file, got %v", names(t, folder))
	}
	noLitter(t, filepath.Dir(st.Path()))
	c.set(c.now().Add(time.Hour))
	if _, err := Make(ctx, st, Options{Folder: folder}); err != nil {
		t.Fatal(err)
	}
	noLitter(t, folder)
}

// TestDiskFullOnARealSmallDisk fills a real tmpfs (mounting needs root;
// elsewhere the seam test above covers the logic).
func TestDiskFullOnARealSmallDisk(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("mounting a small tmpfs needs root; TestDiskFullLeavesEarlierBackupsAndNoLitter covers the logic")
	}
	ctx, st, c := samplePractice(t)
	probe := t.TempDir()
	first, err := Make(ctx, st, Options{Folder: probe})
	if err != nil {
		t.Fatal(err)
	}
	size := first.Size
	folder := t.TempDir()
	// Room for one backup and a half: the second cannot fit.
	opt := fmt.Sprintf("size=%dk", (size*3/2)/1024+8)
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", opt, "tmpfs", folder).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs here (%v: %s); the seam test covers the logic", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", folder).Run() }) //nolint:errcheck // cleanup
	one, err := Make(ctx, st, Options{Folder: folder})
	if err != nil {
		t.Fatal(err)
	}
	before := readFile(t, one.Path)
	c.set(c.now().Add(24 * time.Hour))
	_, err = Make(ctx, st, Options{Folder: folder})
	if !errors.Is(err, ErrDiskFull) {
		t.Fatalf("got %v, want ErrDiskFull", err)
	}
	if got := names(t, folder); len(got) != 1 || got[0] != one.Name {
		t.Errorf("folder holds %v", got)
	}
	if !bytes.Equal(readFile(t, one.Path), before) {
		t.Error("the earlier backup changed")
	}
}
