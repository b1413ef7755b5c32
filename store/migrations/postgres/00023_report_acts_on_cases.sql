-- +goose Up
-- A report reads, for each case a period counts, the acts the forms count
-- (workflow.ReportEvents) with their days and the fields the forms read
-- (workflow.ReportFieldsOfRecord): a province's year sought them in the
-- history one case at a time, some 150,000 acts (docs/PERFORMANCE.md, issue
-- 17). The store now keeps them on the case's row as they are recorded
-- (store/report_acts.go), so a report reads one row a case; the history
-- stays the record. The cases recorded so far get theirs from their history
-- here, with the same fields; history_report is then read by nothing.
ALTER TABLE cases ADD COLUMN report_acts TEXT NOT NULL DEFAULT '[]';
-- And the day a complaint's decision was carried out in full (the first
-- implementation marked completed, workflow.CarriesOut): 02/KQGQ counts the
-- decisions not carried out before its period, not every decision ever made.
ALTER TABLE cases ADD COLUMN implemented_on TEXT;
UPDATE cases SET report_acts = a.acts FROM (
    SELECT h.case_id, CAST(jsonb_agg(jsonb_build_object('e', h.event, 'on', h.on_date) ||
        CASE WHEN h.event IN ('classify', 'transfer', 'withdraw', 'resolve', 'implement') THEN jsonb_build_object('in', COALESCE((
            SELECT jsonb_object_agg(j.key, j.value) FROM jsonb_each(CAST(h.payload AS jsonb)) j WHERE j.key IN (
                'domain', 'mode', 'violation_signs', 'outcome', 'completed', 'recover_money', 'recover_land',
                'return_org_money', 'return_org_land', 'return_person_money', 'return_person_land',
                'restored_orgs', 'restored_persons', 'sanction_persons', 'sanction_officials',
                'referred_cases', 'referred_persons', 'referred_officials', 'recovered_money',
                'recovered_land', 'returned_org_money', 'returned_org_land', 'returned_person_money',
                'returned_person_land', 'sanctioned_persons', 'sanctioned_officials', 'prosecuted_cases',
                'prosecuted_persons', 'prosecuted_officials')), '{}'))
        ELSE '{}' END ORDER BY h.seq) AS TEXT) AS acts
    FROM history h WHERE h.event IN ('accept', 'reject', 'transfer', 'file', 'classify', 'withdraw', 'resolve', 'implement')
    GROUP BY h.case_id) a
WHERE cases.id = a.case_id;
UPDATE cases SET implemented_on = a.day FROM (
    SELECT case_id, MIN(on_date) AS day FROM history
    WHERE event = 'implement' AND CAST(payload AS jsonb)->>'completed' = 'true' GROUP BY case_id) a
WHERE cases.id = a.case_id;
DROP INDEX history_report;
-- The reports choose their cases from this index and read each one's row
-- for its acts (a list of acts may outgrow what a B-tree entry holds): a
-- period counts the cases received by its end and not at rest before it
-- began, and a case rests from its last act once in a final state (the
-- expression is store/reports.go's restsOn), so a period's cases are one
-- range of it per unit, not every case the unit ever had.
DROP INDEX cases_report;
CREATE INDEX cases_report ON cases(unit_id,
    (CASE WHEN state IN ('closed', 'rejected', 'transferred', 'filed', 'withdrawn') THEN last_event_on ELSE '9999-12-31' END),
    received_on, kind, resolved_on, implemented_on);

-- +goose Down
DROP INDEX cases_report;
CREATE INDEX cases_report ON cases(unit_id, received_on, last_event_on, state, kind, resolved_on)
    INCLUDE (decided_late, round, prior_case_id, tracking_code, accepted_on);
CREATE INDEX history_report ON history(case_id, on_date, seq)
    WHERE event IN ('accept', 'reject', 'transfer', 'file', 'classify', 'withdraw', 'resolve', 'implement');
ALTER TABLE cases DROP COLUMN report_acts;
ALTER TABLE cases DROP COLUMN implemented_on;
