package data

import "fmt"

// Milestone is a sobriety anniversary worth celebrating together.
type Milestone struct {
	Name string // "24 hours", "30 days", "6 months", "1 year", "2 years"
	Date Date   // the day it falls on
}

// milestoneAt returns the i-th milestone after a sobriety date: 24 hours,
// 30, 60 and 90 days, 6 and 9 months, 1 year, 18 months, then every year.
func milestoneAt(sober Date, i int) Milestone {
	fixed := []struct {
		name   string
		days   int
		months int
	}{
		{"24 hours", 1, 0},
		{"30 days", 30, 0},
		{"60 days", 60, 0},
		{"90 days", 90, 0},
		{"6 months", 0, 6},
		{"9 months", 0, 9},
		{"1 year", 0, 12},
		{"18 months", 0, 18},
	}
	if i < len(fixed) {
		f := fixed[i]
		if f.months > 0 {
			return Milestone{f.name, sober.AddMonths(f.months)}
		}
		return Milestone{f.name, sober.AddDays(f.days)}
	}
	years := i - len(fixed) + 2
	return Milestone{fmt.Sprintf("%d years", years), sober.AddMonths(12 * years)}
}

// NextMilestone returns the first milestone on or after today. A milestone
// that falls today is still "next": it is the one to celebrate.
func NextMilestone(sober, today Date) Milestone {
	for i := 0; ; i++ {
		m := milestoneAt(sober, i)
		if !m.Date.Before(today) {
			return m
		}
	}
}

// MilestonesBetween lists the milestones falling within [from, to], in order.
func MilestonesBetween(sober, from, to Date) []Milestone {
	var out []Milestone
	for i := 0; ; i++ {
		m := milestoneAt(sober, i)
		if m.Date.After(to) {
			return out
		}
		if !m.Date.Before(from) {
			out = append(out, m)
		}
	}
}

// DaysSober counts the days from the sobriety date to today: 0 on the day
// itself, 1 the next day (24 hours). A sobriety date in the future counts 0.
func DaysSober(sober, today Date) int {
	if sober.IsZero() || today.Before(sober) {
		return 0
	}
	return today.DaysSince(sober)
}
