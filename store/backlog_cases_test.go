package store_test

import (
	"context"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"

	"petitions/store"
	"petitions/store/storetest"
	"petitions/workflow"
)

// backlogFixture registers, in unit U1 with sub-unit U2, a complaint received
// 02/03/2026, assigned 03/03 and accepted 10/03 (resolution due 09/04); a
// denunciation received 05/01/2026 and transferred 09/01; and a petition in U2
// received 20/11/2026.
func backlogFixture(t *testing.T) (*store.Store, []int64, map[string]store.Case) {
	t.Helper()
	ctx := context.Background()
	s := storetest.Open(t, store.WithPasswordCost(bcrypt.MinCost))
	s.Now = func() time.Time { return time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC) }
	if _, err := s.CreateUnit(ctx, "U1", "Đơn vị 1", "agency", ""); err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateUnit(ctx, "U2", "Đơn vị 2", "commune", "U1"); err != nil {
		t.Fatal(err)
	}
	head, err := s.CreateUser(ctx, "boss", "Thủ trưởng", workflow.RoleHead, "U1", "demo")
	if err != nil {
		t.Fatal(err)
	}
	head2, err := s.CreateUser(ctx, "boss2", "Thủ trưởng 2", workflow.RoleHead, "U2", "demo")
	if err != nil {
		t.Fatal(err)
	}
	register := func(actor store.User, k workflow.Kind, round int, received string) store.Case {
		c, err := s.CreateCase(ctx, actor, store.NewCase{Subject: "Đơn", Content: "Nội dung",
			Intake:     workflow.Intake{Kind: k, Round: round, Channel: "post", ReceivedOn: workflow.MustDate(received)},
			Petitioner: store.Petitioner{Name: "Nguyễn Văn Gửi"}})
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	apply := func(c store.Case, in workflow.Input) store.Case {
		c, _, err := s.ApplyEvent(ctx, head, workflow.Viewer{}, c, c.Version, in, "")
		if err != nil {
			t.Fatalf("%s: %v", in.Event, err)
		}
		return c
	}
	complaint := register(head, workflow.Complaint, 1, "2026-03-02")
	complaint = apply(complaint, workflow.Input{Event: workflow.EvAssign, Assignee: "boss", On: workflow.MustDate("2026-03-03")})
	complaint = apply(complaint, workflow.Input{Event: workflow.EvAccept, On: workflow.MustDate("2026-03-10")})
	denunciation := register(head, workflow.Denunciation, 0, "2026-01-05")
	denunciation = apply(denunciation, workflow.Input{Event: workflow.EvTransfer, Target: "Sở Tư pháp", On: workflow.MustDate("2026-01-09")})
	petition := register(head2, workflow.Petition, 0, "2026-11-20")
	ids, err := s.Subtree(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	return s, ids, map[string]store.Case{"complaint": complaint, "denunciation": denunciation, "petition": petition}
}

func TestBacklogCasesAsOfADate(t *testing.T) {
	s, units, cases := backlogFixture(t)
	ctx := context.Background()
	list := func(asOf string, f workflow.BacklogFilter) []store.BacklogCase {
		t.Helper()
		got, err := s.BacklogCases(ctx, units, workflow.MustDate(asOf), f)
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	t.Run("ListsAsLongAsEveryNumber", func(t *testing.T) {
		for _, asOf := range []string{"2026-01-04", "2026-01-07", "2026-03-05", "2026-04-09", "2026-04-10", "2026-05-20", "2026-11-25"} {
			b, err := s.Backlog(ctx, units, workflow.MustDate(asOf))
			if err != nil {
				t.Fatal(err)
			}
			check := func(f workflow.BacklogFilter, want int) {
				if got := len(list(asOf, f)); got != want {
					t.Errorf("as of %s, %+v: %d listed, %d counted", asOf, f, got, want)
				}
			}
			check(workflow.BacklogFilter{Measure: workflow.MeasureOpen}, b.Open)
			check(workflow.BacklogFilter{Measure: workflow.MeasureDueSoon}, b.DueSoon)
			check(workflow.BacklogFilter{Measure: workflow.MeasureOverdue}, b.Overdue)
			check(workflow.BacklogFilter{Measure: workflow.MeasureVeryOverdue}, b.VeryOverdue)
			check(workflow.BacklogFilter{Measure: workflow.MeasureProlonged}, b.Prolonged)
			for _, u := range b.ByUnit {
				check(workflow.BacklogFilter{Measure: workflow.MeasureOpen, Unit: u.Unit}, u.Open)
				check(workflow.BacklogFilter{Measure: workflow.MeasureOverdue, Unit: u.Unit}, u.Overdue)
				check(workflow.BacklogFilter{Measure: workflow.MeasureVeryOverdue, Unit: u.Unit}, u.VeryOverdue)
			}
			for _, k := range b.ByKind {
				check(workflow.BacklogFilter{Measure: workflow.MeasureOpen, Kind: k.Kind}, k.Open)
				check(workflow.BacklogFilter{Measure: workflow.MeasureOverdue, Kind: k.Kind}, k.Overdue)
			}
			for _, a := range b.AgeDays {
				check(workflow.BacklogFilter{Measure: workflow.MeasureOpen, AgeBucket: a.Bucket}, a.Open)
			}
		}
	})
	t.Run("BeforeReceiptNothing", func(t *testing.T) {
		if got := list("2026-01-04", workflow.BacklogFilter{Measure: workflow.MeasureOpen}); len(got) != 0 {
			t.Fatalf("as of 04/01/2026: %d open cases, want none", len(got))
		}
	})
	t.Run("StateAndClockAsOfTheDay", func(t *testing.T) {
		got := list("2026-03-05", workflow.BacklogFilter{Measure: workflow.MeasureOpen})
		if len(got) != 1 || got[0].ID != cases["complaint"].ID || got[0].State != workflow.Assigned {
			t.Fatalf("as of 05/03/2026: %+v, want the complaint, assigned", got)
		}
		if !got[0].HasClock || got[0].DaysOverdue != 0 || got[0].DaysOpen != 3 || got[0].TrackingCode != cases["complaint"].TrackingCode {
			t.Fatalf("as of 05/03/2026: %+v", got[0])
		}
		late := list("2026-05-20", workflow.BacklogFilter{Measure: workflow.MeasureVeryOverdue})
		if len(late) != 1 || late[0].Clock != workflow.ClockResolution || late[0].DueOn.String() != "2026-04-09" ||
			late[0].DaysOverdue != 41 || late[0].Status != workflow.VeryOverdue || late[0].State != workflow.InResolution {
			t.Fatalf("as of 20/05/2026: %+v, want the complaint's resolution clock 41 days late", late)
		}
		open := list("2026-01-07", workflow.BacklogFilter{Measure: workflow.MeasureOpen, Kind: workflow.Denunciation})
		if len(open) != 1 || open[0].State != workflow.Received {
			t.Fatalf("as of 07/01/2026 the denunciation was still received: %+v", open)
		}
		if got := list("2026-02-01", workflow.BacklogFilter{Measure: workflow.MeasureOpen, Kind: workflow.Denunciation}); len(got) != 0 {
			t.Fatalf("as of 01/02/2026 the denunciation was transferred: %+v", got)
		}
	})
	t.Run("UnitMeansThatUnitOnly", func(t *testing.T) {
		got := list("2026-11-25", workflow.BacklogFilter{Measure: workflow.MeasureOpen, Unit: "U2"})
		if len(got) != 1 || got[0].ID != cases["petition"].ID || got[0].UnitName != "Đơn vị 2" {
			t.Fatalf("U2 open: %+v", got)
		}
	})
	t.Run("RefusesABadFilter", func(t *testing.T) {
		_, err := s.BacklogCases(ctx, units, workflow.MustDate("2026-11-25"), workflow.BacklogFilter{Measure: "late"})
		if workflow.ErrorCode(err) != workflow.CodeInvalid {
			t.Fatalf("bad measure: %v, want invalid", err)
		}
	})
}
