package demo

import (
	"fmt"
	"slices"

	"petitions/store"
	"petitions/workflow"
)

// Two years of citizen reception (issue 16) at the agency and the named
// communes: each head's periodic days, some held by a deputy, a few ad hoc,
// the reception book with crowds, guidance, transfers, refusals and letters
// registered, and each office's next day on the public schedule. The heads
// differ as the directive says they do: some meet the legal minimum, some
// delegate, one rarely receives at all.

// diligence is how often a head keeps a reception day.
type diligence struct {
	keep     float64 // the chance a due day is held
	delegate float64 // the chance a held day is held by a deputy
}

// diligences are the agency's head, then the communes' in order.
var diligences = []diligence{{0.95, 0.1}, {0.97, 0.05}, {0.9, 0.1}, {0.6, 0.2}, {0.8, 0.6}, {0.25, 0.3}}

// loadReception writes the sessions and visits through the store, as the
// reception officers and heads would have entered them: two years at the
// agency and the named communes, or, with years, that many years at every
// office (loadReceptionYears).
func (l *loader) loadReception(years int) error {
	if years > 0 {
		return l.loadReceptionYears(years)
	}
	l.atDesk = true // the small demo shows the staff's regular reception too
	offices := l.offices()
	for i, o := range offices {
		if i >= len(diligences) {
			break
		}
		if err := l.receptionOf(o, diligences[i], 730, 1.5); err != nil {
			return err
		}
	}
	return nil
}

// visitShare is how many visits the book holds for each letter received, in
// a province of many years (the benchmark's: 300,000 visits beside a million cases).
const visitShare = 0.3

// loadReceptionYears writes years of reception at every office, the
// communes beyond the named ones keeping their days as the named ones do in
// turn. The visits, visitShare of the cases, are spread over the days the
// heads would hold; a session has at least the small demo's 0–3.
//
// In a country of provinces only Khánh Hòa's offices have their years
// written, their visits its share of the letters: every commune of the
// country holds a day a week, some 1.3 million sessions over ten years, each
// written through the store as the officers would, which takes hours, and the
// benchmark measures one province's reception.
func (l *loader) loadReceptionYears(years int) error {
	offices, share := l.offices(), 1.0
	if len(l.provinces) > 0 {
		all, kh := 0, 0
		for _, o := range offices {
			all += o.weight
		}
		offices = slices.DeleteFunc(offices, func(o *office) bool { return o != l.agency && o.parent != l.agency })
		for _, o := range offices {
			kh += o.weight
		}
		share = float64(kh) / float64(all)
	}
	days := 0
	for i, o := range offices {
		days += l.dueDays(o, diligences[i%len(diligences)], years*365)
	}
	perSession := max(1.5, visitShare*share*float64(l.want)/float64(max(days, 1)))
	for i, o := range offices {
		if err := l.receptionOf(o, diligences[i%len(diligences)], years*365, perSession); err != nil {
			return err
		}
	}
	return nil
}

// dueDays counts the weeks over the span in which the office's minimum wants a day.
func (l *loader) dueDays(o *office, d diligence, span int) int {
	level := workflow.LevelOfUnit(o.unit.Level)
	n := 0
	for day := l.today.AddDays(-span); day.Before(l.today); day = day.AddDays(7) {
		m, _ := workflow.MinimumOn(level, day)
		if m.Per == workflow.PerWeek || day.Time().Day() <= 7*m.Days {
			n++
		}
	}
	return int(float64(n) * d.keep)
}

// receptionOf writes an office's days over the span (in days before today),
// perSession visits a session on average, its dialogue conferences and its next day.
func (l *loader) receptionOf(o *office, d diligence, span int, perSession float64) error {
	level := workflow.LevelOfUnit(o.unit.Level)
	start := l.today.AddDays(-span)
	for day := start; day.Before(l.today); day = day.AddDays(7) {
		if l.atDesk {
			if err := l.deskVisits(o, day); err != nil {
				return err
			}
		}
		m, _ := workflow.MinimumOn(level, day)
		// A weekly minimum wants a day each week; a monthly one its days within the month's first weeks.
		due := m.Per == workflow.PerWeek || day.Time().Day() <= 7*m.Days
		if !due || !l.chance(d.keep) {
			continue
		}
		on := l.workday(day.AddDays(l.rng.IntN(3)))
		if on.After(l.today) {
			continue
		}
		if err := l.heldSession(o, on, l.chance(d.delegate), int(2*perSession)+1); err != nil {
			return err
		}
	}
	if workflow.DialoguesRequired(level) > 0 {
		if err := l.conferences(o, d, l.today.Year()-span/365+1); err != nil {
			return err
		}
	}
	next := l.addWD(l.today, 6+l.rng.IntN(5))
	_, err := l.s.CreateReceptionSession(l.ctx, o.head, store.NewSession{Unit: o.unit.Code, Kind: workflow.SessionPeriodic,
		Form: workflow.FormDirect, Place: "Trụ sở tiếp công dân — " + o.title, HeldOn: next, Host: workflow.HostHead,
		State: workflow.SessionScheduled})
	return err
}

