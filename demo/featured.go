package demo

import "petitions/workflow"

// playFeatured plays the cases every demo shows, whatever the seed: each
// state, each status among open cases, a prolonged matter, and the rules a
// visitor will want to see at work. Their days count back from today.
func (l *loader) playFeatured() {
	for _, f := range []func(){l.anonymousDenunciation, l.extendedDenunciation, l.suspendedComplaint,
		l.secondRoundWithDialogue, l.prolongedSecondRound, l.forgottenComplaint, l.dueSoonLetter, l.freshLetter,
		l.suspendedDenunciation, l.overduePetition, l.withdrawnComplaint, l.transferredDenunciation,
		l.rejectedComplaint, l.disclosedDialogue, l.decidedAwaitingDelivery, l.disciplinaryComplaint,
		l.forwardedDenunciation} {
		f()
	}
}

// commune is the office of a commune by unit code.
func (l *loader) commune(code string) *office {
	for _, o := range l.communes {
		if o.unit.Code == code {
			return o
		}
	}
	return l.agency
}

// anonymousDenunciation is not processed (LTC 25): reception files it with
// TC-NP-07 and passes its content on for inspection.
func (l *loader) anonymousDenunciation() {
	r := l.register(letter{o: l.agency, kind: workflow.Denunciation, on: l.ago(40), anonymous: true})
	_ = r != nil && r.file(l.addWD(r.last(), 2), "TC-NP-07", 0,
		"Tố cáo nặc danh: không thụ lý; chuyển nội dung cho Thanh tra tỉnh để thanh tra, kiểm tra theo Điều 25 Luật Tố cáo.")
}

// extendedDenunciation is complex and extended once by 30 days (LTC 30(2)); still in hand, on track.
func (l *loader) extendedDenunciation() {
	r := l.register(letter{o: l.agency, kind: workflow.Denunciation, on: l.ago(55)})
	_ = r != nil && r.assign(l.addWD(r.last(), 2), r.o.handler) && r.accept(l.addWD(r.last(), 4)) &&
		r.notify(l.addWD(r.last(), 2)) && r.classify(r.last().AddDays(5), workflow.Complex) &&
		r.verify(r.last().AddDays(8), false) && r.extend(r.due(workflow.ClockResolution).AddDays(-3), 30)
}

// suspendedComplaint is suspended and resumed under LKN Art. 11a, in force from 01/07/2026.
func (l *loader) suspendedComplaint() {
	on := l.workday(later(l.today.AddDays(-140), nd155From.AddDays(5)))
	if l.today.Before(on.AddDays(90)) {
		return
	}
	r := l.register(letter{o: l.commune("KH-PHANRANG"), kind: workflow.Complaint, round: 1, on: on})
	_ = r != nil && r.assign(l.addWD(on, 1), r.o.handler) && r.accept(l.addWD(r.last(), 3)) &&
		r.verify(r.last().AddDays(9), false) && r.suspend(r.last().AddDays(4)) && r.sendDecision() &&
		r.resume(r.last().AddDays(26)) && r.sendDecision() &&
		r.resolve(r.due(workflow.ClockResolution).AddDays(-2), workflow.PartlyCorrect) &&
		r.deliver(l.addWD(r.last(), 1)) && r.close(r.last().AddDays(7))
}

