-- +goose Up
-- Registration facts (DOMAIN.md §1, §2): a complaint against a disciplinary
-- decision (LKN 2011 Art. 46–55); a denunciation received by transfer from
-- another body, which may not transfer it on (TT 05/2021/TT-TTCP Art. 14); one
-- forwarded by the press or a competent authority, whose forwarder is owed a
-- written result within 20 days (LTC 2018 Art. 26(2)).
ALTER TABLE cases ADD COLUMN disciplinary INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cases ADD COLUMN received_by_transfer INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cases ADD COLUMN forwarded_by_authority INTEGER NOT NULL DEFAULT 0;

-- A unit's settings over time: each change, effective from a day, with who
-- set it and when. units.settings keeps the resulting dated list (JSON) for
-- the engine, written in the same transaction. Settings set before this
-- migration are carried over as in force from the start.
CREATE TABLE unit_settings (
    id             INTEGER PRIMARY KEY,
    unit_id        INTEGER NOT NULL REFERENCES units(id),
    effective_from TEXT NOT NULL,
    settings       TEXT NOT NULL,
    set_by         INTEGER REFERENCES users(id),
    set_at         TEXT NOT NULL
);
CREATE INDEX unit_settings_unit ON unit_settings(unit_id, effective_from, id);
INSERT INTO unit_settings (unit_id, effective_from, settings, set_by, set_at)
    SELECT id, '2000-01-01', settings, NULL, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
    FROM units WHERE settings NOT IN ('', '{}');

-- +goose Down
DROP TABLE unit_settings;
ALTER TABLE cases DROP COLUMN forwarded_by_authority;
ALTER TABLE cases DROP COLUMN received_by_transfer;
ALTER TABLE cases DROP COLUMN disciplinary;
