// Package cal holds calendar dates and runs of days: plain values with no
// store behind them, shared by the store (package data) and the chore
// rotation (package rota). Package data re-exports them as data.Date and
// data.Span, so callers need not import cal.
package cal

import (
	"cmp"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Date is a calendar date in the house's local time, with no time of day.
// Sobriety dates, move-in dates and chore weeks are dates, not instants:
// keeping them apart from time.Time avoids off-by-one errors around midnight
// and daylight-saving changes.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// DateLayout is how dates are written and typed: 2006-01-02.
const DateLayout = "2006-01-02"

// DateOf returns the local calendar date of t.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// NewDate builds a date; out-of-range days roll over as time.Date does.
func NewDate(y int, m time.Month, d int) Date {
	return DateOf(time.Date(y, m, d, 12, 0, 0, 0, time.UTC))
}

// ParseDate reads a date typed as YYYY-MM-DD. It accepts surrounding spaces
// and single-digit months and days (2025-3-7).
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Date{}, fmt.Errorf("enter a date as YYYY-MM-DD")
	}
	for _, layout := range []string{DateLayout, "2006-1-2"} {
		if t, err := time.Parse(layout, s); err == nil {
			return DateOf(t), nil
		}
	}
	return Date{}, fmt.Errorf("%q is not a date; use YYYY-MM-DD, e.g. 2025-03-07", s)
}

// IsZero reports whether the date is unset.
func (d Date) IsZero() bool { return d == Date{} }

// String formats the date as YYYY-MM-DD, or "" when unset.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// Pretty formats the date for people: "Mon 7 Mar 2025".
func (d Date) Pretty() string {
	if d.IsZero() {
		return ""
	}
	return d.utc().Format("Mon 2 Jan 2006")
}

// utc is the date at noon UTC: safe for day arithmetic.
func (d Date) utc() time.Time {
	return time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC)
}

// At returns the instant at the given clock time on this date in loc.
func (d Date) At(hour, min int, loc *time.Location) time.Time {
	return time.Date(d.Year, d.Month, d.Day, hour, min, 0, 0, loc)
}

// Weekday returns the day of the week.
func (d Date) Weekday() time.Weekday { return d.utc().Weekday() }

// AddDays returns the date n days later (earlier when n < 0).
func (d Date) AddDays(n int) Date { return DateOf(d.utc().AddDate(0, 0, n)) }

// AddMonths returns the date n months later, clamped to the last day of the
// target month: 31 January plus one month is 28 (or 29) February, not 3 March.
func (d Date) AddMonths(n int) Date {
	first := time.Date(d.Year, d.Month, 1, 12, 0, 0, 0, time.UTC).AddDate(0, n, 0)
	day := d.Day
	if last := DaysIn(first.Year(), first.Month()); day > last {
		day = last
	}
	return Date{first.Year(), first.Month(), day}
}

// DaysSince returns the number of whole days from earlier to d.
func (d Date) DaysSince(earlier Date) int {
	return int(d.utc().Sub(earlier.utc()).Hours() / 24)
}

// Before reports whether d is before o.
func (d Date) Before(o Date) bool { return d.utc().Before(o.utc()) }

// After reports whether d is after o.
func (d Date) After(o Date) bool { return d.utc().After(o.utc()) }

// WeekStart returns the first day of the week containing d, for weeks that
// start on the given weekday.
func (d Date) WeekStart(first time.Weekday) Date {
	back := (int(d.Weekday()) - int(first) + 7) % 7
	return d.AddDays(-back)
}

// Valid reports whether d is a day on the calendar (or the zero date,
// meaning "not given"): a year from 1 to 9999, a month from 1 to 12 and a
// day the month has. NewDate and ParseDate only make valid dates; a Date
// built field by field may not be.
func (d Date) Valid() bool {
	if d.IsZero() {
		return true
	}
	return d.Year >= 1 && d.Year <= 9999 && d.Month >= 1 && d.Month <= 12 &&
		d.Day >= 1 && d.Day <= DaysIn(d.Year, d.Month)
}

// MarshalText writes YYYY-MM-DD. A date that does not exist is refused, so
// no record holding one is ever saved (it could not be read back).
func (d Date) MarshalText() ([]byte, error) {
	if !d.Valid() {
		return nil, fmt.Errorf("the date %04d-%02d-%02d does not exist", d.Year, int(d.Month), d.Day)
	}
	return []byte(d.String()), nil
}

// UnmarshalText reads YYYY-MM-DD; an empty text is the zero date.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// Compare orders dates: -1 when d is before o, 0 when equal, +1 after. It
// builds no times, so it suits hot loops.
func (d Date) Compare(o Date) int {
	if c := cmp.Compare(d.Year, o.Year); c != 0 {
		return c
	}
	if c := cmp.Compare(d.Month, o.Month); c != 0 {
		return c
	}
	return cmp.Compare(d.Day, o.Day)
}

// DayNumber counts days since 1 January 1970.
func (d Date) DayNumber() int { return int(d.utc().Unix() / 86400) }

// Key writes the date as YYYYMMDD, which sorts in date order: for store
// keys and IDs.
func (d Date) Key() string { return fmt.Sprintf("%04d%02d%02d", d.Year, int(d.Month), d.Day) }

// ParseKey reads a date written by Key.
func ParseKey(s string) (Date, error) {
	if len(s) != 8 {
		return Date{}, fmt.Errorf("bad date key %q", s)
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return Date{}, fmt.Errorf("bad date key %q", s)
	}
	return Date{n / 10000, time.Month(n / 100 % 100), n % 100}, nil
}

// Span is a run of days, both ends included. A zero To is open-ended.
type Span struct {
	From Date `json:"from"`
	To   Date `json:"to"`
}

// Contains reports whether d falls within the span.
func (s Span) Contains(d Date) bool {
	return d.Compare(s.From) >= 0 && (s.To.IsZero() || d.Compare(s.To) <= 0)
}

// InSpans reports whether d falls within any of spans.
func InSpans(spans []Span, d Date) bool {
	for _, s := range spans {
		if s.Contains(d) {
			return true
		}
	}
	return false
}

// DaysIn is the number of days in month m of year y.
func DaysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 12, 0, 0, 0, time.UTC).Day()
}
