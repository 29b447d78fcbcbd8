package data

import (
	"errors"
	"fmt"
	"strings"
	"time"

	badger "github.com/dgraph-io/badger/v4"
)

// Fields of the excuse and missed forms.
const (
	FieldExcuseReason = "Reason"
	FieldMissedNote   = "Note"
)

// errUnchanged, returned by an editAssignment check, means there is
// nothing to change: nothing is written and no error is reported.
var errUnchanged = errors.New("unchanged")

// editAssignment reads an assignment, lets check refuse or change it, and
// saves it with an audit entry in one transaction. When check fails,
// nothing is written.
func (s *Store) editAssignment(by Actor, action, id string, check func(txn *badger.Txn, a *Assignment) error) error {
	key, err := rosterKeyOf(id)
	if err != nil {
		return err
	}
	err = s.writeNamed(by, action, func(txn *badger.Txn) (string, error) {
		var a Assignment
		if err := getJSON(txn, key, &a); err != nil {
			return "", fmt.Errorf("read chore assignment: %w", err)
		}
		if err := check(txn, &a); err != nil {
			return "", err
		}
		return a.Label(), putJSON(txn, key, a)
	})
	if errors.Is(err, errUnchanged) {
		return nil
	}
	return err
}

// canChange refuses changing who does a chore already ticked, verified or
// marked missed.
func canChange(a Assignment) error {
	switch a.Status {
	case ChoreDone, ChoreVerified:
		return fmt.Errorf("%s is already done; it can no longer be moved", a.Label())
	case ChoreMissed:
		return fmt.Errorf("%s was marked missed; reopen it first to give it to someone", a.Label())
	}
	return nil
}

// holdsSeat reports whether the resident already holds another seat of
// the same chore on the same day.
func holdsSeat(txn *badger.Txn, a Assignment, residentID string) (bool, error) {
	prefix := rosterPrefix(a.Week) + fmt.Sprintf("%s.%d.%s.", a.Week.Key(), a.DayIndex(), a.ChoreID)
	found := false
	err := scanJSON(txn, prefix, func(o Assignment) error {
		found = found || (o.ID != a.ID && o.ResidentID == residentID)
		return nil
	})
	return found, err
}

// SwapChores trades the residents of two assignments (of the same week or not).
// Both must be open, held by two different residents who both live in the
// house, and neither may end up twice on one chore in a day.
func (s *Store) SwapChores(by Actor, idA, idB string) error {
	if err := requireStaff(by); err != nil {
		return err
	}
	if idA == idB {
		return errors.New("choose two different chores to swap")
	}
	var a, b Assignment
	return s.writeNamed(by, "roster.swap", func(txn *badger.Txn) (string, error) {
		for _, x := range []struct {
			id string
			a  *Assignment
		}{{idA, &a}, {idB, &b}} {
			key, err := rosterKeyOf(x.id)
			if err != nil {
				return "", err
			}
			if err := getJSON(txn, key, x.a); err != nil {
				return "", fmt.Errorf("read chore assignment: %w", err)
			}
		}
		if err := checkSwap(txn, a, b); err != nil {
			return "", err
		}
		a.ResidentID, b.ResidentID = b.ResidentID, a.ResidentID
		if err := putJSON(txn, rosterKey(a), a); err != nil {
			return "", err
		}
		return a.Label() + " ⇄ " + b.Label(), putJSON(txn, rosterKey(b), b)
	})
}

func checkSwap(txn *badger.Txn, a, b Assignment) error {
	for _, x := range []Assignment{a, b} {
		if !x.Covered() {
			return fmt.Errorf("nobody has %s; use Reassign to give it to someone", x.Label())
		}
		if x.Excused != "" {
			return fmt.Errorf("%s is excused from %s; use Reassign to give it to someone else", nameOf(txn, x.ResidentID), x.Label())
		}
		if err := canChange(x); err != nil {
			return err
		}
	}
	if a.ResidentID == b.ResidentID {
		return fmt.Errorf("both chores are %s's already", nameOf(txn, a.ResidentID))
	}
	for _, p := range [][2]Assignment{{a, b}, {b, a}} {
		if err := checkTaker(txn, p[0], p[1].ResidentID); err != nil {
			return err
		}
	}
	return nil
}

// checkTaker refuses giving a to a resident who has moved out or already
// holds another seat of it that day.
func checkTaker(txn *badger.Txn, a Assignment, residentID string) error {
	r, err := readResidentTxn(txn, residentID)
	if errors.Is(err, ErrNotFound) {
		return errors.New("choose a resident who lives in the house")
	}
	if err != nil {
		return err
	}
	if !r.Active() {
		return fmt.Errorf("%s has moved out; choose someone who lives in the house", r.Short())
	}
	dup, err := holdsSeat(txn, a, residentID)
	if err != nil {
		return err
	}
	if dup {
		return fmt.Errorf("%s already has %s", r.Short(), a.Label())
	}
	return nil
}

// nameOf is a resident's short name for a message, or "someone".
func nameOf(txn *badger.Txn, id string) string {
	r, err := readResidentTxn(txn, id)
	if err != nil {
		return "someone"
	}
	return r.Short()
}

// ReassignChore gives an open assignment to another resident who lives in the
// house. Any excuse is cleared (it belonged to the previous resident); a
// lock stays.
func (s *Store) ReassignChore(by Actor, id, residentID string) error {
	if err := requireStaff(by); err != nil {
		return err
	}
	return s.editAssignment(by, "roster.reassign", id, func(txn *badger.Txn, a *Assignment) error {
		if a.ResidentID == residentID {
			return fmt.Errorf("%s already has %s", nameOf(txn, residentID), a.Label())
		}
		if err := canChange(*a); err != nil {
			return err
		}
		if err := checkTaker(txn, *a, residentID); err != nil {
			return err
		}
		a.ResidentID, a.Excused = residentID, ""
		return nil
	})
}

