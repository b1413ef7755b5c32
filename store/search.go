package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"unicode"

	"petitions/workflow"
)

// Searching (README: "Searching"). A case keeps a folded copy of what a
// search looks at (search_fold: subject, content, tracking code), and a
// disclosed case one of what the public register shows (public_fold: the
// published text and the code). Both are folded by workflow.SearchFold, as is
// the query, so case, diacritics and NFC/NFD do not matter. Every word of the
// query must begin a word of the text, in any order (the start of a word, not
// anywhere in it, so that an index of words can answer: search_words.go). A tracking
// code is found with or without its dash, and an ID number or phone number
// exactly, through the petitioner's keyed hashes: never a plaintext index of
// identities, and within the viewer's scope like every other search.

// searchFold is the stored folded text of a case: subject, content and
// tracking code, and the code once more without its dash, so that
// "KN267GQ4" finds "KN26-7GQ4M2XPB9RT" and so does "kn26 7gq".
func searchFold(code, subject, content string) string {
	return strings.TrimSpace(workflow.SearchFold(subject+" "+content+" "+code) + " " + workflow.SearchFold(undashed(code)))
}

// publicFold is the folded text the public register searches: the published
// text and the tracking code of a disclosed case, "" for any other.
func publicFold(code string, c workflow.Case) string {
	if c.DisclosedOn.IsZero() {
		return ""
	}
	return strings.TrimSpace(workflow.SearchFold(c.Facts.DisclosureText+" "+code) + " " + workflow.SearchFold(undashed(code)))
}

func undashed(code string) string { return strings.ReplaceAll(code, "-", "") }

// phoneDigits is a phone number as the digits dialled from within Vietnam:
// "+84 905 000 111", "(0905) 000.111" and "0905000111" are one number.
func phoneDigits(phone string) string {
	d := strings.Map(func(r rune) rune {
		if '0' <= r && r <= '9' {
			return r
		}
		return -1
	}, phone)
	if strings.HasPrefix(d, "84") && (len(d) == 11 || len(d) == 12) {
		d = "0" + d[2:]
	}
	return d
}

// phoneHash is the keyed hash of a phone number; "" without one.
func (k *keys) phoneHash(phone string) string { return k.hashOf("phone", phoneDigits(phone)) }

// identityQuery is a query that may be an ID number or a phone number: nine
// to twelve digits, with nothing but spaces, dots, dashes, brackets and a
// leading plus between them.
var identityQuery = regexp.MustCompile(`^\+?[0-9 .()\-]+$`)

// undashedCodeShape is a whole tracking code typed without its dash.
var undashedCodeShape = regexp.MustCompile(`^(` + trackingPrefixes() + `)[0-9]{2}([` + trackingAlphabet + `]{` +
	fmt.Sprint(trackingRandomLen) + `}|[` + trackingAlphabet + `]{` + fmt.Sprint(trackingOldRandomLen) + `})$`)

// wholeCode is the tracking code q names whole, with or without its dash
// and spaces; "" when q is not one.
func wholeCode(q string) string {
	u := strings.ToUpper(strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, q))
	if trackingCodeShape.MatchString(u) {
		return u
	}
	if u = undashed(u); undashedCodeShape.MatchString(u) {
		return u[:4] + "-" + u[4:]
	}
	return ""
}

// searchClause is the condition v's search for q puts on the cases c (the
// caller adds the viewer's scope), with its arguments; false when no stored
// case can match. A whole tracking code is looked up through its unique
// index.
func (s *Store) searchClause(v workflow.Viewer, q string) (string, []any, bool) {
	if !storable(q) {
		return "", nil, false // no stored text holds it
	}
	if code := wholeCode(q); code != "" {
		return "c.tracking_code = ?", []any{code}, true
	}
	words, args := wordsClause("c.search_fold", q)
	if id, phone, ok := s.identityHashes(q); ok {
		if mine, mineArgs, ok := petitionerVisible(v); ok {
			ids := "(c.id IN (SELECT p.case_id FROM petitioners p WHERE p.id_hash = ? OR p.phone_hash = ?) AND " + mine + ")"
			idArgs := append([]any{id, phone}, mineArgs...)
			if words == "" {
				return ids, idArgs, true
			}
			return "(" + words + " OR " + ids + ")", append(args, idArgs...), true
		}
	}
	return words, args, words != ""
}

// identityHashes are the keyed hashes q would have as an ID number and as a
// phone number, when it looks like one (nine to twelve digits).
func (s *Store) identityHashes(q string) (id, phone string, ok bool) {
	if !identityQuery.MatchString(q) {
		return "", "", false
	}
	if d := phoneDigits(q); len(d) < 9 || len(d) > 12 {
		return "", "", false
	}
	return s.keys.idHash(strings.Map(func(r rune) rune {
		if '0' <= r && r <= '9' {
			return r
		}
		return -1
	}, q)), s.keys.phoneHash(q), true
}

