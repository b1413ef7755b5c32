package demo

import (
	"fmt"

	"petitions/store"
	"petitions/workflow"
)

// The acts of DOMAIN.md §2, each by the official who does it (§4). Every act
// reports whether it happened (see caseRun.do).

func (r *caseRun) assign(on workflow.Date, to store.User) bool {
	return r.do(r.o.head, workflow.Input{Event: workflow.EvAssign, On: on, Assignee: to.Login})
}

func (r *caseRun) accept(on workflow.Date) bool {
	return r.do(r.o.head, workflow.Input{Event: workflow.EvAccept, On: on})
}

func (r *caseRun) reject(on workflow.Date, code string) bool {
	return r.do(r.o.head, workflow.Input{Event: workflow.EvReject, On: on, ReasonCode: code,
		Note: "Thông báo không thụ lý, nêu rõ lý do gửi người có đơn."})
}

func (r *caseRun) file(on workflow.Date, code string, duplicateOf int64, note string) bool {
	return r.do(r.o.reception, workflow.Input{Event: workflow.EvFile, On: on, ReasonCode: code,
		DuplicateOf: duplicateOf, Note: note})
}

// transfer sends the letter on: a complaint's sender is guided (LTCD 26(1)(b)),
// a petition sometimes left to the commune with a reminder to resolve it.
func (r *caseRun) transfer(on workflow.Date, target string) bool {
	in := workflow.Input{Event: workflow.EvTransfer, On: on, Target: target, Mode: workflow.DefaultMode(r.c.Kind),
		Note: "Chuyển đơn đến cơ quan có thẩm quyền và thông báo cho người gửi đơn."}
	if r.c.Kind == workflow.Petition && r.l.chance(0.3) {
		in.Mode, in.Note = workflow.ModeUrge, "Đôn đốc cơ quan có thẩm quyền cấp dưới giải quyết và báo kết quả."
	}
	return r.do(r.o.reception, in)
}

// notTheirs records that a denunciation lies outside the unit's competence,
// which starts the 5-WD transfer clock (LTC 24(2)).
func (r *caseRun) notTheirs(on workflow.Date) bool {
	no := false
	return r.do(r.o.reception, workflow.Input{Event: workflow.EvClassify, On: on, Competent: &no})
}

// classifyDomain records the field of the matter, which the reports count (Biểu 02–04/XLD).
func (r *caseRun) classifyDomain(on workflow.Date) bool {
	return r.do(r.o.head, workflow.Input{Event: workflow.EvClassify, On: on, Domain: domainOf(r.c.Kind, r.t.subject)})
}

func (r *caseRun) classify(on workflow.Date, cx workflow.Complexity) bool {
	return r.do(r.o.head, workflow.Input{Event: workflow.EvClassify, On: on, Complexity: cx, Domain: domainOf(r.c.Kind, r.t.subject),
		Note: "Vụ việc phức tạp: nhiều người liên quan, cần xác minh tại nhiều nơi."})
}

func (r *caseRun) extend(on workflow.Date, days int) bool {
	return r.do(r.o.head, workflow.Input{Event: workflow.EvExtend, On: on, Days: days,
		Note: "Gia hạn giải quyết tố cáo do vụ việc phức tạp."})
}

func (r *caseRun) notify(on workflow.Date) bool {
	return r.do(r.worker(), workflow.Input{Event: workflow.EvNotify, On: on, Recipient: r.p.Name,
		Note: "Đã thông báo việc thụ lý tố cáo cho người tố cáo."})
}

func (r *caseRun) verify(on workflow.Date, differs bool) bool {
	note := "Báo cáo kết quả xác minh: đã làm việc với các bên và thu thập hồ sơ liên quan."
	if differs {
		note = "Báo cáo kết quả xác minh: kết quả xác minh khác với yêu cầu của người khiếu nại."
	}
	return r.do(r.worker(), workflow.Input{Event: workflow.EvVerify, On: on, Differs: &differs, Note: note})
}

func (r *caseRun) note(on workflow.Date) bool {
	return r.do(r.worker(), workflow.Input{Event: workflow.EvNote, On: on, Note: pick(r.l, workNotes)})
}

// receptionNote is reception's work on a letter before it is assigned:
// documents asked for or received, earlier letters compared.
func (r *caseRun) receptionNote(on workflow.Date) bool {
	return r.do(r.o.reception, workflow.Input{Event: workflow.EvNote, On: on, Note: pick(r.l, receptionNotes)})
}

