package data

// House mentors: a resident further along in recovery paired with a newer
// one. A resident has one house mentor at a time; a mentor has several
// mentees up to the house's capacity (MentorRules.Capacity). Every pairing
// keeps its start, end and end reason, so the history stays; moving out
// ends a resident's pairings in the move-out's own transaction.
//
// Keys:
//
//	mship/<id>                       a pairing (Mentorship)
//	mshipee/<menteeID>/<id>          -> id: a mentee's pairings, oldest first
//	mshipor/<mentorID>/<id>          -> id: a mentor's pairings, oldest first
//	mshipnow/<id>                    -> id: the active pairings (a small index)
//	mshipend/<YYYYMMDD>/<id>         -> id: ended pairings by end date
//
// The ID is the start date (YYYYMMDD) and 16 random hex digits, so the
// per-resident indexes sort by start.

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	badger "github.com/dgraph-io/badger/v4"
)

const (
	pfxMship       = "mship/"
	pfxMshipMentee = "mshipee/"
	pfxMshipMentor = "mshipor/"
	pfxMshipActive = "mshipnow/"
	pfxMshipEnded  = "mshipend/"
)

// Field names of the assign and end forms.
const (
	FieldMentor      = "Mentor"
	FieldMentee      = "Resident"
	FieldMentorStart = "Start date"
	FieldMentorEnd   = "End date"
	FieldEndReason   = "Why it ended"
)

// Reasons a pairing ends.
const (
	EndMenteeMovedOut = "Mentee moved out"
	EndMentorMovedOut = "Mentor moved out"
	EndRematchMentee  = "Re-matched at the mentee's request"
	EndRematchMentor  = "Re-matched at the mentor's request"
	EndOther          = "Other"
)

// MentorshipEndReasons are the reasons a manager may choose when ending a
// pairing (the move-out reasons are set by MoveOut itself, but accepted).
var MentorshipEndReasons = []string{EndRematchMentee, EndRematchMentor, EndMenteeMovedOut, EndMentorMovedOut, EndOther}

// Mentorship is one pairing of a mentor with a mentee.
type Mentorship struct {
	V         int    `json:"v"`
	ID        string `json:"id"`
	MenteeID  string `json:"mentee_id"`
	MentorID  string `json:"mentor_id"`
	Start     Date   `json:"start"`
	End       Date   `json:"end"` // zero while active
	EndReason string `json:"end_reason,omitempty"`
	// EndedWell: the pairing ran its course (a move-out, or a manager's
	// judgement when ending it), rather than ending at someone's request.
	EndedWell bool `json:"ended_well,omitempty"`
	// RulesNotMet are the house criteria the mentor did not meet when the
	// pairing was made: the warnings the manager accepted.
	RulesNotMet []string `json:"rules_not_met,omitempty"`
	AssignedBy  Actor    `json:"assigned_by"`
	EndedBy     Actor    `json:"ended_by"`
}

// Active reports whether the pairing is still running.
func (m Mentorship) Active() bool { return m.End.IsZero() }

// Involves reports whether the resident is the mentor or the mentee.
func (m Mentorship) Involves(residentID string) bool {
	return m.MenteeID == residentID || m.MentorID == residentID
}

// MentorshipEnd is how a pairing ends: the date, the reason (one of
// MentorshipEndReasons) and whether it ended well.
type MentorshipEnd struct {
	Date   Date
	Reason string
	Well   bool
}

// --- writes --------------------------------------------------------------

// AssignMentor pairs a mentee with a mentor from start (managers only). It
// refuses a resident mentoring themself, a mentor or mentee who has moved
// out, a mentee who already has a mentor (use ChangeMentor), a mentor
// already at capacity, and a start date in the future or before either
// moved in. House criteria the mentor does not meet do not block: they are
// kept in RulesNotMet (CheckMentor shows them before assigning).
func (s *Store) AssignMentor(by Actor, menteeID, mentorID string, start Date) (Mentorship, error) {
	if err := requireStaff(by); err != nil {
		return Mentorship{}, err
	}
	h, err := s.House()
	if err != nil {
		return Mentorship{}, err
	}
	var m Mentorship
	err = s.write(by, "mentor.assign", s.auditName(menteeID), func(txn *badger.Txn) error {
		var err error
		m, err = s.assignIn(txn, by, h, menteeID, mentorID, start)
		return err
	})
	if err != nil {
		return Mentorship{}, fmt.Errorf("assign mentor: %w", err)
	}
	return m, nil
}

