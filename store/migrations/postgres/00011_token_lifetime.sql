-- +goose Up
-- API tokens live store.TokenTTL (30 days) unless given another lifetime
-- (issue 14). Tokens issued before lifetimes existed (expires_at NULL) get 30
-- days from this migration, not forever; a token still without an expiry is
-- refused. Revoking a user's tokens looks them up by user.
UPDATE api_tokens
    SET expires_at = to_char((now() AT TIME ZONE 'UTC') + INTERVAL '30 days', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
    WHERE expires_at IS NULL;
CREATE INDEX IF NOT EXISTS api_tokens_user ON api_tokens(user_id);

-- +goose Down
DROP INDEX IF EXISTS api_tokens_user;
