package demo

import (
	"context"
	"fmt"

	"petitions/store"
	"petitions/workflow"
)

// correctFreshLetter replays what reception officers do every week: the
// newest complaint at the agency's desk was entered with the day it was typed
// in rather than the day the post brought it, and the officer corrects the
// received date (issue 13 §3). It goes through the store's own Correct, as
// the case page does, so the demo's history shows the correction with its
// reason and the acceptance and processing deadlines it counted again.
func correctFreshLetter(ctx context.Context, s *store.Store) error {
	officer, err := s.UserByLogin(ctx, "reception")
	if err != nil {
		return fmt.Errorf("demo: correction: %w", err)
	}
	v, err := s.Viewer(ctx, officer)
	if err != nil {
		return fmt.Errorf("demo: correction: %w", err)
	}
	page, _, err := s.ListCases(ctx, v, store.CaseFilter{Units: []int64{officer.UnitID}, Kind: workflow.Complaint,
		State: workflow.Received, Limit: store.MaxPageSize})
	if err != nil {
		return fmt.Errorf("demo: correction: %w", err)
	}
	var newest *store.Case
	for i := range page {
		// A round-2 complaint names its round-1 case, which may lie in a unit the
		// officer cannot read; correcting it would be refused (prior_case_unknown).
		if c := &page[i]; c.Round == 1 && (newest == nil || c.ReceivedOn.After(newest.ReceivedOn)) {
			newest = c
		}
	}
	if newest == nil {
		return nil // a tiny data set without a waiting complaint
	}
	cal, day := s.Calendar(), newest.ReceivedOn.AddDays(-1)
	for !cal.IsWorkingDay(day) {
		day = day.AddDays(-1)
	}
	_, _, err = s.Correct(ctx, officer, v, *newest, newest.Version, store.Correction{On: s.Today(), ReceivedOn: day,
		Reason: "Nhập nhầm ngày nhận đơn: đơn đến qua bưu điện ngày " + day.VN() + ", nhập vào sổ ngày hôm sau"}, "demo")
	if err != nil {
		return fmt.Errorf("demo: correct case %d: %w", newest.ID, err)
	}
	return nil
}