// ChangeMentor ends the mentee's current pairing as e says and starts one
// with newMentorID on the same date, in one transaction: if the new pairing
// is refused, the old one stays.
func (s *Store) ChangeMentor(by Actor, menteeID, newMentorID string, e MentorshipEnd) (Mentorship, error) {
	if err := requireStaff(by); err != nil {
		return Mentorship{}, err
	}
	h, err := s.House()
	if err != nil {
		return Mentorship{}, err
	}
	var m Mentorship
	err = s.write(by, "mentor.change", s.auditName(menteeID), func(txn *badger.Txn) error {
		cur, ok, err := currentMentorIn(txn, menteeID)
		if err != nil {
			return err
		}
		if !ok {
			return ValidationError{{FieldMentee, "this resident has no mentor to change; assign one instead"}}
		}
		if cur.MentorID == newMentorID {
			return ValidationError{{FieldMentor, "this is already their mentor"}}
		}
		if err := s.endIn(txn, by, cur, e, s.Today()); err != nil {
			return err
		}
		m, err = s.assignIn(txn, by, h, menteeID, newMentorID, e.Date)
		return err
	})
	if err != nil {
		return Mentorship{}, fmt.Errorf("change mentor: %w", err)
	}
	return m, nil
}

// EndMentorship ends an active pairing (managers only).
func (s *Store) EndMentorship(by Actor, id string, e MentorshipEnd) (Mentorship, error) {
	if err := requireStaff(by); err != nil {
		return Mentorship{}, err
	}
	m, err := s.Mentorship(id)
	if err != nil {
		return Mentorship{}, err
	}
	err = s.write(by, "mentor.end", s.auditName(m.MenteeID), func(txn *badger.Txn) error {
		if err := getJSON(txn, pfxMship+id, &m); err != nil {
			return err
		}
		if err := s.endIn(txn, by, m, e, s.Today()); err != nil {
			return err
		}
		return getJSON(txn, pfxMship+id, &m)
	})
	if err != nil {
		return Mentorship{}, fmt.Errorf("end mentorship: %w", err)
	}
	return m, nil
}

// auditName is the resident's short name for an audit entry's subject
// ("a resident" when the record cannot be read; the write then reports why).
func (s *Store) auditName(residentID string) string {
	r, err := s.Resident(residentID)
	if err != nil {
		return "a resident"
	}
	return r.Short()
}

// assignIn validates and writes a new pairing inside txn.
func (s *Store) assignIn(txn *badger.Txn, by Actor, h House, menteeID, mentorID string, start Date) (Mentorship, error) {
	if menteeID == mentorID {
		return Mentorship{}, ValidationError{{FieldMentor, "a resident cannot mentor themself; choose someone else"}}
	}
	var mentee, mentor Resident
	if err := getJSON(txn, pfxRes+menteeID, &mentee); err != nil {
		return Mentorship{}, fmt.Errorf("read mentee: %w", err)
	}
	if err := getJSON(txn, pfxRes+mentorID, &mentor); err != nil {
		return Mentorship{}, fmt.Errorf("read mentor: %w", err)
	}
	rules, err := mentorRulesIn(txn, h)
	if err != nil {
		return Mentorship{}, err
	}
	if v := s.assignProblems(txn, rules, mentee, mentor, start); len(v) > 0 {
		return Mentorship{}, v
	}
	m := Mentorship{
		V: schemaVersion, ID: start.Key() + newID(), MenteeID: menteeID, MentorID: mentorID,
		Start: start, AssignedBy: by, RulesNotMet: mentorCriteriaProblems(rules, h, mentor, start),
	}
	if err := putMentorship(txn, m); err != nil {
		return Mentorship{}, err
	}
	return m, nil
}

