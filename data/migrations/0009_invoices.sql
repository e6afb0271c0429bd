-- Stillpoint schema 9: invoices (receipts), their lines and payments, gift
-- certificates, prepaid packages and the receipt settings. Money is integer
-- cents (minor units of the practice's currency). Instants are unix seconds
-- (UTC); calendar dates are 'YYYY-MM-DD' text.
--
-- An issued or void invoice is never edited: the triggers below refuse any
-- change to its number, client, dates, money or lines, and any deletion.
-- The only changes left are issued -> void (with a reason) and the print
-- count going up. Numbers come from invoice_counter, updated in the same
-- immediate transaction that issues the invoice, so they are sequential and
-- never reused.

-- One row: how receipts look and what checkout does.
CREATE TABLE receipt_settings (
    id               INTEGER PRIMARY KEY CHECK (id = 1),
    invoice_prefix   TEXT    NOT NULL DEFAULT 'R-',
    default_method   TEXT    NOT NULL DEFAULT 'debit',
    print_birth_date INTEGER NOT NULL DEFAULT 0 CHECK (print_birth_date IN (0, 1)),
    locale           TEXT    NOT NULL DEFAULT 'en-CA',
    npi              TEXT    NOT NULL DEFAULT '',
    tax_id           TEXT    NOT NULL DEFAULT '',
    place_of_service TEXT    NOT NULL DEFAULT '',
    updated_at       INTEGER NOT NULL
) STRICT;

INSERT INTO receipt_settings (id, updated_at) VALUES (1, CAST(strftime('%s', 'now') AS INTEGER));

-- One row: the last invoice number handed out.
CREATE TABLE invoice_counter (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    last_seq INTEGER NOT NULL CHECK (last_seq >= 0)
) STRICT;

INSERT INTO invoice_counter (id, last_seq) VALUES (1, 0);

-- US superbill codes of a service (CPT code and units per visit).
CREATE TABLE service_billing_codes (
    service_id INTEGER PRIMARY KEY REFERENCES services (id) ON DELETE CASCADE,
    cpt_code   TEXT    NOT NULL DEFAULT '',
    cpt_units  INTEGER NOT NULL DEFAULT 1 CHECK (cpt_units BETWEEN 1 AND 99)
) STRICT;

-- ICD-10 diagnosis codes of one visit, comma-separated ("M54.5, M62.830").
CREATE TABLE visit_diagnoses (
    appointment_id INTEGER PRIMARY KEY REFERENCES appointments (id) ON DELETE CASCADE,
    icd10_codes    TEXT    NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE invoices (
    id             INTEGER PRIMARY KEY,
    seq            INTEGER NOT NULL DEFAULT 0 CHECK (seq >= 0),
    number         TEXT    NOT NULL DEFAULT '',
    client_id      INTEGER NOT NULL REFERENCES clients (id),
    status         TEXT    NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'issued', 'void')),
    issued_on      TEXT    NOT NULL DEFAULT '',
    issued_at      INTEGER NOT NULL DEFAULT 0,
    currency       TEXT    NOT NULL,
    tax_name       TEXT    NOT NULL DEFAULT '',
    subtotal_cents INTEGER NOT NULL DEFAULT 0,
    discount_cents INTEGER NOT NULL DEFAULT 0 CHECK (discount_cents >= 0),
    tax_cents      INTEGER NOT NULL DEFAULT 0 CHECK (tax_cents >= 0),
    total_cents    INTEGER NOT NULL DEFAULT 0 CHECK (total_cents >= 0),
    paid_cents     INTEGER NOT NULL DEFAULT 0 CHECK (paid_cents >= 0),
    replaces_id    INTEGER REFERENCES invoices (id),
    void_reason    TEXT    NOT NULL DEFAULT '',
    voided_at      INTEGER NOT NULL DEFAULT 0,
    print_count    INTEGER NOT NULL DEFAULT 0 CHECK (print_count >= 0),
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL,
    CHECK ((status = 'draft') = (seq = 0)),
    CHECK ((status = 'draft') = (number = '')),
    CHECK (status <> 'void' OR trim(void_reason) <> '')
) STRICT;

CREATE UNIQUE INDEX invoices_by_seq    ON invoices (seq) WHERE seq > 0;
CREATE UNIQUE INDEX invoices_by_number ON invoices (number) WHERE number <> '';
CREATE INDEX invoices_by_client        ON invoices (client_id, issued_on);
CREATE INDEX invoices_by_issued        ON invoices (issued_on, seq);
-- Drafts (a handful), listed before the rest.
CREATE INDEX invoices_drafts           ON invoices (id) WHERE status = 'draft';
-- What is owed: only the issued invoices not fully paid (a handful).
CREATE INDEX invoices_owing            ON invoices (client_id, issued_on) WHERE status = 'issued' AND paid_cents < total_cents;

