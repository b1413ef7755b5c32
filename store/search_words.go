package store

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/jmoiron/sqlx"
)

// The word index (SQLite only; migration 00014). A search walks the queue in
// due-date order and stops when a page is full: quick for a common word, but
// a word in few letters or none made it read the whole queue (0.5–1.1 s at a
// million cases). case_words holds, for every case, each distinct word of its
// search_fold cut to wordKeyLen characters, so that the cases holding a word
// that begins with the query's word are one range of its primary key away.
// PostgreSQL answers the same question from its trigram index on search_fold.
//
// Every write of search_fold writes the case's keys in the same transaction:
// registration (cases.go), correction (correct.go), the search back-fill and
// the bulk loader, whose keys, like its indexes, are built at the end of the
// load by one statement (fillWords).

// wordKeyLen is how many characters of a word case_words keeps. Vietnamese
// syllables have at most seven letters; longer words are codes and numbers,
// and eight characters of them still pick out a few cases. The search checks
// the whole word on search_fold afterwards, so a cut key only widens the
// range it reads.
const wordKeyLen = 8

// rareWord is how many cases a word may be in and still be searched through
// case_words: read by id, filtered and sorted (a few milliseconds). A word in
// more cases is common, and the queue walk fills a page with it quickly.
var rareWord = 2000 // a variable only so that tests can send every word down either path

// wordKey is the key case_words keeps for a folded word.
func wordKey(w string) string {
	if r := []rune(w); len(r) > wordKeyLen {
		return string(r[:wordKeyLen])
	}
	return w
}

// wordKeys are the distinct keys of a folded text's words.
func wordKeys(fold string) []string {
	var keys []string
	for _, w := range strings.Fields(fold) {
		keys = append(keys, wordKey(w))
	}
	slices.Sort(keys)
	return slices.Compact(keys)
}

// writeWords replaces, inside tx, the keys of case id's old folded text by
// those of its new one (old is "" for a new case). A no-op on PostgreSQL.
func (s *Store) writeWords(ctx context.Context, tx *txn, id int64, old, fold string) error {
	if s.postgres() || old == fold {
		return nil
	}
	gone, keep := wordKeys(old), wordKeys(fold)
	for _, k := range gone {
		if _, found := slices.BinarySearch(keep, k); found {
			continue
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM case_words WHERE word = ? AND case_id = ?`, k, id); err != nil {
			return fmt.Errorf("store: word index of case %d: %w", id, err)
		}
	}
	for chunk := range slices.Chunk(keep, 200) {
		args := make([]any, 0, 2*len(chunk))
		for _, k := range chunk {
			args = append(args, k, id)
		}
		_, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO case_words (word, case_id) VALUES `+
			strings.TrimSuffix(strings.Repeat("(?, ?),", len(chunk)), ","), args...)
		if err != nil {
			return fmt.Errorf("store: word index of case %d: %w", id, err)
		}
	}
	return nil
}

// fillWordsSQL writes the keys of every case after a given id, splitting
// search_fold in SQL: the bulk loader's and the back-fill's way, a million
// cases in one statement. The keys are sorted before they are inserted, so
// the index grows at its end instead of at scattered pages. Like wordKeys it
// cuts each word to wordKeyLen characters (substr counts characters).
const fillWordsSQL = `INSERT OR IGNORE INTO case_words (word, case_id)
	WITH RECURSIVE split(case_id, word, rest) AS (
		SELECT id, '', search_fold || ' ' FROM cases WHERE id > ?
		UNION ALL
		SELECT case_id, substr(rest, 1, instr(rest, ' ') - 1), substr(rest, instr(rest, ' ') + 1)
		FROM split WHERE rest <> ''
	)
	SELECT DISTINCT substr(word, 1, 8), case_id FROM split WHERE word <> '' ORDER BY 1, 2`

// fillWords writes the keys of the cases after id afterID (SQLite).
func fillWords(ctx context.Context, db sqlx.ExecerContext, afterID int64) error {
	if _, err := db.ExecContext(ctx, fillWordsSQL, afterID); err != nil {
		return fmt.Errorf("store: word index: %w", err)
	}
	return nil
}

// backfillWords fills case_words once, after migration 00014 created it
// empty beside stored cases (and after backfillSearch, which folds the cases
// stored before 00013). Every case has a tracking code, hence a key: an
// empty case_words beside a case means it was never filled.
func (s *Store) backfillWords(ctx context.Context) error {
	if s.postgres() {
		return nil
	}
	var n int
	err := s.w.GetContext(ctx, &n, `SELECT (SELECT COUNT(*) FROM (SELECT 1 FROM cases LIMIT 1)) -
		(SELECT COUNT(*) FROM (SELECT 1 FROM case_words LIMIT 1))`)
	if err != nil || n <= 0 {
		return err
	}
	return s.write(ctx, func(tx *txn) error { return fillWords(ctx, tx, 0) })
}

// wordCandidates narrows a search to the cases that may hold every one of
// words: the cases holding the rarest of them, when it is in at most
// rareWord cases (more is true, nil otherwise). An empty slice with more
// false means no case holds some word. On PostgreSQL it always answers more.
// Each word's entries are counted in SQL, up to rareWord + 1, and only the
// rarest word's are read: a common word costs a short range of the index,
// not two thousand rows through the driver.
func (s *Store) wordCandidates(ctx context.Context, words []string) (ids []int64, more bool, err error) {
	if s.postgres() || len(words) == 0 {
		return nil, true, nil
	}
	rarest, fewest := "", rareWord+1
	for _, w := range words {
		cond, args := wordRange(w)
		var n int
		if err := s.r.GetContext(ctx, &n, `SELECT COUNT(*) FROM (SELECT 1 FROM case_words WHERE `+cond+` LIMIT ?) x`,
			append(args, rareWord+1)...); err != nil {
			return nil, false, fmt.Errorf("store: word index: %w", err)
		}
		if n == 0 {
			return []int64{}, false, nil
		}
		if n < fewest {
			rarest, fewest = w, n
		}
	}
	if fewest > rareWord {
		return nil, true, nil
	}
	cond, args := wordRange(rarest)
	if err := s.r.SelectContext(ctx, &ids, `SELECT DISTINCT case_id FROM case_words WHERE `+cond, args...); err != nil {
		return nil, false, fmt.Errorf("store: word index: %w", err)
	}
	return ids, false, nil
}

// wordRange is the condition on case_words that finds the words beginning
// with the folded word w: its key, or, for a word shorter than a key, every
// key from w up to w followed by the last character there is.
func wordRange(w string) (string, []any) {
	if k := wordKey(w); k != w || len([]rune(w)) == wordKeyLen {
		return "word = ?", []any{k}
	}
	return "word >= ? AND word < ?", []any{w, w + "\U0010FFFF"}
}
