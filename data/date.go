package data

import (
	"time"

	"porchlight/data/cal"
)

// Date is a calendar date in the house's local time, with no time of day
// (see package cal).
type Date = cal.Date

// Span is a run of days, both ends included; a zero To is open-ended.
type Span = cal.Span

// DateLayout is how dates are written and typed: 2006-01-02.
const DateLayout = cal.DateLayout

// DateOf returns the local calendar date of t.
func DateOf(t time.Time) Date { return cal.DateOf(t) }

// NewDate builds a date; out-of-range days roll over as time.Date does.
func NewDate(y int, m time.Month, d int) Date { return cal.NewDate(y, m, d) }

// ParseDate reads a date typed as YYYY-MM-DD (see cal.ParseDate).
func ParseDate(s string) (Date, error) { return cal.ParseDate(s) }
