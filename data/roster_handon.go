package data

import (
	"strings"
	"time"

	"porchlight/data/cal"
	"porchlight/data/rota"

	badger "github.com/dgraph-io/badger/v4"
)

// HandOnChores hands on a resident's open assignments from the day from
// onward (this week and any later week already rostered; never days
// before today) to the other residents, chosen by the rotation's rules.
// Call it when a resident moves out; it works whether their record says
// moved out yet or not. A seat nobody else can take is left uncovered.
func (s *Store) HandOnChores(by Actor, residentID string, from Date) error {
	return s.handOn(by, residentID, Span{From: from}, false)
}

// HandOnPass hands on a resident's open assignments on the days an
// overnight pass excuses (PassChoreDays), when the house's ChoreSettings
// excuse passes; otherwise it changes nothing. Call it after AddPass:
// GenerateRoster already leaves out passes recorded before it runs.
func (s *Store) HandOnPass(by Actor, p Pass) error {
	span, ok := PassChoreDays(p)
	if !ok {
		return nil
	}
	return s.handOn(by, p.ResidentID, span, true)
}

// handOn hands on in one transaction, audited only when something moved:
// a resident with no open chores (or a house with no roster) leaves no
// hand-on entry. forPass hands on only when the house excuses passes.
func (s *Store) handOn(by Actor, residentID string, span Span, forPass bool) error {
	today, loc := s.Today(), s.houseZone()
	return s.writeNamed(by, "roster.hand-on", func(txn *badger.Txn) (string, error) {
		r, err := readResidentTxn(txn, residentID)
		if err != nil {
			return "", err
		}
		if forPass {
			cs, err := readChoreSettings(txn)
			if err != nil || !cs.ExcuseOvernightPass {
				return "", err
			}
		}
		moved, err := s.handOnTxn(txn, residentID, span, today, loc)
		if err != nil || moved == 0 {
			return "", err
		}
		return r.Short(), nil
	})
}

// handOnTxn moves the resident's open assignments within span, from today
// on, to others, inside txn, and says how many it moved. Everything it
// decides from is read in txn.
func (s *Store) handOnTxn(txn *badger.Txn, residentID string, span Span, today Date, loc *time.Location) (int, error) {
	if span.From.Before(today) {
		span.From = today // days gone by stay as they were
	}
	if !span.To.IsZero() && span.To.Before(span.From) {
		return 0, nil
	}
	first, err := weekOfTxn(txn, span.From)
	if err != nil {
		return 0, err
	}
	last := span.To
	if last.IsZero() {
		last = first.AddDays(7 * MaxWindowWeeks)
	}
	off, err := offAround(txn, first, last, loc)
	if err != nil {
		return 0, err
	}
	weeks, err := rosterWeeks(txn, first, span.To)
	if err != nil {
		return 0, err
	}
	moved := 0
	for _, wk := range weeks {
		n, err := handOnWeek(txn, wk, residentID, span, off)
		if err != nil {
			return 0, err
		}
		moved += n
	}
	if s.handOnFault != nil {
		return 0, s.handOnFault
	}
	return moved, nil
}

// rosterWeeks lists the weeks with a roster from first on, up to the week
// holding last (no end when last is zero).
func rosterWeeks(txn *badger.Txn, first, last Date) ([]Date, error) {
	it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte(pfxRoster)})
	defer it.Close()
	var out []Date
	seen := ""
	for it.Seek([]byte(pfxRoster + first.Key())); it.Valid(); it.Next() {
		wk, _, _ := strings.Cut(strings.TrimPrefix(string(it.Item().Key()), pfxRoster), "/")
		if wk == seen {
			continue
		}
		seen = wk
		d, err := cal.ParseKey(wk)
		if err != nil {
			return nil, err
		}
		if !last.IsZero() && d.After(last) {
			break
		}
		out = append(out, d)
	}
	return out, nil
}

// handOnWeek moves the resident's open assignments within span in one
// week to others, choosing as PlanRoster would.
func handOnWeek(txn *badger.Txn, week Date, residentID string, span Span, off map[string][]Span) (int, error) {
	c, err := loadRosterContext(txn, week)
	if err != nil {
		return 0, err
	}
	var moving, keep []Assignment
	for _, a := range c.current {
		if a.ResidentID == residentID && a.Open() && span.Contains(a.Day) {
			moving = append(moving, a)
		} else {
			keep = append(keep, a)
		}
	}
	if len(moving) == 0 {
		return 0, nil
	}
	p := rota.NewPlanner(c.input(keep, off, residentID).rota())
	for _, a := range moving {
		a = p.HandOn(a)
		if err := putJSON(txn, rosterKey(a), a); err != nil {
			return 0, err
		}
	}
	return len(moving), nil
}
