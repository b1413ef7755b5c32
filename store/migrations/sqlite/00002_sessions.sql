-- +goose Up
-- Browser sessions: the cookie holds a random id; only its hash is stored.
CREATE TABLE sessions (
    id_hash    TEXT PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users(id),
    csrf       TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

-- The petitioner's name folded (no diacritics, lower case), to warn of repeat letters.
ALTER TABLE petitioners ADD COLUMN name_folded TEXT NOT NULL DEFAULT '';
CREATE INDEX petitioners_id_number ON petitioners(id_number) WHERE id_number <> '';
CREATE INDEX petitioners_name_folded ON petitioners(name_folded) WHERE name_folded <> '';

-- +goose Down
DROP INDEX petitioners_name_folded;
DROP INDEX petitioners_id_number;
ALTER TABLE petitioners DROP COLUMN name_folded;
DROP TABLE sessions;
