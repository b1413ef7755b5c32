-- +goose Up
-- PostgreSQL's 00005 adds trigram indexes for searching any part of a word.
-- SQLite has none without its FTS5 build tag, so searches here read cases in
-- queue order until a page is full (docs/PERFORMANCE.md): nothing to change.
SELECT 1;

-- +goose Down
SELECT 1;
