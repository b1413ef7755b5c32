-- +goose Up
-- The papers the acts issue (issue 18; workflow/papers.go). A document is a
-- draft until the head issues it: then it has its number, unique in its unit's
-- year and kind ("15/TB-UBND"), and its text is frozen; a correction is a new
-- document that replaces it. A paper addressed to a denouncer alone holds
-- their identity and is sealed like the petitioner (sealed = 1).
CREATE TABLE documents (
    id           INTEGER PRIMARY KEY,
    case_id      INTEGER NOT NULL REFERENCES cases(id),
    unit_id      INTEGER NOT NULL REFERENCES units(id),
    template     TEXT NOT NULL,
    symbol       TEXT NOT NULL,
    state        TEXT NOT NULL CHECK (state IN ('draft', 'issued', 'replaced')),
    paper        TEXT NOT NULL,
    sealed       INTEGER NOT NULL DEFAULT 0,
    year         INTEGER,
    number       INTEGER,
    number_text  TEXT,
    issued_on    TEXT,
    issued_by    INTEGER REFERENCES users(id),
    replaces_id  INTEGER REFERENCES documents(id),
    created_by   INTEGER NOT NULL REFERENCES users(id),
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    UNIQUE (unit_id, year, symbol, number)
);
CREATE INDEX documents_case ON documents(case_id, id);
CREATE INDEX documents_register ON documents(unit_id, year, issued_on, id) WHERE number IS NOT NULL;

-- +goose StatementBegin
CREATE TRIGGER documents_frozen BEFORE UPDATE OF paper, sealed, number, number_text, issued_on, issued_by, year, symbol, template, case_id, unit_id
ON documents WHEN OLD.state <> 'draft'
BEGIN
    SELECT RAISE(ABORT, 'an issued document is frozen');
END;
-- +goose StatementEnd

-- The last number given in a unit's year and kind: taken and raised in the
-- transaction that issues, so that two issues at once wait for each other
-- and a rolled-back issue leaves no gap.
CREATE TABLE document_counters (
    unit_id  INTEGER NOT NULL REFERENCES units(id),
    year     INTEGER NOT NULL,
    symbol   TEXT NOT NULL,
    last     INTEGER NOT NULL,
    PRIMARY KEY (unit_id, year, symbol)
);

-- Each sending of a paper to one of its recipients (Paper.To, by position).
CREATE TABLE document_sendings (
    document_id  INTEGER NOT NULL REFERENCES documents(id),
    recipient    INTEGER NOT NULL,
    sent_on      TEXT NOT NULL,
    sent_by      INTEGER NOT NULL REFERENCES users(id),
    at           TEXT NOT NULL,
    PRIMARY KEY (document_id, recipient)
);

-- Every act on a document, in the transaction of the act.
CREATE TABLE document_log (
    id           INTEGER PRIMARY KEY,
    document_id  INTEGER NOT NULL REFERENCES documents(id),
    act          TEXT NOT NULL,
    actor_id     INTEGER NOT NULL REFERENCES users(id),
    at           TEXT NOT NULL,
    detail       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX document_log_document ON document_log(document_id, id);

-- +goose Down
DROP TABLE document_log;
DROP TABLE document_sendings;
DROP TABLE document_counters;
DROP TRIGGER documents_frozen;
DROP TABLE documents;
