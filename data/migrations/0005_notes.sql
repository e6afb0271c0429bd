-- Stillpoint schema 5: the clinical record. SOAP treatment notes with their
-- body-chart marks, amendments to signed notes, the therapist's own note
-- templates, the audit log and the note search index.
--
-- A signed note cannot be changed or deleted by any path: triggers refuse
-- UPDATE and DELETE of a signed note and of its marks with
-- RAISE(ABORT, 'signed note'), which the data layer turns into ErrSigned.
-- Amendments and the audit log are append-only: no UPDATE, no DELETE.

CREATE TABLE notes (
    id             INTEGER PRIMARY KEY,
    client_id      INTEGER NOT NULL REFERENCES clients (id),
    appointment_id INTEGER REFERENCES appointments (id),
    visit_date     TEXT    NOT NULL CHECK (length(visit_date) = 10),
    service_name   TEXT    NOT NULL DEFAULT '',
    kind           TEXT    NOT NULL DEFAULT 'regular' CHECK (kind IN ('regular', 'discharge')),
    -- Subjective
    complaint      TEXT    NOT NULL DEFAULT '',
    pain           INTEGER NOT NULL DEFAULT -1 CHECK (pain BETWEEN -1 AND 10), -- -1: not recorded
    changes        TEXT    NOT NULL DEFAULT '',
    goals          TEXT    NOT NULL DEFAULT '',
    -- Objective
    posture        TEXT    NOT NULL DEFAULT '',
    palpation      TEXT    NOT NULL DEFAULT '',
    range_of_motion TEXT   NOT NULL DEFAULT '',
    tests          TEXT    NOT NULL DEFAULT '',
    -- Treatment (lists are one item a line)
    techniques     TEXT    NOT NULL DEFAULT '',
    areas          TEXT    NOT NULL DEFAULT '',
    pressure       TEXT    NOT NULL DEFAULT '',
    minutes        INTEGER NOT NULL DEFAULT 0 CHECK (minutes BETWEEN 0 AND 720),
    -- Assessment
    response       TEXT    NOT NULL DEFAULT '',
    progress       TEXT    NOT NULL DEFAULT '',
    -- Plan
    next_focus     TEXT    NOT NULL DEFAULT '',
    frequency      TEXT    NOT NULL DEFAULT '',
    home_care      TEXT    NOT NULL DEFAULT '',
    referrals      TEXT    NOT NULL DEFAULT '',
    status         TEXT    NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'signed')),
    signed_at      INTEGER,
    signed_by      TEXT    NOT NULL DEFAULT '',
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL,
    CHECK (status = 'draft' OR (signed_at IS NOT NULL AND signed_by <> ''))
) STRICT;

CREATE INDEX notes_by_client ON notes (client_id, visit_date, id);
CREATE UNIQUE INDEX notes_by_appointment ON notes (appointment_id) WHERE appointment_id IS NOT NULL;

CREATE TRIGGER notes_signed_no_update BEFORE UPDATE ON notes WHEN OLD.status = 'signed'
BEGIN SELECT RAISE(ABORT, 'signed note'); END;
CREATE TRIGGER notes_signed_no_delete BEFORE DELETE ON notes WHEN OLD.status = 'signed'
BEGIN SELECT RAISE(ABORT, 'signed note'); END;

-- Body-chart marks: x and y are fractions (0..1) of the outline's width and height.
CREATE TABLE note_marks (
    id      INTEGER PRIMARY KEY,
    note_id INTEGER NOT NULL REFERENCES notes (id) ON DELETE CASCADE,
    kind    TEXT    NOT NULL CHECK (kind IN ('pain', 'tension', 'trigger_point', 'numbness', 'inflammation', 'treated')),
    label   TEXT    NOT NULL DEFAULT '',
    view    TEXT    NOT NULL CHECK (view IN ('front', 'back')),
    x       REAL    NOT NULL CHECK (x BETWEEN 0 AND 1),
    y       REAL    NOT NULL CHECK (y BETWEEN 0 AND 1)
) STRICT;

CREATE INDEX note_marks_by_note ON note_marks (note_id);

CREATE TRIGGER note_marks_signed_no_insert BEFORE INSERT ON note_marks
WHEN (SELECT status FROM notes WHERE id = NEW.note_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'signed note'); END;
CREATE TRIGGER note_marks_signed_no_update BEFORE UPDATE ON note_marks
WHEN (SELECT status FROM notes WHERE id = OLD.note_id) = 'signed'
  OR (SELECT status FROM notes WHERE id = NEW.note_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'signed note'); END;
CREATE TRIGGER note_marks_signed_no_delete BEFORE DELETE ON note_marks
WHEN (SELECT status FROM notes WHERE id = OLD.note_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'signed note'); END;

-- Corrections to a signed note: appended, never changed or removed.
CREATE TABLE note_amendments (
    id         INTEGER PRIMARY KEY,
    note_id    INTEGER NOT NULL REFERENCES notes (id),
    reason     TEXT    NOT NULL CHECK (reason <> ''),
    text       TEXT    NOT NULL CHECK (text <> ''),
    created_by TEXT    NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL
) STRICT;

