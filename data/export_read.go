package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// ExportReader reads the sheets of an export inside one read transaction,
// so every file of an export shows the practice at the same moment even
// while the app keeps saving.
type ExportReader struct {
	tx       *sql.Tx
	loc      *time.Location
	currency string
	pictures []ExportPicture // met by Rows, for TakePictures
}

// ReadExport runs fn with a reader over one consistent snapshot of the
// practice file. It never writes.
func (s *Store) ReadExport(ctx context.Context, fn func(r *ExportReader) error) error {
	m, err := s.Moment(ctx)
	if err != nil {
		return fmt.Errorf("export: read the practice's clock: %w", err)
	}
	p, err := s.Practice(ctx)
	if err != nil {
		return fmt.Errorf("export: read the practice: %w", err)
	}
	tx, err := s.r.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("export: start reading: %w", err)
	}
	defer tx.Rollback() //nolint:errcheck // a read transaction: nothing to keep
	return fn(&ExportReader{tx: tx, loc: m.Loc, currency: p.Currency})
}

// Headers are the header row of sheet: its columns' headers, and
// "Currency" when it holds money but no currency column of its own.
func (r *ExportReader) Headers(sh ExportSheet) []string {
	out := make([]string, 0, len(sh.Columns)+1)
	for _, c := range sh.Columns {
		out = append(out, c.Header)
	}
	if sh.HasMoney() && !sh.HasCurrency() {
		out = append(out, "Currency")
	}
	return out
}

// Rows calls fn with each row of sheet as text cells (in Headers' order),
// for every client when clientID is 0, else for that client only. The cells
// are plain values: dates YYYY-MM-DD, instants ISO 8601 in the practice's
// time zone, money as a decimal amount. fn may keep no reference to cells.
func (r *ExportReader) Rows(ctx context.Context, sh ExportSheet, clientID int64, fn func(cells []string) error) error {
	if clientID != 0 && !sh.PerClient() {
		return nil
	}
	names := make([]string, len(sh.Columns))
	for i, c := range sh.Columns {
		names[i] = c.SQL
	}
	if sh.health {
		names = []string{"id", "client_id", "recorded_at", "snapshot"}
	}
	q := "SELECT " + strings.Join(names, ", ") + " FROM " + sh.from
	var args []any
	if clientID != 0 {
		q += " WHERE " + sh.client
		args = append(args, clientID)
	}
	// SQLite steps faster without a cancellable context (go-sqlite3 then
	// arms no interrupt per statement); cancellation is checked here every
	// 1,024 rows instead.
	rows, err := r.tx.QueryContext(context.WithoutCancel(ctx), q+" ORDER BY "+sh.order, args...)
	if err != nil {
		if cerr := ctx.Err(); cerr != nil {
			return cerr // a cancel also ends the transaction
		}
		return fmt.Errorf("export %s: %w", sh.File, err)
	}
	defer rows.Close()
	vals := make([]any, len(names))
	ptrs := make([]any, len(names))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	cells := r.Headers(sh)
	for n := 1; rows.Next(); n++ {
		if n%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if err := rows.Scan(ptrs...); err != nil {
			return fmt.Errorf("export %s: %w", sh.File, err)
		}
		if sh.health {
			err = r.healthCells(sh, vals, cells)
		} else {
			r.cells(sh, vals, cells)
		}
		if err != nil {
			return fmt.Errorf("export %s: %w", sh.File, err)
		}
		if err := fn(cells); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		if cerr := ctx.Err(); cerr != nil {
			return cerr
		}
		return fmt.Errorf("export %s: %w", sh.File, err)
	}
	return nil
}