// study is the assignee's first reading of the file, before acceptance.
func (r *caseRun) study(on workflow.Date) bool {
	return r.do(r.worker(), workflow.Input{Event: workflow.EvNote, On: on, Note: pick(r.l, studyNotes)})
}

// remind is the head pressing the assignee as the deadline nears.
func (r *caseRun) remind(on workflow.Date) bool {
	return r.do(r.o.head, workflow.Input{Event: workflow.EvNote, On: on, Note: pick(r.l, reminders)})
}

// followUp records, after the decision, how it is carried out.
func (r *caseRun) followUp(on workflow.Date) bool {
	return r.do(r.o.head, workflow.Input{Event: workflow.EvNote, On: on, Note: pick(r.l, followUps)})
}

// verifyAgain reports a further verification; it says nothing of whether the
// result differs from the request (the first report did).
func (r *caseRun) verifyAgain(on workflow.Date) bool {
	return r.do(r.worker(), workflow.Input{Event: workflow.EvVerify, On: on,
		Note: "Báo cáo kết quả xác minh bổ sung: đã thu thập thêm tài liệu và làm việc lại với các bên."})
}

// takeOver has the head reassign the case to himself.
func (r *caseRun) takeOver(on workflow.Date) bool {
	return r.do(r.o.head, workflow.Input{Event: workflow.EvReassign, On: on, Assignee: r.o.head.Login,
		Note: "Vụ việc nhạy cảm: thủ trưởng trực tiếp giải quyết."})
}

func (r *caseRun) suspend(on workflow.Date) bool {
	return r.do(r.o.head, workflow.Input{Event: workflow.EvSuspend, On: on, Note: pick(r.l, suspendNotes)})
}

func (r *caseRun) resume(on workflow.Date) bool {
	return r.do(r.o.head, workflow.Input{Event: workflow.EvResume, On: on,
		Note: "Lý do tạm đình chỉ không còn; tiếp tục giải quyết."})
}

// withdraw records the petitioner's withdrawal; a denunciation showing signs
// of a violation goes on (LTC 33(3)).
func (r *caseRun) withdraw(on workflow.Date, violationSigns bool) bool {
	return r.do(r.o.head, workflow.Input{Event: workflow.EvWithdraw, On: on, ViolationSigns: violationSigns,
		Note: "Người có đơn rút đơn bằng văn bản."})
}

// holdDialogue schedules a dialogue with a week or more of notice and records
// its minutes on the day; false when that day has not come yet.
func (r *caseRun) holdDialogue(on workflow.Date) bool {
	l := r.l
	on = r.when(on)
	held := l.workday(on.AddDays(l.intn(7, 12)))
	if !r.do(r.worker(), workflow.Input{Event: workflow.EvScheduleDialogue, On: on, DialogueOn: held,
		Note: "Gửi giấy mời đối thoại."}) {
		return false
	}
	attended := l.chance(0.9)
	text := pick(l, minutes)
	if !attended {
		text = "Biên bản: người có đơn được mời hợp lệ nhưng vắng mặt không có lý do."
	}
	return r.do(r.worker(), workflow.Input{Event: workflow.EvRecordDialogue, On: held, Minutes: text, Attended: &attended})
}

// resolve issues the decision, conclusion or answer.
func (r *caseRun) resolve(on workflow.Date, o workflow.Outcome) bool {
	docs := map[workflow.Kind]string{workflow.Complaint: "QĐ-UBND", workflow.Denunciation: "KL-UBND",
		workflow.Dialogue: "TB-UBND", workflow.Petition: "UBND-TD"}
	r.l.decisionNo++
	r.decision = fmt.Sprintf("%d/%s", r.l.decisionNo, docs[r.c.Kind])
	in := workflow.Input{Event: workflow.EvResolve, On: on, Outcome: o, Summary: summary(r.c.Kind, o)}
	r.results(&in)
	r.ordered = in
	return r.do(r.o.head, in)
}