-- What an invoice charges for, in order. amount = quantity x unit - discount;
-- tax = amount x rate, rounded half up, per line.
CREATE TABLE invoice_lines (
    id                  INTEGER PRIMARY KEY,
    invoice_id          INTEGER NOT NULL REFERENCES invoices (id) ON DELETE CASCADE,
    position            INTEGER NOT NULL,
    kind                TEXT    NOT NULL CHECK (kind IN ('service', 'certificate', 'package', 'other')),
    appointment_id      INTEGER REFERENCES appointments (id),
    service_id          INTEGER REFERENCES services (id),
    description         TEXT    NOT NULL CHECK (description <> ''),
    service_date        TEXT    NOT NULL DEFAULT '',
    minutes             INTEGER NOT NULL DEFAULT 0 CHECK (minutes >= 0),
    quantity            INTEGER NOT NULL CHECK (quantity >= 1),
    unit_cents          INTEGER NOT NULL CHECK (unit_cents >= 0),
    discount_cents      INTEGER NOT NULL DEFAULT 0 CHECK (discount_cents >= 0),
    taxable             INTEGER NOT NULL CHECK (taxable IN (0, 1)),
    tax_rate_bp         INTEGER NOT NULL CHECK (tax_rate_bp BETWEEN 0 AND 10000),
    tax_cents           INTEGER NOT NULL CHECK (tax_cents >= 0),
    amount_cents        INTEGER NOT NULL CHECK (amount_cents >= 0),
    cpt_code            TEXT    NOT NULL DEFAULT '',
    cpt_units           INTEGER NOT NULL DEFAULT 0,
    icd10_codes         TEXT    NOT NULL DEFAULT '',
    gift_certificate_id INTEGER,
    package_id          INTEGER
) STRICT;

CREATE INDEX invoice_lines_by_invoice     ON invoice_lines (invoice_id, position);
CREATE INDEX invoice_lines_by_appointment ON invoice_lines (appointment_id) WHERE appointment_id IS NOT NULL;

-- Gift certificates: the remaining value is the amount less what payments
-- with this certificate on invoices that are not void have taken.
CREATE TABLE gift_certificates (
    id           INTEGER PRIMARY KEY,
    code         TEXT    NOT NULL UNIQUE CHECK (code <> ''),
    amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
    buyer        TEXT    NOT NULL DEFAULT '',
    recipient    TEXT    NOT NULL DEFAULT '',
    expires_on   TEXT    NOT NULL DEFAULT '',
    invoice_id   INTEGER REFERENCES invoices (id),
    created_at   INTEGER NOT NULL
) STRICT;

-- Prepaid packages: sessions_total visits of one service for one client.
CREATE TABLE packages (
    id             INTEGER PRIMARY KEY,
    client_id      INTEGER NOT NULL REFERENCES clients (id),
    service_id     INTEGER NOT NULL REFERENCES services (id),
    name           TEXT    NOT NULL CHECK (name <> ''),
    sessions_total INTEGER NOT NULL CHECK (sessions_total BETWEEN 1 AND 100),
    price_cents    INTEGER NOT NULL CHECK (price_cents >= 0),
    expires_on     TEXT    NOT NULL DEFAULT '',
    invoice_id     INTEGER REFERENCES invoices (id),
    created_at     INTEGER NOT NULL
) STRICT;

CREATE INDEX packages_by_client ON packages (client_id);

CREATE TABLE payments (
    id                  INTEGER PRIMARY KEY,
    invoice_id          INTEGER NOT NULL REFERENCES invoices (id),
    paid_on             TEXT    NOT NULL CHECK (length(paid_on) = 10),
    method              TEXT    NOT NULL CHECK (method IN ('cash', 'debit', 'credit_card', 'e_transfer', 'cheque',
                                                'gift_certificate', 'package_session', 'insurance', 'other')),
    reference           TEXT    NOT NULL DEFAULT '',
    amount_cents        INTEGER NOT NULL CHECK (amount_cents > 0),
    gift_certificate_id INTEGER REFERENCES gift_certificates (id),
    package_id          INTEGER REFERENCES packages (id),
    moved_from_id       INTEGER REFERENCES payments (id),
    created_at          INTEGER NOT NULL,
    CHECK ((method = 'gift_certificate') = (gift_certificate_id IS NOT NULL)),
    CHECK ((method = 'package_session') = (package_id IS NOT NULL))
) STRICT;

CREATE INDEX payments_by_invoice     ON payments (invoice_id);
CREATE INDEX payments_by_certificate ON payments (gift_certificate_id) WHERE gift_certificate_id IS NOT NULL;
CREATE INDEX payments_by_package     ON payments (package_id) WHERE package_id IS NOT NULL;

