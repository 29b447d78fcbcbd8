package data

import (
	"fmt"
	"time"
	"unicode/utf8"

	badger "github.com/dgraph-io/badger/v4"
)

// Manager corrections of the sign-out sheet: an outing nobody signed, and
// a corrected entry that supersedes the old one (both versions are kept).

// maxReason is the longest reason for a correction.
const maxReason = 200

// AddMissedEntry lets a manager add an outing nobody signed: out and in
// are when it happened (a zero in means the resident is still out). The
// reason is kept in the entry and in the audit log. Managers only.
func (s *Store) AddMissedEntry(by Actor, residentID string, kind Destination, where string, out, in time.Time, reason string) (SignEntry, error) {
	if err := requireStaff(by); err != nil {
		return SignEntry{}, err
	}
	r, h, err := s.signResident(by, residentID, false)
	if err != nil {
		return SignEntry{}, err
	}
	loc := s.houseZone()
	e := SignEntry{
		V: schemaVersion, ID: timeID(out), ResidentID: r.ID, Kind: kind, Where: tidyText(where),
		Out: out.In(loc), OutBy: by, Missed: true, Reason: tidyText(reason),
		Curfew: h.CurfewAt(r.Phase, NightOf(out.In(loc)), loc),
	}
	e.ExpectedBack = e.Curfew
	if !in.IsZero() {
		e.In, e.InBy = in.In(loc), by
	}
	v := validateOuting(e, true)
	v = append(v, s.validateCorrection(e)...)
	if len(v) > 0 {
		return SignEntry{}, v
	}
	err = s.write(by, "signlog.add-missed", r.Short()+": "+e.Reason, func(txn *badger.Txn) error {
		return saveCorrected(txn, h, r, &e, loc)
	})
	if err != nil {
		return SignEntry{}, fmt.Errorf("add missed entry for %s: %w", r.Short(), err)
	}
	return e, nil
}

// CorrectEntry lets a manager fix the times of an entry, with a reason. It
// writes a new version (Corrects = the old ID) and keeps the old one,
// marked SupersededBy. A zero in leaves the resident out; that is only
// allowed while they have no other open outing. Managers only.
func (s *Store) CorrectEntry(by Actor, entryID string, out, in time.Time, reason string) (SignEntry, error) {
	if err := requireStaff(by); err != nil {
		return SignEntry{}, err
	}
	old, err := s.SignEntry(entryID)
	if err != nil {
		return SignEntry{}, err
	}
	if !old.Current() {
		return SignEntry{}, fmt.Errorf("this entry was already corrected; correct the newest version")
	}
	r, h, err := s.signResident(by, old.ResidentID, false)
	if err != nil {
		return SignEntry{}, err
	}
	loc := s.houseZone()
	e := correctedVersion(old, by, out.In(loc), in, reason, loc)
	e.Curfew = h.CurfewAt(r.Phase, NightOf(e.Out), loc)
	if v := s.validateCorrection(e); len(v) > 0 {
		return SignEntry{}, v
	}
	err = s.write(by, "signlog.correct", r.Short()+": "+e.Reason, func(txn *badger.Txn) error {
		return supersede(txn, h, r, old, &e, loc)
	})
	if err != nil {
		return SignEntry{}, fmt.Errorf("correct entry for %s: %w", r.Short(), err)
	}
	return e, nil
}

func correctedVersion(old SignEntry, by Actor, out, in time.Time, reason string, loc *time.Location) SignEntry {
	e := old
	e.V, e.ID, e.Out, e.Corrects, e.SupersededBy = schemaVersion, timeID(out), out, old.ID, ""
	e.Reason, e.Late, e.In, e.InBy = tidyText(reason), false, time.Time{}, Actor{}
	if !in.IsZero() {
		e.In, e.InBy = in.In(loc), by
		if !old.In.IsZero() && old.In.Equal(in) {
			e.InBy = old.InBy
		}
	}
	return e
}

// supersede marks old as replaced by e and saves both.
func supersede(txn *badger.Txn, h House, r Resident, old SignEntry, e *SignEntry, loc *time.Location) error {
	var cur SignEntry
	if err := getJSON(txn, pfxSign+old.ID, &cur); err != nil {
		return err
	}
	if !cur.Current() {
		return fmt.Errorf("this entry was just corrected by someone else; reload it")
	}
	cur.SupersededBy = e.ID
	if err := putSignEntry(txn, cur); err != nil {
		return err
	}
	return saveCorrected(txn, h, r, e, loc)
}

// saveCorrected computes lateness for a manager-written entry and saves it,
// refusing to open a second outing for a resident who is out.
func saveCorrected(txn *badger.Txn, h House, r Resident, e *SignEntry, loc *time.Location) error {
	if e.IsOut() {
		if err := refuseIfOut(txn, r.ID); err != nil {
			return err
		}
	} else {
		late, err := lateness(txn, h, r, *e, loc)
		if err != nil {
			return err
		}
		e.Late = late
	}
	return putSignEntry(txn, *e)
}

func (s *Store) validateCorrection(e SignEntry) ValidationError {
	var v ValidationError
	now := s.now()
	switch {
	case e.Out.IsZero():
		v.add(FieldSignedOut, "enter when they signed out")
	case e.Out.After(now):
		v.add(FieldSignedOut, "that time has not come yet")
	}
	switch {
	case e.In.IsZero():
	case e.In.Before(e.Out):
		v.add(FieldSignedIn, "the sign-in is before the sign-out")
	case e.In.After(now):
		v.add(FieldSignedIn, "that time has not come yet")
	}
	switch n := utf8.RuneCountInString(e.Reason); {
	case n == 0:
		v.add(FieldReason, "say why the entry is added or changed")
	case n > maxReason:
		v.add(FieldReason, fmt.Sprintf("keep it under %d characters", maxReason))
	}
	return v
}
