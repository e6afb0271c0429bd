-- Stillpoint schema 2: accent-insensitive search, name ordering and kept
-- versions of each client's health history.

-- sort_key: a collation key (last name, first name) so that ORDER BY gives
-- the order people expect ("Łukasz" under L). name_key: the folded name
-- forms "|first last|last first|preferred last|", to rank "starts with"
-- matches first. search_key: every folded word a search may start with
-- (names, e-mail, phone digits). All three are computed by the app in the
-- same transaction as the row.
ALTER TABLE clients ADD COLUMN sort_key   BLOB NOT NULL DEFAULT x'';
ALTER TABLE clients ADD COLUMN name_key   TEXT NOT NULL DEFAULT '';
ALTER TABLE clients ADD COLUMN search_key TEXT NOT NULL DEFAULT '';

CREATE INDEX clients_by_sort_key ON clients (archived, sort_key, id);

-- clients_version changes with every change to the clients table, so the
-- app's in-memory search index knows when to reload, whichever program
-- made the change.
INSERT INTO meta (key, value) VALUES ('clients_version', '0');
CREATE TRIGGER clients_version_insert AFTER INSERT ON clients BEGIN
    UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'clients_version';
END;
CREATE TRIGGER clients_version_update AFTER UPDATE ON clients BEGIN
    UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'clients_version';
END;
CREATE TRIGGER clients_version_delete AFTER DELETE ON clients BEGIN
    UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'clients_version';
END;

-- Each saved version of a client's health history, newest last.
CREATE TABLE health_history_versions (
    id          INTEGER PRIMARY KEY,
    client_id   INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    recorded_at INTEGER NOT NULL,
    snapshot    TEXT    NOT NULL -- JSON of HealthHistory
) STRICT;

CREATE INDEX health_history_by_client ON health_history_versions (client_id, recorded_at);