-- Immutability of issued and void invoices.
CREATE TRIGGER invoices_issued_fixed BEFORE UPDATE ON invoices
WHEN OLD.status <> 'draft' AND (
       NEW.id IS NOT OLD.id OR NEW.seq IS NOT OLD.seq OR NEW.number IS NOT OLD.number
    OR NEW.client_id IS NOT OLD.client_id OR NEW.issued_on IS NOT OLD.issued_on
    OR NEW.issued_at IS NOT OLD.issued_at OR NEW.currency IS NOT OLD.currency
    OR NEW.tax_name IS NOT OLD.tax_name OR NEW.subtotal_cents IS NOT OLD.subtotal_cents
    OR NEW.discount_cents IS NOT OLD.discount_cents OR NEW.tax_cents IS NOT OLD.tax_cents
    OR NEW.total_cents IS NOT OLD.total_cents OR NEW.replaces_id IS NOT OLD.replaces_id
    OR NEW.created_at IS NOT OLD.created_at OR NEW.print_count < OLD.print_count
    OR (NEW.status <> OLD.status AND NOT (OLD.status = 'issued' AND NEW.status = 'void'))
    OR (OLD.status = 'void' AND (NEW.void_reason IS NOT OLD.void_reason OR NEW.voided_at IS NOT OLD.voided_at))
    OR (NEW.status = 'issued' AND (NEW.void_reason IS NOT OLD.void_reason OR NEW.voided_at IS NOT OLD.voided_at)))
BEGIN SELECT RAISE(ABORT, 'an issued invoice cannot be changed: void it and issue a new one'); END;

CREATE TRIGGER invoices_issued_kept BEFORE DELETE ON invoices
WHEN OLD.status <> 'draft'
BEGIN SELECT RAISE(ABORT, 'an issued invoice cannot be deleted: void it instead'); END;

CREATE TRIGGER invoice_lines_fixed_insert BEFORE INSERT ON invoice_lines
WHEN (SELECT status FROM invoices WHERE id = NEW.invoice_id) <> 'draft'
BEGIN SELECT RAISE(ABORT, 'the lines of an issued invoice cannot be changed'); END;

CREATE TRIGGER invoice_lines_fixed_update BEFORE UPDATE ON invoice_lines
WHEN (SELECT status FROM invoices WHERE id = OLD.invoice_id) <> 'draft'
  OR (SELECT status FROM invoices WHERE id = NEW.invoice_id) <> 'draft'
BEGIN SELECT RAISE(ABORT, 'the lines of an issued invoice cannot be changed'); END;

CREATE TRIGGER invoice_lines_fixed_delete BEFORE DELETE ON invoice_lines
WHEN (SELECT status FROM invoices WHERE id = OLD.invoice_id) <> 'draft'
BEGIN SELECT RAISE(ABORT, 'the lines of an issued invoice cannot be changed'); END;

-- Payments are a record of money received: only ever added, and only to an
-- issued invoice.
CREATE TRIGGER payments_on_issued BEFORE INSERT ON payments
WHEN (SELECT status FROM invoices WHERE id = NEW.invoice_id) IS NOT 'issued'
BEGIN SELECT RAISE(ABORT, 'a payment can only be recorded on an issued invoice'); END;

CREATE TRIGGER payments_no_update BEFORE UPDATE ON payments
BEGIN SELECT RAISE(ABORT, 'a recorded payment cannot be changed'); END;

CREATE TRIGGER payments_no_delete BEFORE DELETE ON payments
BEGIN SELECT RAISE(ABORT, 'a recorded payment cannot be deleted'); END;

-- paid_cents is the sum of the invoice's payments, kept by the schema: 0
-- when the invoice is made, added to by each payment, and refused when it
-- would be anything else. Lists and balances read it instead of summing.
CREATE TRIGGER invoices_paid_starts_at_zero BEFORE INSERT ON invoices
WHEN NEW.paid_cents <> 0
BEGIN SELECT RAISE(ABORT, 'a new invoice has no payments yet'); END;

CREATE TRIGGER invoices_paid_is_the_payments BEFORE UPDATE OF paid_cents ON invoices
WHEN NEW.paid_cents IS NOT (SELECT COALESCE(SUM(amount_cents), 0) FROM payments WHERE invoice_id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'the amount paid is the sum of the payments'); END;

CREATE TRIGGER payments_add_to_paid AFTER INSERT ON payments
BEGIN
    UPDATE invoices SET paid_cents = (SELECT SUM(amount_cents) FROM payments WHERE invoice_id = NEW.invoice_id)
    WHERE id = NEW.invoice_id;
END;

-- The counter only goes up.
CREATE TRIGGER invoice_counter_up BEFORE UPDATE ON invoice_counter
WHEN NEW.last_seq <= OLD.last_seq
BEGIN SELECT RAISE(ABORT, 'invoice numbers are never reused'); END;
