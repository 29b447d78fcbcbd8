package data

// A resident's progress letter: one page for a court, a probation officer
// or an employer, given only with the resident's consent. It says only
// what the resident agreed to: the dates of residence, the house meetings
// attended, the outside meetings logged, the phase, and the days sober when
// the resident agrees to that too. Nothing else of the record (no tests,
// incidents, notes or contacts) is read into it.

import (
	"fmt"
	"strings"
	"unicode/utf8"

	badger "github.com/dgraph-io/badger/v4"
)

// Field names of the letter form.
const (
	FieldLetterResident  = "Resident"
	FieldLetterConsent   = "Consent"
	FieldLetterRecipient = "Addressed to"
)

const maxRecipient = 120

// LetterQuery asks for one resident's progress letter.
type LetterQuery struct {
	ResidentID string
	// Consent: the resident has agreed to this letter being written and
	// given to Recipient. Required.
	Consent bool
	// IncludeSober: the resident has agreed to their days sober being in it.
	IncludeSober bool
	Recipient    string // "Probation Officer J. Okafor, County Probation"; may be empty
}

// ProgressLetter is what the letter says.
type ProgressLetter struct {
	House, Address string
	Resident       string // full name
	Recipient      string
	Date           Date // the letter's date (today)
	// Stay is the residency the letter covers: the current one (MoveOut
	// zero) or, for a resident who has moved on, the last.
	Stay Stay
	// Earlier are earlier residencies, oldest first.
	Earlier []Stay
	// Sober: days sober on Date, included only with IncludeSober.
	IncludeSober bool
	SoberSince   Date
	DaysSober    int
	// HouseMeetings counts the house business meetings of Stay the
	// resident was marked at, and those they attended (present or late).
	HouseMeetings, HouseMeetingsAttended int
	OutsideMeetings                      int // outside meetings logged during Stay
	Phase                                string
}

// Residing reports whether the resident still lives in the house.
func (l ProgressLetter) Residing() bool { return l.Stay.MoveOut.IsZero() }

// ProgressLetter gathers a resident's progress letter. Without consent it
// returns a ValidationError at FieldLetterConsent, and reads nothing.
func (s *Store) ProgressLetter(q LetterQuery) (ProgressLetter, error) {
	var v ValidationError
	if q.ResidentID == "" {
		v.add(FieldLetterResident, "choose the resident the letter is about")
	}
	if !q.Consent {
		v.add(FieldLetterConsent, "the resident must agree to the letter before it is written")
	}
	if utf8.RuneCountInString(q.Recipient) > maxRecipient {
		v.add(FieldLetterRecipient, fmt.Sprintf("keep it under %d characters", maxRecipient))
	}
	if len(v) > 0 {
		return ProgressLetter{}, v
	}
	r, err := s.Resident(q.ResidentID)
	if err != nil {
		return ProgressLetter{}, fmt.Errorf("progress letter: %w", err)
	}
	h, err := s.House()
	if err != nil {
		return ProgressLetter{}, fmt.Errorf("progress letter: %w", err)
	}
	l := ProgressLetter{House: h.Name, Address: h.Address, Resident: strings.TrimSpace(r.First + " " + r.Last), Recipient: tidyText(q.Recipient),
		Date: s.Today(), Phase: r.Phase}
	l.Stay, l.Earlier = letterStays(r)
	if l.Stay.MoveIn.IsZero() {
		return ProgressLetter{}, ValidationError{{FieldLetterResident, "this resident has no dates of residence on record"}}
	}
	if !l.Residing() {
		l.Phase = "" // the phase is the current one, not the phase at move-out
	}
	if q.IncludeSober && !r.Sobriety.IsZero() {
		l.IncludeSober, l.SoberSince, l.DaysSober = true, r.Sobriety, DaysSober(r.Sobriety, l.Date)
	}
	last := l.Date
	if !l.Residing() {
		last = l.Stay.MoveOut.AddDays(-1)
	}
	if err := s.letterMeetings(r.ID, l.Stay.MoveIn, last, &l); err != nil {
		return ProgressLetter{}, fmt.Errorf("progress letter for %s: %w", r.Short(), err)
	}
	return l, nil
}

// letterStays is the residency a letter covers and the earlier ones.
func letterStays(r Resident) (Stay, []Stay) {
	stays := append([]Stay(nil), r.Stays...)
	sortBy(stays, func(st Stay) string { return st.MoveIn.Key() })
	if r.Active() {
		return Stay{MoveIn: r.MoveIn}, stays
	}
	if len(stays) == 0 {
		return Stay{}, nil
	}
	return stays[len(stays)-1], stays[:len(stays)-1]
}

// letterMeetings counts the house meetings and the outside meetings of a
// resident within [from, to], from their own indexes.
func (s *Store) letterMeetings(id string, from, to Date, l *ProgressLetter) error {
	recs, err := s.AttendanceHistory(id, from, to)
	if err != nil {
		return err
	}
	for _, a := range recs {
		if a.MeetingKind == MeetingHouse {
			l.HouseMeetings++
			if a.Status.There() {
				l.HouseMeetingsAttended++
			}
		}
	}
	loc := s.houseZone()
	lo, hi := timeKey(from.At(0, 0, loc)), timeKey(to.AddDays(1).At(0, 0, loc))
	return s.read(func(txn *badger.Txn) error {
		prefix := pfxOutsideMtgRes + id + "/"
		it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte(prefix)})
		defer it.Close()
		for it.Seek([]byte(prefix + lo)); it.Valid(); it.Next() {
			if strings.TrimPrefix(string(it.Item().Key()), prefix) >= hi {
				break
			}
			l.OutsideMeetings++
		}
		return nil
	})
}
