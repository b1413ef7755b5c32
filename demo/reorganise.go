package demo

import (
	"fmt"

	"petitions/store"
	"petitions/workflow"
)

// The map keeps changing after 01/07/2025 (issue 19): the demo's Xã Cam Hải,
// which received letters of its own over the last months, merges into Xã Cam
// Lâm from the first day of this month. Its letters still being handled move
// to Cam Lâm, each with the move in its history; the one it filed stays its
// own; its officials move to Cam Lâm. The audit as of a day before the merger
// still shows Cam Hải's backlog.

// camHaiLetters are Cam Hải's letters: received so many days before the
// merger, and whether it filed them.
var camHaiLetters = []struct {
	before  int
	kind    workflow.Kind
	subject string
	filed   bool
}{
	{75, workflow.Petition, "Kiến nghị nạo vét kênh mương nội đồng thôn Tân Hải", true},
	{50, workflow.Complaint, "Khiếu nại việc không bồi thường cây trồng khi làm đường ven biển", false},
	{30, workflow.Petition, "Phản ánh ô nhiễm từ cơ sở chế biến hải sản gần khu dân cư", false},
	{12, workflow.Petition, "Kiến nghị lắp đèn chiếu sáng đường liên thôn Bãi Dài", false},
}

// mergeCamHai adds Cam Hải with its officials and letters, then merges it.
func (l *loader) mergeCamHai() error {
	ctx, s := l.ctx, l.s
	admin, err := s.UserByLogin(ctx, "admin")
	if err != nil {
		return fmt.Errorf("demo: merger: %w", err)
	}
	av, err := s.Viewer(ctx, admin)
	if err != nil {
		return fmt.Errorf("demo: merger: %w", err)
	}
	if _, err := s.AddUnit(ctx, admin, av, store.NewUnit{Code: "KH-CAMHAI", Name: "Xã Cam Hải", Level: "commune", Parent: agencyCode}); err != nil {
		return fmt.Errorf("demo: merger: %w", err)
	}
	clerk, err := s.CreateUser(ctx, "tiepdan.camhai", "Nguyễn Thị Hải Yến", workflow.RoleReception, "KH-CAMHAI", "demo")
	if err != nil {
		return fmt.Errorf("demo: merger: %w", err)
	}
	chair, err := s.CreateUser(ctx, "lanhdao.camhai", "Trần Văn Hải", workflow.RoleHead, "KH-CAMHAI", "demo")
	if err != nil {
		return fmt.Errorf("demo: merger: %w", err)
	}
	effective := l.today.AddDays(1 - l.today.Time().Day()) // the first of this month
	area := &office{idPrefix: "056", quarters: []string{"Thôn Tân Hải", "Thôn Bãi Dài", "Thôn Thủy Triều"}}
	for _, x := range camHaiLetters {
		on := effective.AddDays(-x.before)
		for !l.cal.IsWorkingDay(on) {
			on = on.AddDays(-1)
		}
		in := workflow.Intake{Kind: x.kind, Channel: "walk_in", ReceivedOn: on}
		if x.kind == workflow.Complaint {
			in.Round = 1
		}
		c, err := s.CreateCase(ctx, clerk, store.NewCase{Intake: in, Subject: x.subject, Content: x.subject + ".", Petitioner: l.person(area)})
		if err != nil {
			return fmt.Errorf("demo: merger: %w", err)
		}
		if x.filed {
			if _, _, err := s.ApplyEvent(ctx, chair, workflow.Viewer{}, c, c.Version,
				workflow.Input{Event: workflow.EvFile, On: on.AddDays(2), ReasonCode: "INELIGIBLE"}, ""); err != nil {
				return fmt.Errorf("demo: merger: %w", err)
			}
		}
	}
	if av, err = s.Viewer(ctx, admin); err != nil { // its scope now holds Cam Hải
		return fmt.Errorf("demo: merger: %w", err)
	}
	_, err = s.Reorganise(ctx, admin, av, store.Reorganisation{EffectiveOn: effective, From: []string{"KH-CAMHAI"},
		Into: []store.Successor{{Code: "KH-CAMLAM"}}, Users: "move"})
	if err != nil {
		return fmt.Errorf("demo: merger: %w", err)
	}
	return nil
}
