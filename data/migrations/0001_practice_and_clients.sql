-- Stillpoint schema 1: the practice profile and the client record.
-- Instants are unix seconds (UTC); calendar dates are 'YYYY-MM-DD' text.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE practice (
    id                  INTEGER PRIMARY KEY CHECK (id = 1),
    therapist_name      TEXT    NOT NULL DEFAULT '',
    credentials         TEXT    NOT NULL DEFAULT '',
    registration_number TEXT    NOT NULL DEFAULT '',
    business_name       TEXT    NOT NULL DEFAULT '',
    address             TEXT    NOT NULL DEFAULT '',
    phone               TEXT    NOT NULL DEFAULT '',
    email               TEXT    NOT NULL DEFAULT '',
    website             TEXT    NOT NULL DEFAULT '',
    tax_number          TEXT    NOT NULL DEFAULT '',
    tax_name            TEXT    NOT NULL DEFAULT '',
    tax_rate_bp         INTEGER NOT NULL DEFAULT 0 CHECK (tax_rate_bp BETWEEN 0 AND 10000),
    currency            TEXT    NOT NULL DEFAULT 'CAD',
    time_zone           TEXT    NOT NULL DEFAULT 'UTC',
    paper_size          TEXT    NOT NULL DEFAULT 'Letter' CHECK (paper_size IN ('A4', 'Letter')),
    logo                BLOB,
    updated_at          INTEGER NOT NULL
) STRICT;

CREATE TABLE clients (
    id                     INTEGER PRIMARY KEY,
    first_name             TEXT    NOT NULL CHECK (first_name <> ''),
    last_name              TEXT    NOT NULL CHECK (last_name <> ''),
    preferred_name         TEXT    NOT NULL DEFAULT '',
    pronouns               TEXT    NOT NULL DEFAULT '',
    birth_date             TEXT    NOT NULL DEFAULT '',
    mobile_phone           TEXT    NOT NULL DEFAULT '',
    home_phone             TEXT    NOT NULL DEFAULT '',
    work_phone             TEXT    NOT NULL DEFAULT '',
    email                  TEXT    NOT NULL DEFAULT '',
    street                 TEXT    NOT NULL DEFAULT '',
    city                   TEXT    NOT NULL DEFAULT '',
    region                 TEXT    NOT NULL DEFAULT '',
    postal_code            TEXT    NOT NULL DEFAULT '',
    country                TEXT    NOT NULL DEFAULT '',
    emergency_name         TEXT    NOT NULL DEFAULT '',
    emergency_relationship TEXT    NOT NULL DEFAULT '',
    emergency_phone        TEXT    NOT NULL DEFAULT '',
    referred_by            TEXT    NOT NULL DEFAULT '',
    physician              TEXT    NOT NULL DEFAULT '',
    physician_phone        TEXT    NOT NULL DEFAULT '',
    occupation             TEXT    NOT NULL DEFAULT '',
    condition_notes        TEXT    NOT NULL DEFAULT '',
    medications            TEXT    NOT NULL DEFAULT '',
    allergies              TEXT    NOT NULL DEFAULT '',
    surgeries_injuries     TEXT    NOT NULL DEFAULT '',
    pregnant               INTEGER NOT NULL DEFAULT 0 CHECK (pregnant IN (0, 1)),
    due_date               TEXT    NOT NULL DEFAULT '',
    alerts                 TEXT    NOT NULL DEFAULT '',
    pressure               TEXT    NOT NULL DEFAULT '',
    consent_date           TEXT    NOT NULL DEFAULT '',
    notes                  TEXT    NOT NULL DEFAULT '',
    archived               INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    created_at             INTEGER NOT NULL,
    updated_at             INTEGER NOT NULL
) STRICT;

-- The health-history checklist: one row per ticked condition.
CREATE TABLE client_conditions (
    client_id INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    condition TEXT    NOT NULL,
    PRIMARY KEY (client_id, condition)
) STRICT, WITHOUT ROWID;

CREATE TABLE client_tags (
    client_id INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    tag       TEXT    NOT NULL,
    PRIMARY KEY (client_id, tag)
) STRICT, WITHOUT ROWID;

CREATE INDEX client_tags_by_tag ON client_tags (tag);
