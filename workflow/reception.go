package workflow

import "fmt"

// Citizen reception (DOMAIN.md §6; LAW-NOTES §4): how often each head must
// receive citizens in person, how a crowd is represented, and how early a
// head's reception day is published. The store keeps the sessions and the
// visits; these are the rules it checks them by.

// HeadLevel is the kind of head whose reception days the law counts.
type HeadLevel string

const (
	LevelCommune  HeadLevel = "commune"  // Chủ tịch UBND cấp xã
	LevelProvince HeadLevel = "province" // Chủ tịch UBND cấp tỉnh
	LevelAgency   HeadLevel = "agency"   // thủ trưởng cơ quan hành chính nhà nước (sở, ngành)
)

// HeadLevels are every level, in the order pages list them.
var HeadLevels = []HeadLevel{LevelProvince, LevelAgency, LevelCommune}

// Period is the span a minimum counts days in.
type Period string

const (
	PerWeek  Period = "week"
	PerMonth Period = "month"
)

// ReceptionMinimum is the least number of days a head must receive citizens
// in person in each period, from a day on, with its legal basis.
type ReceptionMinimum struct {
	Level HeadLevel
	From  Date // in force from this day (zero: always)
	Days  int
	Per   Period
	Basis string
}

// communeFrom is when a commune chair's minimum becomes two days a month
// (Luật 136/2025/QH15 amending LTCD 2013 Art. 15, in force 01/07/2026).
var communeFrom = MustDate("2026-07-01")

// ReceptionMinimums are the legal minimums, newest last for each level.
// Delegated days do not count: the head receives in person (LTCD Art. 12,
// 15, 18; Luật 136/2025 keeps the duty personal).
var ReceptionMinimums = []ReceptionMinimum{
	{Level: LevelCommune, Days: 1, Per: PerWeek, Basis: "điểm d khoản 2 Điều 15 Luật Tiếp công dân 2013"},
	{Level: LevelCommune, From: communeFrom, Days: 2, Per: PerMonth,
		Basis: "Điều 15 Luật Tiếp công dân 2013 (sửa đổi bởi Luật số 136/2025/QH15)"},
	{Level: LevelProvince, Days: 1, Per: PerMonth, Basis: "khoản 5 Điều 12 Luật Tiếp công dân 2013"},
	{Level: LevelAgency, Days: 1, Per: PerMonth, Basis: "khoản 2 Điều 18 Luật Tiếp công dân 2013"},
}

// MinimumOn is the minimum in force for the level on day d.
func MinimumOn(level HeadLevel, d Date) (ReceptionMinimum, bool) {
	var found ReceptionMinimum
	ok := false
	for _, m := range ReceptionMinimums {
		if m.Level == level && !d.Before(m.From) {
			found, ok = m, true
		}
	}
	return found, ok
}

// Compliance is a head's reception record over one month against the
// minimum: the periods due in it, those met, and the days held in person.
type Compliance struct {
	Held     int  // days received in person
	Required int  // days the minimums of the periods due add up to
	Due      int  // periods (weeks or the month) whose minimum applies
	Met      int  // of those, periods in which the minimum was held
	Complete bool // every period is over as of the day asked
	Meets    bool // every complete period met its minimum
	Basis    string
}

