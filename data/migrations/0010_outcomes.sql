-- Stillpoint schema 10: outcomes. What a client reports at each visit (the
-- quick check-in) and what the therapist measures (mobility), so progress
-- can be shown across visits.
--
-- Pain has ONE home: notes.pain (schema 5). A check-in's pain is written to
-- the visit's note, so the note, its signature and the charts agree. The
-- check-in row holds what notes do not: stress and sleep (-1 = not asked)
-- and the Patient-Specific Functional Scale scores.

CREATE TABLE checkins (
    id             INTEGER PRIMARY KEY,
    client_id      INTEGER NOT NULL REFERENCES clients (id),
    appointment_id INTEGER NOT NULL UNIQUE REFERENCES appointments (id),
    visit_date     TEXT    NOT NULL CHECK (length(visit_date) = 10),
    stress         INTEGER NOT NULL DEFAULT -1 CHECK (stress BETWEEN -1 AND 10),
    sleep          INTEGER NOT NULL DEFAULT -1 CHECK (sleep BETWEEN -1 AND 10),
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL
) STRICT;

-- Covering: a client's outcome history reads stress and sleep from the
-- index alone (the 10x sample's busiest client: 17.8 → 7.5 ms).
CREATE INDEX checkins_by_client ON checkins (client_id, visit_date, id, stress, sleep);

-- The activities a client finds hard (PSFS), offered again at each visit
-- until retired; a retired activity keeps its scores.
CREATE TABLE psfs_activities (
    id         INTEGER PRIMARY KEY,
    client_id  INTEGER NOT NULL REFERENCES clients (id),
    name       TEXT    NOT NULL CHECK (name <> ''),
    added_on   TEXT    NOT NULL CHECK (length(added_on) = 10),
    retired_on TEXT    NOT NULL DEFAULT '' CHECK (retired_on = '' OR length(retired_on) = 10),
    created_at INTEGER NOT NULL
) STRICT;

CREATE INDEX psfs_activities_by_client ON psfs_activities (client_id, id);

CREATE TABLE psfs_scores (
    id          INTEGER PRIMARY KEY,
    checkin_id  INTEGER NOT NULL REFERENCES checkins (id) ON DELETE CASCADE,
    activity_id INTEGER NOT NULL REFERENCES psfs_activities (id),
    score       INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),
    UNIQUE (checkin_id, activity_id)
) STRICT;

CREATE INDEX psfs_scores_by_activity ON psfs_scores (activity_id);

-- The mobility measures the therapist follows for a client (keys of the
-- measure catalogue in data/measures.go).
CREATE TABLE client_measures (
    id          INTEGER PRIMARY KEY,
    client_id   INTEGER NOT NULL REFERENCES clients (id),
    measure_key TEXT    NOT NULL CHECK (measure_key <> ''),
    UNIQUE (client_id, measure_key)
) STRICT;

-- One value per measure per visit day, stored with its unit.
CREATE TABLE mobility_readings (
    id             INTEGER PRIMARY KEY,
    client_id      INTEGER NOT NULL REFERENCES clients (id),
    appointment_id INTEGER REFERENCES appointments (id),
    visit_date     TEXT    NOT NULL CHECK (length(visit_date) = 10),
    measure_key    TEXT    NOT NULL CHECK (measure_key <> ''),
    value          REAL    NOT NULL,
    unit           TEXT    NOT NULL CHECK (unit IN ('degrees', 'cm')),
    created_at     INTEGER NOT NULL,
    UNIQUE (client_id, measure_key, visit_date)
) STRICT;

-- A client's outcome history reads pain (kept on the note) and mobility
-- values from these indexes without touching the rows.
CREATE INDEX notes_pain_by_client ON notes (client_id, visit_date, id, pain);
CREATE INDEX mobility_by_client ON mobility_readings (client_id, measure_key, visit_date, value);
