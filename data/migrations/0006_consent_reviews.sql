-- Stillpoint schema: consent and health-history reviews (numbered 0005 on
-- its branch; the Go code and tests never depend on the number).
--
-- Consent records are evidence: once written they cannot be changed or
-- deleted, not even by direct SQL. Triggers RAISE(ABORT) on every UPDATE
-- and DELETE of the consent texts, the signed consents, their withdrawals
-- and the health reviews. Editing a consent text adds a new version;
-- withdrawing a consent appends one row to consent_withdrawals (at most one
-- per consent), so the signed record and its history stay as they were.

CREATE TABLE consent_texts (
    id         INTEGER PRIMARY KEY,
    kind       TEXT    NOT NULL CHECK (kind IN ('general', 'sensitive')),
    version    INTEGER NOT NULL CHECK (version >= 1),
    body       TEXT    NOT NULL CHECK (body <> ''),
    created_at INTEGER NOT NULL,
    UNIQUE (kind, version)
) STRICT;

CREATE TRIGGER consent_texts_no_update BEFORE UPDATE ON consent_texts BEGIN
    SELECT RAISE(ABORT, 'a consent text version cannot be changed; save a new version instead');
END;
CREATE TRIGGER consent_texts_no_delete BEFORE DELETE ON consent_texts BEGIN
    SELECT RAISE(ABORT, 'a consent text version cannot be deleted');
END;

INSERT INTO consent_texts (kind, version, body, created_at) VALUES
('general', 1, 'Consent to massage therapy treatment

I have given my therapist a complete and accurate health history, and I will tell my therapist about any change in my health, medications or pregnancy.

I understand that massage therapy is provided to help with muscle tension, pain, stress and relaxation. It is not a substitute for medical diagnosis or treatment, and my therapist does not diagnose illness or prescribe medication.

My therapist has explained the assessment and treatment plan, the techniques that may be used, the areas to be treated, the expected benefits and the possible risks, such as temporary soreness, bruising or a reaction to oils or lotions. I have had the opportunity to ask questions.

I understand that I will be draped at all times and that only the area being treated will be uncovered. I may ask for the pressure, the technique or the area to be changed, and I may stop the treatment at any time, for any reason.

I understand that my health information is kept confidential and is shared only with my written permission or where the law requires it.

I consent to assessment and massage therapy treatment.', CAST(strftime('%s', 'now') AS INTEGER)),
('sensitive', 1, 'Consent to treatment of sensitive areas

Some treatments may benefit from work on areas that are sensitive: the gluteal muscles (buttocks), the chest wall (including the breast tissue area), the abdomen and the inner thigh.

My therapist has explained why treatment of these areas may help me, how the area will be draped, and which techniques will be used. Genitals, and the nipple and areola, are never touched.

I give my consent only for the areas I have marked below. I understand that this consent is separate from my consent to general treatment, that I may ask to stop at any time, and that I may withdraw this consent at any time, before or during treatment, without giving a reason.', CAST(strftime('%s', 'now') AS INTEGER));

CREATE TABLE consents (
    id          INTEGER PRIMARY KEY,
    client_id   INTEGER NOT NULL REFERENCES clients (id),
    kind        TEXT    NOT NULL CHECK (kind IN ('general', 'sensitive')),
    text_id     INTEGER NOT NULL REFERENCES consent_texts (id),
    areas       TEXT    NOT NULL DEFAULT '', -- sensitive areas, comma-separated, e.g. 'gluteals,abdomen'
    signed_on   TEXT    NOT NULL CHECK (length(signed_on) = 10),
    signature   BLOB    NOT NULL CHECK (length(signature) > 0), -- PNG
    recorded_at INTEGER NOT NULL,
    CHECK ((kind = 'sensitive') = (areas <> ''))
) STRICT;

CREATE INDEX consents_by_client ON consents (client_id, signed_on);

CREATE TRIGGER consents_text_kind BEFORE INSERT ON consents
WHEN (SELECT kind FROM consent_texts WHERE id = NEW.text_id) IS NOT NEW.kind BEGIN
    SELECT RAISE(ABORT, 'a consent must be signed on a text of its own kind');
END;
CREATE TRIGGER consents_no_update BEFORE UPDATE ON consents BEGIN
    SELECT RAISE(ABORT, 'a signed consent cannot be changed; record a withdrawal or a new consent');
END;
CREATE TRIGGER consents_no_delete BEFORE DELETE ON consents BEGIN
    SELECT RAISE(ABORT, 'a signed consent cannot be deleted');
END;

CREATE TABLE consent_withdrawals (
    consent_id   INTEGER PRIMARY KEY REFERENCES consents (id),
    withdrawn_on TEXT    NOT NULL CHECK (length(withdrawn_on) = 10),
    reason       TEXT    NOT NULL DEFAULT '',
    recorded_at  INTEGER NOT NULL
) STRICT;

CREATE TRIGGER consent_withdrawals_no_update BEFORE UPDATE ON consent_withdrawals BEGIN
    SELECT RAISE(ABORT, 'a consent withdrawal cannot be changed');
END;
CREATE TRIGGER consent_withdrawals_no_delete BEFORE DELETE ON consent_withdrawals BEGIN
    SELECT RAISE(ABORT, 'a consent withdrawal cannot be deleted');
END;

CREATE TABLE health_reviews (
    id          INTEGER PRIMARY KEY,
    client_id   INTEGER NOT NULL REFERENCES clients (id),
    reviewed_on TEXT    NOT NULL CHECK (length(reviewed_on) = 10), -- the practice's date
    reviewed_at INTEGER NOT NULL,
    note        TEXT    NOT NULL DEFAULT ''
) STRICT;

CREATE INDEX health_reviews_by_client ON health_reviews (client_id, reviewed_at);

CREATE TRIGGER health_reviews_no_update BEFORE UPDATE ON health_reviews BEGIN
    SELECT RAISE(ABORT, 'a health-history review cannot be changed');
END;
CREATE TRIGGER health_reviews_no_delete BEFORE DELETE ON health_reviews BEGIN
    SELECT RAISE(ABORT, 'a health-history review cannot be deleted');
END;

CREATE TABLE health_review_settings (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    review_months INTEGER NOT NULL CHECK (review_months BETWEEN 1 AND 60),
    updated_at    INTEGER NOT NULL
) STRICT;

INSERT INTO health_review_settings (id, review_months, updated_at)
VALUES (1, 12, CAST(strftime('%s', 'now') AS INTEGER));
