package demo

import (
	"math"

	"petitions/workflow"
)

// playRandom registers one letter at a random office on a random working day
// of the span (eighteen months by default) and plays its story forward; a commune's
// round-1 decision may bring a round-2 complaint to the province.
func (l *loader) playRandom() {
	kind := l.pickKind()
	// Letters come more often lately: days back are drawn so that about a
	// fifth of the span's letters are of its last ninth.
	in := letter{o: l.pickOffice(), kind: kind, on: l.ago(int(float64(l.spanDays) * math.Pow(l.rng.Float64(), 1.4)))}
	if kind == workflow.Complaint {
		in.round = 1
		if l.chance(0.1) {
			in.complexity = workflow.Complex
		}
	}
	r := l.register(in)
	if r == nil {
		return
	}
	r.play()
	if r.c.Kind == workflow.Complaint && r.c.Round == 1 && r.o.parent != nil && !r.c.ResolvedOn.IsZero() &&
		r.c.Outcome != workflow.Correct && l.made < l.want && l.chance(0.4) {
		on := l.workday(r.c.ResolvedOn.AddDays(l.intn(10, 30))) // within 30 days of the decision (LKN 33)
		if r2 := l.register(letter{o: r.o.parent, kind: workflow.Complaint, round: 2, prior: r, on: on}); r2 != nil {
			r2.play()
		}
	}
}

func (l *loader) pickKind() workflow.Kind {
	n := l.rng.IntN(100)
	switch {
	case n < 36:
		return workflow.Complaint
	case n < 54:
		return workflow.Denunciation
	case n < 88:
		return workflow.Petition
	}
	return workflow.Dialogue
}

var (
	complaintOutcomes = []workflow.Outcome{workflow.Wrong, workflow.Wrong, workflow.Wrong, workflow.Wrong,
		workflow.Wrong, workflow.PartlyCorrect, workflow.PartlyCorrect, workflow.PartlyCorrect, workflow.Correct, workflow.Correct}
	denunciationOutcomes = []workflow.Outcome{workflow.Wrong, workflow.Wrong, workflow.PartlyCorrect,
		workflow.PartlyCorrect, workflow.Correct}
)

// play runs a case from receipt to its end, or to the first act that would
// fall after today. Most cases keep their deadlines; a late one slips, and a
// few stall for good at one stage (the backlog the directive complains of).
// Along the way reception asks for documents, the assignee studies the file,
// and a sensitive case is taken over by the head.
func (r *caseRun) play() {
	l := r.l
	stall := 0
	if n := l.rng.IntN(100); n < 3 {
		stall = 1 + n // 1: never assigned, 2: never accepted, 3: never resolved
	}
	if r.screen() || stall == 1 {
		return
	}
	if l.chance(0.5) && !r.receptionNote(l.addWD(r.last(), l.intn(0, 2))) {
		return
	}
	if !r.assign(l.addWD(r.last(), l.intn(1, 3)), r.o.handler) {
		return
	}
	if l.chance(0.07) {
		r.reject(l.addWD(r.last(), l.intn(1, 4)), pick(l, rejectCodes[r.c.Kind]))
		return
	}
	if r.c.Kind == workflow.Denunciation && l.chance(0.05) && !r.extend(l.addWD(r.last(), 2), 3) {
		return // verification spans several places: acceptance up to 10 WD (LTC 24(1))
	}
	if l.chance(0.6) && !r.study(l.addWD(r.last(), l.intn(0, 2))) {
		return
	}
	if stall == 2 || !r.accept(r.acceptDay()) {
		return
	}
	if l.chance(0.05) && !r.takeOver(l.addWD(r.last(), l.intn(1, 10))) {
		return
	}
	if r.work(stall == 3) {
		r.aftermath()
	}
}

// screen is reception's first look: a duplicate or an ineligible letter is
// filed, one for another body is transferred. It reports whether the letter
// left the normal path.
func (r *caseRun) screen() bool {
	l := r.l
	on := l.addWD(r.last(), l.intn(1, 3))
	n := l.rng.IntN(100)
	switch {
	case n < 3:
		if ids := l.registered[shelf{r.o, r.c.Kind}]; len(ids) > 1 {
			r.file(on, "DUPLICATE", ids[l.rng.IntN(len(ids)-1)], "Đơn trùng nội dung với đơn đã tiếp nhận trước.")
		} else {
			r.file(on, "INELIGIBLE", 0, "Đơn không đủ điều kiện xử lý.")
		}
	case n < 5:
		r.file(on, "MIXED_CONTENT", 0, "Đã hướng dẫn người gửi tách đơn theo từng nội dung.")
	case n < 10 && r.c.Kind == workflow.Denunciation:
		_ = r.notTheirs(on) && r.transfer(l.addWD(r.last(), l.intn(1, 3)), pick(l, transferTargets))
	case n < 10:
		r.transfer(on, pick(l, transferTargets))
	default:
		return false
	}
	return true
}

// acceptDay is within the acceptance clock (the processing clock for kinds
// without one), or past it for a late case.
func (r *caseRun) acceptDay() workflow.Date {
	l := r.l
	due := r.due(workflow.ClockAcceptance)
	if due.IsZero() {
		due = r.due(workflow.ClockProcessing)
	}
	if r.late && l.chance(0.5) {
		return due.AddDays(l.intn(1, 15))
	}
	d := l.addWD(r.last(), l.intn(1, 4))
	if d.After(due) {
		return later(due, r.last())
	}
	return d
}

// resolveDay is shortly before the resolution clock ends, or past it for a late case.
func (r *caseRun) resolveDay() workflow.Date {
	l := r.l
	earliest := l.addWD(r.last(), 1)
	due := r.due(workflow.ClockResolution)
	switch {
	case due.IsZero():
		return l.addWD(r.last(), l.intn(1, 5))
	case r.late && l.chance(0.6):
		return later(earliest, due.AddDays(l.intn(1, 45)))
	}
	return later(earliest, due.AddDays(-l.intn(0, 10)))
}

// dutyDay is when a duty due on due is done: a few working days after the
// last act, by the due date — or after it for a late case.
func (r *caseRun) dutyDay(due workflow.Date, n int) workflow.Date {
	l := r.l
	if r.late && l.chance(0.3) {
		return due.AddDays(l.intn(2, 20))
	}
	d := l.addWD(r.last(), l.intn(1, n))
	if d.After(due) {
		return later(due, r.last())
	}
	return d
}
