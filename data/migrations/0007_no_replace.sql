-- Stillpoint schema 7: no REPLACE path around the clinical record's
-- protection. INSERT OR REPLACE / REPLACE INTO (and UPDATE OR REPLACE)
-- delete the row they conflict with without firing its DELETE triggers, so
-- a signed note, an amendment, an audit line or a consent record could be
-- overwritten. BEFORE INSERT triggers run before the conflict is resolved:
-- these refuse any new row whose key (or UNIQUE key) is already held by a
-- protected row, with the messages the data layer already maps. For notes
-- and marks, UPDATE OR REPLACE onto a signed row's key is refused too (the
-- other protected tables refuse every UPDATE already).

-- notes: id and appointment_id are unique.
CREATE TRIGGER notes_signed_no_replace BEFORE INSERT ON notes
WHEN EXISTS (SELECT 1 FROM notes WHERE status = 'signed'
             AND (id = NEW.id OR (NEW.appointment_id IS NOT NULL AND appointment_id = NEW.appointment_id)))
BEGIN SELECT RAISE(ABORT, 'signed note'); END;
CREATE TRIGGER notes_signed_no_replace_update BEFORE UPDATE ON notes
WHEN EXISTS (SELECT 1 FROM notes WHERE status = 'signed' AND id <> OLD.id
             AND (id = NEW.id OR (NEW.appointment_id IS NOT NULL AND appointment_id = NEW.appointment_id)))
BEGIN SELECT RAISE(ABORT, 'signed note'); END;

-- note_marks: id is unique.
CREATE TRIGGER note_marks_signed_no_replace BEFORE INSERT ON note_marks
WHEN EXISTS (SELECT 1 FROM note_marks m JOIN notes n ON n.id = m.note_id
             WHERE m.id = NEW.id AND n.status = 'signed')
BEGIN SELECT RAISE(ABORT, 'signed note'); END;
CREATE TRIGGER note_marks_signed_no_replace_update BEFORE UPDATE ON note_marks
WHEN EXISTS (SELECT 1 FROM note_marks m JOIN notes n ON n.id = m.note_id
             WHERE m.id = NEW.id AND m.id <> OLD.id AND n.status = 'signed')
BEGIN SELECT RAISE(ABORT, 'signed note'); END;

-- Append-only tables: any existing row with the same key.
CREATE TRIGGER note_amendments_no_replace BEFORE INSERT ON note_amendments
WHEN EXISTS (SELECT 1 FROM note_amendments WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'signed note'); END;

CREATE TRIGGER audit_log_no_replace BEFORE INSERT ON audit_log
WHEN EXISTS (SELECT 1 FROM audit_log WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;

CREATE TRIGGER consent_texts_no_replace BEFORE INSERT ON consent_texts
WHEN EXISTS (SELECT 1 FROM consent_texts WHERE id = NEW.id OR (kind = NEW.kind AND version = NEW.version))
BEGIN SELECT RAISE(ABORT, 'a consent text version cannot be changed; save a new version instead'); END;

CREATE TRIGGER consents_no_replace BEFORE INSERT ON consents
WHEN EXISTS (SELECT 1 FROM consents WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'a signed consent cannot be changed; record a withdrawal or a new consent'); END;

CREATE TRIGGER consent_withdrawals_no_replace BEFORE INSERT ON consent_withdrawals
WHEN EXISTS (SELECT 1 FROM consent_withdrawals WHERE consent_id = NEW.consent_id)
BEGIN SELECT RAISE(ABORT, 'a consent withdrawal cannot be changed'); END;

CREATE TRIGGER health_reviews_no_replace BEFORE INSERT ON health_reviews
WHEN EXISTS (SELECT 1 FROM health_reviews WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'a health-history review cannot be changed'); END;
