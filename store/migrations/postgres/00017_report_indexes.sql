-- +goose Up
-- The reports (issue 17) ask for the day the first letter came, to refuse a
-- period before it.
CREATE INDEX cases_received ON cases(received_on);

-- +goose Down
DROP INDEX cases_received;
