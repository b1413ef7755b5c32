package demo

import (
	"fmt"

	"petitions/store"
	"petitions/workflow"
)

// caseRun is one case being played forward through the store's rules.
type caseRun struct {
	l        *loader
	o        *office
	c        store.Case // as the store last returned it (its version guards the next act)
	p        store.Petitioner
	t        topic
	late     bool           // this case's deadlines tend to slip
	decision string         // the number of its decision or conclusion, once resolved
	ordered  workflow.Input // the decision, for what it orders recovered or returned
}

// letter is a letter to register.
type letter struct {
	o          *office
	kind       workflow.Kind
	round      int
	prior      *caseRun // the round-1 case of a round-2 complaint
	on         workflow.Date
	anonymous  bool
	complexity workflow.Complexity
	signed     int // signatories; 0 lets the loader choose
	// disciplinary: a complaint against a disciplinary decision (LKN 46–55).
	disciplinary bool
	// forwarded: a denunciation forwarded by an authority, received by transfer (LTC 26(2); TT 05/2021 Art. 14).
	forwarded bool
}

// register has the office's reception officer enter the letter; nil when the
// letter would arrive after today or a rule refused it.
func (l *loader) register(in letter) *caseRun {
	if l.err != nil || in.on.After(l.today) {
		return nil
	}
	r := &caseRun{l: l, o: in.o, late: l.chance(0.15)}
	nc := store.NewCase{Intake: workflow.Intake{Kind: in.kind, Round: in.round, Channel: l.channel(),
		ReceivedOn: in.on, Anonymous: in.anonymous, Signatories: in.signed, RemoteArea: in.o.remote,
		Complexity: in.complexity, Disciplinary: in.disciplinary}}
	if in.forwarded {
		nc.Intake.Channel, nc.Intake.ForwardedByAuthority, nc.Intake.ReceivedByTransfer = workflow.ChannelForwarded, true, true
	}
	switch {
	case in.prior != nil:
		r.p, r.t = in.prior.p, in.prior.t
		r.t.subject += " (lần hai)"
		r.t.content = fmt.Sprintf("Không đồng ý với Quyết định giải quyết khiếu nại lần đầu số %s ngày %s của Chủ tịch %s. %s",
			in.prior.decision, in.prior.c.ResolvedOn.VN(), in.prior.o.title, in.prior.t.content)
		nc.PriorCaseID = in.prior.c.ID
	case in.anonymous:
		r.t = l.topicFor(in.kind, in.on)
		nc.Intake.Channel = "post"
	default:
		r.p, r.t = l.person(in.o), l.topicFor(in.kind, in.on)
	}
	if nc.Intake.Signatories == 0 && (in.kind == workflow.Dialogue || l.chance(0.06)) {
		nc.Intake.Signatories = l.intn(5, 40) // a group letter (TT 07/2014 Art. 6)
	}
	nc.Subject, nc.Content, nc.Petitioner = r.t.subject, r.t.content, r.p
	c, err := l.desk.CreateCase(l.ctx, in.o.reception, nc)
	if err != nil {
		l.err = fmt.Errorf("demo: register a %s received %s: %w", in.kind, in.on, err)
		return nil
	}
	r.c = c
	l.made++
	l.registered[shelf{in.o, in.kind}] = append(l.registered[shelf{in.o, in.kind}], c.ID)
	return r
}

// channel is how a letter arrived.
func (l *loader) channel() workflow.Channel {
	n := l.rng.IntN(100)
	switch {
	case n < 40:
		return "walk_in"
	case n < 68:
		return "post"
	case n < 85:
		return "online"
	case n < 95:
		return "forwarded"
	}
	return "hotline"
}

// do fires one event as actor, dated on — moved to a working day and never
// before the case's last act. It reports false, doing nothing, when that day
// lies after today (the case's story stops there) or a rule refused the act.
func (r *caseRun) do(actor store.User, in workflow.Input) bool {
	l := r.l
	if l.err != nil {
		return false
	}
	in.On = r.when(in.On)
	if in.On.After(l.today) {
		return false
	}
	c, err := l.desk.ApplyEvent(l.ctx, actor, r.c, r.c.Version, in)
	if err != nil {
		l.err = fmt.Errorf("demo: %s on case %d (%s, %s) dated %s: %w", in.Event, r.c.ID, r.c.Kind, r.c.State, in.On, err)
		return false
	}
	r.c = c
	return true
}

// when is the working day an act planned for on falls on.
func (r *caseRun) when(on workflow.Date) workflow.Date {
	return r.l.workday(later(on, r.c.LastEventOn))
}

// last is the day of the case's last act.
func (r *caseRun) last() workflow.Date { return r.c.LastEventOn }

// due is the due date of the running clock of that name; zero when none runs.
func (r *caseRun) due(name workflow.ClockName) workflow.Date {
	for _, k := range r.c.Clocks {
		if k.Name == name && k.Running() {
			return k.DueOn
		}
	}
	return workflow.Date{}
}

// worker is who holds the case: its assignee.
func (r *caseRun) worker() store.User {
	if r.c.Assignee == r.o.handler.Login {
		return r.o.handler
	}
	return r.o.head
}