// secondRoundWithDialogue: a ward's round-1 decision appealed to the
// province, which must hold a dialogue (LKN 39) and publish its decision (LKN 41).
func (l *loader) secondRoundWithDialogue() {
	r1 := l.register(letter{o: l.commune("KH-NHATRANG"), kind: workflow.Complaint, round: 1, on: l.ago(215)})
	ok := r1 != nil && r1.assign(l.addWD(r1.last(), 2), r1.o.handler) && r1.accept(l.addWD(r1.last(), 4)) &&
		r1.verify(r1.last().AddDays(10), false) && r1.resolve(r1.due(workflow.ClockResolution).AddDays(-4), workflow.Wrong) &&
		r1.deliver(l.addWD(r1.last(), 2)) && r1.close(r1.last().AddDays(6))
	if !ok {
		return
	}
	r2 := l.register(letter{o: l.agency, kind: workflow.Complaint, round: 2, prior: r1, on: l.workday(r1.c.ResolvedOn.AddDays(18))})
	_ = r2 != nil && r2.assign(l.addWD(r2.last(), 2), r2.o.handler) && r2.accept(l.addWD(r2.last(), 4)) &&
		r2.verify(r2.last().AddDays(10), false) && r2.holdDialogue(l.addWD(r2.last(), 2)) &&
		r2.resolve(r2.due(workflow.ClockResolution).AddDays(-3), workflow.PartlyCorrect) &&
		r2.deliver(l.addWD(r2.last(), 2)) && r2.disclose(l.addWD(r2.last(), 3)) && r2.close(r2.last().AddDays(18))
}

// prolongedSecondRound: the round-1 complaint took ten months; the round-2
// complaint is open and overdue, on a matter first raised 430 days ago.
func (l *loader) prolongedSecondRound() {
	r1 := l.register(letter{o: l.commune("KH-CAMLAM"), kind: workflow.Complaint, round: 1, on: l.ago(430)})
	ok := r1 != nil && r1.assign(l.addWD(r1.last(), 3), r1.o.handler) && r1.accept(l.addWD(r1.last(), 6)) &&
		r1.verify(r1.last().AddDays(20), true) && r1.holdDialogue(r1.last().AddDays(40)) &&
		r1.resolve(l.ago(100), workflow.Wrong) && r1.deliver(l.addWD(r1.last(), 3)) && r1.close(r1.last().AddDays(10))
	if !ok {
		return
	}
	r2 := l.register(letter{o: l.agency, kind: workflow.Complaint, round: 2, prior: r1, on: l.ago(72)})
	_ = r2 != nil && r2.assign(l.addWD(r2.last(), 2), r2.o.handler) && r2.accept(l.addWD(r2.last(), 5)) &&
		r2.verify(r2.last().AddDays(12), false) && r2.holdDialogue(l.ago(30))
}

// forgottenComplaint: a remote commune's complaint accepted 13 months ago and never decided.
func (l *loader) forgottenComplaint() {
	r := l.register(letter{o: l.commune("KH-KHANHSON"), kind: workflow.Complaint, round: 1, on: l.ago(400)})
	_ = r != nil && r.assign(l.addWD(r.last(), 3), r.o.handler) && r.accept(l.addWD(r.last(), 6)) &&
		r.verify(r.last().AddDays(20), false) && r.note(r.last().AddDays(30))
}

// dueSoonLetter is assigned, its 10-WD processing clock two working days from its end.
func (l *loader) dueSoonLetter() {
	on := l.workdayBack(l.today)
	for l.cal.WorkingDaysBetween(l.today, l.addWD(on, 10)) > 2 {
		on = l.workdayBack(on.AddDays(-1))
	}
	r := l.register(letter{o: l.commune("KH-NHATRANG"), kind: workflow.Petition, on: on})
	_ = r != nil && r.assign(l.addWD(on, 1), r.o.handler)
}

// freshLetter arrived on the last working day and waits to be assigned.
func (l *loader) freshLetter() {
	l.register(letter{o: l.agency, kind: workflow.Complaint, round: 1, on: l.workdayBack(l.today)})
}

// suspendedDenunciation waits, suspended, for an expert's report (LTC 34).
func (l *loader) suspendedDenunciation() {
	r := l.register(letter{o: l.agency, kind: workflow.Denunciation, on: l.ago(50)})
	_ = r != nil && r.assign(l.addWD(r.last(), 2), r.o.handler) && r.accept(l.addWD(r.last(), 4)) &&
		r.notify(l.addWD(r.last(), 2)) && r.verify(r.last().AddDays(7), false) && r.suspend(l.ago(12)) &&
		r.sendDecision()
}