CREATE INDEX note_amendments_by_note ON note_amendments (note_id, created_at);

CREATE TRIGGER note_amendments_only_signed BEFORE INSERT ON note_amendments
WHEN (SELECT status FROM notes WHERE id = NEW.note_id) IS NOT 'signed'
BEGIN SELECT RAISE(ABORT, 'unsigned note'); END;
CREATE TRIGGER note_amendments_no_update BEFORE UPDATE ON note_amendments
BEGIN SELECT RAISE(ABORT, 'signed note'); END;
CREATE TRIGGER note_amendments_no_delete BEFORE DELETE ON note_amendments
BEGIN SELECT RAISE(ABORT, 'signed note'); END;

-- The therapist's own templates; fields is a JSON object of SOAP fields.
CREATE TABLE note_templates (
    id         INTEGER PRIMARY KEY,
    name       TEXT    NOT NULL UNIQUE CHECK (name <> ''),
    fields     TEXT    NOT NULL DEFAULT '{}',
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
) STRICT;

-- Who did what to which record, and when. Append-only.
CREATE TABLE audit_log (
    id        INTEGER PRIMARY KEY,
    at        INTEGER NOT NULL,
    action    TEXT    NOT NULL CHECK (action IN ('create', 'edit', 'sign', 'amend', 'delete', 'export', 'print',
                                                 'update', 'archive', 'restore')),
    entity    TEXT    NOT NULL CHECK (entity IN ('note', 'client')),
    entity_id INTEGER NOT NULL,
    client_id INTEGER NOT NULL,
    summary   TEXT    NOT NULL DEFAULT ''
) STRICT;

CREATE INDEX audit_log_by_client ON audit_log (client_id, at);
CREATE INDEX audit_log_by_entity ON audit_log (entity, entity_id, at);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;

-- Note search: one row per note (rowid = notes.id), the SOAP sections, the
-- client's names and the amendments, kept in step by the triggers below.
CREATE VIRTUAL TABLE notes_fts USING fts5 (
    client_name, subjective, objective, treatment, assessment, plan, amendments,
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER notes_fts_insert AFTER INSERT ON notes BEGIN
    INSERT INTO notes_fts (rowid, client_name, subjective, objective, treatment, assessment, plan, amendments)
    SELECT NEW.id, c.first_name || ' ' || c.preferred_name || ' ' || c.last_name || ' ' || c.name_key,
           NEW.complaint || char(10) || NEW.changes || char(10) || NEW.goals,
           NEW.posture || char(10) || NEW.palpation || char(10) || NEW.range_of_motion || char(10) || NEW.tests,
           NEW.techniques || char(10) || NEW.areas || char(10) || NEW.pressure,
           NEW.response || char(10) || NEW.progress,
           NEW.next_focus || char(10) || NEW.frequency || char(10) || NEW.home_care || char(10) || NEW.referrals,
           ''
    FROM clients c WHERE c.id = NEW.client_id;
END;

CREATE TRIGGER notes_fts_update AFTER UPDATE ON notes BEGIN
    UPDATE notes_fts SET
        client_name = (SELECT c.first_name || ' ' || c.preferred_name || ' ' || c.last_name || ' ' || c.name_key FROM clients c WHERE c.id = NEW.client_id),
        subjective = NEW.complaint || char(10) || NEW.changes || char(10) || NEW.goals,
        objective = NEW.posture || char(10) || NEW.palpation || char(10) || NEW.range_of_motion || char(10) || NEW.tests,
        treatment = NEW.techniques || char(10) || NEW.areas || char(10) || NEW.pressure,
        assessment = NEW.response || char(10) || NEW.progress,
        plan = NEW.next_focus || char(10) || NEW.frequency || char(10) || NEW.home_care || char(10) || NEW.referrals
    WHERE rowid = NEW.id;
END;

CREATE TRIGGER notes_fts_delete AFTER DELETE ON notes BEGIN
    DELETE FROM notes_fts WHERE rowid = OLD.id;
END;

CREATE TRIGGER notes_fts_amendment AFTER INSERT ON note_amendments BEGIN
    UPDATE notes_fts SET amendments = amendments || char(10) || NEW.reason || char(10) || NEW.text
    WHERE rowid = NEW.note_id;
END;

-- The client's names as written and folded by Stillpoint (name_key, written
-- after the names in the same transaction): "Østergård" is found as "ostergard".
CREATE TRIGGER notes_fts_client_name AFTER UPDATE OF name_key ON clients
WHEN OLD.name_key IS NOT NEW.name_key
BEGIN
    UPDATE notes_fts SET client_name = NEW.first_name || ' ' || NEW.preferred_name || ' ' || NEW.last_name
        || ' ' || NEW.name_key
    WHERE rowid IN (SELECT id FROM notes WHERE client_id = NEW.id);
END;
