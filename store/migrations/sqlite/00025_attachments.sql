-- +goose Up
-- Scans and files kept on a case (issue 18; store/attachments.go). The bytes
-- live outside the database, named by their SHA-256 (store/files.go); a row
-- is written only once its file is in place. A file is never deleted: a wrong
-- one is withdrawn, with the reason. A denunciation's letter is sealed like
-- the denouncer's name (sealed: the stored bytes are encrypted).
CREATE TABLE attachments (
    id               INTEGER PRIMARY KEY,
    case_id          INTEGER NOT NULL REFERENCES cases(id),
    title            TEXT NOT NULL,
    file_name        TEXT NOT NULL,
    content_type     TEXT NOT NULL,
    size             INTEGER NOT NULL,
    sha256           TEXT NOT NULL,
    sealed           INTEGER NOT NULL DEFAULT 0,
    added_by         INTEGER NOT NULL REFERENCES users(id),
    added_at         TEXT NOT NULL,
    withdrawn_at     TEXT,
    withdrawn_by     INTEGER REFERENCES users(id),
    withdrawn_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX attachments_case ON attachments(case_id, id);
CREATE INDEX attachments_sha ON attachments(sha256);

-- +goose Down
DROP TABLE attachments;