// MonthCompliance counts a head's days received in person (days, each
// once) in the month of first against the minimum of each period in it as of
// asOf. A week belongs to the month of its Monday and is judged by the
// minimum in force that Monday; a month by the minimum on its first day. A
// period not yet over counts as met if it already is, else as pending.
func MonthCompliance(level HeadLevel, first Date, days []Date, asOf Date) Compliance {
	first = MustDate(fmt.Sprintf("%04d-%02d-01", first.Year(), first.t.Month()))
	next := first.t.AddDate(0, 1, 0)
	end := Date{t: next}.AddDays(-1)
	held := map[Date]bool{} // a week may run into the next month
	for _, d := range days {
		if !d.After(asOf) {
			held[d] = true
		}
	}
	count := func(from, to Date) int {
		n := 0
		for d := range held {
			if !d.Before(from) && !d.After(to) {
				n++
			}
		}
		return n
	}
	c := Compliance{Held: count(first, end), Complete: !asOf.Before(end), Meets: true}
	judge := func(from, to Date, m ReceptionMinimum) {
		if from.After(asOf) {
			return
		}
		c.Due++
		c.Required += m.Days
		c.Basis = m.Basis
		switch met := count(from, to) >= m.Days; {
		case met:
			c.Met++
		case !asOf.Before(to): // over and not met
			c.Meets = false
		}
	}
	if m, ok := MinimumOn(level, first); ok && m.Per == PerMonth {
		judge(first, end, m)
		return c
	}
	for d := first; !d.After(end); d = d.AddDays(1) {
		if d.Weekday() != 1 { // Monday
			continue
		}
		if m, ok := MinimumOn(level, d); ok {
			if m.Per == PerWeek {
				judge(d, d.AddDays(6), m)
			} else {
				judge(d, end, m) // the month's rest under a monthly minimum
			}
		}
	}
	return c
}

// CheckRepresentatives holds a crowd (đoàn đông người) to the number of
// representatives LTCD 2013 Art. 29 allows: five to ten people choose one or
// two, more than ten at most five; fewer than five are not a crowd and
// choose none.
func CheckRepresentatives(people, representatives int) error {
	const basis = "(Điều 29 Luật Tiếp công dân 2013)"
	switch {
	case people < 1:
		return Invalid("crowd.size", "số người phải từ 1 trở lên")
	case people < 5 && representatives > 0:
		return Invalid("crowd.representatives", "dưới 5 người không phải đoàn đông người, không cử người đại diện %s", basis)
	case people < 5:
		return nil
	case representatives < 1:
		return Invalid("crowd.representatives", "đoàn từ 5 người trở lên phải cử người đại diện %s", basis)
	case people <= 10 && representatives > 2:
		return Invalid("crowd.representatives", "đoàn từ 5 đến 10 người cử 1 hoặc 2 người đại diện %s", basis)
	case representatives > 5:
		return Invalid("crowd.representatives", "đoàn trên 10 người cử không quá 5 người đại diện %s", basis)
	}
	return nil
}

// ScheduleDeadline is the last day a reception day on `on` may be
// published: five working days before it (LTCD 2013 Art. 24). A session
// entered later is flagged as not published in time.
func ScheduleDeadline(cal *Calendar, on Date) Date {
	d, n := on, 0
	for n < 5 {
		d = d.AddDays(-1)
		if cal.IsWorkingDay(d) {
			n++
		}
	}
	return d
}

// PublishedInTime reports whether a reception day on `on` published on
// `published` met ScheduleDeadline.
func PublishedInTime(cal *Calendar, published, on Date) bool {
	return !published.After(ScheduleDeadline(cal, on))
}

// YearCompliance adds up the months of asOf's year up to asOf.
func YearCompliance(level HeadLevel, days []Date, asOf Date) Compliance {
	y := Compliance{Meets: true, Complete: true}
	for m := 1; m <= int(asOf.t.Month()); m++ {
		c := MonthCompliance(level, MustDate(fmt.Sprintf("%04d-%02d-01", asOf.Year(), m)), days, asOf)
		y.Held, y.Required, y.Due, y.Met = y.Held+c.Held, y.Required+c.Required, y.Due+c.Due, y.Met+c.Met
		y.Meets, y.Complete, y.Basis = y.Meets && c.Meets, c.Complete, c.Basis
	}
	return y
}

// DialoguesRequired is how many dialogue conferences with its people a unit
// of this level must hold each year: a commune at least one (LTHDCCS 2022
// Art. 32), others none by that law.
func DialoguesRequired(level HeadLevel) int {
	if level == LevelCommune {
		return 1
	}
	return 0
}

// LevelOfUnit is the head level of a unit by its level in the unit tree: a
// commune's chair, the province's chair, or the head of an agency.
func LevelOfUnit(unitLevel string) HeadLevel {
	switch unitLevel {
	case "commune":
		return LevelCommune
	case "province":
		return LevelProvince
	}
	return LevelAgency
}
