-- +goose Up
-- SQLite's 00006 widens its queue index so that searches read it alone.
-- PostgreSQL searches through the trigram indexes of 00005: nothing to change.
SELECT 1;

-- +goose Down
SELECT 1;
