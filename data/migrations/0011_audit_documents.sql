-- The audit log follows the documents that leave the practice too: care
-- plans, handouts, invoices (receipts) and the practice as a whole (an
-- export of everything). SQLite cannot change a CHECK constraint in place,
-- so the table is rebuilt with every row kept; the append-only triggers
-- come back unchanged. client_id is 0 for a line about no one client (a
-- handout printed on its own, an export of the whole practice).
CREATE TABLE audit_log_new (
    id        INTEGER PRIMARY KEY,
    at        INTEGER NOT NULL,
    action    TEXT    NOT NULL CHECK (action IN ('create', 'edit', 'sign', 'amend', 'delete', 'export', 'print',
                                                 'update', 'archive', 'restore')),
    entity    TEXT    NOT NULL CHECK (entity IN ('note', 'client', 'care_plan', 'handout', 'invoice', 'practice')),
    entity_id INTEGER NOT NULL,
    client_id INTEGER NOT NULL,
    summary   TEXT    NOT NULL DEFAULT ''
) STRICT;

INSERT INTO audit_log_new (id, at, action, entity, entity_id, client_id, summary)
SELECT id, at, action, entity, entity_id, client_id, summary FROM audit_log;

DROP TRIGGER audit_log_no_update;
DROP TRIGGER audit_log_no_delete;
DROP TRIGGER audit_log_no_replace;
DROP TABLE audit_log;
ALTER TABLE audit_log_new RENAME TO audit_log;

CREATE INDEX audit_log_by_client ON audit_log (client_id, at);
CREATE INDEX audit_log_by_entity ON audit_log (entity, entity_id, at);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
CREATE TRIGGER audit_log_no_replace BEFORE INSERT ON audit_log
WHEN EXISTS (SELECT 1 FROM audit_log WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