// searchCandidates narrows v's search for q to a few cases by id through
// the word index (search_words.go), with the cases an ID or phone number
// finds; more is true when q has a common word in every place, and the
// queue walk answers it. A whole tracking code has its own index.
func (s *Store) searchCandidates(ctx context.Context, v workflow.Viewer, q string) (ids []int64, more bool, err error) {
	if !storable(q) || wholeCode(q) != "" {
		return nil, true, nil
	}
	if ids, more, err = s.wordCandidates(ctx, workflow.SearchWords(q)); err != nil || more {
		return ids, more, err
	}
	if id, phone, ok := s.identityHashes(q); ok {
		if _, _, ok := petitionerVisible(v); ok {
			var found []int64
			err := s.rd(ctx).SelectContext(ctx, &found, `SELECT case_id FROM petitioners WHERE id_hash = ? AND id_hash <> ''
				UNION SELECT case_id FROM petitioners WHERE phone_hash = ? AND phone_hash <> ''`, id, phone)
			if err != nil {
				return nil, false, fmt.Errorf("store: search by number: %w", err)
			}
			ids = append(ids, found...)
		}
	}
	return ids, false, nil
}

// petitionerVisible is the condition, on a case v may read, that v may also
// see its petitioner (workflow.Viewer.MaySeePetitioner): only then may an ID
// or phone number find it, or the search would tell who denounced. false
// when v sees no petitioner at all (administrators).
func petitionerVisible(v workflow.Viewer) (string, []any, bool) {
	switch v.Role {
	case workflow.RoleAdmin:
		return "", nil, false
	case workflow.RoleHead:
		return "(c.kind <> ? OR c.unit_id = ? OR c.registered_by = ?)", []any{workflow.Denunciation, v.UnitID, v.UserID}, true
	}
	return "(c.kind <> ? OR c.registered_by = ?)", []any{workflow.Denunciation, v.UserID}, true
}

// publicSearchClause is searchClause for the public register: the published
// text and the code only, never the letter or its sender.
func publicSearchClause(q string) (string, []any, bool) {
	if !storable(q) {
		return "", nil, false
	}
	if code := wholeCode(q); code != "" {
		return "c.tracking_code = ?", []any{code}, true
	}
	words, args := wordsClause("c.public_fold", q)
	return words, args, words != ""
}

// wordsClause is "every folded word of q begins a word of column"; "" when
// q has no word. column holds words separated by one space, so a word begins
// the text or follows a space. The two LIKEs, not one on ' ' || column, keep
// PostgreSQL's trigram index on the column itself usable.
func wordsClause(column, q string) (string, []any) {
	var conds []string
	var args []any
	for _, w := range workflow.SearchWords(q) {
		conds = append(conds, "("+column+` LIKE ? ESCAPE '\' OR `+column+` LIKE ? ESCAPE '\')`)
		args = append(args, escapeLike(w)+"%", "% "+escapeLike(w)+"%")
	}
	if len(conds) == 0 {
		return "", nil
	}
	return "(" + strings.Join(conds, " AND ") + ")", args
}

// backfillSearch fills search_fold, public_fold and phone_hash for the cases
// migration 00013 found (search_fold still ”), in one transaction, a
// thousand cases at a time. A case always has a tracking code, so a filled
// search_fold is never ” and a second Open finds nothing to do.
func (s *Store) backfillSearch(ctx context.Context) error {
	var n int
	if err := s.w.GetContext(ctx, &n, `SELECT COUNT(*) FROM (SELECT 1 FROM cases WHERE search_fold = '' LIMIT 1) x`); err != nil {
		return fmt.Errorf("store: search back-fill: %w", err)
	}
	if n == 0 {
		return nil
	}
	return s.write(ctx, func(tx *txn) error {
		last := int64(0)
		for {
			var rows []struct {
				ID          int64          `db:"id"`
				Code        string         `db:"tracking_code"`
				Subject     string         `db:"subject"`
				Content     string         `db:"content"`
				DisclosedOn workflow.Date  `db:"disclosed_on"`
				Facts       string         `db:"facts"`
				Sealed      sql.NullString `db:"sealed"`
			}
			if err := tx.SelectContext(ctx, &rows, `SELECT c.id, c.tracking_code, c.subject, c.content, c.disclosed_on,
				c.facts, p.sealed FROM cases c LEFT JOIN petitioners p ON p.case_id = c.id
				WHERE c.search_fold = '' AND c.id > ? ORDER BY c.id LIMIT 1000`, last); err != nil {
				return fmt.Errorf("store: search back-fill: %w", err)
			}
			if len(rows) == 0 {
				return nil
			}
			for _, r := range rows {
				last = r.ID
				c := workflow.Case{DisclosedOn: r.DisclosedOn}
				if err := json.Unmarshal([]byte(r.Facts), &c.Facts); err != nil {
					return fmt.Errorf("store: search back-fill: case %d facts: %w", r.ID, err)
				}
				fold := searchFold(r.Code, r.Subject, r.Content)
				if _, err := tx.ExecContext(ctx, `UPDATE cases SET search_fold = ?, public_fold = ? WHERE id = ?`,
					fold, publicFold(r.Code, c), r.ID); err != nil {
					return fmt.Errorf("store: search back-fill case %d: %w", r.ID, err)
				}
				if err := s.writeWords(ctx, tx, r.ID, "", fold); err != nil {
					return err
				}
				if !r.Sealed.Valid {
					continue // no petitioner row: nothing to hash
				}
				p, err := s.keys.open(r.ID, r.Sealed.String)
				if err != nil {
					return fmt.Errorf("store: search back-fill: petitioner of case %d: %w", r.ID, err)
				}
				if h := s.keys.phoneHash(p.Phone); h != "" {
					if _, err := tx.ExecContext(ctx, `UPDATE petitioners SET phone_hash = ? WHERE case_id = ?`, h, r.ID); err != nil {
						return fmt.Errorf("store: search back-fill petitioner of case %d: %w", r.ID, err)
					}
				}
			}
		}
	})
}
