-- Stillpoint schema 12: voiding the receipt that sold a gift certificate or
-- a package cancels what it sold. A certificate or package whose sale
-- invoice is void can no longer be redeemed, and a sale cannot be voided
-- once what it sold was (partly) used on an invoice that is not void: the
-- Go code says so in plain words first; these triggers hold the rule for
-- any program that writes the file.

CREATE TRIGGER invoices_void_unused_sale BEFORE UPDATE OF status ON invoices
WHEN OLD.status = 'issued' AND NEW.status = 'void' AND (
       EXISTS (SELECT 1 FROM payments p JOIN invoices i ON i.id = p.invoice_id
               JOIN gift_certificates g ON g.id = p.gift_certificate_id
               WHERE g.invoice_id = NEW.id AND i.status <> 'void' AND i.id <> NEW.id)
    OR EXISTS (SELECT 1 FROM payments p JOIN invoices i ON i.id = p.invoice_id
               JOIN packages k ON k.id = p.package_id
               WHERE k.invoice_id = NEW.id AND i.status <> 'void' AND i.id <> NEW.id))
BEGIN SELECT RAISE(ABORT, 'what this invoice sold was already used: it cannot be voided'); END;

CREATE TRIGGER payments_not_from_void_sale BEFORE INSERT ON payments
WHEN (NEW.gift_certificate_id IS NOT NULL AND (SELECT i.status FROM gift_certificates g
          JOIN invoices i ON i.id = g.invoice_id WHERE g.id = NEW.gift_certificate_id) = 'void')
  OR (NEW.package_id IS NOT NULL AND (SELECT i.status FROM packages k
          JOIN invoices i ON i.id = k.invoice_id WHERE k.id = NEW.package_id) = 'void')
BEGIN SELECT RAISE(ABORT, 'this gift certificate or package was cancelled: its sale was voided'); END;
