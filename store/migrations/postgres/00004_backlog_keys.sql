-- +goose Up
-- The PostgreSQL twin of migrations/sqlite/00004_backlog_keys.sql.
ALTER TABLE cases ADD COLUMN settled_on TEXT COLLATE "C";
ALTER TABLE cases ADD COLUMN span_class BIGINT;

UPDATE cases SET settled_on = last_event_on
WHERE state NOT IN ('received', 'assigned', 'in_resolution', 'suspended') AND due_on IS NULL;

UPDATE cases c SET span_class = CASE WHEN x.d < 1 THEN 0 WHEN x.d < 2 THEN 1 WHEN x.d < 4 THEN 2 WHEN x.d < 8 THEN 3
        WHEN x.d < 16 THEN 4 WHEN x.d < 32 THEN 5 WHEN x.d < 64 THEN 6 WHEN x.d < 128 THEN 7 WHEN x.d < 256 THEN 8
        WHEN x.d < 512 THEN 9 WHEN x.d < 1024 THEN 10 WHEN x.d < 2048 THEN 11 WHEN x.d < 4096 THEN 12
        WHEN x.d < 8192 THEN 13 WHEN x.d < 16384 THEN 14 ELSE 15 END
FROM (SELECT id, CAST(settled_on AS date) - CAST(received_on AS date) AS d FROM cases WHERE settled_on IS NOT NULL) x
WHERE x.id = c.id;

-- history.due_on: see the SQLite migration. Filling it in for the records
-- already written is the one update history ever gets.
ALTER TABLE history ADD COLUMN due_on TEXT COLLATE "C";
ALTER TABLE history DISABLE TRIGGER history_no_update;
UPDATE history SET due_on = (
    SELECT MIN((k ->> 'due_on') COLLATE "C") FROM json_array_elements(CAST(history.clocks AS json)) k
    WHERE COALESCE(k ->> 'stopped_on', '') = '' AND COALESCE(k ->> 'suspended_on', '') = '');
ALTER TABLE history ENABLE TRIGGER history_no_update;

CREATE INDEX cases_active ON cases(unit_id, received_on, last_event_on, kind, state, due_on, matter_started_on)
    WHERE settled_on IS NULL;
CREATE INDEX cases_span ON cases(span_class, received_on, settled_on, unit_id, kind, matter_started_on)
    WHERE settled_on IS NOT NULL;
CREATE INDEX history_as_of ON history(case_id, on_date, seq, to_state, due_on);
DROP INDEX history_on; -- nothing reads the records of a day across cases

DROP INDEX cases_unit_due;
DROP INDEX cases_assignee;
DROP INDEX cases_due;
CREATE INDEX cases_queue ON cases((COALESCE(due_on, '9999-12-31')), id);
CREATE INDEX cases_unit_queue ON cases(unit_id, (COALESCE(due_on, '9999-12-31')), id);
CREATE INDEX cases_assignee_queue ON cases(assignee_id, (COALESCE(due_on, '9999-12-31')), id);

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
