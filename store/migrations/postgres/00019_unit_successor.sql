-- +goose Up
-- Units merge (the communes and wards rearranged from 01/07/2025): a unit
-- that ended names the unit that took over its work, so that reports can
-- count its cases under the unit as merged (issue 17).
ALTER TABLE units ADD COLUMN successor_id BIGINT REFERENCES units(id);

-- +goose Down
ALTER TABLE units DROP COLUMN successor_id;