// assignProblems lists what refuses a new pairing.
func (s *Store) assignProblems(txn *badger.Txn, rules MentorRules, mentee, mentor Resident, start Date) ValidationError {
	var v ValidationError
	if !mentee.Active() {
		v.add(FieldMentee, mentee.Short()+" has moved out")
	}
	if !mentor.Active() {
		v.add(FieldMentor, mentor.Short()+" has moved out; choose a mentor who lives in the house")
	}
	switch {
	case start.IsZero():
		v.add(FieldMentorStart, "enter the start date")
	case start.After(s.Today()):
		v.add(FieldMentorStart, "the start date cannot be in the future")
	case start.Before(mentee.MoveIn):
		v.add(FieldMentorStart, "the start date is before "+mentee.Short()+" moved in ("+mentee.MoveIn.String()+")")
	case start.Before(mentor.MoveIn):
		v.add(FieldMentorStart, "the start date is before "+mentor.Short()+" moved in ("+mentor.MoveIn.String()+")")
	}
	if len(v) > 0 {
		return v
	}
	active, err := activeMentorshipsIn(txn)
	if err != nil {
		return ValidationError{{FieldMentor, "the current pairings could not be read; try again"}}
	}
	n := 0
	for _, a := range active {
		switch {
		case a.MenteeID == mentee.ID:
			v.add(FieldMentee, mentee.Short()+" already has a mentor; change their mentor instead")
		case a.MenteeID == mentor.ID && a.MentorID == mentee.ID:
			v.add(FieldMentor, mentor.Short()+" is "+mentee.Short()+"'s mentee; choose someone else")
		case a.MentorID == mentor.ID:
			n++
		}
	}
	if n >= rules.Capacity {
		v.add(FieldMentor, fmt.Sprintf("%s already has %d of %d mentees; choose another mentor or raise the house's limit",
			mentor.Short(), n, rules.Capacity))
	}
	return v
}

// endIn validates e and ends m inside txn, with an audit entry.
func (s *Store) endIn(txn *badger.Txn, by Actor, m Mentorship, e MentorshipEnd, today Date) error {
	var v ValidationError
	switch {
	case !m.Active():
		return ValidationError{{FieldMentorEnd, "this pairing has already ended"}}
	case e.Date.IsZero():
		v.add(FieldMentorEnd, "enter the end date")
	case e.Date.Before(m.Start):
		v.add(FieldMentorEnd, "the end date is before the pairing started ("+m.Start.String()+")")
	case e.Date.After(today):
		v.add(FieldMentorEnd, "the end date cannot be in the future")
	}
	if !contains(MentorshipEndReasons, e.Reason) {
		v.add(FieldEndReason, "choose why it ended")
	}
	if len(v) > 0 {
		return v
	}
	m.End, m.EndReason, m.EndedWell, m.EndedBy, m.V = e.Date, e.Reason, e.Well, by, schemaVersion
	return putMentorship(txn, m)
}

// endMentorshipsOnMoveOut ends every active pairing of r, as mentee or
// mentor, on the move-out date. MoveOut calls it inside its transaction,
// so a resident never moves out with a pairing still running.
func (s *Store) endMentorshipsOnMoveOut(txn *badger.Txn, by Actor, r Resident, date Date) error {
	active, err := activeMentorshipsIn(txn)
	if err != nil {
		return err
	}
	for _, m := range active {
		if !m.Involves(r.ID) {
			continue
		}
		m.End, m.EndedWell, m.EndedBy, m.V = date, true, by, schemaVersion
		if m.End.Before(m.Start) {
			m.End = m.Start
		}
		m.EndReason = EndMenteeMovedOut
		if m.MentorID == r.ID {
			m.EndReason = EndMentorMovedOut
		}
		if err := putMentorship(txn, m); err != nil {
			return fmt.Errorf("end mentorship on move-out: %w", err)
		}
		subject := r.Short()
		var mentee Resident
		if m.MentorID == r.ID && getJSON(txn, pfxRes+m.MenteeID, &mentee) == nil {
			subject = mentee.Short()
		}
		if err := s.appendAudit(txn, by, "mentor.end", subject); err != nil {
			return err
		}
	}
	return nil
}