// cells writes one row's values as text into out.
func (r *ExportReader) cells(sh ExportSheet, vals []any, out []string) {
	currency := r.currency
	for i, c := range sh.Columns {
		if c.SQL == "currency" {
			currency = text(vals[i])
		}
	}
	for i, c := range sh.Columns {
		if c.Kind == KindPicture {
			out[i] = r.picture(sh, vals[0], c, vals[i])
			continue
		}
		out[i] = r.cell(c.Kind, vals[i], currency)
	}
	if len(out) > len(sh.Columns) {
		out[len(sh.Columns)] = currency
	}
}

// cell writes one stored value of the given kind as text.
func (r *ExportReader) cell(kind ColumnKind, v any, currency string) string {
	if v == nil {
		return ""
	}
	switch kind {
	case KindInstant:
		n, ok := v.(int64)
		if !ok {
			return text(v)
		}
		if n == 0 { // "not yet" (an invoice never voided)
			return ""
		}
		return time.Unix(n, 0).In(r.loc).Format(time.RFC3339)
	case KindMoney:
		if n, ok := v.(int64); ok {
			return AmountText(n, currency)
		}
	case KindBool:
		if n, ok := v.(int64); ok {
			return yesNo(n != 0)
		}
	}
	return text(v)
}

// healthCells spreads a kept health-history snapshot over the sheet's
// columns: id, client, recorded at, then one per field.
func (r *ExportReader) healthCells(sh ExportSheet, vals []any, out []string) error {
	var snap map[string]any
	if err := json.Unmarshal([]byte(text(vals[3])), &snap); err != nil {
		return fmt.Errorf("health history %s: %w", text(vals[0]), err)
	}
	out[0], out[1] = text(vals[0]), text(vals[1])
	out[2] = r.cell(KindInstant, vals[2], "")
	for i, c := range sh.Columns[3:] {
		out[3+i] = jsonText(snap[c.SQL])
	}
	return nil
}

// jsonText writes a decoded JSON value as a cell.
func jsonText(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case bool:
		return yesNo(v)
	case []any:
		parts := make([]string, len(v))
		for i, p := range v {
			parts[i] = jsonText(p)
		}
		return strings.Join(parts, "; ")
	}
	return text(v)
}

// text writes a value as database/sql scanned it.
func text(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	case []byte:
		return string(v)
	case int64:
		return strconv.FormatInt(v, 10)
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	case bool:
		return yesNo(v)
	}
	return fmt.Sprint(v)
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// SignedNoteIDs lists the signed notes of one client (every client when
// clientID is 0), oldest visit first: the notes an export prints.
func (r *ExportReader) SignedNoteIDs(ctx context.Context, clientID int64) ([]int64, error) {
	return r.ids(ctx, "signed notes", `SELECT id FROM notes WHERE status = ?`, string(NoteSigned), clientID, "visit_date, id")
}

// CarePlanIDs lists every care plan of one client (every client when
// clientID is 0), oldest first.
func (r *ExportReader) CarePlanIDs(ctx context.Context, clientID int64) ([]int64, error) {
	return r.ids(ctx, "care plans", `SELECT id FROM care_plans WHERE status <> ?`, "", clientID, "start_date, id")
}

// ReceiptIDs lists the issued and voided receipts (never drafts) of one
// client (every client when clientID is 0), by number.
func (r *ExportReader) ReceiptIDs(ctx context.Context, clientID int64) ([]int64, error) {
	return r.ids(ctx, "receipts", `SELECT id FROM invoices WHERE status <> ?`, string(InvoiceDraft), clientID, "seq, id")
}

// ids runs a listing query (with one argument), for one client or all.
func (r *ExportReader) ids(ctx context.Context, what, q string, arg any, clientID int64, order string) ([]int64, error) {
	args := []any{arg}
	if clientID != 0 {
		q += ` AND client_id = ?`
		args = append(args, clientID)
	}
	rows, err := r.tx.QueryContext(ctx, q+` ORDER BY `+order, args...)
	if err != nil {
		return nil, fmt.Errorf("export: list %s: %w", what, err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("export: list %s: %w", what, err)
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("export: list %s: %w", what, err)
	}
	return ids, nil
}
