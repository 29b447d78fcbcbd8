package data

import (
	"fmt"
	"strings"
	"time"

	badger "github.com/dgraph-io/badger/v4"
)

// Exports: the house's records as plain tables (a header and rows of text)
// for a spreadsheet. The residents table uses the headers the importer
// reads, so an export can be imported into another house. Private notes
// are left out. A zero from or to leaves that end of the range open.

// Table is a header and rows of cells.
type Table struct {
	Header []string
	Rows   [][]string
}

// LegalName is the manager's form of a name: the legal first and last
// name, with the preferred name in quotes where it differs.
func LegalName(r Resident) string { return r.Display() }

// ExportResidents lists every resident, current and former.
func (s *Store) ExportResidents() (Table, error) {
	h, err := s.House()
	if err != nil {
		return Table{}, err
	}
	rs, err := s.Residents()
	if err != nil {
		return Table{}, err
	}
	t := Table{Header: []string{
		string(ImportFirst), string(ImportLast), string(ImportPreferred), string(ImportStatus), string(ImportBed),
		string(ImportMoveIn), string(ImportSobriety), "Move-out date", string(ImportPhase), string(ImportPathways),
		string(ImportPhone), string(ImportEmergency), string(ImportHomeGroup), string(ImportSponsor),
		string(ImportSponsorTel), string(ImportLanguages),
	}}
	for _, r := range rs {
		bed, _ := h.Bed(r.BedID)
		moveIn, moveOut := r.MoveIn, Date{}
		if last, ok := r.LastStay(); ok && !r.Active() {
			moveIn, moveOut = last.MoveIn, last.MoveOut
			bed.Room, bed.Name = last.Bed, ""
		}
		t.Rows = append(t.Rows, []string{
			r.First, r.Last, r.Preferred, string(r.Status), bed.Label(), moveIn.String(), r.Sobriety.String(),
			moveOut.String(), r.Phase, strings.Join(r.Pathways, "; "), r.Phone, FormatContact(r.Emergency),
			r.HomeGroup, r.Sponsor.Name, r.Sponsor.Phone, strings.Join(r.Languages, "; "),
		})
	}
	return t, nil
}

// residentNames maps resident IDs to their legal names.
func (s *Store) residentNames() (map[string]string, error) {
	rs, err := s.Residents()
	if err != nil {
		return nil, err
	}
	names := make(map[string]string, len(rs))
	for _, r := range rs {
		names[r.ID] = LegalName(r)
	}
	return names, nil
}

// exportTime writes an instant as a local date and time.
func exportTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02 15:04")
}

func inRange(d, from, to Date) bool {
	return (from.IsZero() || !d.Before(from)) && (to.IsZero() || !d.After(to))
}

// ExportSignOuts lists the sign-out sheet (current versions), oldest
// first, by the date of the sign-out.
func (s *Store) ExportSignOuts(from, to Date) (Table, error) {
	names, err := s.residentNames()
	if err != nil {
		return Table{}, err
	}
	loc := s.houseZone()
	t := Table{Header: []string{"Resident", "Where to", "Details", "Out", "Expected back", "In", "After curfew", "Added by a manager", "Corrected", "Reason"}}
	err = s.read(func(txn *badger.Txn) error {
		return scanJSON(txn, pfxSign, func(e SignEntry) error {
			if !e.Current() || !inRange(DateOf(e.Out.In(loc)), from, to) {
				return nil
			}
			t.Rows = append(t.Rows, []string{
				names[e.ResidentID], string(e.Kind), e.Where, exportTime(e.Out.In(loc)), exportTime(e.ExpectedBack.In(loc)),
				exportTime(e.In.In(loc)), yesNo(e.Late), yesNo(e.Missed), yesNo(e.Corrects != ""), e.Reason,
			})
			return nil
		})
	})
	if err != nil {
		return Table{}, fmt.Errorf("export sign-outs: %w", err)
	}
	return t, nil
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// ExportChores lists the chore history: every assignment of every roster.
func (s *Store) ExportChores(from, to Date) (Table, error) {
	names, err := s.residentNames()
	if err != nil {
		return Table{}, err
	}
	t := Table{Header: []string{"Week of", "Day", "Chore", "Resident", "Status", "Excused", "Done at", "Note"}}
	err = s.read(func(txn *badger.Txn) error {
		return scanJSON(txn, pfxRoster, func(a Assignment) error {
			if !inRange(a.Day, from, to) {
				return nil
			}
			who := names[a.ResidentID]
			if !a.Covered() {
				who = "(nobody free)"
			}
			t.Rows = append(t.Rows, []string{a.Week.String(), a.Day.String(), a.Chore, who, string(a.Status),
				a.Excused, exportTime(a.DoneAt.In(s.houseZone())), a.Note})
			return nil
		})
	})
	if err != nil {
		return Table{}, fmt.Errorf("export chores: %w", err)
	}
	return t, nil
}

// ExportAttendance lists the roll call of every meeting, by date.
func (s *Store) ExportAttendance(from, to Date) (Table, error) {
	if to.IsZero() {
		to = NewDate(9999, 12, 30)
	}
	ms, err := s.Meetings(from, to)
	if err != nil {
		return Table{}, err
	}
	names, err := s.residentNames()
	if err != nil {
		return Table{}, err
	}
	t := Table{Header: []string{"Date", "Meeting", "Resident", "Attendance", "Reason"}}
	for _, m := range ms {
		for _, a := range m.Roll {
			who := names[a.ResidentID]
			if who == "" {
				who = a.Name
			}
			t.Rows = append(t.Rows, []string{m.Date.String(), m.Label(), who, a.Status.Label(), a.Reason})
		}
	}
	return t, nil
}
