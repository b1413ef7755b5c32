-- +goose Up
-- The history chain is keyed: each record's hash and the running hash are an
-- HMAC-SHA256 under a key derived from the master key (store/chain.go), which
-- no SQL migration sees. keyed = 0 marks a history hashed with plain SHA-256
-- by an earlier release; Open verifies it and seals it again with the key,
-- once (store/chain_rekey.go). A new database, with no history, starts keyed.
CREATE TABLE chain_state (keyed INTEGER NOT NULL CHECK (keyed IN (0, 1)));
INSERT INTO chain_state (keyed) SELECT CASE WHEN EXISTS (SELECT 1 FROM history) THEN 0 ELSE 1 END;

-- +goose Down
DROP TABLE chain_state;
