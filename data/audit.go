package data

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"
)

// AuditAction is what was done to a record.
type AuditAction string

// The actions the audit log records.
const (
	AuditCreate  AuditAction = "create"
	AuditEdit    AuditAction = "edit" // a draft note saved again
	AuditSign    AuditAction = "sign"
	AuditAmend   AuditAction = "amend"
	AuditDelete  AuditAction = "delete" // a draft note removed
	AuditExport  AuditAction = "export"
	AuditPrint   AuditAction = "print"
	AuditUpdate  AuditAction = "update" // a client record saved
	AuditArchive AuditAction = "archive"
	AuditRestore AuditAction = "restore" // a client brought back from the archive
)

// AuditEntity is the kind of record an audit line is about.
type AuditEntity string

// The records the audit log follows.
const (
	AuditNote     AuditEntity = "note"
	AuditClient   AuditEntity = "client"
	AuditCarePlan AuditEntity = "care_plan"
	AuditHandout  AuditEntity = "handout"  // client_id 0: a handout belongs to no one client
	AuditInvoice  AuditEntity = "invoice"  // a receipt
	AuditPractice AuditEntity = "practice" // the whole practice (an export of everything); entity_id and client_id 0
)

// AuditEntry is one line of the audit log: when, what was done to which
// record of which client, and a short summary (the fields that changed).
type AuditEntry struct {
	ID       int64
	At       time.Time
	Action   AuditAction
	Entity   AuditEntity
	EntityID int64
	ClientID int64
	Summary  string
}

// auditTable describes audit_log. Lines are only ever inserted.
var auditTable = table[AuditEntry]{
	name:    "audit_log",
	key:     idColumn(func(e *AuditEntry) *int64 { return &e.ID }),
	autoKey: true,
	cols: []column[AuditEntry]{
		unixColumn("at", func(e *AuditEntry) *time.Time { return &e.At }),
		textColumn("action", "", func(e *AuditEntry) *string { return (*string)(&e.Action) }),
		textColumn("entity", "", func(e *AuditEntry) *string { return (*string)(&e.Entity) }),
		valueColumn("entity_id", "", func(e *AuditEntry) *int64 { return &e.EntityID }),
		valueColumn("client_id", "", func(e *AuditEntry) *int64 { return &e.ClientID }),
		textColumn("summary", "", func(e *AuditEntry) *string { return &e.Summary }),
	},
}

// maxAuditSummary caps a summary's length.
const maxAuditSummary = 500

// recordAudit appends one line to the audit log in tx, the transaction of
// the change it records.
func recordAudit(ctx context.Context, tx *sql.Tx, e AuditEntry) error {
	if r := []rune(e.Summary); len(r) > maxAuditSummary {
		e.Summary = string(r[:maxAuditSummary-1]) + "…"
	}
	if _, err := tx.ExecContext(ctx, auditTable.insertSQL(), auditTable.insertArgs(&e)...); err != nil {
		return fmt.Errorf("audit %s %s %d: %w", e.Action, e.Entity, e.EntityID, err)
	}
	return nil
}

// editWindow is how long after an "edit" line further edits of the same
// record are coalesced: autosave saves every few seconds.
const editWindow = time.Minute

// changedPrefix starts the summary of an "edit" line; the Go field names
// that changed follow, comma-separated (AuditFieldLabel words them).
const changedPrefix = "changed "

