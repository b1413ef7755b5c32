package workflow

import (
	"fmt"
	"strings"
	"time"
)

// Date is a civil date in the agency's time zone (Asia/Ho_Chi_Minh). Deadlines
// are counted in whole days (BLDS 2015 Art. 147–148), so the engine never
// needs a time of day: a Date is kept as midnight UTC of that day.
type Date struct{ t time.Time }

// DateLayout is the wire format of a Date (API.md: YYYY-MM-DD).
const DateLayout = "2006-01-02"

// D builds a Date from its parts.
func D(year int, month time.Month, day int) Date {
	return Date{time.Date(year, month, day, 0, 0, 0, 0, time.UTC)}
}

// ParseDate reads YYYY-MM-DD.
func ParseDate(s string) (Date, error) {
	if d, ok := parseDigits(s); ok {
		return d, nil
	}
	t, err := time.Parse(DateLayout, s)
	if err != nil {
		return Date{}, fmt.Errorf("not a date (YYYY-MM-DD): %q", s)
	}
	return Date{t}, nil
}

// parseDigits reads a well-formed YYYY-MM-DD of a real day without
// time.Parse: a report reads a date for each of some 600,000 acts and
// cases. Anything else is left to time.Parse, and its error.
func parseDigits(s string) (Date, bool) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return Date{}, false
	}
	n := func(from, to int) (int, bool) {
		v := 0
		for i := from; i < to; i++ {
			if s[i] < '0' || s[i] > '9' {
				return 0, false
			}
			v = v*10 + int(s[i]-'0')
		}
		return v, true
	}
	y, ok1 := n(0, 4)
	m, ok2 := n(5, 7)
	d, ok3 := n(8, 10)
	if !ok1 || !ok2 || !ok3 || m < 1 || m > 12 || d < 1 || d > 28 && d > D(y, time.Month(m)+1, 0).t.Day() {
		return Date{}, false
	}
	return D(y, time.Month(m), d), true
}

// MustDate is ParseDate for literals in tables and tests.
func MustDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// DateOf gives the agency's day of an instant.
func DateOf(t time.Time) Date {
	local := t.In(agencyZone)
	return D(local.Year(), local.Month(), local.Day())
}

// agencyZone is Vietnam's zone, fixed at UTC+7 (no daylight saving), so the
// engine does not depend on the machine's tzdata.
var agencyZone = time.FixedZone("ICT", 7*3600)

func (d Date) String() string        { return d.t.Format(DateLayout) }
func (d Date) IsZero() bool          { return d.t.IsZero() }
func (d Date) Time() time.Time       { return d.t }
func (d Date) Weekday() time.Weekday { return d.t.Weekday() }
func (d Date) Year() int             { return d.t.Year() }

// VN formats the date as Vietnamese screens show it: dd/mm/yyyy.
func (d Date) VN() string { return d.t.Format("02/01/2006") }

// AddDays moves by n calendar days (n may be negative).
func (d Date) AddDays(n int) Date {
	if n > -100000 && n < 100000 {
		return Date{d.t.Add(time.Duration(n) * 24 * time.Hour)} // a Date is midnight UTC, where days have 24 hours
	}
	return Date{d.t.AddDate(0, 0, n)}
}

// dayNumber is the number of days from 01/01/1970 to d.
func (d Date) dayNumber() int64 { return d.t.Unix() / 86400 }

// DaysUntil is the number of calendar days from d to e (negative if e is earlier).
func (d Date) DaysUntil(e Date) int { return int(e.t.Sub(d.t).Hours() / 24) }

func (d Date) Before(e Date) bool { return d.t.Before(e.t) }
func (d Date) After(e Date) bool  { return d.t.After(e.t) }
func (d Date) Equal(e Date) bool  { return d.t.Equal(e.t) }

// MarshalText writes YYYY-MM-DD; the zero Date is written as an empty string.
func (d Date) MarshalText() ([]byte, error) {
	if d.IsZero() {
		return []byte{}, nil
	}
	return []byte(d.String()), nil
}

// UnmarshalText reads YYYY-MM-DD; an empty string gives the zero Date.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	p, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = p
	return nil
}

// Scan reads a date stored as text (YYYY-MM-DD, or a longer timestamp whose
// first ten characters are the date); NULL gives the zero Date. It lets the
// store scan dates without this package importing database/sql.
func (d *Date) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*d = Date{}
		return nil
	case string:
		return d.UnmarshalText([]byte(trimDate(v)))
	case []byte:
		return d.UnmarshalText([]byte(trimDate(string(v))))
	case time.Time:
		*d = D(v.Year(), v.Month(), v.Day())
		return nil
	}
	return fmt.Errorf("cannot scan %T into a Date", src)
}

func trimDate(s string) string {
	if len(s) > len(DateLayout) {
		return s[:len(DateLayout)]
	}
	return s
}

// ParseTypedDate reads a date as an official types it: dd/mm/yyyy (how screens
// show dates, d/m also accepted) or YYYY-MM-DD (links and the API).
func ParseTypedDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if d, err := ParseDate(s); err == nil {
		return d, nil
	}
	t, err := time.Parse("2/1/2006", s)
	if err != nil {
		return Date{}, fmt.Errorf("not a date (dd/mm/yyyy): %q", s)
	}
	return D(t.Year(), t.Month(), t.Day()), nil
}
