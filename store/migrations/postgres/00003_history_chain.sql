-- +goose Up
-- Tamper evidence: each record carries the hash of the previous record of its
-- case, its own hash, and a running hash across all records.
ALTER TABLE history ADD COLUMN prev_hash TEXT COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE history ADD COLUMN hash TEXT COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE history ADD COLUMN chain_hash TEXT COLLATE "C" NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE history DROP COLUMN chain_hash;
ALTER TABLE history DROP COLUMN hash;
ALTER TABLE history DROP COLUMN prev_hash;
