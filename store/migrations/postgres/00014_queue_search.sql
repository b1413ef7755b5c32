-- +goose Up
-- SQLite's 00014 adds a word index for searches (store/search_words.go).
-- PostgreSQL answers rare words from its trigram index on search_fold
-- (00013) and common words by walking the queue in order (store/list_walk.go).
-- That walk reads each entry's unit and folded text: carried in the queue
-- indexes, it reads index pages only (an index-only scan), not a row of
-- cases for every entry. due_on is carried too, since PostgreSQL scans an
-- index on an expression index-only only when it holds the expression's
-- columns as well. About 300 bytes a case (the folded text).
DROP INDEX IF EXISTS cases_queue;
CREATE INDEX cases_queue ON cases((COALESCE(due_on, '9999-12-31')), id) INCLUDE (due_on, unit_id, search_fold);
DROP INDEX IF EXISTS cases_unit_queue;
CREATE INDEX cases_unit_queue ON cases(unit_id, (COALESCE(due_on, '9999-12-31')), id) INCLUDE (due_on, search_fold);

-- +goose Down
DROP INDEX IF EXISTS cases_unit_queue;
CREATE INDEX cases_unit_queue ON cases(unit_id, (COALESCE(due_on, '9999-12-31')), id);
DROP INDEX IF EXISTS cases_queue;
CREATE INDEX cases_queue ON cases((COALESCE(due_on, '9999-12-31')), id);
