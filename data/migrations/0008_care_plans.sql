-- PLACEHOLDER on branch "receipts" only: schema 8 belongs to the care-plans
-- work (helper "plans"), whose 0008_care_plans.sql replaces this file when
-- the branches are merged (take theirs). It exists so schema 9 can be
-- applied and tested on this branch.
SELECT 1;