// carryOut records how a complaint decision that orders money or land back is
// carried out (Biểu 02/KQGQ): part of it some weeks on, the rest later, a few
// never finished; a sanction now and then.
func (r *caseRun) carryOut() {
	o, l := r.ordered, r.l
	if r.c.Kind != workflow.Complaint || o.RecoverMoney+o.RecoverLand+o.ReturnOrgMoney+o.ReturnPersonMoney+o.ReturnPersonLand == 0 {
		return
	}
	half := workflow.Input{Event: workflow.EvImplement, On: r.last().AddDays(l.intn(20, 60)),
		RecoveredMoney: o.RecoverMoney / 2, RecoveredLand: o.RecoverLand, ReturnedOrgMoney: o.ReturnOrgMoney / 2,
		ReturnedPersonMoney: o.ReturnPersonMoney / 2, ReturnedPersonLand: o.ReturnPersonLand,
		Note: "Đã thi hành một phần quyết định giải quyết khiếu nại."}
	if l.chance(0.2) {
		half.SanctionedPersons, half.SanctionedOfficials = 1, 1
	}
	if !r.do(r.o.head, half) || l.chance(0.25) {
		return
	}
	r.do(r.o.head, workflow.Input{Event: workflow.EvImplement, On: r.last().AddDays(l.intn(20, 90)), Completed: true,
		RecoveredMoney: o.RecoverMoney - half.RecoveredMoney, ReturnedOrgMoney: o.ReturnOrgMoney - half.ReturnedOrgMoney,
		ReturnedPersonMoney: o.ReturnPersonMoney - half.ReturnedPersonMoney, Note: "Đã thi hành xong quyết định."})
}

// results fills what a founded complaint or denunciation recovers, returns
// and recommends (Biểu 01/KQGQ, 03/KQGQ): about a third of them have some.
func (r *caseRun) results(in *workflow.Input) {
	founded := in.Outcome == workflow.Correct || in.Outcome == workflow.PartlyCorrect
	if !founded || r.c.Kind != workflow.Complaint && r.c.Kind != workflow.Denunciation || r.l.rng.IntN(3) != 0 {
		return
	}
	rng := r.l.rng
	switch rng.IntN(3) {
	case 0: // money and land wrongly paid out or taken, to recover
		in.RecoverMoney, in.RecoverLand = float64(rng.IntN(2000))/2+10, float64(rng.IntN(500))
	case 1: // returned to the complainant
		in.ReturnPersonMoney, in.ReturnPersonLand, in.RestoredPersons = float64(rng.IntN(800))/4+5, float64(rng.IntN(300)), 1+rng.IntN(3)
	default: // returned to an organisation
		in.ReturnOrgMoney, in.RestoredOrgs = float64(rng.IntN(4000))/2+50, 1
	}
	if r.c.Kind == workflow.Denunciation {
		in.SanctionPersons = 1 + rng.IntN(3)
		in.SanctionOfficials = rng.IntN(in.SanctionPersons + 1)
		if rng.IntN(10) == 0 { // signs of a crime (LTC 2018 Art. 35(1)(b))
			in.ReferredCases, in.ReferredPersons, in.ReferredOfficials = 1, 1, 1
		}
	}
}

func (r *caseRun) deliver(on workflow.Date) bool {
	return r.do(r.o.head, workflow.Input{Event: workflow.EvDeliver, On: on,
		Note: "Đã gửi quyết định, kết luận cho người có đơn và các bên liên quan."})
}

// sendDecision sends the suspension, continuation or termination decision
// just made, the next working day (LTC 34(4); ND 124/2020 Art. 28b); true when
// none is owed (a complaint's before 01/07/2026).
func (r *caseRun) sendDecision() bool {
	if r.due(workflow.ClockDecisionDelivery).IsZero() {
		return true
	}
	return r.do(r.o.head, workflow.Input{Event: workflow.EvDeliver, On: r.l.addWD(r.last(), 1),
		Clock: workflow.ClockDecisionDelivery, Note: "Đã gửi quyết định cho người có đơn và các bên liên quan."})
}

// tellForwarder sends the forwarder the result of a forwarded denunciation (LTC 26(2)).
func (r *caseRun) tellForwarder(on workflow.Date) bool {
	return r.do(r.worker(), workflow.Input{Event: workflow.EvNotify, On: on, To: workflow.NotifyForwarder,
		Note: "Đã thông báo kết quả xử lý đơn cho cơ quan chuyển đơn."})
}

func (r *caseRun) disclose(on workflow.Date) bool {
	return r.do(r.o.head, workflow.Input{Event: workflow.EvDisclose, On: on,
		Channel: pick(r.l, []string{"website", "website", "posting"}), Text: r.publicText()})
}

func (r *caseRun) close(on workflow.Date) bool {
	return r.do(r.o.head, workflow.Input{Event: workflow.EvClose, On: on, Note: "Kết thúc hồ sơ, lưu trữ."})
}
