-- +goose Up
-- Whether a case was decided after its resolution deadline (extensions
-- included), kept when it is decided: the reports count it for every
-- decision of a period, and reading it from the clocks' JSON took most of a
-- second a province's year (docs/PERFORMANCE.md, issue 17). The cases
-- already decided get it from their clocks once.
ALTER TABLE cases ADD COLUMN decided_late BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE cases SET decided_late = COALESCE((SELECT k->>'stopped_on' > k->>'due_on'
    FROM jsonb_array_elements(CAST(cases.clocks AS jsonb)) k
    WHERE k->>'name' = 'resolution' AND k->>'stopped_on' = cases.resolved_on LIMIT 1), FALSE)
WHERE resolved_on IS NOT NULL;

-- +goose Down
ALTER TABLE cases DROP COLUMN decided_late;
