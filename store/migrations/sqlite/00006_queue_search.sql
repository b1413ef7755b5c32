-- +goose Up
-- A search reads cases in queue order until a page is full. Reading each case
-- row for its subject and content costs a random page read, and a common word
-- can take a thousand rows to fill a page. The queue index now carries what
-- the search and the unit filter look at, so a search reads index pages in
-- order and fetches only the rows it shows (docs/PERFORMANCE.md). About 380
-- bytes a case; subject and content never change, so only a new due date
-- rewrites an entry, as before.
DROP INDEX cases_queue;
CREATE INDEX cases_queue ON cases(COALESCE(due_on, '9999-12-31'), id, unit_id, tracking_code, subject, content);

-- +goose Down
DROP INDEX cases_queue;
CREATE INDEX cases_queue ON cases(COALESCE(due_on, '9999-12-31'), id);
