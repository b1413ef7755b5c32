-- +goose Up
-- The reports choose their cases from cases_report (00018) and then read
-- each case's row, kilobytes of clocks and texts, for the few columns they
-- show: the index now carries them too, so an index-only scan serves them.
DROP INDEX IF EXISTS cases_report;
CREATE INDEX cases_report ON cases(unit_id, received_on, last_event_on, state, kind, resolved_on)
    INCLUDE (decided_late, round, prior_case_id, tracking_code, accepted_on);

-- +goose Down
DROP INDEX cases_report;
CREATE INDEX cases_report ON cases(unit_id, received_on, last_event_on, state, kind, resolved_on);