// heldSession records a head's day and its visits, entered the day it was held.
// Its visits are 0 to visits-1, entered at once.
func (l *loader) heldSession(o *office, on workflow.Date, delegated bool, visits int) error {
	in := store.NewSession{Unit: o.unit.Code, Head: o.head.Login, Kind: workflow.SessionPeriodic, Form: workflow.FormDirect,
		Place: "Trụ sở tiếp công dân — " + o.title, HeldOn: on, Host: workflow.HostHead, State: workflow.SessionHeld}
	if delegated {
		in.Host, in.HostName = workflow.HostDeputy, "Phó Chủ tịch "+l.personName()
	}
	if l.chance(0.08) {
		in.Kind = workflow.SessionAdHoc
	}
	r, err := l.s.CreateReceptionSession(l.ctx, o.head, in)
	if err != nil {
		return fmt.Errorf("demo: reception session of %s on %s: %w", o.unit.Code, on, err)
	}
	var book []store.NewVisit
	for range l.rng.IntN(visits) {
		book = append(book, l.visit(o, r))
	}
	if _, err := l.s.RecordVisits(l.ctx, o.reception, book); err != nil {
		return fmt.Errorf("demo: visits at %s on %s: %w", o.unit.Code, on, err)
	}
	if !delegated && l.chance(0.7) {
		return l.conclude(o, r, book)
	}
	return nil
}

// conclude has the head sign the day's conclusion a few working days after
// it, giving a department a dated duty and, when a visit became a letter, its
// acceptance as a case act (khoản 2 Điều 25 NĐ 154/2026/NĐ-CP); most duties
// are done, some late, the latest still open.
func (l *loader) conclude(o *office, r store.ReceptionSession, book []store.NewVisit) error {
	on := l.addWD(r.HeldOn, l.rng.IntN(4))
	if on.After(l.today) {
		on = l.today
	}
	cl := store.Conclusion{On: on, Text: "Giao các phòng chuyên môn kiểm tra, trả lời công dân trong 10 ngày làm việc (Điều 28 Luật Tiếp công dân 2013).",
		Tasks: []workflow.FollowUp{{Text: "Kiểm tra nội dung công dân phản ánh, trả lời bằng văn bản", Assignee: pick(l, departments),
			DueOn: on.AddDays(l.intn(10, 20))}}}
	for _, v := range book {
		if v.CaseID != 0 {
			cl.Tasks = append(cl.Tasks, workflow.FollowUp{Text: "Xem xét, thụ lý đơn công dân nộp tại buổi tiếp", CaseID: v.CaseID})
			break
		}
	}
	if _, err := l.s.ConcludeReceptionSession(l.ctx, o.head, r.ID, cl); err != nil {
		return fmt.Errorf("demo: conclusion at %s on %s: %w", o.unit.Code, r.HeldOn, err)
	}
	tasks, err := l.s.ReceptionTasks(l.ctx, store.TaskFilter{Units: []int64{r.UnitID}, SessionID: r.ID})
	if err != nil {
		return err
	}
	for _, t := range tasks {
		done := t.DueOn.AddDays(l.intn(-8, 0))
		if l.chance(0.2) {
			done = t.DueOn.AddDays(l.intn(1, 12)) // late
		}
		if t.CaseID != nil || done.After(l.today) || done.Before(on) || l.chance(0.1) {
			continue
		}
		if _, err := l.s.FinishReceptionTask(l.ctx, o.reception, t.ID, "Đã trả lời công dân bằng văn bản.", done); err != nil {
			return fmt.Errorf("demo: task of %s on %s: %w", o.unit.Code, r.HeldOn, err)
		}
	}
	return nil
}

// departments are the bodies a head's conclusion charges.
var departments = []string{"Phòng Tài nguyên và Môi trường", "Phòng Kinh tế, Hạ tầng và Đô thị", "Phòng Văn hóa – Xã hội",
	"Thanh tra", "Văn phòng HĐND và UBND"}

