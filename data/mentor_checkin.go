package data

// Check-ins between a mentor and a mentee: when, how, how long and what
// kind of support, and whether the mentee would like the manager to check
// in. Never what was said: the optional private note is a manager's, is
// never shown at the kiosk and never printed.
//
// Keys:
//
//	mchk/<id>                       a check-in; the ID starts with its date
//	                                (YYYYMMDD), so a week is one key range
//	mchkpair/<mentorshipID>/<id>    -> id: one pairing's check-ins by date

import (
	"fmt"
	"time"
	"unicode/utf8"

	badger "github.com/dgraph-io/badger/v4"
)

const (
	pfxCheckIn     = "mchk/"
	pfxCheckInPair = "mchkpair/"
)

// Field names of the check-in form.
const (
	FieldCheckInDate = "Check-in date"
	FieldCheckInKind = "How"
	FieldMinutes     = "Minutes"
	FieldSupport     = "Kind of support"
	FieldPrivateNote = "Private note"
	FieldPairing     = "Mentor or mentee"
)

// Limits of a check-in.
const (
	MaxCheckInMinutes = 600
	// KioskCheckInDays is how far back a resident may log a check-in at the
	// kiosk; older ones are a manager's to add.
	KioskCheckInDays = 7
	maxPrivateNote   = 1000
)

// CheckInKind is how a check-in happened.
type CheckInKind string

// The ways to check in.
const (
	InPerson CheckInKind = "In person"
	ByPhone  CheckInKind = "Phone"
	ByVideo  CheckInKind = "Video"
	ByText   CheckInKind = "Text"
)

// CheckInKinds are the ways to check in, in the order forms offer them.
var CheckInKinds = []CheckInKind{InPerson, ByPhone, ByVideo, ByText}

// Kinds of support a check-in gave.
const (
	SupportListening = "Listening"
	SupportMeeting   = "Meeting together"
	SupportProgram   = "Step or program work"
	SupportPractical = "Practical help"
)

// SupportKinds are the kinds of support, in the order forms offer them.
var SupportKinds = []string{SupportListening, SupportMeeting, SupportProgram, SupportPractical}

// SupportArea is the peer-recovery checklist's area a kind of support
// belongs to: "Emotional", "Informational" or "Practical".
func SupportArea(kind string) string {
	switch kind {
	case SupportListening, SupportMeeting:
		return "Emotional"
	case SupportProgram:
		return "Informational"
	case SupportPractical:
		return "Practical"
	}
	return ""
}

// CheckIn is one check-in of a pairing.
type CheckIn struct {
	V            int         `json:"v"`
	ID           string      `json:"id"`
	MentorshipID string      `json:"mentorship_id"`
	MenteeID     string      `json:"mentee_id"`
	MentorID     string      `json:"mentor_id"`
	Date         Date        `json:"date"`
	Kind         CheckInKind `json:"kind"`
	Minutes      int         `json:"minutes,omitempty"` // 0: not given
	Support      []string    `json:"support,omitempty"` // of SupportKinds
	// FollowUp: "I would like the manager to check in with me".
	FollowUp bool `json:"follow_up,omitempty"`
	// Note is private to managers: never shown at the kiosk or printed.
	Note     string    `json:"note,omitempty"`
	LoggedBy Actor     `json:"logged_by"`
	LoggedAt time.Time `json:"logged_at"`
}

// LogCheckIn records a check-in for c.MentorshipID. A manager may log one
// for any pairing on a day it ran. A resident at the kiosk (KioskActor) may
// log one only for their own pairing, as mentee or as mentor, while it
// runs, from the last KioskCheckInDays days, and without a private note.
// Bad fields come back as a ValidationError and nothing is saved.
func (s *Store) LogCheckIn(by Actor, c CheckIn) (CheckIn, error) {
	m, err := s.Mentorship(c.MentorshipID)
	if err != nil {
		return CheckIn{}, err
	}
	if by.Kind == ActorResident && !m.Involves(by.ID) {
		return CheckIn{}, ErrNotYours
	}
	c.V, c.ID, c.LoggedBy, c.LoggedAt = schemaVersion, c.Date.Key()+newID(), by, s.now()
	c.MenteeID, c.MentorID, c.Note = m.MenteeID, m.MentorID, tidyNote(c.Note)
	if v := c.validate(by, m, s.Today()); len(v) > 0 {
		return CheckIn{}, v
	}
	err = s.write(by, "mentor.check-in", s.auditName(m.MenteeID), func(txn *badger.Txn) error {
		var cur Mentorship
		if err := getJSON(txn, pfxMship+m.ID, &cur); err != nil {
			return err
		}
		if !cur.End.IsZero() && c.Date.After(cur.End) {
			return ValidationError{{FieldCheckInDate, "the pairing had ended by then (" + cur.End.String() + ")"}}
		}
		if err := refuseDoubleCheckIn(txn, c); err != nil {
			return err
		}
		if err := putJSON(txn, pfxCheckIn+c.ID, c); err != nil {
			return err
		}
		return putJSON(txn, pfxCheckInPair+c.MentorshipID+"/"+c.ID, c.ID)
	})
	if err != nil {
		return CheckIn{}, fmt.Errorf("log check-in: %w", err)
	}
	return c, nil
}

