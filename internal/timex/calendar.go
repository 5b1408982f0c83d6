package timex

import (
	"fmt"
	"time"
)

func date(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

func validDate(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return false
	}
	return date(y, m, d).Day() == d
}

// isoWeekday is 1 for Monday … 7 for Sunday.
func isoWeekday(t time.Time) int {
	w := int(t.Weekday())
	if w == 0 {
		return 7
	}
	return w
}

// nthWeekday is the day of month of the n-th weekday wd (ISO) of a month.
func nthWeekday(y, m, wd, n int) int {
	first := date(y, m, 1)
	off := (wd - isoWeekday(first) + 7) % 7
	return 1 + off + 7*(n-1)
}

// trunc moves t to the start of its period of unit u.
func trunc(t time.Time, u int) time.Time {
	y, m, d := t.Date()
	switch u {
	case uCentury:
		return date(y/100*100, 1, 1)
	case uDecade:
		return date(y/10*10, 1, 1)
	case uYear:
		return date(y, 1, 1)
	case uHalf:
		return date(y, (int(m)-1)/6*6+1, 1)
	case uQuarter:
		return date(y, (int(m)-1)/3*3+1, 1)
	case uMonth, uSeason:
		return date(y, int(m), 1)
	case uWeek, uWeekend:
		return date(y, int(m), d).AddDate(0, 0, 1-isoWeekday(t))
	}
	return date(y, int(m), d)
}

// shift moves t by n periods of unit u.
func shift(t time.Time, u, n int) time.Time {
	switch u {
	case uCentury:
		return t.AddDate(100*n, 0, 0)
	case uDecade:
		return t.AddDate(10*n, 0, 0)
	case uYear:
		return t.AddDate(n, 0, 0)
	case uHalf:
		return t.AddDate(0, 6*n, 0)
	case uQuarter:
		return t.AddDate(0, 3*n, 0)
	case uMonth, uSeason:
		return t.AddDate(0, n, 0)
	case uWeek, uWeekend:
		return t.AddDate(0, 0, 7*n)
	}
	return t.AddDate(0, 0, n)
}

// format writes t at granularity u in TimeML's value syntax.
func format(t time.Time, u int) string {
	y := t.Year()
	switch u {
	case uCentury:
		return fmt.Sprintf("%02d", y/100)
	case uDecade:
		return fmt.Sprintf("%03d", y/10)
	case uYear:
		return fmt.Sprintf("%04d", y)
	case uHalf:
		return fmt.Sprintf("%04d-H%d", y, (int(t.Month())-1)/6+1)
	case uQuarter:
		return fmt.Sprintf("%04d-Q%d", y, (int(t.Month())-1)/3+1)
	case uMonth, uSeason:
		return fmt.Sprintf("%04d-%02d", y, int(t.Month()))
	case uWeek:
		wy, w := t.ISOWeek()
		return fmt.Sprintf("%04d-W%02d", wy, w)
	case uWeekend:
		wy, w := t.ISOWeek()
		return fmt.Sprintf("%04d-W%02d-WE", wy, w)
	}
	return t.Format("2006-01-02")
}

// unknown is the X-filled value of a date of granularity u that could not be
// anchored (no DCT).
func unknown(u int) string {
	switch u {
	case uCentury:
		return "XX"
	case uDecade:
		return "XXX"
	case uYear:
		return "XXXX"
	case uHalf:
		return "XXXX-HX"
	case uQuarter:
		return "XXXX-QX"
	case uMonth, uSeason:
		return "XXXX-XX"
	case uWeek:
		return "XXXX-WXX"
	case uWeekend:
		return "XXXX-WXX-WE"
	}
	return "XXXX-XX-XX"
}

// durationValue is the TimeML duration of n units; n < 0 means an
// unspecified number (PXY).
func durationValue(n, u int) string {
	num := func(k int) string {
		if n < 0 {
			return "X"
		}
		return fmt.Sprint(n * k)
	}
	switch u {
	case uCentury:
		return "P" + num(100) + "Y"
	case uDecade:
		if n < 0 {
			return "PXDE"
		}
		return "P" + num(10) + "Y"
	case uYear:
		return "P" + num(1) + "Y"
	case uHalf:
		return "P" + num(6) + "M"
	case uQuarter:
		return "P" + num(1) + "Q"
	case uSeason:
		return "P" + num(3) + "M"
	case uMonth:
		return "P" + num(1) + "M"
	case uWeek:
		return "P" + num(1) + "W"
	case uWeekend:
		return "P" + num(2) + "D"
	case uDay:
		return "P" + num(1) + "D"
	case uHour:
		return "PT" + num(1) + "H"
	case uMinute:
		return "PT" + num(1) + "M"
	case uSecond:
		return "PT" + num(1) + "S"
	}
	return "P" + num(1) + "D"
}
