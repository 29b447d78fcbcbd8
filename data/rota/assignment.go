// Package rota is the weekly chore rotation: the assignment a roster is
// made of, and the planner that fills a week's seats fairly. It is pure:
// plain values in, plain values out, no store and no clock, so the same
// input always gives the same roster. Package data stores its results and
// re-exports its types (data.Assignment is rota.Assignment).
//
// An assignment is one seat of one chore on one day: a weekly chore has
// one assignment per person it needs, on its day; a daily chore has one
// per person per day of the week. Daily chores are assigned day by day
// (not one person for the whole week) so that
//
//   - the chart and the kiosk have a tick box for each day it is due, and a
//     missed Tuesday is recorded as a missed Tuesday;
//   - an overnight pass or a move-out hands on only the days it touches;
//   - effort is counted per time a chore is done, which lets the rotation
//     balance it finely.
package rota

import (
	"strconv"
	"time"

	"porchlight/data/cal"
)

// ChoreStatus is where an assignment stands.
type ChoreStatus string

// Assignment statuses.
const (
	ChoreAssigned ChoreStatus = "assigned" // to do
	ChoreDone     ChoreStatus = "done"     // ticked by the resident at the kiosk
	ChoreVerified ChoreStatus = "verified" // checked by a manager
	ChoreMissed   ChoreStatus = "missed"   // marked missed by a manager, with a note
)

// Assignment is one resident's turn at one chore on one day.
type Assignment struct {
	V       int      `json:"v"`
	ID      string   `json:"id"`
	Week    cal.Date `json:"week"` // the first day of the roster's week
	Day     cal.Date `json:"day"`  // the day it is due
	ChoreID string   `json:"chore_id"`
	// Chore and Effort are copied from the chore when the roster is made,
	// so history keeps them when the chore is edited or deleted.
	Chore  string `json:"chore"`
	Effort int    `json:"effort"`
	Seat   int    `json:"seat"` // 0 .. People-1
	// ResidentID is who does it; "" when nobody was available (uncovered).
	ResidentID string `json:"resident_id"`
	// Locked assignments are kept as they are when the week is regenerated.
	Locked bool `json:"locked,omitempty"`
	// Excused is the reason the resident is excused from it; "" if not.
	Excused string      `json:"excused,omitempty"`
	Status  ChoreStatus `json:"status"`
	DoneAt  time.Time   `json:"done_at,omitzero"` // when ticked done or verified
	Note    string      `json:"note,omitempty"`   // a manager's note, e.g. why it was missed
}

// Covered reports whether someone is assigned.
func (a Assignment) Covered() bool { return a.ResidentID != "" }

// Open reports whether the assignment still waits to be done: assigned to
// someone, not excused, not done, verified or missed.
func (a Assignment) Open() bool {
	return a.Covered() && a.Excused == "" && a.Status == ChoreAssigned
}

// Credit is the effort that counts toward the resident's share: the
// chore's effort, except for a missed chore, which counts nothing (so the
// rotation gives that share back to them later). An excused chore counts
// as if done: an excuse is not held against anyone.
func (a Assignment) Credit() int {
	if !a.Covered() || a.Status == ChoreMissed {
		return 0
	}
	return a.Effort
}

// Label is a short name for messages and the audit log: "Kitchen, Tue 4 Mar 2025".
func (a Assignment) Label() string { return a.Chore + ", " + a.Day.Pretty() }

// DayIndex is the assignment's day of the week, 0 being the week's first day.
func (a Assignment) DayIndex() int { return a.Day.DayNumber() - a.Week.DayNumber() }

// SeatID is the ID of a seat: "<week YYYYMMDD>.<day>.<chore>.<seat, two digits>",
// so a week's assignments sort by day, then chore, then seat.
func SeatID(weekKey string, day int, choreID string, seat int) string {
	n := strconv.Itoa(seat)
	if seat < 10 {
		n = "0" + n
	}
	return weekKey + "." + strconv.Itoa(day) + "." + choreID + "." + n
}
