-- +goose Up
-- Search as people type (README: "Searching"). search_fold is the case's
-- subject, content and tracking code folded by workflow.SearchFold (no
-- diacritics, đ as d, lower case, words only), with the code once more
-- without its dash; public_fold is the same of the published text and code,
-- '' until a case is disclosed. phone_hash is the petitioner's phone as a
-- keyed hash (store/secret.go), as id_hash is the ID number. SQL cannot fold
-- or hash: Open fills the three in Go for the cases whose search_fold is
-- still '' (store/search.go), in one transaction.
--
-- The queue index carried subject and content for the search (00006): it
-- carries their folded copy instead, which is what a search reads now.
ALTER TABLE cases ADD COLUMN search_fold TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN public_fold TEXT NOT NULL DEFAULT '';
ALTER TABLE petitioners ADD COLUMN phone_hash TEXT NOT NULL DEFAULT '';
CREATE INDEX petitioners_phone_hash ON petitioners(phone_hash) WHERE phone_hash <> '';
DROP INDEX cases_queue;
CREATE INDEX cases_queue ON cases(COALESCE(due_on, '9999-12-31'), id, unit_id, tracking_code, search_fold);

-- +goose Down
DROP INDEX cases_queue;
CREATE INDEX cases_queue ON cases(COALESCE(due_on, '9999-12-31'), id, unit_id, tracking_code, subject, content);
DROP INDEX petitioners_phone_hash;
ALTER TABLE petitioners DROP COLUMN phone_hash;
ALTER TABLE cases DROP COLUMN public_fold;
ALTER TABLE cases DROP COLUMN search_fold;
