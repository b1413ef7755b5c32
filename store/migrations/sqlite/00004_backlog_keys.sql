-- +goose Up
-- Kept for the backlog and the queues at a million cases (ARCHITECTURE.md:
-- what must be fast to query is kept in columns and indexes the same
-- transaction updates). See store/settled.go.
ALTER TABLE cases ADD COLUMN settled_on TEXT;
ALTER TABLE cases ADD COLUMN span_class INTEGER;

UPDATE cases SET settled_on = last_event_on
WHERE state NOT IN ('received', 'assigned', 'in_resolution', 'suspended') AND due_on IS NULL;

UPDATE cases SET span_class = (
    SELECT CASE WHEN d < 1 THEN 0 WHEN d < 2 THEN 1 WHEN d < 4 THEN 2 WHEN d < 8 THEN 3 WHEN d < 16 THEN 4
        WHEN d < 32 THEN 5 WHEN d < 64 THEN 6 WHEN d < 128 THEN 7 WHEN d < 256 THEN 8 WHEN d < 512 THEN 9
        WHEN d < 1024 THEN 10 WHEN d < 2048 THEN 11 WHEN d < 4096 THEN 12 WHEN d < 8192 THEN 13
        WHEN d < 16384 THEN 14 ELSE 15 END
    FROM (SELECT CAST(julianday(settled_on) - julianday(received_on) AS INTEGER) AS d))
WHERE settled_on IS NOT NULL;

-- history.due_on is the earliest running due date after the act (NULL when
-- none runs): all the backlog as of a past day needs of a record, since the
-- worst clock is always the earliest (StatusOn is monotone in the due date).
-- It is derived from the record's clocks, which its hash covers; filling it
-- in for the records already written is the one update history ever gets.
ALTER TABLE history ADD COLUMN due_on TEXT;
DROP TRIGGER history_no_update;
UPDATE history SET due_on = (
    SELECT MIN(json_extract(k.value, '$.due_on')) FROM json_each(history.clocks) k
    WHERE COALESCE(json_extract(k.value, '$.stopped_on'), '') = ''
      AND COALESCE(json_extract(k.value, '$.suspended_on'), '') = '');
-- +goose StatementBegin
CREATE TRIGGER history_no_update BEFORE UPDATE ON history
BEGIN
    SELECT RAISE(ABORT, 'history is append-only');
END;
-- +goose StatementEnd

-- The backlog reads only these indexes, never the wide case rows: the active
-- cases (today's backlog), the settled ones by span class and receipt (a past
-- day's), and each case's records by day (how a case stood on a past day).
CREATE INDEX cases_active ON cases(unit_id, received_on, last_event_on, kind, state, due_on, matter_started_on)
    WHERE settled_on IS NULL;
CREATE INDEX cases_span ON cases(span_class, received_on, settled_on, unit_id, kind, matter_started_on)
    WHERE settled_on IS NOT NULL;
CREATE INDEX history_as_of ON history(case_id, on_date, seq, to_state, due_on);
DROP INDEX history_on; -- nothing reads the records of a day across cases

-- Queues are ordered by the kept due date with undated cases last; an index on
-- that very expression lets the first page stop after its rows.
DROP INDEX cases_unit_due;
DROP INDEX cases_assignee;
DROP INDEX cases_due;
CREATE INDEX cases_queue ON cases(COALESCE(due_on, '9999-12-31'), id);
CREATE INDEX cases_unit_queue ON cases(unit_id, COALESCE(due_on, '9999-12-31'), id);
CREATE INDEX cases_assignee_queue ON cases(assignee_id, COALESCE(due_on, '9999-12-31'), id);

-- +goose Down
DROP INDEX cases_assignee_queue;
DROP INDEX cases_unit_queue;
DROP INDEX cases_queue;
CREATE INDEX cases_unit_due ON cases(unit_id, due_on, id);
CREATE INDEX cases_assignee ON cases(assignee_id, due_on);
CREATE INDEX cases_due ON cases(due_on, id);
CREATE INDEX history_on ON history(on_date);
DROP INDEX history_as_of;
DROP INDEX cases_span;
ALTER TABLE history DROP COLUMN due_on;
DROP INDEX cases_active;
ALTER TABLE cases DROP COLUMN span_class;
ALTER TABLE cases DROP COLUMN settled_on;
