-- +goose Up
-- A search's three arms are subject, content and tracking code (store/list.go).
-- With trigram indexes on only two of them, PostgreSQL could not answer the OR
-- from indexes and read every case for a word in no letter (3.5 s at a million
-- cases). With the third, it takes 11 ms, and common words still read the
-- queue in order (docs/PERFORMANCE.md). SQLite's 00006 widens its queue index
-- instead.
CREATE INDEX cases_tracking_code_trgm ON cases USING gin (tracking_code gin_trgm_ops);

-- +goose Down
DROP INDEX cases_tracking_code_trgm;
