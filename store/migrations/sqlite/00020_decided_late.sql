-- +goose Up
-- Whether a case was decided after its resolution deadline (extensions
-- included), kept when it is decided: the reports count it for every
-- decision of a period, and reading it from the clocks' JSON took most of a
-- second a province's year (docs/PERFORMANCE.md, issue 17). The cases
-- already decided get it from their clocks once.
ALTER TABLE cases ADD COLUMN decided_late INTEGER NOT NULL DEFAULT 0;
UPDATE cases SET decided_late = COALESCE((SELECT CASE WHEN json_extract(k.value, '$.stopped_on') > json_extract(k.value, '$.due_on') THEN 1 ELSE 0 END
    FROM json_each(cases.clocks) k
    WHERE json_extract(k.value, '$.name') = 'resolution' AND json_extract(k.value, '$.stopped_on') = cases.resolved_on LIMIT 1), 0)
WHERE resolved_on IS NOT NULL;

-- +goose Down
ALTER TABLE cases DROP COLUMN decided_late;
