package data

// Outside meetings: the 12-step, SMART Recovery, Recovery Dharma (...)
// meetings a resident goes to outside the house, logged at the kiosk and
// counted each week against what the resident's phase requires
// (Phase.OutsideMeetings, e.g. Phase 1: 5 a week, Phase 2: 3).
//
// Keys:
//
//	omtg/<ts><rand>                  outside meetings, by meeting time
//	omtgres/<residentID>/<ts><rand>  -> meeting ID: one resident's meetings
//
// <ts> is timeKey (see kiosk.go); the ID is the key without the prefix.

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	badger "github.com/dgraph-io/badger/v4"
)

const (
	pfxOutsideMtg    = "omtg/"
	pfxOutsideMtgRes = "omtgres/"
)

// Field names of the outside-meeting form.
const (
	FieldPathway     = "Pathway"
	FieldMeetingName = "Meeting name"
	FieldMeetingAt   = "Date and time"
	FieldVerifier    = "Chair or secretary"
)

// KioskMeetingDays is how far back a resident may log a meeting at the
// kiosk; older ones are a manager's to add.
const KioskMeetingDays = 7

const maxMeetingText = 80

// OutsideMeeting is one meeting a resident went to outside the house.
type OutsideMeeting struct {
	V          int       `json:"v"`
	ID         string    `json:"id"`
	ResidentID string    `json:"resident_id"`
	Pathway    string    `json:"pathway"` // one of Pathways
	Name       string    `json:"name"`    // "Tuesday Night Step Study"
	At         time.Time `json:"at"`
	// Verifier is the chair's or secretary's name, when given.
	Verifier string    `json:"verifier,omitempty"`
	LoggedBy Actor     `json:"logged_by"`
	LoggedAt time.Time `json:"logged_at"`
}

// Verified reports whether a chair or secretary was named.
func (m OutsideMeeting) Verified() bool { return m.Verifier != "" }

// MeetingsRequired is how many outside meetings a week the phase needs
// (0 when the house sets none).
func (h House) MeetingsRequired(phase string) int {
	p, _ := h.PhaseNamed(phase)
	return p.OutsideMeetings
}

// LogOutsideMeeting records an outside meeting for m.ResidentID. A resident
// at the kiosk can log only their own, and only from the last
// KioskMeetingDays days. Bad fields come back as a ValidationError.
func (s *Store) LogOutsideMeeting(by Actor, m OutsideMeeting) (OutsideMeeting, error) {
	if err := requireSelfOrStaff(by, m.ResidentID); err != nil {
		return OutsideMeeting{}, err
	}
	r, err := s.Resident(m.ResidentID)
	if err != nil {
		return OutsideMeeting{}, err
	}
	loc := s.houseZone()
	m.V, m.ID, m.LoggedBy, m.LoggedAt = schemaVersion, timeID(m.At), by, s.now()
	m.At, m.Name, m.Verifier = m.At.In(loc), tidyText(m.Name), tidyText(m.Verifier)
	if v := m.validate(by, s.now()); len(v) > 0 {
		return OutsideMeeting{}, v
	}
	err = s.write(by, "outside-meeting.log", r.Short(), func(txn *badger.Txn) error {
		return putOutsideMeeting(txn, m)
	})
	if err != nil {
		return OutsideMeeting{}, fmt.Errorf("log outside meeting for %s: %w", r.Short(), err)
	}
	return m, nil
}

// putOutsideMeeting writes a meeting and its per-resident index, refusing
// a duplicate.
func putOutsideMeeting(txn *badger.Txn, m OutsideMeeting) error {
	dup, err := meetingLogged(txn, m)
	if err != nil {
		return err
	}
	if dup {
		return ValidationError{{FieldMeetingName, "this meeting is already logged"}}
	}
	if err := putJSON(txn, pfxOutsideMtg+m.ID, m); err != nil {
		return err
	}
	return putJSON(txn, pfxOutsideMtgRes+m.ResidentID+"/"+m.ID, m.ID)
}

// meetingLogged reports whether the resident already logged a meeting of
// the same name at the same time (a double tap at the kiosk).
func meetingLogged(txn *badger.Txn, m OutsideMeeting) (bool, error) {
	var dup bool
	at := m.At.Truncate(time.Minute)
	lo, hi := timeKey(at), timeKey(at.Add(time.Minute))
	err := scanRange(txn, pfxOutsideMtgRes+m.ResidentID+"/", lo, hi, func(_ string, id string) error {
		var o OutsideMeeting
		if err := getJSON(txn, pfxOutsideMtg+id, &o); err != nil {
			return err
		}
		dup = dup || strings.EqualFold(o.Name, m.Name)
		return nil
	})
	return dup, err
}

