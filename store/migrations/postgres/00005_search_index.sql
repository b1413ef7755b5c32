-- +goose Up
-- Searching subjects and contents for any part of a word (ILIKE '%…%') reads
-- trigram indexes instead of every case: a word in no letter is answered at
-- once. pg_trgm ships with PostgreSQL and is a trusted extension (a database
-- owner may create it). SQLite has no such index: see docs/PERFORMANCE.md.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX cases_subject_trgm ON cases USING gin (subject gin_trgm_ops);
CREATE INDEX cases_content_trgm ON cases USING gin (content gin_trgm_ops);

-- +goose Down
DROP INDEX cases_content_trgm;
DROP INDEX cases_subject_trgm;
