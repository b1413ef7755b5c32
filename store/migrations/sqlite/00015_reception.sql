-- +goose Up
-- Citizen reception (issue 16; DOMAIN.md §6). A session is a day a unit
-- receives citizens: the head's periodic or ad hoc day, or the staff's
-- regular reception. head_id is the head whose day it is; host says who
-- actually received (the head in person counts toward the legal minimum, a
-- named deputy does not). published_on is when the day was put on the public
-- schedule (LTCD Art. 24: five working days ahead).
CREATE TABLE reception_sessions (
    id            INTEGER PRIMARY KEY,
    unit_id       INTEGER NOT NULL REFERENCES units(id),
    head_id       INTEGER REFERENCES users(id),
    kind          TEXT NOT NULL,
    form          TEXT NOT NULL,
    place         TEXT NOT NULL DEFAULT '',
    held_on       TEXT NOT NULL,
    host          TEXT NOT NULL,
    host_name     TEXT NOT NULL DEFAULT '',
    state         TEXT NOT NULL,
    published_on  TEXT,
    change_reason TEXT NOT NULL DEFAULT '',
    notified_on   TEXT,
    recording     TEXT NOT NULL DEFAULT '',
    conclusion    TEXT NOT NULL DEFAULT '',
    concluded_by  INTEGER REFERENCES users(id),
    concluded_on  TEXT,
    created_by    INTEGER NOT NULL REFERENCES users(id),
    created_at    TEXT NOT NULL
);
CREATE INDEX reception_sessions_unit ON reception_sessions(unit_id, held_on);
CREATE INDEX reception_sessions_head ON reception_sessions(head_id, held_on) WHERE head_id IS NOT NULL;

-- The reception book (Sổ tiếp công dân, Mẫu 03/TCD): one row a visit. The
-- visitor and a crowd's representatives are sealed like a petitioner, with
-- keyed hashes to tell a first visit from a repeat. documents lists the papers
-- handed in (the receipt of Mẫu 02/TCD).
CREATE TABLE reception_visits (
    id            INTEGER PRIMARY KEY,
    unit_id       INTEGER NOT NULL REFERENCES units(id),
    session_id    INTEGER REFERENCES reception_sessions(id),
    visited_on    TEXT NOT NULL,
    kind          TEXT NOT NULL,
    sealed        TEXT NOT NULL,
    id_hash       TEXT NOT NULL DEFAULT '',
    name_hash     TEXT NOT NULL DEFAULT '',
    people        INTEGER NOT NULL DEFAULT 1,
    head_received INTEGER NOT NULL DEFAULT 0,
    content       TEXT NOT NULL,
    handled_by    TEXT NOT NULL DEFAULT '',
    outcome       TEXT NOT NULL,
    case_id       INTEGER REFERENCES cases(id),
    document_no   TEXT NOT NULL DEFAULT '',
    documents     TEXT NOT NULL DEFAULT '',
    refusal_code  TEXT NOT NULL DEFAULT '',
    repeat        INTEGER NOT NULL DEFAULT 0,
    created_by    INTEGER NOT NULL REFERENCES users(id),
    created_at    TEXT NOT NULL
);
CREATE INDEX reception_visits_unit ON reception_visits(unit_id, visited_on, id);
CREATE INDEX reception_visits_session ON reception_visits(session_id) WHERE session_id IS NOT NULL;
CREATE INDEX reception_visits_id_hash ON reception_visits(id_hash) WHERE id_hash <> '';
CREATE INDEX reception_visits_name_hash ON reception_visits(name_hash) WHERE name_hash <> '';

-- +goose Down
DROP TABLE reception_visits;
DROP TABLE reception_sessions;
