-- +goose Up
-- Every read of the identity of a denouncer who came to the reception and
-- whose visit became no case (a case's are in identity_reads): LTC 2018 Art. 8.
CREATE TABLE visit_identity_reads (
    id       INTEGER PRIMARY KEY,
    visit_id INTEGER NOT NULL REFERENCES reception_visits(id),
    user_id  INTEGER NOT NULL REFERENCES users(id),
    at       TEXT NOT NULL,
    purpose  TEXT NOT NULL
);
CREATE INDEX visit_identity_reads_visit ON visit_identity_reads(visit_id);

-- +goose Down
DROP TABLE visit_identity_reads;