// recordEdit appends an "edit" line naming the fields that changed. Within
// a minute of earlier "edit" lines of the same record (autosaves), only the
// fields those lines do not name yet are logged, so every changed field
// appears in the history at least once per minute of editing, and an
// autosave that changes nothing new leaves no line.
func recordEdit(ctx context.Context, tx *sql.Tx, e AuditEntry, changed []string) error {
	rows, err := tx.QueryContext(ctx, `SELECT summary FROM audit_log WHERE entity = ? AND entity_id = ?
		AND action = ? AND at > ?`, e.Entity, e.EntityID, e.Action, e.At.Add(-editWindow).Unix())
	if err != nil {
		return fmt.Errorf("audit %s %d: %w", e.Entity, e.EntityID, err)
	}
	defer rows.Close()
	logged := map[string]bool{}
	for rows.Next() {
		var summary string
		if err := rows.Scan(&summary); err != nil {
			return fmt.Errorf("audit %s %d: %w", e.Entity, e.EntityID, err)
		}
		for _, f := range strings.Split(strings.TrimPrefix(summary, changedPrefix), ", ") {
			logged[f] = true
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("audit %s %d: %w", e.Entity, e.EntityID, err)
	}
	rows.Close()
	var fresh []string
	for _, f := range changed {
		if !logged[f] {
			fresh = append(fresh, f)
		}
	}
	if len(fresh) == 0 {
		return nil
	}
	e.Summary = changedPrefix + strings.Join(fresh, ", ")
	return recordAudit(ctx, tx, e)
}

// AuditLog returns the audit history of a client and of all their notes,
// newest first: the client page's "History of this record".
func (s *Store) AuditLog(ctx context.Context, clientID int64) ([]AuditEntry, error) {
	rows, err := s.r.QueryContext(ctx, auditTable.selectSQL(`WHERE client_id = ? ORDER BY at DESC, id DESC`), clientID)
	if err != nil {
		return nil, fmt.Errorf("read audit log of client %d: %w", clientID, err)
	}
	defer rows.Close()
	var out []AuditEntry
	for rows.Next() {
		var e AuditEntry
		if err := rows.Scan(auditTable.scanTargets(&e)...); err != nil {
			return nil, fmt.Errorf("read audit log of client %d: %w", clientID, err)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// RecordExport logs that a record left the practice as a file (a PDF, an
// export): a note, a client's record, a care plan, a handout, an invoice
// (receipt), or the whole practice (AuditPractice with id 0).
func (s *Store) RecordExport(ctx context.Context, entity AuditEntity, id int64) error {
	return s.recordOutput(ctx, AuditExport, entity, id)
}

// RecordPrint logs that a record was printed; the entities are those of
// RecordExport.
func (s *Store) RecordPrint(ctx context.Context, entity AuditEntity, id int64) error {
	return s.recordOutput(ctx, AuditPrint, entity, id)
}

func (s *Store) recordOutput(ctx context.Context, action AuditAction, entity AuditEntity, id int64) error {
	now := s.Now()
	return s.write(ctx, string(action)+" "+string(entity), func(tx *sql.Tx) error {
		var clientID int64
		var err error
		switch entity {
		case AuditNote:
			err = tx.QueryRowContext(ctx, `SELECT client_id FROM notes WHERE id = ?`, id).Scan(&clientID)
		case AuditClient:
			err = tx.QueryRowContext(ctx, `SELECT id FROM clients WHERE id = ?`, id).Scan(&clientID)
		case AuditCarePlan:
			err = tx.QueryRowContext(ctx, `SELECT client_id FROM care_plans WHERE id = ?`, id).Scan(&clientID)
		case AuditInvoice:
			err = tx.QueryRowContext(ctx, `SELECT client_id FROM invoices WHERE id = ?`, id).Scan(&clientID)
		case AuditHandout:
			err = tx.QueryRowContext(ctx, `SELECT 0 FROM handouts WHERE id = ?`, id).Scan(&clientID)
		case AuditPractice:
			if id != 0 {
				return fmt.Errorf("%s: the whole practice has no id (got %d)", action, id)
			}
		default:
			return fmt.Errorf("%s: unknown record kind %q", action, entity)
		}
		if errNoRows(err) {
			return fmt.Errorf("%s %s %d: %w", action, entity, id, ErrNotFound)
		}
		if err != nil {
			return fmt.Errorf("%s %s %d: %w", action, entity, id, err)
		}
		return recordAudit(ctx, tx, AuditEntry{At: now, Action: action, Entity: entity, EntityID: id, ClientID: clientID})
	})
}

// clientUpdateAudit is the audit line of a saved client record, naming the
// fields that changed.
func clientUpdateAudit(old, c *Client, now time.Time) AuditEntry {
	changed := changedFields(&clientTable, old, c)
	if !slices.Equal(old.Tags, c.Tags) {
		changed = append(changed, "Tags")
	}
	if !slices.Equal(old.Health.Conditions, c.Health.Conditions) {
		changed = append(changed, "Conditions")
	}
	if old.Health.Pregnant != c.Health.Pregnant {
		changed = append(changed, "Pregnant")
	}
	summary := "no field changed"
	if len(changed) > 0 {
		summary = "changed " + strings.Join(changed, ", ")
	}
	return AuditEntry{At: now, Action: AuditUpdate, Entity: AuditClient, EntityID: c.ID, ClientID: c.ID, Summary: summary}
}

// clientArchiveAudit is the audit line of archiving or restoring a client.
func clientArchiveAudit(id int64, archived bool, now time.Time) AuditEntry {
	e := AuditEntry{At: now, Action: AuditRestore, Entity: AuditClient, EntityID: id, ClientID: id,
		Summary: "brought back from the archive"}
	if archived {
		e.Action, e.Summary = AuditArchive, "archived"
	}
	return e
}
