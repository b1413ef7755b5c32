-- +goose Up
-- A unit's users: the case page's assignees, the compliance's heads, the
-- users page. A country has some ten thousand officials, and PostgreSQL read
-- them all for each case page (auto_explain, docs/PERFORMANCE.md, issue 20).
CREATE INDEX users_unit ON users(unit_id);

-- +goose Down
DROP INDEX users_unit;
