-- Stillpoint schema 12: the therapist's signature, a PNG printed above the
-- signature line of receipts and statements (Settings › Practice). NULL
-- leaves the line to be signed by hand.
ALTER TABLE practice ADD COLUMN signature BLOB;