func (m OutsideMeeting) validate(by Actor, now time.Time) ValidationError {
	var v ValidationError
	if !contains(Pathways, m.Pathway) {
		v.add(FieldPathway, "choose the meeting's pathway")
	}
	switch n := utf8.RuneCountInString(m.Name); {
	case n == 0:
		v.add(FieldMeetingName, "enter the meeting's name")
	case n > maxMeetingText:
		v.add(FieldMeetingName, fmt.Sprintf("keep it under %d characters", maxMeetingText))
	}
	switch {
	case m.At.IsZero():
		v.add(FieldMeetingAt, "enter when the meeting was")
	case m.At.After(now.Add(15 * time.Minute)):
		v.add(FieldMeetingAt, "that time has not come yet; log a meeting once you have been")
	case by.Kind == ActorResident && m.At.Before(now.AddDate(0, 0, -KioskMeetingDays)):
		v.add(FieldMeetingAt, fmt.Sprintf("meetings older than %d days are added by the house manager", KioskMeetingDays))
	}
	if utf8.RuneCountInString(m.Verifier) > maxMeetingText {
		v.add(FieldVerifier, fmt.Sprintf("keep it under %d characters", maxMeetingText))
	}
	return v
}

// OutsideMeetingWeek is one resident's outside meetings in one week against
// their phase's requirement.
type OutsideMeetingWeek struct {
	ResidentID string
	Name       string // "María N."
	Phase      string
	WeekStart  Date
	Meetings   []OutsideMeeting // by time
	Have, Need int
}

// Met reports whether the week's requirement is met.
func (w OutsideMeetingWeek) Met() bool { return w.Have >= w.Need }

// MeetingsInWeek returns a resident's outside meetings in the seven days
// from weekStart (pass the house week's first day, House.Week), with the
// number their phase needs.
func (s *Store) MeetingsInWeek(residentID string, weekStart Date) (OutsideMeetingWeek, error) {
	r, err := s.Resident(residentID)
	if err != nil {
		return OutsideMeetingWeek{}, err
	}
	h, err := s.House()
	if err != nil {
		return OutsideMeetingWeek{}, err
	}
	w := newMeetingWeek(h, r, weekStart)
	lo, hi := s.weekKeys(weekStart)
	err = s.read(func(txn *badger.Txn) error {
		return scanRange(txn, pfxOutsideMtgRes+r.ID+"/", lo, hi, func(_ string, id string) error {
			var m OutsideMeeting
			if err := getJSON(txn, pfxOutsideMtg+id, &m); err != nil {
				return err
			}
			w.add(m)
			return nil
		})
	})
	if err != nil {
		return OutsideMeetingWeek{}, fmt.Errorf("read outside meetings: %w", err)
	}
	return w, nil
}

// OutsideMeetingsReport returns every active resident's outside-meeting
// week from weekStart, by name: the manager's view and the weekly report.
// It reads the week's meetings once, not each resident's history.
func (s *Store) OutsideMeetingsReport(weekStart Date) ([]OutsideMeetingWeek, error) {
	h, err := s.House()
	if err != nil {
		return nil, err
	}
	rs, err := s.ActiveResidents()
	if err != nil {
		return nil, err
	}
	weeks := map[string]*OutsideMeetingWeek{}
	out := make([]OutsideMeetingWeek, len(rs))
	for i, r := range rs {
		out[i] = newMeetingWeek(h, r, weekStart)
		weeks[r.ID] = &out[i]
	}
	lo, hi := s.weekKeys(weekStart)
	err = s.read(func(txn *badger.Txn) error {
		return scanRange(txn, pfxOutsideMtg, lo, hi, func(_ string, m OutsideMeeting) error {
			if w, ok := weeks[m.ResidentID]; ok {
				w.add(m)
			}
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("read outside meetings: %w", err)
	}
	sortBy(out, func(w OutsideMeetingWeek) string { return strings.ToLower(w.Name) })
	return out, nil
}

func newMeetingWeek(h House, r Resident, weekStart Date) OutsideMeetingWeek {
	return OutsideMeetingWeek{
		ResidentID: r.ID, Name: r.Short(), Phase: r.Phase, WeekStart: weekStart,
		Need: h.MeetingsRequired(r.Phase),
	}
}

func (w *OutsideMeetingWeek) add(m OutsideMeeting) {
	w.Meetings = append(w.Meetings, m)
	w.Have++
}

// weekKeys are the key bounds of the seven house days from weekStart.
func (s *Store) weekKeys(weekStart Date) (string, string) {
	loc := s.houseZone()
	return timeKey(weekStart.At(0, 0, loc)), timeKey(weekStart.AddDays(7).At(0, 0, loc))
}
