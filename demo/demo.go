// Package demo loads a believable demo province into an empty store: Khánh Hòa
// after the merger of 01/07/2025, its People's Committee as the demo agency,
// five communes and wards below it, their officials, and a few hundred cases
// (or a million, for the benchmark) played forward through the store's own
// rules (store.Bulk, which makes the calls of store.CreateCase and
// store.ApplyEvent and writes in batches), each act dated on the day it
// happened.
//
// The data set is a function of Options.Seed and the store's day (s.Today()):
// cases are received over the eighteen months before it, and each case's
// timeline stops where its next act would fall after it.
package demo

import (
	"context"
	"fmt"
	"math/rand/v2"

	"petitions/store"
	"petitions/workflow"
)

// DefaultCases is how many cases the demo holds when Options.Cases is 0.
const DefaultCases = 360

// Password is the password of every demo user (API.md).
const Password = "demo"

// Options tune the demo data set.
type Options struct {
	Seed     int64
	Cases    int // how many cases; 0 means DefaultCases
	Years    int // how far back letters were received; 0 means eighteen months
	Communes int // communes and wards below the agency; 0 means the five named ones
	// Provinces: 34 makes the country (country.go), each province with as
	// many communes as Khánh Hòa; 0 or 1 the one province.
	Provinces int
	// ReceptionYears: years of citizen reception at every office, about
	// 0.3 visits for each case; 0 means two years at the agency and the five
	// named communes, 0–3 visits a session.
	ReceptionYears int
}

// Load fills an empty database with the demo province; loaded is false, and
// nothing is written, when the database already holds units. An error means
// a rule refused an act the demo meant to be legal — a bug here or in the
// engine — and leaves the units and users, and the transactions of cases
// already written (store.BulkBatch cases each), in place.
func Load(ctx context.Context, s *store.Store, opt Options) (loaded bool, err error) {
	units, err := s.Units(ctx)
	if err != nil {
		return false, fmt.Errorf("demo: list units: %w", err)
	}
	if len(units) > 0 {
		return false, nil
	}
	if opt.Cases <= 0 {
		opt.Cases = DefaultCases
	}
	l := &loader{ctx: ctx, s: s, cal: s.Calendar(), today: s.Today(), want: max(opt.Cases-len(camHaiLetters), 0), // Cam Hải's letters are of the number asked decisionNo: 100,
		registered: map[shelf][]int64{}, visitors: map[*office][]store.Petitioner{}, spanDays: 548,
		rng: rand.New(rand.NewPCG(uint64(opt.Seed), 0x4b48_2025_0701))}
	if opt.Years > 0 {
		l.spanDays = opt.Years * 365
	}
	if err := l.buildOffices(max(opt.Communes-len(communes), 0), opt.Provinces); err != nil {
		return true, err
	}
	desk, err := s.Bulk(ctx)
	if err != nil {
		return true, err
	}
	l.desk = desk
	l.playFeatured()
	for l.err == nil && l.made < l.want {
		l.playRandom()
	}
	if l.err != nil {
		desk.Abort()
		return true, l.err
	}
	if err := desk.Close(ctx); err != nil {
		return true, err
	}
	if err := l.issuePapers(); err != nil {
		return true, err
	}
	if err := l.loadReception(opt.ReceptionYears); err != nil {
		return true, err
	}
	if err := l.mergeCamHai(); err != nil {
		return true, err
	}
	return true, correctFreshLetter(ctx, s)
}

// loader holds what every case of one load shares. The first error a rule
// raises is kept in err; every later act is then skipped.
type loader struct {
	ctx      context.Context
	s        *store.Store
	desk     *store.Bulk // registers and plays the cases, written in batches
	spanDays int         // letters arrive over this many days before today
	cal      *workflow.Calendar
	rng      *rand.Rand
	today    workflow.Date
	err      error

	agency    *office
	provinces []*office // the other provinces' People's Committees (country.go)
	weighed   []*office // every office, and their weights' running totals (pickOffice)
	weights   []int
	communes  []*office

	want, made int
	decisionNo int                            // the running number of decisions and conclusions
	registered map[shelf][]int64              // cases registered so far, for duplicates
	visitors   map[*office][]store.Petitioner // people who came to an office's reception, to come again
	atDesk     bool                           // the reception staff's visits at the desk are written too
}

// shelf is where an office keeps the letters of one kind.
type shelf struct {
	o    *office
	kind workflow.Kind
}
