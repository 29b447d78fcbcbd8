package data

import (
	"fmt"
	"strings"

	badger "github.com/dgraph-io/badger/v4"
)

// Officers are optional, for peer-run houses: residents elected to run the
// house business for a fixed term. Oxford House keeps terms to six months
// and rotates them, so a longer term or a second term in a row is worth a
// warning (not an error: the house decides).

// Office is an officer's post.
type Office string

// The offices a house may fill.
const (
	OfficePresident        Office = "president"
	OfficeSecretary        Office = "secretary"
	OfficeTreasurer        Office = "treasurer"
	OfficeComptroller      Office = "comptroller"
	OfficeChoreCoordinator Office = "chore-coordinator"
)

// Offices lists the offices in the order of a meeting's officers' reports.
var Offices = []Office{OfficePresident, OfficeSecretary, OfficeTreasurer, OfficeComptroller, OfficeChoreCoordinator}

// MaxOfficerTermMonths is the longest term without a warning.
const MaxOfficerTermMonths = 6

// Label is how people name the office: "Chore coordinator".
func (o Office) Label() string {
	switch o {
	case OfficePresident:
		return "President"
	case OfficeSecretary:
		return "Secretary"
	case OfficeTreasurer:
		return "Treasurer"
	case OfficeComptroller:
		return "Comptroller"
	case OfficeChoreCoordinator:
		return "Chore coordinator"
	}
	return string(o)
}

func (o Office) rank() int {
	for i, v := range Offices {
		if v == o {
			return i
		}
	}
	return -1
}

// Officer is one term in one office.
type Officer struct {
	V         int       `json:"v"`
	ID        string    `json:"id"`
	Office    Office    `json:"office"`
	Person    PersonRef `json:"person"`
	TermStart Date      `json:"term_start"`
	TermEnd   Date      `json:"term_end"` // last day of the term
}

// Officer form field names, shared with the UI.
const (
	FieldOffice    = "Office"
	FieldOfficer   = "Officer"
	FieldTermStart = "Term start"
	FieldTermEnd   = "Term end"
)

// InOffice reports whether the term covers date d.
func (o Officer) InOffice(d Date) bool { return !d.Before(o.TermStart) && !d.After(o.TermEnd) }

func (o Officer) overlaps(p Officer) bool {
	return o.Office == p.Office && !o.TermStart.After(p.TermEnd) && !p.TermStart.After(o.TermEnd)
}

// validate checks the fields and that no other term of the office overlaps.
func (o Officer) validate(others []Officer) ValidationError {
	var v ValidationError
	if o.Office.rank() < 0 {
		v.add(FieldOffice, "choose the office")
	}
	if o.Person.IsZero() {
		v.add(FieldOfficer, "choose who holds the office")
	}
	switch {
	case o.TermStart.IsZero():
		v.add(FieldTermStart, "enter the first day of the term")
	case o.TermEnd.IsZero():
		v.add(FieldTermEnd, "enter the last day of the term")
	case o.TermEnd.Before(o.TermStart):
		v.add(FieldTermEnd, "the term ends before it starts")
	}
	if len(v) > 0 {
		return v
	}
	for _, p := range others {
		if p.ID != o.ID && o.overlaps(p) {
			v.add(FieldTermStart, fmt.Sprintf("%s is %s from %s to %s; terms of one office cannot overlap",
				p.Person.Name, strings.ToLower(p.Office.Label()), p.TermStart.Pretty(), p.TermEnd.Pretty()))
		}
	}
	return v
}

// OfficerWarnings returns what is worth a second look about a term, given
// the house's other terms: a term over six months, or the same person in
// the same office for a second term in a row. Show them; do not block.
func OfficerWarnings(o Officer, others []Officer) []FieldError {
	var w []FieldError
	if !o.TermStart.IsZero() && o.TermEnd.After(o.TermStart.AddMonths(MaxOfficerTermMonths)) {
		w = append(w, FieldError{FieldTermEnd, fmt.Sprintf("the term is longer than %d months (it would end by %s)",
			MaxOfficerTermMonths, o.TermStart.AddMonths(MaxOfficerTermMonths).Pretty())})
	}
	if prev, ok := previousTerm(o, others); ok && prev.Person.Same(o.Person) {
		w = append(w, FieldError{FieldOfficer, fmt.Sprintf("%s was %s for the term before (%s to %s); this is a second term in a row",
			o.Person.Name, strings.ToLower(o.Office.Label()), prev.TermStart.Pretty(), prev.TermEnd.Pretty())})
	}
	return w
}

// previousTerm is the latest other term of o's office starting before o's.
func previousTerm(o Officer, others []Officer) (Officer, bool) {
	var prev Officer
	found := false
	for _, p := range others {
		if p.ID == o.ID || p.Office != o.Office || !p.TermStart.Before(o.TermStart) {
			continue
		}
		if !found || p.TermStart.After(prev.TermStart) {
			prev, found = p, true
		}
	}
	return prev, found
}

// --- store -------------------------------------------------------------------

const pfxOfficer = "officer/" // officer/<id>: officer terms

func officersTxn(txn *badger.Txn) ([]Officer, error) {
	var out []Officer
	err := scanJSON(txn, pfxOfficer, func(o Officer) error { out = append(out, o); return nil })
	sortBy(out, func(o Officer) string { return fmt.Sprintf("%02d %s", o.Office.rank(), o.TermStart) })
	return out, err
}

// Officers lists every term, current and past, by office and start date.
func (s *Store) Officers() ([]Officer, error) {
	var out []Officer
	err := s.read(func(txn *badger.Txn) error {
		var err error
		out, err = officersTxn(txn)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("list officers: %w", err)
	}
	return out, nil
}

// OfficersOn lists the officers in office on date d, in office order.
func (s *Store) OfficersOn(d Date) ([]Officer, error) {
	all, err := s.Officers()
	if err != nil {
		return nil, err
	}
	var out []Officer
	for _, o := range all {
		if o.InOffice(d) {
			out = append(out, o)
		}
	}
	return out, nil
}

// SaveOfficer adds a term (empty ID) or updates one. Problems with the
// fields, or an overlap with another term of the office, are errors; a long
// term or a second term in a row comes back as warnings, and is saved.
func (s *Store) SaveOfficer(by Actor, o Officer) (Officer, []FieldError, error) {
	o.Person.Name = strings.TrimSpace(o.Person.Name)
	action := "officer.update"
	if o.ID == "" {
		o.ID, action = newID(), "officer.add"
	}
	o.V = schemaVersion
	var warnings []FieldError
	err := s.write(by, action, o.Office.Label()+": "+o.Person.Name, func(txn *badger.Txn) error {
		others, err := officersTxn(txn)
		if err != nil {
			return err
		}
		if v := o.validate(others); len(v) > 0 {
			return v
		}
		warnings = OfficerWarnings(o, others)
		return putJSON(txn, pfxOfficer+o.ID, o)
	})
	if err != nil {
		return Officer{}, nil, err
	}
	return o, warnings, nil
}

// RemoveOfficer deletes a term entered by mistake. Past minutes keep the
// officer's name.
func (s *Store) RemoveOfficer(by Actor, id string) error {
	err := s.write(by, "officer.remove", "officer term", func(txn *badger.Txn) error {
		var o Officer
		if err := getJSON(txn, pfxOfficer+id, &o); err != nil {
			return err
		}
		return txn.Delete([]byte(pfxOfficer + id))
	})
	if err != nil {
		return fmt.Errorf("remove officer: %w", err)
	}
	return nil
}
