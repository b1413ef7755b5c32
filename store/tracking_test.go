package store_test

// Tracking codes (issue 14): long enough that guessing one of a province's
// live codes takes years at the public look-up's rate limit (README), and the
// shorter codes handed out before are still found.

import (
	"regexp"
	"strings"
	"testing"

	"petitions/store"
	"petitions/store/storetest"
	"petitions/workflow"
)

func TestTrackingCodes(t *testing.T) {
	w := mustWorld(t)
	shape := regexp.MustCompile(`^KN26-[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{12}$`)
	c := w.register("reception", letter(workflow.Complaint, 1, "2026-11-20"))
	t.Run("NewCodesHaveTwelveRandomCharacters", func(t *testing.T) {
		if !shape.MatchString(c.TrackingCode) {
			t.Fatalf("new code %q, want KN26- and 12 characters of the alphabet", c.TrackingCode)
		}
		got, err := w.s.CaseByTrackingCode(w.ctx, strings.ToLower(c.TrackingCode))
		if err != nil || got.ID != c.ID {
			t.Fatalf("look-up of a new code: %v", err)
		}
		items, _, err := w.s.ListCases(w.ctx, w.viewer("head"), store.CaseFilter{Query: c.TrackingCode})
		if err != nil || len(items) != 1 || items[0].ID != c.ID {
			t.Fatalf("search by a new code: %d cases, %v", len(items), err)
		}
	})
	t.Run("AnOldEightCharacterCodeIsStillFound", func(t *testing.T) {
		old := w.register("reception", letter(workflow.Complaint, 1, "2026-11-20"))
		db := storetest.Raw(t, w.dsn)
		mustExec(t, db, db.Rebind(`UPDATE cases SET tracking_code = ? WHERE id = ?`), "KN26-7GQ4M2XP", old.ID)
		got, err := w.s.CaseByTrackingCode(w.ctx, "kn26-7gq4m2xp")
		if err != nil || got.ID != old.ID {
			t.Fatalf("look-up of an old code: %v", err)
		}
		items, _, err := w.s.ListCases(w.ctx, w.viewer("head"), store.CaseFilter{Query: "KN26-7GQ4M2XP"})
		if err != nil || len(items) != 1 || items[0].ID != old.ID {
			t.Fatalf("search by an old code: %d cases, %v", len(items), err)
		}
	})
}