// putMentorship writes a pairing and keeps its indexes.
func putMentorship(txn *badger.Txn, m Mentorship) error {
	var old Mentorship
	err := getJSON(txn, pfxMship+m.ID, &old)
	if err != nil && !errors.Is(err, ErrNotFound) {
		return err
	}
	if err == nil && !old.End.IsZero() && old.End != m.End {
		if err := txn.Delete([]byte(pfxMshipEnded + old.End.Key() + "/" + m.ID)); err != nil {
			return fmt.Errorf("write mentorship index: %w", err)
		}
	}
	if err := putJSON(txn, pfxMship+m.ID, m); err != nil {
		return err
	}
	for _, k := range []string{pfxMshipMentee + m.MenteeID + "/" + m.ID, pfxMshipMentor + m.MentorID + "/" + m.ID} {
		if err := putJSON(txn, k, m.ID); err != nil {
			return err
		}
	}
	if m.Active() {
		return putJSON(txn, pfxMshipActive+m.ID, m.ID)
	}
	if err := txn.Delete([]byte(pfxMshipActive + m.ID)); err != nil {
		return fmt.Errorf("write mentorship index: %w", err)
	}
	return putJSON(txn, pfxMshipEnded+m.End.Key()+"/"+m.ID, m.ID)
}

// --- reads ---------------------------------------------------------------

// Mentorship returns one pairing.
func (s *Store) Mentorship(id string) (Mentorship, error) {
	var m Mentorship
	err := s.read(func(txn *badger.Txn) error { return getJSON(txn, pfxMship+id, &m) })
	if err != nil {
		return Mentorship{}, fmt.Errorf("read mentorship: %w", err)
	}
	return m, nil
}

// ActiveMentorships returns the running pairings, oldest start first.
func (s *Store) ActiveMentorships() ([]Mentorship, error) {
	var out []Mentorship
	err := s.read(func(txn *badger.Txn) error {
		var err error
		out, err = activeMentorshipsIn(txn)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("read mentorships: %w", err)
	}
	return out, nil
}

// CurrentMentor returns the mentee's running pairing, if any.
func (s *Store) CurrentMentor(menteeID string) (Mentorship, bool, error) {
	var m Mentorship
	var ok bool
	err := s.read(func(txn *badger.Txn) error {
		var err error
		m, ok, err = currentMentorIn(txn, menteeID)
		return err
	})
	if err != nil {
		return Mentorship{}, false, fmt.Errorf("read mentor: %w", err)
	}
	return m, ok, nil
}

// Mentees returns the mentor's running pairings, oldest start first.
func (s *Store) Mentees(mentorID string) ([]Mentorship, error) {
	all, err := s.ActiveMentorships()
	if err != nil {
		return nil, err
	}
	return slices.DeleteFunc(all, func(m Mentorship) bool { return m.MentorID != mentorID }), nil
}

// MentorshipHistory returns every pairing the resident has been in, as
// mentee or mentor, newest start first.
func (s *Store) MentorshipHistory(residentID string) ([]Mentorship, error) {
	var out []Mentorship
	err := s.read(func(txn *badger.Txn) error {
		for _, pfx := range []string{pfxMshipMentee, pfxMshipMentor} {
			ms, err := mentorshipsUnder(txn, pfx+residentID+"/")
			if err != nil {
				return err
			}
			out = append(out, ms...)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read mentorship history: %w", err)
	}
	slices.SortStableFunc(out, func(a, b Mentorship) int { return strings.Compare(b.ID, a.ID) })
	return out, nil
}

// activeMentorshipsIn reads the running pairings through their index.
func activeMentorshipsIn(txn *badger.Txn) ([]Mentorship, error) {
	return mentorshipsUnder(txn, pfxMshipActive)
}

// mentorshipsUnder reads the pairings an index prefix points to.
func mentorshipsUnder(txn *badger.Txn, prefix string) ([]Mentorship, error) {
	var out []Mentorship
	err := scanJSON(txn, prefix, func(id string) error {
		var m Mentorship
		if err := getJSON(txn, pfxMship+id, &m); err != nil {
			return err
		}
		out = append(out, m)
		return nil
	})
	return out, err
}

// currentMentorIn finds the mentee's running pairing.
func currentMentorIn(txn *badger.Txn, menteeID string) (Mentorship, bool, error) {
	active, err := activeMentorshipsIn(txn)
	if err != nil {
		return Mentorship{}, false, err
	}
	for _, m := range active {
		if m.MenteeID == menteeID {
			return m, true, nil
		}
	}
	return Mentorship{}, false, nil
}
