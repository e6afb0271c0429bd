package csvimport

import (
	"context"
	"fmt"

	"github.com/stillpoint/stillpoint/data"
)

// Load builds the preview of t against the practice in st: its clients for
// duplicates, its date for dates of birth. opt.Today is taken from st.
func Load(ctx context.Context, st *data.Store, t *Table, opt Options) (*Preview, error) {
	keys, err := st.ClientKeys(ctx)
	if err != nil {
		return nil, fmt.Errorf("import preview: %w", err)
	}
	if opt.Today, err = st.Today(ctx); err != nil {
		return nil, fmt.Errorf("import preview: %w", err)
	}
	return Build(t, keys, opt)
}

// Import writes the preview's batch (Preview.Batch) in one transaction:
// all of it, or nothing when any part fails.
func Import(ctx context.Context, st *data.Store, p *Preview) (data.ClientImportResult, error) {
	res, err := st.ImportClients(ctx, p.Batch())
	if err != nil {
		return res, fmt.Errorf("import clients: %w", err)
	}
	return res, nil
}