// LockAssignment keeps an assignment as it is when the week is regenerated (locked
// true), or lets regeneration move it again (false).
func (s *Store) LockAssignment(by Actor, id string, locked bool) error {
	if err := requireStaff(by); err != nil {
		return err
	}
	action := "roster.unlock"
	if locked {
		action = "roster.lock"
	}
	return s.editAssignment(by, action, id, func(_ *badger.Txn, a *Assignment) error {
		if locked && !a.Covered() {
			return fmt.Errorf("nobody has %s; assign someone before locking it", a.Label())
		}
		a.Locked = locked
		return nil
	})
}

// ExcuseChore excuses the resident from an assignment, with a reason. The chore
// is then not expected of them and is not held against them; to have
// someone else do it, use ReassignChore instead. A missed chore can be excused
// afterwards.
func (s *Store) ExcuseChore(by Actor, id, reason string) error {
	if err := requireStaff(by); err != nil {
		return err
	}
	reason = strings.Join(strings.Fields(reason), " ")
	if reason == "" {
		return ValidationError{{FieldExcuseReason, "say why they are excused"}}
	}
	return s.editAssignment(by, "roster.excuse", id, func(_ *badger.Txn, a *Assignment) error {
		if !a.Covered() {
			return fmt.Errorf("nobody has %s, so there is nobody to excuse", a.Label())
		}
		if a.Status == ChoreDone || a.Status == ChoreVerified {
			return fmt.Errorf("%s is already done; there is nothing to excuse", a.Label())
		}
		a.Excused, a.Status, a.Note = reason, ChoreAssigned, ""
		return nil
	})
}

// MarkChoreDone ticks an assignment done. At the kiosk (by a resident) only the
// resident's own chore can be ticked, and not one a manager marked missed;
// a manager may tick any. A chore cannot be ticked before its day.
// Ticking a chore already ticked changes nothing.
func (s *Store) MarkChoreDone(by Actor, id string) error {
	today, now := s.Today(), s.Now()
	return s.editAssignment(by, "roster.done", id, func(_ *badger.Txn, a *Assignment) error {
		if a.Status == ChoreDone || a.Status == ChoreVerified {
			return errUnchanged
		}
		if err := checkDone(by, *a, today); err != nil {
			return err
		}
		a.Status, a.DoneAt = ChoreDone, now
		return nil
	})
}

func checkDone(by Actor, a Assignment, today Date) error {
	switch {
	case !a.Covered():
		return fmt.Errorf("nobody has %s; a manager must assign it first", a.Label())
	case by.Kind == ActorResident && by.ID != a.ResidentID:
		return ErrNotYours
	case a.Excused != "":
		return fmt.Errorf("you are excused from %s", a.Label())
	case by.Kind == ActorResident && a.Status == ChoreMissed:
		return fmt.Errorf("%s was marked missed; talk to the house manager", a.Label())
	case a.Day.After(today):
		return fmt.Errorf("%s is for %s; tick it off on the day", a.Chore, a.Day.Pretty())
	}
	return nil
}

// VerifyChore records that a manager checked an assignment was done (ticked at
// the kiosk or not).
func (s *Store) VerifyChore(by Actor, id string) error {
	if err := requireStaff(by); err != nil {
		return err
	}
	today, now := s.Today(), s.Now()
	return s.editAssignment(by, "roster.verify", id, func(_ *badger.Txn, a *Assignment) error {
		if err := checkJudged(*a, today, "verify"); err != nil {
			return err
		}
		if a.DoneAt.IsZero() || a.Status == ChoreMissed {
			a.DoneAt = now
		}
		a.Status, a.Note = ChoreVerified, ""
		return nil
	})
}

// MarkChoreMissed records, with a note, that an assignment was not done. A
// missed chore counts against the resident's week and no effort is
// credited for it.
func (s *Store) MarkChoreMissed(by Actor, id, note string) error {
	if err := requireStaff(by); err != nil {
		return err
	}
	note = strings.TrimSpace(note)
	if note == "" {
		return ValidationError{{FieldMissedNote, "say briefly what was missed"}}
	}
	today := s.Today()
	return s.editAssignment(by, "roster.missed", id, func(_ *badger.Txn, a *Assignment) error {
		if err := checkJudged(*a, today, "mark missed"); err != nil {
			return err
		}
		a.Status, a.Note, a.DoneAt = ChoreMissed, note, time.Time{}
		return nil
	})
}

// ReopenChore takes an assignment back to "assigned", undoing a tick, a
// verification or a missed mark made in error.
func (s *Store) ReopenChore(by Actor, id string) error {
	if err := requireStaff(by); err != nil {
		return err
	}
	return s.editAssignment(by, "roster.reopen", id, func(_ *badger.Txn, a *Assignment) error {
		a.Status, a.Note, a.DoneAt = ChoreAssigned, "", time.Time{}
		return nil
	})
}

// checkJudged refuses verifying or marking missed a chore with nobody on
// it, an excused one, or one whose day has not come.
func checkJudged(a Assignment, today Date, what string) error {
	switch {
	case !a.Covered():
		return fmt.Errorf("nobody has %s; there is nothing to %s", a.Label(), what)
	case a.Excused != "":
		return fmt.Errorf("%s is excused; there is nothing to %s", a.Label(), what)
	case a.Day.After(today):
		return fmt.Errorf("%s is for %s; %s it on or after that day", a.Chore, a.Day.Pretty(), what)
	}
	return nil
}
