-- +goose Up
-- The word index of searches (README: "Searching"; store/search_words.go):
-- each distinct word of a case's search_fold, cut to eight characters, with
-- the case. A search looks its rarest word up here, so a word in few letters
-- or in none no longer reads the whole queue. Keyed by (word, case_id) and
-- WITHOUT ROWID: one B-tree, no second copy of the keys. No foreign key:
-- cases are never deleted, and one would want an index on case_id.
-- Open fills it for the cases already stored (backfillWords).
CREATE TABLE case_words (
	word TEXT NOT NULL,
	case_id INTEGER NOT NULL,
	PRIMARY KEY (word, case_id)
) WITHOUT ROWID;

-- +goose Down
DROP TABLE case_words;
