-- Stillpoint schema 4: scheduling. Services, appointments (every occurrence
-- of a recurring series is a real row), their status history, working
-- hours, blocked time and the schedule settings. Instants are unix seconds
-- (UTC); each appointment also keeps its wall-clock start in the practice's
-- zone ('YYYY-MM-DDTHH:MM') and that zone's name.

CREATE TABLE services (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL CHECK (name <> ''),
    minutes     INTEGER NOT NULL CHECK (minutes BETWEEN 5 AND 720),
    price_cents INTEGER NOT NULL DEFAULT 0 CHECK (price_cents >= 0),
    taxable     INTEGER NOT NULL DEFAULT 1 CHECK (taxable IN (0, 1)),
    color       TEXT    NOT NULL DEFAULT '#4A7BD0',
    active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
) STRICT;

INSERT INTO services (name, minutes, price_cents, taxable, color, active, created_at, updated_at) VALUES
    ('30-min massage',     30,  6500, 1, '#5B9BD5', 1, CAST(strftime('%s', 'now') AS INTEGER), CAST(strftime('%s', 'now') AS INTEGER)),
    ('60-min massage',     60, 11000, 1, '#70AD47', 1, CAST(strftime('%s', 'now') AS INTEGER), CAST(strftime('%s', 'now') AS INTEGER)),
    ('90-min massage',     90, 15500, 1, '#A569BD', 1, CAST(strftime('%s', 'now') AS INTEGER), CAST(strftime('%s', 'now') AS INTEGER)),
    ('Initial assessment', 75, 13000, 1, '#E0943A', 1, CAST(strftime('%s', 'now') AS INTEGER), CAST(strftime('%s', 'now') AS INTEGER));

-- A recurring booking: its occurrences point at it.
CREATE TABLE appointment_series (
    id          INTEGER PRIMARY KEY,
    every_weeks INTEGER NOT NULL CHECK (every_weeks BETWEEN 1 AND 52),
    created_at  INTEGER NOT NULL
) STRICT;

CREATE TABLE appointments (
    id            INTEGER PRIMARY KEY,
    client_id     INTEGER NOT NULL REFERENCES clients (id),
    service_id    INTEGER NOT NULL REFERENCES services (id),
    series_id     INTEGER REFERENCES appointment_series (id),
    start_at      INTEGER NOT NULL,
    end_at        INTEGER NOT NULL CHECK (end_at > start_at),
    zone          TEXT    NOT NULL CHECK (zone <> ''),
    local_start   TEXT    NOT NULL CHECK (length(local_start) = 16),
    service_name  TEXT    NOT NULL,
    minutes       INTEGER NOT NULL CHECK (minutes > 0),
    price_cents   INTEGER NOT NULL CHECK (price_cents >= 0),
    status        TEXT    NOT NULL DEFAULT 'booked'
                  CHECK (status IN ('booked', 'completed', 'cancelled', 'late_cancelled', 'no_show')),
    cancel_reason TEXT    NOT NULL DEFAULT '',
    notes         TEXT    NOT NULL DEFAULT '',
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL
) STRICT;

CREATE INDEX appointments_by_start  ON appointments (start_at);
CREATE INDEX appointments_by_client ON appointments (client_id, start_at);
CREATE INDEX appointments_by_series ON appointments (series_id, start_at) WHERE series_id IS NOT NULL;

-- What a calendar shows: the appointment with its client's name, whether
-- the client has alerts, and the service's colour.
CREATE VIEW appointment_list AS
SELECT a.*,
       CASE WHEN c.preferred_name <> '' THEN c.preferred_name ELSE c.first_name END || ' ' || c.last_name
           AS client_name,
       c.alerts <> '' AS client_alert,
       s.color AS color
FROM appointments a
JOIN clients c ON c.id = a.client_id
JOIN services s ON s.id = a.service_id;

-- Every status change (booking included: from_status ''), and reschedules.
CREATE TABLE appointment_history (
    id             INTEGER PRIMARY KEY,
    appointment_id INTEGER NOT NULL REFERENCES appointments (id) ON DELETE CASCADE,
    changed_at     INTEGER NOT NULL,
    from_status    TEXT    NOT NULL,
    to_status      TEXT    NOT NULL,
    reason         TEXT    NOT NULL DEFAULT ''
) STRICT;

CREATE INDEX appointment_history_by_appointment ON appointment_history (appointment_id, changed_at);

-- Working hours per weekday (0 = Sunday … 6 = Saturday), in minutes after
-- midnight, wall clock in the practice's zone. open = 0: closed that day.
CREATE TABLE working_hours (
    weekday      INTEGER PRIMARY KEY CHECK (weekday BETWEEN 0 AND 6),
    open         INTEGER NOT NULL CHECK (open IN (0, 1)),
    start_minute INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1440),
    end_minute   INTEGER NOT NULL CHECK (end_minute BETWEEN 0 AND 1440)
) STRICT;

INSERT INTO working_hours (weekday, open, start_minute, end_minute) VALUES
    (0, 0, 540, 1020), (1, 1, 540, 1080), (2, 1, 540, 1080), (3, 1, 600, 1200),
    (4, 1, 540, 1080), (5, 1, 540, 1020), (6, 0, 600, 900);

-- Holidays, breaks and time off: one day (or a run of days) once, or the
-- same hours every week from first_date until last_date ('' = no end).
CREATE TABLE blocked_times (
    id           INTEGER PRIMARY KEY,
    label        TEXT    NOT NULL CHECK (label <> ''),
    first_date   TEXT    NOT NULL CHECK (length(first_date) = 10),
    last_date    TEXT    NOT NULL DEFAULT '',
    start_minute INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1440),
    end_minute   INTEGER NOT NULL CHECK (end_minute BETWEEN 0 AND 1440),
    weekly       INTEGER NOT NULL DEFAULT 0 CHECK (weekly IN (0, 1)),
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL,
    CHECK (end_minute > start_minute)
) STRICT;

-- One row: the buffer between appointments and the export's privacy choice.
CREATE TABLE schedule_settings (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    buffer_minutes  INTEGER NOT NULL CHECK (buffer_minutes BETWEEN 0 AND 120),
    export_initials INTEGER NOT NULL CHECK (export_initials IN (0, 1)),
    updated_at      INTEGER NOT NULL
) STRICT;

INSERT INTO schedule_settings (id, buffer_minutes, export_initials, updated_at)
VALUES (1, 15, 0, CAST(strftime('%s', 'now') AS INTEGER));
