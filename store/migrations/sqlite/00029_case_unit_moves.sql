-- +goose Up
-- The cases a reorganisation of units moved (issue 19; store/reorganise.go):
-- each active case of an ended unit went to its successor, effective from a
-- day. A backlog or report as of a day before it counts the case under the
-- unit it was in then (from_unit_id), so an audit of the past reads as it did.
CREATE TABLE case_unit_moves (
    id            INTEGER PRIMARY KEY,
    case_id       INTEGER NOT NULL REFERENCES cases(id),
    from_unit_id  INTEGER NOT NULL REFERENCES units(id),
    to_unit_id    INTEGER NOT NULL REFERENCES units(id),
    effective_on  TEXT NOT NULL
);
CREATE INDEX case_unit_moves_case ON case_unit_moves(case_id, effective_on, id);
CREATE INDEX case_unit_moves_day ON case_unit_moves(effective_on, from_unit_id);

-- +goose Down
DROP TABLE case_unit_moves;
