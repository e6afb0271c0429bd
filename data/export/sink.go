package export

import (
	"archive/zip"
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"
)

// A sink receives the files of an export one at a time, from one goroutine.
type sink interface {
	// put writes the file name (slash-separated, relative) with write.
	put(name string, write func(io.Writer) error) error
	// close finishes the export (the zip's directory); nothing is written after.
	close() error
}

// folderSink writes files into a folder.
type folderSink struct{ dir string }

func (s folderSink) put(name string, write func(io.Writer) error) error {
	path := filepath.Join(s.dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("export: cannot make folder for %s: %w", name, err)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return fmt.Errorf("export: cannot write %s: %w", name, err)
	}
	b := bufio.NewWriterSize(f, 64<<10)
	err = write(b)
	if err == nil {
		err = b.Flush()
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("export: cannot write %s: %w", name, err)
	}
	return nil
}

func (s folderSink) close() error { return nil }

// zipSink writes files into a zip archive under one folder name, all with
// the same modification time (the export's), so equal records give equal
// archives.
type zipSink struct {
	zw     *zip.Writer
	folder string
	at     time.Time
}

func (s *zipSink) put(name string, write func(io.Writer) error) error {
	w, err := s.zw.CreateHeader(&zip.FileHeader{Name: s.folder + "/" + name, Method: zip.Deflate, Modified: s.at})
	if err != nil {
		return fmt.Errorf("export: cannot add %s to the zip file: %w", name, err)
	}
	if err := write(w); err != nil {
		return fmt.Errorf("export: cannot add %s to the zip file: %w", name, err)
	}
	return nil
}

func (s *zipSink) close() error {
	if err := s.zw.Close(); err != nil {
		return fmt.Errorf("export: cannot finish the zip file: %w", err)
	}
	return nil
}
