-- +goose Up
-- A user may hold a role in more units than their own (issue 19: a deputy
-- who receives citizens for two communes): each further post is a unit and
-- the role held there. A browser session or an API token acts in one post at
-- a time (unit_id; NULL for the user's own unit; a post since taken away
-- counts as none), so every access rule still reads one role in one unit.
CREATE TABLE user_posts (
    user_id  INTEGER NOT NULL REFERENCES users(id),
    unit_id  INTEGER NOT NULL REFERENCES units(id),
    role     TEXT NOT NULL,
    PRIMARY KEY (user_id, unit_id)
);
CREATE INDEX user_posts_unit ON user_posts(unit_id);
ALTER TABLE sessions ADD COLUMN unit_id INTEGER;
ALTER TABLE api_tokens ADD COLUMN unit_id INTEGER;

-- +goose Down
ALTER TABLE api_tokens DROP COLUMN unit_id;
ALTER TABLE sessions DROP COLUMN unit_id;
DROP TABLE user_posts;
