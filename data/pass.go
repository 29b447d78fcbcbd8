package data

import (
	"fmt"
	"time"
	"unicode/utf8"

	badger "github.com/dgraph-io/badger/v4"
)

// Overnight passes.

// Pass is an overnight pass: curfew does not apply to the resident within
// [From, To).
type Pass struct {
	V          int       `json:"v"`
	ID         string    `json:"id"`
	ResidentID string    `json:"resident_id"`
	From       time.Time `json:"from"`
	To         time.Time `json:"to"`
	Where      string    `json:"where"`
	ApprovedBy string    `json:"approved_by"`
	By         Actor     `json:"by"`
}

// Covers reports whether the pass covers instant t.
func (p Pass) Covers(t time.Time) bool { return !t.Before(p.From) && t.Before(p.To) }

// AddPass records an overnight pass: within [from, to) the resident is
// not late and not "out past curfew". approvedBy defaults to the manager
// adding it. It affects open outings and future sign-ins; to re-judge an
// entry already closed, correct it (CorrectEntry recomputes lateness).
// Managers only.
func (s *Store) AddPass(by Actor, residentID string, from, to time.Time, where, approvedBy string) (Pass, error) {
	if err := requireStaff(by); err != nil {
		return Pass{}, err
	}
	r, err := s.Resident(residentID)
	if err != nil {
		return Pass{}, err
	}
	loc := s.houseZone()
	p := Pass{
		V: schemaVersion, ID: timeID(from), ResidentID: r.ID, From: from.In(loc), To: to.In(loc),
		Where: tidyText(where), ApprovedBy: tidyText(approvedBy), By: by,
	}
	if p.ApprovedBy == "" {
		p.ApprovedBy = by.Name
	}
	if v := p.validate(); len(v) > 0 {
		return Pass{}, v
	}
	err = s.write(by, "pass.add", r.Short(), func(txn *badger.Txn) error {
		return putJSON(txn, passKey(p.ResidentID, p.ID), p)
	})
	if err != nil {
		return Pass{}, fmt.Errorf("add pass for %s: %w", r.Short(), err)
	}
	return p, nil
}

func passKey(residentID, id string) string { return pfxPass + residentID + "/" + id }

func (p Pass) validate() ValidationError {
	var v ValidationError
	if p.From.IsZero() {
		v.add(FieldPassFrom, "enter when the pass starts")
	}
	switch {
	case p.To.IsZero():
		v.add(FieldPassTo, "enter when the pass ends")
	case !p.To.After(p.From):
		v.add(FieldPassTo, "the pass must end after it starts")
	case p.To.Sub(p.From) > MaxPass:
		v.add(FieldPassTo, "a pass can last at most 31 days")
	}
	if p.Where == "" {
		v.add(FieldPassWhere, "say where the resident will stay")
	} else if utf8.RuneCountInString(p.Where) > maxWhere {
		v.add(FieldPassWhere, fmt.Sprintf("keep it short: at most %d characters", maxWhere))
	}
	if p.ApprovedBy == "" {
		v.add(FieldApprovedBy, "name who approved the pass")
	}
	return v
}

// CancelPass removes a pass, for one entered by mistake. Managers only.
func (s *Store) CancelPass(by Actor, residentID, passID string) error {
	if err := requireStaff(by); err != nil {
		return err
	}
	r, err := s.Resident(residentID)
	if err != nil {
		return err
	}
	err = s.write(by, "pass.cancel", r.Short(), func(txn *badger.Txn) error {
		var p Pass
		if err := getJSON(txn, passKey(residentID, passID), &p); err != nil {
			return err
		}
		return txn.Delete([]byte(passKey(residentID, passID)))
	})
	if err != nil {
		return fmt.Errorf("cancel pass for %s: %w", r.Short(), err)
	}
	return nil
}

// Passes returns a resident's passes that overlap the days from `from` to
// `to` (inclusive), by start.
func (s *Store) Passes(residentID string, from, to Date) ([]Pass, error) {
	loc := s.houseZone()
	var out []Pass
	err := s.read(func(txn *badger.Txn) error {
		var err error
		out, err = passesBetween(txn, residentID, from.At(0, 0, loc), to.AddDays(1).At(0, 0, loc))
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("read passes: %w", err)
	}
	return out, nil
}

// passesBetween returns the resident's passes overlapping [a, b], sorted
// by From. No pass is longer than MaxPass, so the scan starts there.
func passesBetween(txn *badger.Txn, residentID string, a, b time.Time) ([]Pass, error) {
	var out []Pass
	lo, hi := timeKey(a.Add(-MaxPass)), timeKey(b.Add(time.Nanosecond))
	err := scanRange(txn, pfxPass+residentID+"/", lo, hi, func(_ string, p Pass) error {
		if p.To.After(a) {
			out = append(out, p)
		}
		return nil
	})
	return out, err
}
