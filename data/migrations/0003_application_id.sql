-- Mark the file as Stillpoint's, so that Stillpoint can tell its own
-- practice files from other programs' databases (1397771860 = 0x53504E54,
-- "SPNT"). PRAGMA application_id is part of the transaction, like
-- user_version: a step that fails leaves it as it was.
PRAGMA application_id = 1397771860;
