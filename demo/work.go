package demo

import "petitions/workflow"

// work plays an accepted case up to its decision; stall leaves it unresolved
// after the first verification. It reports whether the case was resolved.
func (r *caseRun) work(stall bool) bool {
	// Most matters are classified by field once accepted; the reports count the rest as "other".
	if r.c.Kind != workflow.Dialogue && r.l.chance(0.7) && !r.classifyDomain(r.last()) {
		return false
	}
	switch r.c.Kind {
	case workflow.Complaint:
		return r.complaintWork(stall)
	case workflow.Denunciation:
		return r.denunciationWork(stall)
	case workflow.Petition:
		return r.petitionWork(stall)
	}
	return r.dialogueWork(stall)
}

// complaintWork: verification and the work after it, a dialogue when the
// round is 2 or the verification differs from the request (LKN 30, 39),
// sometimes a suspension (from 01/07/2026, LKN 11a), then the decision.
func (r *caseRun) complaintWork(stall bool) bool {
	l := r.l
	if r.c.Complexity == workflow.Normal && l.chance(0.08) && !r.classify(r.last(), workflow.Complex) {
		return false
	}
	if l.chance(0.04) {
		_ = r.withdraw(r.last().AddDays(l.intn(5, 25)), false) && r.sendDecision()
		return false
	}
	differs := r.c.Round == 1 && l.chance(0.25)
	if !r.verify(r.last().AddDays(l.intn(5, 15)), differs) || stall || !r.progress(l.intn(1, 4), true) {
		return false
	}
	if !r.last().Before(nd155From) && l.chance(0.1) && !r.pause() {
		return false
	}
	if (r.c.Round == 2 || differs) && !r.holdDialogue(l.addWD(r.last(), l.intn(1, 4))) {
		return false
	}
	return r.resolve(r.resolveDay(), pick(l, complaintOutcomes))
}

// denunciationWork: the denouncer is told of the acceptance (LTC 29(3)), the
// facts verified; a complex case is classified and extended (LTC 30), some
// are suspended or withdrawn (LTC 33), then the conclusion.
func (r *caseRun) denunciationWork(stall bool) bool {
	l := r.l
	notifyOn := l.addWD(r.last(), l.intn(1, 4))
	if r.late && l.chance(0.3) {
		notifyOn = r.due(workflow.ClockNotification).AddDays(l.intn(1, 6))
	}
	if !r.notify(notifyOn) || !r.verify(r.last().AddDays(l.intn(5, 15)), false) || stall || !r.progress(l.intn(1, 4), true) {
		return false
	}
	if l.chance(0.04) {
		signs := l.chance(0.5)
		if !r.withdraw(r.last().AddDays(l.intn(2, 10)), signs) {
			return false
		}
		if !signs {
			r.sendDecision() // the termination decision (LTC 34(4))
			return false
		}
	}
	if l.chance(0.15) {
		cx, times := workflow.Complex, 1
		if l.chance(0.2) {
			cx, times = workflow.EspeciallyComplex, 2
		}
		if !r.classify(r.last().AddDays(l.intn(1, 5)), cx) {
			return false
		}
		for i := 0; i < times && l.chance(0.75); i++ {
			if !r.extend(r.due(workflow.ClockResolution).AddDays(-l.intn(1, 5)), 30) {
				return false
			}
		}
	}
	if l.chance(0.06) && !r.pause() {
		return false
	}
	return r.resolve(r.resolveDay(), pick(l, denunciationOutcomes))
}

// petitionWork: studied (sometimes verified on the spot), then answered.
func (r *caseRun) petitionWork(stall bool) bool {
	l := r.l
	verified := l.chance(0.4)
	if verified && !r.verify(r.last().AddDays(l.intn(3, 12)), false) || stall {
		return false
	}
	if l.chance(0.15) && !r.note(r.last().AddDays(l.intn(2, 8))) || !r.progress(l.intn(1, 3), verified) {
		return false
	}
	if l.chance(0.03) {
		r.withdraw(r.last().AddDays(l.intn(2, 10)), false)
		return false
	}
	return r.resolve(r.resolveDay(), workflow.Answered)
}

// dialogueWork: the dialogue is prepared and held with due notice, then the answer given.
func (r *caseRun) dialogueWork(stall bool) bool {
	l := r.l
	if stall || !r.progress(l.intn(1, 3), false) || !r.holdDialogue(l.addWD(r.last(), l.intn(2, 8))) {
		return false
	}
	return r.resolve(l.addWD(r.last(), l.intn(1, 5)), workflow.Answered)
}

// progress is the work before the decision: notes on what was asked for and
// done, sometimes a further verification of a case verified once, and the
// head's reminder as the deadline nears.
func (r *caseRun) progress(notes int, verified bool) bool {
	l := r.l
	for range notes {
		if !r.note(l.addWD(r.last(), l.intn(2, 6))) {
			return false
		}
	}
	if verified && l.chance(0.5) && !r.verifyAgain(l.addWD(r.last(), l.intn(3, 8))) {
		return false
	}
	if l.chance(0.45) {
		on := l.addWD(r.last(), 1)
		if due := r.due(workflow.ClockResolution); !due.IsZero() {
			on = later(on, due.AddDays(-l.intn(5, 10)))
		}
		return r.remind(on)
	}
	return true
}

// pause suspends the resolution for a while and resumes it (LTC 34; LKN 11a).
func (r *caseRun) pause() bool {
	l := r.l
	return r.suspend(r.last().AddDays(l.intn(3, 10))) && r.sendDecision() &&
		r.resume(r.last().AddDays(l.intn(14, 45))) && r.sendDecision()
}

// aftermath delivers and discloses the decision within their clocks
// (LKN 32, 41; LTC 35, 40; THDCCS 12), then closes the case — after the
// posting's 15 days when it was disclosed. A few are never closed.
func (r *caseRun) aftermath() {
	l := r.l
	if due := r.due(workflow.ClockDelivery); !due.IsZero() && !r.deliver(r.dutyDay(due, 2)) {
		return
	}
	if due := r.due(workflow.ClockDisclosure); !due.IsZero() {
		if !r.disclose(r.dutyDay(due, 6)) {
			return
		}
	} else if l.chance(r.optionalDisclosure()) && !r.disclose(l.addWD(r.last(), l.intn(2, 6))) {
		return
	}
	if len(r.c.RunningClocks()) > 0 || l.chance(0.06) {
		return
	}
	if l.chance(0.5) && !r.followUp(l.addWD(r.last(), l.intn(3, 10))) {
		return
	}
	wait := l.intn(2, 12)
	if r.c.State == workflow.Disclosed {
		wait = l.intn(15, 25)
	}
	if r.close(r.last().AddDays(wait)) {
		r.carryOut()
	}
}

// optionalDisclosure is the chance a decision without a disclosure clock is published anyway.
func (r *caseRun) optionalDisclosure() float64 {
	switch r.c.Kind {
	case workflow.Petition:
		return 0.15
	case workflow.Complaint:
		return 0.1
	}
	return 0
}
