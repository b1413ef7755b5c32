-- +goose Up
-- The body that forwarded a letter (channel "forwarded"): a press agency or a
-- competent authority, which a forwarded denunciation owes a written result
-- (LTC 2018 Art. 26(2)). Typed at registration, corrected with the correct act.
ALTER TABLE cases ADD COLUMN forwarded_by TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE cases DROP COLUMN forwarded_by;
