-- Stillpoint schema 2: accent-insensitive search, name ordering and kept
-- versions of each client's health history.

-- sort_key: a collation key (last name, first name) so that ORDER BY gives
-- the order people expect ("Łukasz" under L). name_key: the folded names,
-- used to rank "starts with" matches first. Both are computed by the app.
ALTER TABLE clients ADD COLUMN sort_key BLOB NOT NULL DEFAULT x'';
ALTER TABLE clients ADD COLUMN name_key TEXT NOT NULL DEFAULT '';

CREATE INDEX clients_by_sort_key ON clients (archived, sort_key, id);

-- Folded (lower-case, accent-free) names, e-mail and phone digits of each
-- client. rowid = clients.id. Filled by the app inside the same transaction
-- as the client row.
CREATE VIRTUAL TABLE client_search USING fts5 (
    keys,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2 3'
);

-- Each saved version of a client's health history, newest last.
CREATE TABLE health_history_versions (
    id          INTEGER PRIMARY KEY,
    client_id   INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    recorded_at INTEGER NOT NULL,
    snapshot    TEXT    NOT NULL -- JSON of HealthHistory
) STRICT;

CREATE INDEX health_history_by_client ON health_history_versions (client_id, recorded_at);
