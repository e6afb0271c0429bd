-- Reserved on the outcomes branch for a step another branch adds (wave 1: 0008 care plans,
-- 0009 invoices). Delete this file when merging that step: the numbers must be contiguous.
SELECT 1;
