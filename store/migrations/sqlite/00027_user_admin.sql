-- +goose Up
-- Administration of users from the browser and the API (issue 19;
-- store/admin_users.go): a user an administrator created, or whose password
-- was reset, must choose a password at the next sign-in; every act of an
-- administrator is logged in its own transaction.
ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;
CREATE TABLE admin_log (
    id        INTEGER PRIMARY KEY,
    actor_id  INTEGER NOT NULL REFERENCES users(id),
    at        TEXT NOT NULL,
    act       TEXT NOT NULL,
    target    TEXT NOT NULL,
    detail    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX admin_log_target ON admin_log(target, id);

-- +goose Down
DROP TABLE admin_log;
ALTER TABLE users DROP COLUMN must_change_password;
