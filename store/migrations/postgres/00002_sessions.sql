-- +goose Up
-- Browser sessions: the cookie holds a random id; only its hash is stored.
CREATE TABLE sessions (
    id_hash    TEXT COLLATE "C" PRIMARY KEY,
    user_id    BIGINT NOT NULL REFERENCES users(id),
    csrf       TEXT COLLATE "C" NOT NULL,
    created_at TEXT COLLATE "C" NOT NULL,
    expires_at TEXT COLLATE "C" NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

-- +goose Down
DROP TABLE sessions;