// deskVisits are a week of the reception staff's regular reception at the
// desk, no session: a visit or two, some by people who came before.
func (l *loader) deskVisits(o *office, week workflow.Date) error {
	for range l.rng.IntN(3) {
		on := l.workday(week.AddDays(l.rng.IntN(5)))
		if on.After(l.today) {
			return nil
		}
		in := l.visit(o, store.ReceptionSession{HeldOn: on})
		in.SessionID, in.Unit = 0, o.unit.Code
		if _, err := l.s.RecordVisit(l.ctx, o.reception, in); err != nil {
			return fmt.Errorf("demo: desk visit at %s on %s: %w", o.unit.Code, on, err)
		}
	}
	return nil
}

// visit is one entry of the book at the session.
func (l *loader) visit(o *office, r store.ReceptionSession) store.NewVisit {
	kinds := []workflow.Kind{workflow.Complaint, workflow.Complaint, workflow.Petition, workflow.Petition, workflow.Denunciation}
	kind := kinds[l.rng.IntN(len(kinds))]
	t := l.topicFor(kind, r.HeldOn)
	p := l.person(o)
	if seen := l.visitors[o]; len(seen) > 0 && l.chance(0.15) {
		p = seen[l.rng.IntN(len(seen))] // someone who came before: a repeat visit
	} else if len(seen) < 200 {
		l.visitors[o] = append(seen, p)
	}
	in := store.NewVisit{SessionID: r.ID, VisitedOn: r.HeldOn, Kind: kind, People: 1, Content: t.subject,
		Visitor: store.Visitor{Petitioner: p}, Outcome: workflow.VisitGuided}
	if kind != workflow.Denunciation && l.chance(0.12) { // a crowd with its representatives (LTCD 29)
		in.People, in.HeadReceived = 5+l.rng.IntN(26), r.Host == workflow.HostHead
		reps := 1 + l.rng.IntN(2)
		if in.People > 10 {
			reps = 1 + l.rng.IntN(5)
		}
		in.Visitor.Representatives = append(in.Visitor.Representatives, p.Name)
		for len(in.Visitor.Representatives) < reps {
			in.Visitor.Representatives = append(in.Visitor.Representatives, l.personName())
		}
	}
	switch n := l.rng.IntN(10); {
	case n < 2:
		in.Outcome, in.DocumentNo = workflow.VisitTransferred, fmt.Sprintf("%d/UBND-TCD", 10+l.rng.IntN(400))
		in.HandledBy = "Chưa có cơ quan giải quyết"
	case n < 3:
		in.Outcome, in.RefusalCode = workflow.VisitRefused, "TCD-R3"
		if !r.HeldOn.Before(workflow.MustDate("2026-07-01")) {
			in.RefusalCode = "TCD-4K"
		}
	case n < 5:
		if ids := l.registered[shelf{o, kind}]; len(ids) > 0 {
			in.Outcome, in.CaseID = workflow.VisitRegistered, ids[l.rng.IntN(len(ids))]
		}
	}
	return in
}

// conferences holds a commune's yearly dialogue conference with its people
// (LTHDCCS 2022 Art. 32), in November from the year from on, this year's not
// by the head who rarely receives.
func (l *loader) conferences(o *office, d diligence, from int) error {
	for y := from; y <= l.today.Year(); y++ {
		on := l.workday(workflow.MustDate(fmt.Sprintf("%04d-11-12", y)))
		if on.After(l.today) || d.keep < 0.5 && y == l.today.Year() {
			continue
		}
		r, err := l.s.CreateReceptionSession(l.ctx, o.head, store.NewSession{Unit: o.unit.Code, Kind: workflow.SessionConference,
			Form: workflow.FormDirect, Place: "Hội trường " + o.title, HeldOn: on, Host: workflow.HostHead, State: workflow.SessionHeld})
		if err != nil {
			return fmt.Errorf("demo: dialogue conference of %s: %w", o.unit.Code, err)
		}
		if _, err := l.s.ConcludeReceptionSession(l.ctx, o.head, r.ID, store.Conclusion{On: on, Text: fmt.Sprintf("Biên bản hội nghị đối thoại năm %d: tiếp thu ý kiến về bồi thường, trật tự đô thị và thủ tục đất đai; giao các bộ phận trả lời bằng văn bản.", y)}); err != nil {
			return err
		}
	}
	return nil
}
