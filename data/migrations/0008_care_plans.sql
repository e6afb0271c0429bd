-- Stillpoint schema 8: care plans and the home-care handout library.
--
-- handouts holds the therapist's own handouts (builtin_key NULL, body and
-- picture stored) and one row per built-in handout (builtin_key set, no
-- body: its text comes from the embedded assets, so an upgrade's wording
-- reaches every file). Every handout has a numeric ID that plans point at.
--
-- A care plan belongs to one client; its goals (with dated progress
-- entries), reassessment dates, home-care exercises, referrals and body-chart
-- marks are its children and are saved with it in one transaction.
-- Appointments may point at the plan they are part of (care_plan_id).

CREATE TABLE handouts (
    id           INTEGER PRIMARY KEY,
    builtin_key  TEXT    UNIQUE CHECK (builtin_key IS NULL OR builtin_key <> ''),
    title        TEXT    NOT NULL CHECK (title <> ''),
    area         TEXT    NOT NULL DEFAULT '',
    kind         TEXT    NOT NULL DEFAULT 'exercise' CHECK (kind IN ('exercise', 'advice')),
    body         TEXT    NOT NULL DEFAULT '',
    sets         INTEGER NOT NULL DEFAULT 0 CHECK (sets BETWEEN 0 AND 100),
    reps         INTEGER NOT NULL DEFAULT 0 CHECK (reps BETWEEN 0 AND 1000),
    hold         TEXT    NOT NULL DEFAULT '',
    frequency    TEXT    NOT NULL DEFAULT '',
    picture      BLOB    NOT NULL DEFAULT x'',
    picture_type TEXT    NOT NULL DEFAULT '' CHECK (picture_type IN ('', 'image/png', 'image/jpeg')),
    archived     INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL,
    CHECK (builtin_key IS NULL OR (body = '' AND picture_type = ''))
) STRICT;

CREATE TABLE care_plans (
    id                INTEGER PRIMARY KEY,
    client_id         INTEGER NOT NULL REFERENCES clients (id),
    condition         TEXT    NOT NULL CHECK (condition <> ''),
    start_date        TEXT    NOT NULL CHECK (length(start_date) = 10),
    status            TEXT    NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'completed', 'discontinued')),
    techniques        TEXT    NOT NULL DEFAULT '',
    areas             TEXT    NOT NULL DEFAULT '',
    session_minutes   INTEGER NOT NULL DEFAULT 0 CHECK (session_minutes BETWEEN 0 AND 720),
    per_week          INTEGER NOT NULL DEFAULT 0 CHECK (per_week BETWEEN 0 AND 14),
    every_weeks       INTEGER NOT NULL DEFAULT 0 CHECK (every_weeks BETWEEN 0 AND 52),
    weeks             INTEGER NOT NULL DEFAULT 0 CHECK (weeks BETWEEN 0 AND 520),
    advice            TEXT    NOT NULL DEFAULT '',
    discharge_date    TEXT    NOT NULL DEFAULT '' CHECK (discharge_date = '' OR length(discharge_date) = 10),
    discharge_summary TEXT    NOT NULL DEFAULT '',
    created_at        INTEGER NOT NULL,
    updated_at        INTEGER NOT NULL,
    CHECK (per_week = 0 OR every_weeks = 0)
) STRICT;

CREATE INDEX care_plans_by_client ON care_plans (client_id, start_date);

CREATE TABLE care_plan_goals (
    id          INTEGER PRIMARY KEY,
    plan_id     INTEGER NOT NULL REFERENCES care_plans (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    description TEXT    NOT NULL CHECK (description <> ''),
    measure_key TEXT,   -- reserved for outcome measures (NULL: a goal of its own)
    unit        TEXT    NOT NULL DEFAULT '',
    baseline    REAL    NOT NULL,
    target      REAL    NOT NULL,
    direction   TEXT    NOT NULL CHECK (direction IN ('lower', 'higher'))
) STRICT;

CREATE INDEX care_plan_goals_by_plan ON care_plan_goals (plan_id, position);

CREATE TABLE care_plan_progress (
    id          INTEGER PRIMARY KEY,
    goal_id     INTEGER NOT NULL REFERENCES care_plan_goals (id) ON DELETE CASCADE,
    recorded_on TEXT    NOT NULL CHECK (length(recorded_on) = 10),
    value       REAL    NOT NULL,
    note        TEXT    NOT NULL DEFAULT ''
) STRICT;

CREATE INDEX care_plan_progress_by_goal ON care_plan_progress (goal_id, recorded_on);

CREATE TABLE care_plan_reassessments (
    id      INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES care_plans (id) ON DELETE CASCADE,
    due_on  TEXT    NOT NULL CHECK (length(due_on) = 10),
    note    TEXT    NOT NULL DEFAULT ''
) STRICT;

CREATE INDEX care_plan_reassessments_by_plan ON care_plan_reassessments (plan_id, due_on);

CREATE TABLE care_plan_home_care (
    id           INTEGER PRIMARY KEY,
    plan_id      INTEGER NOT NULL REFERENCES care_plans (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    handout_id   INTEGER NOT NULL REFERENCES handouts (id),
    sets         INTEGER NOT NULL DEFAULT 0 CHECK (sets BETWEEN 0 AND 100),
    reps         INTEGER NOT NULL DEFAULT 0 CHECK (reps BETWEEN 0 AND 1000),
    hold         TEXT    NOT NULL DEFAULT '',
    frequency    TEXT    NOT NULL DEFAULT '',
    instructions TEXT    NOT NULL DEFAULT ''
) STRICT;

CREATE INDEX care_plan_home_care_by_plan ON care_plan_home_care (plan_id, position);
CREATE INDEX care_plan_home_care_by_handout ON care_plan_home_care (handout_id);

CREATE TABLE care_plan_referrals (
    id          INTEGER PRIMARY KEY,
    plan_id     INTEGER NOT NULL REFERENCES care_plans (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    to_whom     TEXT    NOT NULL CHECK (to_whom <> ''),
    reason      TEXT    NOT NULL DEFAULT '',
    referred_on TEXT    NOT NULL DEFAULT '' CHECK (referred_on = '' OR length(referred_on) = 10)
) STRICT;

CREATE INDEX care_plan_referrals_by_plan ON care_plan_referrals (plan_id, position);

-- Body-chart marks of the plan, shaped like note_marks.
CREATE TABLE care_plan_marks (
    id      INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES care_plans (id) ON DELETE CASCADE,
    kind    TEXT    NOT NULL CHECK (kind IN ('pain', 'tension', 'trigger_point', 'numbness', 'inflammation', 'treated')),
    label   TEXT    NOT NULL DEFAULT '',
    view    TEXT    NOT NULL CHECK (view IN ('front', 'back')),
    x       REAL    NOT NULL CHECK (x BETWEEN 0 AND 1),
    y       REAL    NOT NULL CHECK (y BETWEEN 0 AND 1)
) STRICT;

CREATE INDEX care_plan_marks_by_plan ON care_plan_marks (plan_id);

-- The plan a visit is part of (NULL: none).
ALTER TABLE appointments ADD COLUMN care_plan_id INTEGER REFERENCES care_plans (id) ON DELETE SET NULL;

CREATE INDEX appointments_by_care_plan ON appointments (care_plan_id, status) WHERE care_plan_id IS NOT NULL;
