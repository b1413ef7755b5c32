-- +goose Up
-- API tokens live store.TokenTTL (30 days) unless given another lifetime
-- (issue 14). Tokens issued before lifetimes existed (expires_at NULL) get 30
-- days from this migration, not forever; a token still without an expiry is
-- refused. Revoking a user's tokens looks them up by user.
UPDATE api_tokens SET expires_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '+30 days') WHERE expires_at IS NULL;
CREATE INDEX IF NOT EXISTS api_tokens_user ON api_tokens(user_id);

-- +goose Down
DROP INDEX IF EXISTS api_tokens_user;
