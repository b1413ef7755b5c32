-- +goose Up
-- The follow-up of a reception day (issue 16). A head's written conclusion
-- assigns tasks (ND 154/2026 Art. 25(2)): each a case to act on, whose clock is
-- the case's own, or a dated duty whose clock is its due day.
CREATE TABLE reception_tasks (
    id          INTEGER PRIMARY KEY,
    session_id  INTEGER NOT NULL REFERENCES reception_sessions(id),
    unit_id     INTEGER NOT NULL REFERENCES units(id),
    text        TEXT NOT NULL,
    assignee    TEXT NOT NULL DEFAULT '',
    due_on      TEXT,
    case_id     INTEGER REFERENCES cases(id),
    done_on     TEXT,
    done_by     INTEGER REFERENCES users(id),
    result      TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL
);
CREATE INDEX reception_tasks_session ON reception_tasks(session_id);
CREATE INDEX reception_tasks_open ON reception_tasks(unit_id, due_on) WHERE done_on IS NULL;

-- Every act on a session, in the transaction of the act: who scheduled,
-- moved, cancelled, held or concluded it, and who finished a task; held_on is
-- the session's day after the act. The session's row keeps only where it stands.
CREATE TABLE reception_log (
    id          INTEGER PRIMARY KEY,
    session_id  INTEGER NOT NULL REFERENCES reception_sessions(id),
    act         TEXT NOT NULL,
    held_on     TEXT NOT NULL,
    actor_id    INTEGER NOT NULL REFERENCES users(id),
    at          TEXT NOT NULL,
    detail      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX reception_log_session ON reception_log(session_id, id);

-- +goose Down
DROP TABLE reception_log;
DROP TABLE reception_tasks;
