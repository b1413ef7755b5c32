package workflow

import "math"

// The Vietnamese lunar calendar, after Hồ Ngọc Đức, "Thuật toán tính âm lịch"
// (https://www.informatik.uni-leipzig.de/~duc/amlich/calrules.html), whose
// new-moon and sun-longitude formulas come from J. Meeus, "Astronomical
// Algorithms" (1998). A lunar month starts on the day (at UTC+7) of a new
// moon; month 11 holds the winter solstice; in a year of 13 months the leap
// month is the first one without a major solar term. Counted at UTC+8 the same
// rules give the Chinese calendar, which differs in some years (2007, 2030):
// holidays use vnZone. The engine uses it only to propose the lunar holidays
// (Tết, BLLĐ 2019 Art. 112(1)(b); Giỗ Tổ Hùng Vương, Art. 112(1)(c)) of a year
// whose calendar is not yet decreed.

// vnZone is Vietnam's offset from UTC in hours.
const vnZone = 7.0

// jdEpoch is the Julian day number of 01/01/1970, the zero of Date.dayNumber.
const jdEpoch = 2440588

// synodicMonth is the mean length of a lunar month in days.
const synodicMonth = 29.530588853

func julianDay(d Date) int     { return int(d.dayNumber()) + jdEpoch }
func dateOfJulian(jd int) Date { return D(1970, 1, 1).AddDays(jd - jdEpoch) }

// newMoon is the Julian day (UT) of the kth new moon after 01/01/1900 (Meeus ch. 49, abridged).
func newMoon(k int) float64 {
	kf := float64(k)
	t := kf / 1236.85
	t2, t3 := t*t, t*t*t
	dr := math.Pi / 180
	jd := 2415020.75933 + 29.53058868*kf + 0.0001178*t2 - 0.000000155*t3
	jd += 0.00033 * math.Sin((166.56+132.87*t-0.009173*t2)*dr)
	m := (359.2242 + 29.10535608*kf - 0.0000333*t2 - 0.00000347*t3) * dr   // sun's mean anomaly
	mp := (306.0253 + 385.81691806*kf + 0.0107306*t2 + 0.00001236*t3) * dr // moon's mean anomaly
	f := (21.2964 + 390.67050646*kf - 0.0016528*t2 - 0.00000239*t3) * dr   // moon's argument of latitude
	c := (0.1734-0.000393*t)*math.Sin(m) + 0.0021*math.Sin(2*m) -
		0.4068*math.Sin(mp) + 0.0161*math.Sin(2*mp) - 0.0004*math.Sin(3*mp) +
		0.0104*math.Sin(2*f) - 0.0051*math.Sin(m+mp) - 0.0074*math.Sin(m-mp) +
		0.0004*math.Sin(2*f+m) - 0.0004*math.Sin(2*f-m) - 0.0006*math.Sin(2*f+mp) +
		0.0010*math.Sin(2*f-mp) + 0.0005*math.Sin(2*mp+m)
	var deltaT float64
	if t < -11 {
		deltaT = 0.001 + 0.000839*t + 0.0002261*t2 - 0.00000845*t3 - 0.000000081*t*t3
	} else {
		deltaT = -0.000278 + 0.000265*t + 0.000262*t2
	}
	return jd + c - deltaT
}

// newMoonDay is the civil day, in zone tz, of the kth new moon.
func newMoonDay(k int, tz float64) int { return int(math.Floor(newMoon(k) + 0.5 + tz/24)) }

// sunSector is the sun's longitude at the start of civil day jd in zone tz,
// as one of the 12 sectors of 30° (Meeus ch. 25, low precision); sector 9
// (270°) begins at the winter solstice.
func sunSector(jd int, tz float64) int {
	t := (float64(jd) - 0.5 - tz/24 - 2451545.0) / 36525
	t2 := t * t
	dr := math.Pi / 180
	m := 357.52910 + 35999.05030*t - 0.0001559*t2 - 0.00000048*t*t2
	l0 := 280.46645 + 36000.76983*t + 0.0003032*t2
	dl := (1.914600-0.004817*t-0.000014*t2)*math.Sin(dr*m) +
		(0.019993-0.000101*t)*math.Sin(dr*2*m) + 0.000290*math.Sin(dr*3*m)
	l := (l0 + dl) * dr
	l -= 2 * math.Pi * math.Floor(l/(2*math.Pi))
	return int(math.Floor(l / math.Pi * 6))
}

// monthIndex is the k of newMoon for the lunar month that starts on day jd.
func monthIndex(jd int) int {
	return int(math.Floor((float64(jd)-2415021.076998695)/synodicMonth + 0.5))
}

// month11 is the first day of the lunar month 11 (the month of the winter
// solstice) that falls in the solar year y.
func month11(y int, tz float64) int {
	k := int(math.Floor(float64(julianDay(D(y, 12, 31))-2415021) / synodicMonth))
	nm := newMoonDay(k, tz)
	if sunSector(nm, tz) >= 9 {
		nm = newMoonDay(k-1, tz)
	}
	return nm
}

// leapOffset is how many months after the month 11 starting on a11 the leap
// month comes: the first month during which the sun stays in one sector.
func leapOffset(a11 int, tz float64) int {
	k := monthIndex(a11)
	i := 1
	arc := sunSector(newMoonDay(k+i, tz), tz)
	for {
		last := arc
		i++
		arc = sunSector(newMoonDay(k+i, tz), tz)
		if arc == last || i >= 14 {
			return i - 1
		}
	}
}

// LunarToSolar gives the solar day of day/month of the Vietnamese lunar year
// (leap: the leap month of that number). ok is false when the year has no
// such leap month.
func LunarToSolar(year, month, day int, leap bool) (d Date, ok bool) {
	return lunarToSolar(year, month, day, leap, vnZone)
}

func lunarToSolar(year, month, day int, leap bool, tz float64) (Date, bool) {
	a11, b11 := month11(year-1, tz), month11(year, tz)
	if month >= 11 {
		a11, b11 = b11, month11(year+1, tz)
	}
	off := (month - 11 + 12) % 12
	if b11-a11 > 365 { // 13 months between two months 11: one is leap
		lo := leapOffset(a11, tz)
		leapMonth := (lo - 2 + 12) % 12
		if leap && month != leapMonth {
			return Date{}, false
		}
		if leap || off >= lo {
			off++
		}
	} else if leap {
		return Date{}, false
	}
	return dateOfJulian(newMoonDay(monthIndex(a11)+off, tz) + day - 1), true
}

// TetDay is Tết Nguyên đán, 1/1 of the Vietnamese lunar year.
func TetDay(year int) Date { d, _ := LunarToSolar(year, 1, 1, false); return d }

// HungKingsDay is Giỗ Tổ Hùng Vương, 10/3 of the Vietnamese lunar year.
func HungKingsDay(year int) Date { d, _ := LunarToSolar(year, 3, 10, false); return d }
