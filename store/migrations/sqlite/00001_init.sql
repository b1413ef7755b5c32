-- +goose Up
-- Dates are TEXT 'YYYY-MM-DD' (the agency's day); times are TEXT RFC 3339 in UTC.

CREATE TABLE units (
    id         INTEGER PRIMARY KEY,
    code       TEXT NOT NULL UNIQUE,
    name       TEXT NOT NULL,
    parent_id  INTEGER REFERENCES units(id),
    level      TEXT NOT NULL DEFAULT 'agency',
    valid_from TEXT,
    valid_to   TEXT,
    settings   TEXT NOT NULL DEFAULT '{}'
);

CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    login         TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL,
    role          TEXT NOT NULL,
    unit_id       INTEGER NOT NULL REFERENCES units(id),
    password_hash TEXT NOT NULL,
    disabled      INTEGER NOT NULL DEFAULT 0,
    created_at    TEXT NOT NULL
);

-- API tokens are stored as SHA-256 hashes only.
CREATE TABLE api_tokens (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users(id),
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    expires_at TEXT
);

CREATE TABLE cases (
    id                INTEGER PRIMARY KEY,
    tracking_code     TEXT NOT NULL UNIQUE,
    kind              TEXT NOT NULL,
    round             INTEGER NOT NULL DEFAULT 0,
    prior_case_id     INTEGER REFERENCES cases(id),
    channel           TEXT NOT NULL,
    unit_id           INTEGER NOT NULL REFERENCES units(id),
    assignee_id       INTEGER REFERENCES users(id),
    registered_by     INTEGER NOT NULL REFERENCES users(id),
    state             TEXT NOT NULL,
    version           INTEGER NOT NULL,
    received_on       TEXT NOT NULL,
    matter_started_on TEXT NOT NULL,
    accepted_on       TEXT,
    resolved_on       TEXT,
    disclosed_on      TEXT,
    last_event_on     TEXT NOT NULL,
    outcome           TEXT,
    subject           TEXT NOT NULL,
    content           TEXT NOT NULL,
    anonymous         INTEGER NOT NULL DEFAULT 0,
    signatories       INTEGER NOT NULL DEFAULT 1,
    remote_area       INTEGER NOT NULL DEFAULT 0,
    complexity        TEXT NOT NULL DEFAULT 'normal',
    due_on            TEXT,            -- the earliest running clock, kept for queues
    clocks            TEXT NOT NULL,   -- JSON: every clock, running or stopped
    facts             TEXT NOT NULL,   -- JSON: what earlier events established
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL
);
CREATE INDEX cases_unit_due ON cases(unit_id, due_on, id);
CREATE INDEX cases_assignee ON cases(assignee_id, due_on);
CREATE INDEX cases_due ON cases(due_on, id);

-- The sender's identity is kept apart from the case (LTC 2018 Art. 47, 56) and
-- sealed with AES-GCM under a key that is never stored here, so a copied file
-- or backup reveals no one. Repeat letters are matched through keyed hashes
-- (HMAC) of the ID number and of the folded name.
CREATE TABLE petitioners (
    case_id   INTEGER PRIMARY KEY REFERENCES cases(id),
    sealed    TEXT NOT NULL,
    id_hash   TEXT NOT NULL DEFAULT '',
    name_hash TEXT NOT NULL DEFAULT ''
);
CREATE INDEX petitioners_id_hash ON petitioners(id_hash) WHERE id_hash <> '';
CREATE INDEX petitioners_name_hash ON petitioners(name_hash) WHERE name_hash <> '';

-- Every read of a denouncer's identity.
CREATE TABLE identity_reads (
    id      INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    user_id INTEGER NOT NULL REFERENCES users(id),
    at      TEXT NOT NULL,
    purpose TEXT NOT NULL
);

-- The append-only history: one record per act, with the clocks after it.
CREATE TABLE history (
    id         INTEGER PRIMARY KEY,
    case_id    INTEGER NOT NULL REFERENCES cases(id),
    seq        INTEGER NOT NULL,
    event      TEXT NOT NULL,
    from_state TEXT NOT NULL,
    to_state   TEXT NOT NULL,
    on_date    TEXT NOT NULL,
    at         TEXT NOT NULL,
    actor_id   INTEGER REFERENCES users(id),
    actor      TEXT NOT NULL,
    payload    TEXT NOT NULL,
    clocks     TEXT NOT NULL,
    UNIQUE (case_id, seq)
);
CREATE INDEX history_on ON history(on_date);

-- +goose StatementBegin
CREATE TRIGGER history_no_update BEFORE UPDATE ON history
BEGIN
    SELECT RAISE(ABORT, 'history is append-only');
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER history_no_delete BEFORE DELETE ON history
BEGIN
    SELECT RAISE(ABORT, 'history is append-only');
END;
-- +goose StatementEnd

CREATE TABLE calendar_days (
    day    TEXT PRIMARY KEY,
    kind   TEXT NOT NULL CHECK (kind IN ('off', 'work')),
    name   TEXT NOT NULL,
    source TEXT NOT NULL DEFAULT ''
);

-- +goose Down
DROP TABLE calendar_days;
DROP TABLE history;
DROP TABLE identity_reads;
DROP TABLE petitioners;
DROP TABLE cases;
DROP TABLE api_tokens;
DROP TABLE users;
DROP TABLE units;
