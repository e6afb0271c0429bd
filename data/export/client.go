package export

import (
	"archive/zip"
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/stillpoint/stillpoint/data"
	"github.com/stillpoint/stillpoint/data/pdf"
)

// Client exports the complete record of one client (their rows of every
// CSV file, their signed documents as PDFs and a README.txt) as a .zip file
// in dir, for a client's request to see or take their record: one file is
// easy to e-mail or copy. It returns the zip file's path ("Record of Zoë
// Müller 2026-03-04.zip"). The export is written to the audit log (the
// client's record left the practice) before the file gets its name.
func Client(ctx context.Context, st *data.Store, clientID int64, dir string, opt Options) (string, error) {
	c, err := st.Client(ctx, clientID)
	if err != nil {
		return "", fmt.Errorf("export: read client %d: %w", clientID, err)
	}
	m, err := st.Moment(ctx)
	if err != nil {
		return "", fmt.Errorf("export: read the practice's clock: %w", err)
	}
	base := strings.TrimSuffix(pdf.FileName("Record of "+c.FormalName(), "", m.Today), ".pdf")
	sweepPartials(dir, m.Now)
	f, err := os.CreateTemp(dir, PartialPrefix+"*.zip")
	if err != nil {
		return "", fmt.Errorf("export: cannot write in %s: %w", dir, err)
	}
	fail := func(err error) (string, error) {
		f.Close()           //nolint:errcheck // the export's own error matters more
		os.Remove(f.Name()) //nolint:errcheck
		return "", err
	}
	zs := &zipSink{zw: zip.NewWriter(f), folder: base, at: m.Now}
	if err := run(ctx, st, zs, clientID, opt); err != nil {
		return fail(err)
	}
	if err := f.Sync(); err != nil {
		return fail(fmt.Errorf("export: cannot write %s: %w", f.Name(), err))
	}
	if err := f.Close(); err != nil {
		return fail(fmt.Errorf("export: cannot write %s: %w", f.Name(), err))
	}
	if err := st.RecordExport(ctx, data.AuditClient, clientID); err != nil {
		return fail(fmt.Errorf("export: the audit log could not record it, so no export was kept: %w", err))
	}
	final, err := rename(f.Name(), dir, base, ".zip")
	if err != nil {
		os.Remove(f.Name()) //nolint:errcheck // the rename's error matters more
		return "", err
	}
	return final, nil
}