func (c CheckIn) validate(by Actor, m Mentorship, today Date) ValidationError {
	var v ValidationError
	kiosk := by.Kind == ActorResident
	switch {
	case c.Date.IsZero():
		v.add(FieldCheckInDate, "enter the day of the check-in")
	case c.Date.After(today):
		v.add(FieldCheckInDate, "that day has not come yet; log a check-in once it has happened")
	case c.Date.Before(m.Start):
		v.add(FieldCheckInDate, "that is before the pairing started ("+m.Start.String()+")")
	case !m.Active() && c.Date.After(m.End):
		v.add(FieldCheckInDate, "the pairing had ended by then ("+m.End.String()+")")
	case kiosk && c.Date.Before(today.AddDays(-KioskCheckInDays)):
		v.add(FieldCheckInDate, fmt.Sprintf("check-ins older than %d days are added by the house manager", KioskCheckInDays))
	}
	if kiosk && !m.Active() {
		v.add(FieldPairing, "this pairing has ended")
	}
	if !validCheckInKind(c.Kind) {
		v.add(FieldCheckInKind, "choose how you checked in")
	}
	if c.Minutes < 0 || c.Minutes > MaxCheckInMinutes {
		v.add(FieldMinutes, fmt.Sprintf("enter 0 to %d minutes", MaxCheckInMinutes))
	}
	for _, k := range c.Support {
		if !contains(SupportKinds, k) {
			v.add(FieldSupport, "choose from the kinds of support listed")
			break
		}
	}
	switch {
	case kiosk && c.Note != "":
		v.add(FieldPrivateNote, "private notes are added by the house manager")
	case utf8.RuneCountInString(c.Note) > maxPrivateNote:
		v.add(FieldPrivateNote, fmt.Sprintf("keep it under %d characters", maxPrivateNote))
	}
	return v
}

func validCheckInKind(k CheckInKind) bool {
	for _, x := range CheckInKinds {
		if x == k {
			return true
		}
	}
	return false
}

// refuseDoubleCheckIn refuses the same check-in logged twice by the same
// person within two minutes (a double tap at the kiosk).
func refuseDoubleCheckIn(txn *badger.Txn, c CheckIn) error {
	return scanJSON(txn, pfxCheckInPair+c.MentorshipID+"/"+c.Date.Key(), func(id string) error {
		var o CheckIn
		if err := getJSON(txn, pfxCheckIn+id, &o); err != nil {
			return err
		}
		if o.Kind == c.Kind && o.LoggedBy.ID == c.LoggedBy.ID && o.LoggedBy.Kind == c.LoggedBy.Kind &&
			c.LoggedAt.Sub(o.LoggedAt) < 2*time.Minute {
			return ValidationError{{FieldCheckInDate, "this check-in is already logged"}}
		}
		return nil
	})
}

// RemoveCheckIn deletes a check-in logged by mistake (managers only).
func (s *Store) RemoveCheckIn(by Actor, id string) error {
	if err := requireStaff(by); err != nil {
		return err
	}
	c, err := s.CheckIn(id)
	if err != nil {
		return err
	}
	return s.write(by, "mentor.check-in.remove", s.auditName(c.MenteeID), func(txn *badger.Txn) error {
		for _, k := range []string{pfxCheckIn + id, pfxCheckInPair + c.MentorshipID + "/" + id} {
			if err := txn.Delete([]byte(k)); err != nil {
				return fmt.Errorf("remove check-in: %w", err)
			}
		}
		return nil
	})
}

// CheckIn returns one check-in, its private note included: for manager
// screens only.
func (s *Store) CheckIn(id string) (CheckIn, error) {
	var c CheckIn
	err := s.read(func(txn *badger.Txn) error { return getJSON(txn, pfxCheckIn+id, &c) })
	if err != nil {
		return CheckIn{}, fmt.Errorf("read check-in: %w", err)
	}
	return c, nil
}

// CheckIns returns a pairing's check-ins, newest first, private notes
// included: for manager screens only.
func (s *Store) CheckIns(mentorshipID string) ([]CheckIn, error) {
	var out []CheckIn
	err := s.read(func(txn *badger.Txn) error {
		return scanJSON(txn, pfxCheckInPair+mentorshipID+"/", func(id string) error {
			var c CheckIn
			if err := getJSON(txn, pfxCheckIn+id, &c); err != nil {
				return err
			}
			out = append([]CheckIn{c}, out...)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("read check-ins: %w", err)
	}
	return out, nil
}

// checkInsBetween reads the check-ins dated in [from, to) by their date
// keys: the work grows with the span, not the history.
func checkInsBetween(txn *badger.Txn, from, to Date) ([]CheckIn, error) {
	var out []CheckIn
	err := scanRange(txn, pfxCheckIn, from.Key(), to.Key(), func(_ string, c CheckIn) error {
		out = append(out, c)
		return nil
	})
	return out, err
}
