-- +goose Up
-- The reception's papers (issue 18; ND 154/2026): the notice refusing to
-- receive a citizen (Mẫu 01/TCD) and the receipt for the papers handed in
-- (Mẫu 02/TCD), printed from a visit, numbered as the unit's other papers
-- are (document_counters: 01/TCD a TB, 02/TCD a GBN). Once each a visit.
CREATE TABLE visit_papers (
    id           INTEGER PRIMARY KEY,
    visit_id     INTEGER NOT NULL REFERENCES reception_visits(id),
    unit_id      INTEGER NOT NULL REFERENCES units(id),
    form         TEXT NOT NULL CHECK (form IN ('01/TCD', '02/TCD')),
    year         INTEGER NOT NULL,
    number_text  TEXT NOT NULL,
    issued_on    TEXT NOT NULL,
    issued_by    INTEGER NOT NULL REFERENCES users(id),
    at           TEXT NOT NULL,
    UNIQUE (visit_id, form)
);
CREATE INDEX visit_papers_register ON visit_papers(unit_id, year);

-- +goose Down
DROP TABLE visit_papers;
