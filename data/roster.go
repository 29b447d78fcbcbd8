package data

import (
	"fmt"
	"strings"

	"porchlight/data/rota"

	badger "github.com/dgraph-io/badger/v4"
)

// The weekly chore roster.
//
// A roster is a week's Assignments (see package rota, which plans them).
//
// Keys:
//
//	roster/<week start YYYYMMDD>/<assignment ID>
//
// An assignment's ID names its seat, "<week YYYYMMDD>.<day 0-6>.<chore ID>.<seat>",
// so a week is one prefix scan, already in day-then-chore order, and a seat
// keeps its ID when it is swapped, reassigned or regenerated.
const pfxRoster = "roster/"

// ChoreStatus is where an assignment stands.
type ChoreStatus = rota.ChoreStatus

// Assignment statuses.
const (
	ChoreAssigned = rota.ChoreAssigned // to do
	ChoreDone     = rota.ChoreDone     // ticked by the resident at the kiosk
	ChoreVerified = rota.ChoreVerified // checked by a manager
	ChoreMissed   = rota.ChoreMissed   // marked missed by a manager, with a note
)

// Assignment is one resident's turn at one chore on one day.
type Assignment = rota.Assignment

// RosterMember is a resident as the rotation sees them.
type RosterMember = rota.Member

// RosterInput is everything the rotation looks at. It is rota.Input with
// the house's chore list as stored.
type RosterInput struct {
	Week    Date           // the week's first day
	Members []RosterMember // the residents; those not available any day this week are ignored
	Chores  []Chore        // the chore list; inactive chores are skipped
	// History holds earlier weeks' assignments; only the last Window-1
	// weeks before Week count. Order does not matter.
	History []Assignment
	// Keep holds this week's assignments that stay as they are (locked,
	// already done, earlier days); their seats are not filled again.
	Keep []Assignment
	// Window is the number of weeks, this one included, effort is balanced
	// over; 0 means DefaultWindowWeeks.
	Window int
}

// PlanRoster makes a week's roster with rota.Plan (which says how it
// decides): every seat of every active chore due that week, in ID order,
// the kept assignments included. A seat nobody available can take comes
// back with ResidentID "".
func PlanRoster(in RosterInput) []Assignment {
	return rota.Plan(in.rota())
}

// rota converts the input for package rota: active chores only, each with
// the days of the week it is due.
func (in RosterInput) rota() rota.Input {
	out := rota.Input{
		Week: in.Week, Members: in.Members, History: in.History, Keep: in.Keep,
		Window: in.Window, Version: schemaVersion,
	}
	for _, c := range in.Chores {
		if c.Active {
			out.Chores = append(out.Chores, c.rota())
		}
	}
	return out
}

// rota is the chore as the rotation sees it.
func (c Chore) rota() rota.Chore {
	rc := rota.Chore{ID: c.ID, Name: c.Name, Effort: c.Effort, People: c.People}
	switch c.Frequency {
	case Daily:
		rc.Due = rota.Daily()
	case Weekly:
		rc.Due = rota.Weekly(c.Weekday)
	}
	return rc
}

func rosterPrefix(week Date) string { return pfxRoster + week.Key() + "/" }

func rosterKey(a Assignment) string { return rosterPrefix(a.Week) + a.ID }

// rosterKeyOf finds an assignment's key from its ID.
func rosterKeyOf(id string) (string, error) {
	week, _, ok := strings.Cut(id, ".")
	if !ok || len(week) != 8 {
		return "", fmt.Errorf("chore assignment %q: %w", id, ErrNotFound)
	}
	return pfxRoster + week + "/" + id, nil
}

// Roster is one week's assignments.
type Roster struct {
	Week        Date         // the week's first day
	Assignments []Assignment // by day, then chore, then seat
}

// Uncovered lists the seats nobody was available to take.
func (r Roster) Uncovered() []Assignment {
	var out []Assignment
	for _, a := range r.Assignments {
		if !a.Covered() {
			out = append(out, a)
		}
	}
	return out
}

// weekOf returns the first day of the house week containing d.
func (s *Store) weekOf(d Date) (Date, error) {
	h, err := s.House()
	if err != nil {
		return Date{}, err
	}
	start, _ := h.Week(d)
	return start, nil
}

// weekOfTxn is weekOf inside a transaction.
func weekOfTxn(txn *badger.Txn, d Date) (Date, error) {
	var h House
	if err := getJSON(txn, keyHouse, &h); err != nil {
		return Date{}, fmt.Errorf("read house settings: %w", err)
	}
	start, _ := h.Week(d)
	return start, nil
}

// Roster returns the roster of the week containing week; its Assignments
// are empty when none was made.
func (s *Store) Roster(week Date) (Roster, error) {
	week, err := s.weekOf(week)
	if err != nil {
		return Roster{}, err
	}
	out := Roster{Week: week}
	err = s.read(func(txn *badger.Txn) error {
		out.Assignments, err = readRosterRange(txn, week, week.AddDays(1))
		return err
	})
	if err != nil {
		return Roster{}, fmt.Errorf("read the chore roster: %w", err)
	}
	return out, nil
}

// Assignment returns one assignment by ID.
func (s *Store) Assignment(id string) (Assignment, error) {
	key, err := rosterKeyOf(id)
	if err != nil {
		return Assignment{}, err
	}
	var a Assignment
	err = s.read(func(txn *badger.Txn) error { return getJSON(txn, key, &a) })
	if err != nil {
		return Assignment{}, fmt.Errorf("read chore assignment: %w", err)
	}
	return a, nil
}
