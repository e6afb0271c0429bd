// Package export writes everything a practice holds as files a person or
// another program can read without Stillpoint: one CSV file per kind of
// record, every signed document as a PDF, and a README.txt explaining them.
// All writes the whole practice into a new folder; Client writes one
// client's complete record (for an access request) into a .zip file.
//
// Nothing half-made ever carries a final name: an export is written into a
// hidden ".stillpoint-export-partial-*" folder or file beside its target and
// renamed only when complete and recorded in the audit log. A cancelled or
// failed export removes its partial files.
package export

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/stillpoint/stillpoint/data"
)

// PartialPrefix starts the name of a folder or file still being written.
const PartialPrefix = ".stillpoint-export-partial-"

// Progress is how far an export has come: Done of Total steps (a CSV file,
// a PDF or the README each count one), and what it is doing now. The first
// report (Done 0) comes before anything is written and says what will be:
// Sheets CSV files and Documents PDFs; PDFsDone counts the PDFs written.
type Progress struct {
	Step        string
	Done, Total int
	Sheets      int
	Documents   []DocumentCount // PDFs per folder, in folder order
	PDFs        int             // all PDFs of the export
	PDFsDone    int
}

// DocumentCount is how many PDFs an export writes into one folder.
type DocumentCount struct {
	Folder string // "notes", "care-plans", "receipts"
	Count  int
}

// Options tune an export. The zero value is fine.
type Options struct {
	// Progress, when set, is called after each step, from the exporting
	// goroutine (a GUI must hand it to its own goroutine).
	Progress func(Progress)
	// Workers render PDFs at once; 0 means one per processor.
	Workers int
}

func (o Options) workers() int {
	if o.Workers > 0 {
		return o.Workers
	}
	return max(1, runtime.NumCPU())
}

// All exports the whole practice into a new folder inside dir, named
// "Stillpoint export YYYY-MM-DD" (with " (2)" and so on when taken), and
// returns its path. The export is written to the audit log before the
// folder gets its name. st must be open for writing (the audit line).
func All(ctx context.Context, st *data.Store, dir string, opt Options) (string, error) {
	m, err := st.Moment(ctx)
	if err != nil {
		return "", fmt.Errorf("export: read the practice's clock: %w", err)
	}
	sweepPartials(dir, m.Now)
	partial, err := os.MkdirTemp(dir, PartialPrefix+"*")
	if err != nil {
		return "", fmt.Errorf("export: cannot write in %s: %w", dir, err)
	}
	fail := func(err error) (string, error) {
		os.RemoveAll(partial) //nolint:errcheck // the export's own error matters more
		return "", err
	}
	if err := run(ctx, st, folderSink{dir: partial}, 0, opt); err != nil {
		return fail(err)
	}
	if err := st.RecordExport(ctx, data.AuditPractice, 0); err != nil {
		return fail(fmt.Errorf("export: the audit log could not record it, so no export was kept: %w", err))
	}
	final, err := rename(partial, dir, "Stillpoint export "+m.Today.String(), "")
	if err != nil {
		return fail(err)
	}
	return final, nil
}

// rename moves a finished partial folder or file to base+ext in dir, or
// "base (2)"+ext and so on when that name is taken.
func rename(partial, dir, base, ext string) (string, error) {
	for n := 1; n < 1000; n++ {
		name := base
		if n > 1 {
			name = fmt.Sprintf("%s (%d)", base, n)
		}
		final := filepath.Join(dir, name+ext)
		if _, err := os.Lstat(final); !errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err := os.Rename(partial, final); err != nil {
			return "", fmt.Errorf("export: cannot name the export %s: %w", final, err)
		}
		return final, nil
	}
	return "", fmt.Errorf("export: %s already has 999 exports named %q", dir, base)
}

// run writes every sheet, every document and the README into out, for one
// client or (clientID 0) everyone.
func run(ctx context.Context, st *data.Store, out sink, clientID int64, opt Options) error {
	sheets := data.ExportSheets()
	if clientID != 0 {
		sheets = perClient(sheets)
	}
	var jobs []docJob
	var counts []int
	pictures := 0
	err := st.ReadExport(ctx, func(r *data.ExportReader) error {
		var err error
		if jobs, err = listDocs(ctx, r, clientID); err != nil {
			return err
		}
		p := progress{opt: opt, total: len(sheets) + len(jobs) + 1, pdfs: len(jobs)}
		p.start(len(sheets), jobs)
		counts = make([]int, len(sheets))
		for i, sh := range sheets {
			if counts[i], err = writeSheet(ctx, r, out, sh, clientID); err != nil {
				return err
			}
			n, err := writePictures(r, out)
			if err != nil {
				return err
			}
			pictures += n
			p.step("Wrote " + sh.File)
		}
		return nil
	})
	if err != nil {
		return err
	}
	p := progress{opt: opt, done: len(sheets), total: len(sheets) + len(jobs) + 1, pdfs: len(jobs)}
	if err := writeDocs(ctx, st, out, jobs, opt.workers(), &p); err != nil {
		return err
	}
	info, err := readmeInfo(ctx, st, clientID, sheets, counts, jobs)
	if err != nil {
		return err
	}
	info.pictures = pictures
	if err := out.put("README.txt", info.write); err != nil {
		return err
	}
	p.step("Wrote README.txt")
	return out.close()
}

// perClient keeps the sheets that hold one client's rows.
func perClient(sheets []data.ExportSheet) []data.ExportSheet {
	var out []data.ExportSheet
	for _, sh := range sheets {
		if sh.PerClient() {
			out = append(out, sh)
		}
	}
	return out
}

// progress counts steps and reports them.
type progress struct {
	opt            Options
	done, total    int
	pdfs, pdfsDone int
}

// start reports what the export will write, before it writes anything.
func (p *progress) start(sheets int, jobs []docJob) {
	if p.opt.Progress == nil {
		return
	}
	var docs []DocumentCount
	for _, j := range jobs {
		if len(docs) == 0 || docs[len(docs)-1].Folder != j.kind.dir {
			docs = append(docs, DocumentCount{Folder: j.kind.dir})
		}
		docs[len(docs)-1].Count++
	}
	p.opt.Progress(Progress{Step: "Getting ready", Total: p.total, Sheets: sheets, Documents: docs, PDFs: p.pdfs})
}

func (p *progress) step(what string) {
	p.done++
	if p.opt.Progress != nil {
		p.opt.Progress(Progress{Step: what, Done: p.done, Total: p.total, PDFs: p.pdfs, PDFsDone: p.pdfsDone})
	}
}

// pdf counts one PDF written and reports it.
func (p *progress) pdf(what string) {
	p.pdfsDone++
	p.step(what)
}

// partialsStaleAfter is how old an export's partial folder or zip must be
// before a later export takes it for the leftover of a killed run.
const partialsStaleAfter = time.Hour

// sweepPartials removes what an export killed part-way (the power cut, kill
// -9) left in dir: hidden partial folders and zips of ours older than
// partialsStaleAfter. They hold client records nobody can see, so they
// must not stay.
func sweepPartials(dir string, now time.Time) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, en := range entries {
		if !strings.HasPrefix(en.Name(), PartialPrefix) {
			continue
		}
		if info, err := en.Info(); err == nil && now.Sub(info.ModTime()) > partialsStaleAfter {
			os.RemoveAll(filepath.Join(dir, en.Name())) //nolint:errcheck // best effort: the export goes on
		}
	}
}