// overduePetition passed its 30-day answer period some three weeks ago.
func (l *loader) overduePetition() {
	r := l.register(letter{o: l.commune("KH-PHANRANG"), kind: workflow.Petition, on: l.ago(62)})
	_ = r != nil && r.assign(l.addWD(r.last(), 2), r.o.handler) && r.accept(l.addWD(r.last(), 3)) &&
		r.verify(r.last().AddDays(8), false)
}

// withdrawnComplaint ends by the complainant's withdrawal.
func (l *loader) withdrawnComplaint() {
	r := l.register(letter{o: l.commune("KH-NHATRANG"), kind: workflow.Complaint, round: 1, on: l.ago(120)})
	_ = r != nil && r.assign(l.addWD(r.last(), 2), r.o.handler) && r.accept(l.addWD(r.last(), 4)) &&
		r.verify(r.last().AddDays(8), false) && r.withdraw(r.last().AddDays(6), false) && r.sendDecision()
}

// transferredDenunciation is outside the commune's competence and goes to
// the competent body within 5 WD (LTC 24(2)).
func (l *loader) transferredDenunciation() {
	r := l.register(letter{o: l.commune("KH-CAMLAM"), kind: workflow.Denunciation, on: l.ago(35)})
	_ = r != nil && r.notTheirs(l.addWD(r.last(), 1)) &&
		r.transfer(l.addWD(r.last(), 2), "Sở Nông nghiệp và Môi trường tỉnh Khánh Hòa")
}

// rejectedComplaint came after the time limit for complaints (LKN 11(6)).
func (l *loader) rejectedComplaint() {
	r := l.register(letter{o: l.agency, kind: workflow.Complaint, round: 1, on: l.ago(90)})
	_ = r != nil && r.assign(l.addWD(r.last(), 2), r.o.handler) && r.reject(l.addWD(r.last(), 3), "KN-NA-06")
}

// disclosedDialogue: a group asked to be heard; the results are posted (THDCCS 12(3)).
func (l *loader) disclosedDialogue() {
	r := l.register(letter{o: l.agency, kind: workflow.Dialogue, on: l.ago(40), signed: 36})
	_ = r != nil && r.assign(l.addWD(r.last(), 2), r.o.handler) && r.accept(l.addWD(r.last(), 3)) &&
		r.holdDialogue(l.addWD(r.last(), 3)) && r.resolve(l.addWD(r.last(), 2), workflow.Answered) &&
		r.disclose(l.addWD(r.last(), 3))
}

// decidedAwaitingDelivery was decided yesterday; its 3-WD delivery clock runs (LKN 32).
func (l *loader) decidedAwaitingDelivery() {
	r := l.register(letter{o: l.agency, kind: workflow.Complaint, round: 1, on: l.ago(45)})
	_ = r != nil && r.assign(l.addWD(r.last(), 2), r.o.handler) && r.accept(l.addWD(r.last(), 4)) &&
		r.verify(r.last().AddDays(10), false) && r.resolve(l.ago(1), workflow.Correct)
}

// disciplinaryComplaint: an official complains against a reprimand; 30 days
// to resolve and a dialogue before the decision, at either round (LKN 50, 53).
func (l *loader) disciplinaryComplaint() {
	r := l.register(letter{o: l.agency, kind: workflow.Complaint, round: 1, on: l.ago(25), disciplinary: true})
	_ = r != nil && r.assign(l.addWD(r.last(), 1), r.o.handler) && r.accept(l.addWD(r.last(), 3)) &&
		r.verify(r.last().AddDays(5), false) && r.holdDialogue(l.addWD(r.last(), 1))
}

// forwardedDenunciation was sent on by the provincial Ombudsman's office
// (received by transfer, so it may not be transferred again, TT 05/2021 Art.
// 14); the forwarder is owed the result within 20 days (LTC 26(2)).
func (l *loader) forwardedDenunciation() {
	r := l.register(letter{o: l.agency, kind: workflow.Denunciation, on: l.ago(9), forwarded: true})
	_ = r != nil && r.assign(l.addWD(r.last(), 1), r.o.handler) && r.accept(l.addWD(r.last(), 2)) &&
		r.notify(l.addWD(r.last(), 1))
}
