-- +goose Up
-- A unit's former names, each with the last day it was borne (issue 19): a
-- renamed unit keeps its old name for the papers and reports of its time.
CREATE TABLE unit_names (
    unit_id  INTEGER NOT NULL REFERENCES units(id),
    name     TEXT NOT NULL,
    until    TEXT NOT NULL
);
CREATE INDEX unit_names_unit ON unit_names(unit_id, until);

-- +goose Down
DROP TABLE unit_names;
