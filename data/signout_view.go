package data

import (
	"errors"
	"fmt"
	"time"

	badger "github.com/dgraph-io/badger/v4"
)

// The sign-out sheet as managers and the dashboard read it.

// OutNow lists the active residents who are signed out now, longest out
// first. It reads the out-now index, not the history.
func (s *Store) OutNow() ([]Outing, error) {
	h, err := s.House()
	if err != nil {
		return nil, fmt.Errorf("who is out: %w", err)
	}
	now, loc := s.now(), s.houseZone()
	var out []Outing
	err = s.read(func(txn *badger.Txn) error {
		return scanJSON(txn, pfxOutNow, func(id string) error {
			o, ok, err := outing(txn, h, id, now, loc)
			if ok {
				out = append(out, o)
			}
			return err
		})
	})
	if err != nil {
		return nil, fmt.Errorf("who is out: %w", err)
	}
	sortBy(out, func(o Outing) int64 { return o.Since.UnixNano() })
	return out, nil
}

// outing builds the dashboard line for open entry id; ok is false for a
// resident who has moved out.
func outing(txn *badger.Txn, h House, id string, now time.Time, loc *time.Location) (Outing, bool, error) {
	var e SignEntry
	if err := getJSON(txn, pfxSign+id, &e); err != nil {
		return Outing{}, false, err
	}
	var r Resident
	if err := getJSON(txn, pfxRes+e.ResidentID, &r); err != nil || !r.Active() {
		return Outing{}, false, ignoreNotFound(err)
	}
	passes, err := passesBetween(txn, r.ID, e.Out, now)
	if err != nil {
		return Outing{}, false, err
	}
	o := Outing{
		EntryID: e.ID, ResidentID: r.ID, Name: r.Short(), Kind: e.Kind, Where: e.Where,
		Since: e.Out, ExpectedBack: e.ExpectedBack, Curfew: e.Curfew,
		PastCurfew: curfewBreached(h, r.Phase, e.Out, now, passes, loc),
		Overdue:    now.After(e.ExpectedBack),
	}
	for _, p := range passes {
		o.OnPass = o.OnPass || p.Covers(now)
	}
	return o, true, nil
}

func ignoreNotFound(err error) error {
	if errors.Is(err, ErrNotFound) {
		return nil
	}
	return err
}

// IsOut reports whether a resident is signed out now.
func (s *Store) IsOut(residentID string) (bool, error) {
	var open bool
	err := s.read(func(txn *badger.Txn) error {
		var err error
		_, open, err = openOuting(txn, residentID)
		return err
	})
	return open, err
}

// --- the log -----------------------------------------------------------

// SignLog returns the current version of each entry whose sign-out falls
// on a day from `from` to `to` (inclusive, house dates), oldest first. With
// a residentID, only that resident's entries (read through their index).
// Superseded versions are left out; see SignEntryVersions.
func (s *Store) SignLog(from, to Date, residentID string) ([]SignEntry, error) {
	loc := s.houseZone()
	lo, hi := timeKey(from.At(0, 0, loc)), timeKey(to.AddDays(1).At(0, 0, loc))
	var out []SignEntry
	keep := func(e SignEntry) {
		if e.Current() {
			out = append(out, e)
		}
	}
	err := s.read(func(txn *badger.Txn) error {
		if residentID == "" {
			return scanRange(txn, pfxSign, lo, hi, func(_ string, e SignEntry) error { keep(e); return nil })
		}
		return scanRange(txn, pfxSignRes+residentID+"/", lo, hi, func(_ string, id string) error {
			var e SignEntry
			if err := getJSON(txn, pfxSign+id, &e); err != nil {
				return err
			}
			keep(e)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("read sign-out log: %w", err)
	}
	return out, nil
}

// SignEntry returns one entry (any version) by ID.
func (s *Store) SignEntry(id string) (SignEntry, error) {
	var e SignEntry
	err := s.read(func(txn *badger.Txn) error { return getJSON(txn, pfxSign+id, &e) })
	if err != nil {
		return SignEntry{}, fmt.Errorf("read sign-out entry: %w", err)
	}
	return e, nil
}

// SignEntryVersions returns every version of the entry that id belongs to,
// the original first and the current one last.
func (s *Store) SignEntryVersions(id string) ([]SignEntry, error) {
	var out []SignEntry
	err := s.read(func(txn *badger.Txn) error {
		first, err := originalVersion(txn, id)
		if err != nil {
			return err
		}
		for e := first; ; {
			out = append(out, e)
			if e.SupersededBy == "" {
				return nil
			}
			next := e.SupersededBy
			e = SignEntry{} // decode into a fresh value: absent fields stay empty
			if err := getJSON(txn, pfxSign+next, &e); err != nil {
				return err
			}
		}
	})
	if err != nil {
		return nil, fmt.Errorf("read entry versions: %w", err)
	}
	return out, nil
}

func originalVersion(txn *badger.Txn, id string) (SignEntry, error) {
	var e SignEntry
	if err := getJSON(txn, pfxSign+id, &e); err != nil {
		return SignEntry{}, err
	}
	for e.Corrects != "" {
		prev := e.Corrects
		e = SignEntry{} // decode into a fresh value: absent fields stay empty
		if err := getJSON(txn, pfxSign+prev, &e); err != nil {
			return SignEntry{}, err
		}
	}
	return e, nil
}
