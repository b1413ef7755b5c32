-- +goose Up
-- SQLite's 00014 adds a word index for searches (store/search_words.go).
-- PostgreSQL answers each word of a search from its trigram index on
-- search_fold (00013), so it has nothing to add; this file keeps the two
-- dialects' numbers in step.
SELECT 1;

-- +goose Down
SELECT 1;
