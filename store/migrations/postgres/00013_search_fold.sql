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
-- A search now reads search_fold alone (each word LIKE '%word%'), so its
-- trigram index replaces those of subject, content and tracking code (00005,
-- 00006), which no query reads any more.
ALTER TABLE cases ADD COLUMN search_fold TEXT COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN public_fold TEXT COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE petitioners ADD COLUMN phone_hash TEXT COLLATE "C" NOT NULL DEFAULT '';
CREATE INDEX petitioners_phone_hash ON petitioners(phone_hash) WHERE phone_hash <> '';
CREATE INDEX cases_search_fold_trgm ON cases USING gin (search_fold gin_trgm_ops);
CREATE INDEX cases_public_fold_trgm ON cases USING gin (public_fold gin_trgm_ops) WHERE public_fold <> '';
DROP INDEX cases_subject_trgm;
DROP INDEX cases_content_trgm;
DROP INDEX cases_tracking_code_trgm;

-- +goose Down
CREATE INDEX cases_tracking_code_trgm ON cases USING gin (tracking_code gin_trgm_ops);
CREATE INDEX cases_content_trgm ON cases USING gin (content gin_trgm_ops);
CREATE INDEX cases_subject_trgm ON cases USING gin (subject gin_trgm_ops);
DROP INDEX cases_public_fold_trgm;
DROP INDEX cases_search_fold_trgm;
DROP INDEX petitioners_phone_hash;
ALTER TABLE petitioners DROP COLUMN phone_hash;
ALTER TABLE cases DROP COLUMN public_fold;
ALTER TABLE cases DROP COLUMN search_fold;
