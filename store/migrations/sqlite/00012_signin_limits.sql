-- +goose Up
-- Sign-in attempts that count against the limits on guessing (handlers'
-- signInLimiter): one row per limit key an attempt counted against. The key
-- (a login and client address, or an address) is kept only as its SHA-256;
-- attempt groups the rows of one attempt, so a success can take its own back.
-- Kept in the database so that a restart does not forget a lockout.
CREATE TABLE signin_failures (
    key_hash  TEXT NOT NULL,
    attempt   TEXT NOT NULL,
    failed_at TEXT NOT NULL
);
CREATE INDEX signin_failures_key ON signin_failures(key_hash, failed_at);
CREATE INDEX signin_failures_attempt ON signin_failures(attempt);
CREATE INDEX signin_failures_at ON signin_failures(failed_at);

-- +goose Down
DROP TABLE signin_failures;
