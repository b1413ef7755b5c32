-- +goose Up
-- The reports (issue 17) read, for each case a period counts, the acts the
-- forms count (workflow.ReportEvents) and what each recorded: a history row
-- also carries the clocks and the chain's hashes, some two kilobytes, so
-- reading a province's year row by row read gigabytes. This index holds only
-- those acts, with their payload. SQLite uses a partial index only when the
-- query repeats its WHERE term exactly: store/reports.go builds the same list,
-- in the same order, and TestReportActsReadTheirIndex keeps the two together.
CREATE INDEX history_report ON history(case_id, on_date, seq, event, payload)
    WHERE event IN ('accept', 'reject', 'transfer', 'file', 'classify', 'withdraw', 'resolve', 'implement');

-- And which cases a period counts (store/reports.go reportCases), read from
-- this index without the cases' rows, kilobytes each too.
CREATE INDEX cases_report ON cases(unit_id, received_on, last_event_on, state, kind, resolved_on);

-- +goose Down
DROP INDEX cases_report;
DROP INDEX history_report;
