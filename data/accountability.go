package data

import (
	"fmt"

	badger "github.com/dgraph-io/badger/v4"
)

// WeekAccount is one resident's accountability for a house week: what
// counts against the week (late sign-ins, missed chores, unexcused
// absences from required house meetings) beside the outside meetings the
// phase asks for. Managers see it on the resident's record; it is never
// shown at the kiosk beyond the resident's own meetings count.
type WeekAccount struct {
	From, To        Date
	LateSignIns     []SignEntry
	MissedChores    []Assignment
	Unexcused       []AttendanceRecord
	OutsideMeetings OutsideMeetingWeek
}

// Strikes counts what counts against the week.
func (w WeekAccount) Strikes() int {
	return len(w.LateSignIns) + len(w.MissedChores) + len(w.Unexcused)
}

// WeekAccount gathers a resident's accountability for the house week
// holding day. Each part reads only that week's keys.
func (s *Store) WeekAccount(residentID string, day Date) (WeekAccount, error) {
	h, err := s.House()
	if err != nil {
		return WeekAccount{}, err
	}
	w := WeekAccount{}
	w.From, w.To = h.Week(day)
	log, err := s.SignLog(w.From, w.To, residentID)
	if err != nil {
		return WeekAccount{}, fmt.Errorf("week account: %w", err)
	}
	for _, e := range log {
		if e.Late {
			w.LateSignIns = append(w.LateSignIns, e)
		}
	}
	if w.MissedChores, err = s.MissedChores(residentID, w.From); err != nil {
		return WeekAccount{}, fmt.Errorf("week account: %w", err)
	}
	if w.Unexcused, err = s.UnexcusedAbsences(residentID, w.From); err != nil {
		return WeekAccount{}, fmt.Errorf("week account: %w", err)
	}
	if w.OutsideMeetings, err = s.MeetingsInWeek(residentID, w.From); err != nil {
		return WeekAccount{}, fmt.Errorf("week account: %w", err)
	}
	return w, nil
}

// AccountabilityOptions choose what AccountabilityWeek includes.
type AccountabilityOptions struct {
	// ManagerCopy adds the per-resident rows, phase moves with reasons,
	// incidents (redacted) and open follow-ups. Needs a manager.
	ManagerCopy bool
	// IncludeSensitive (manager copy only) keeps incident details and adds
	// the week's test results; opening them is audited. Only when a manager
	// ticks it for that print.
	IncludeSensitive bool
	Mentors          MentorSource
}

// AccountabilitySection is the weekly house report's accountability
// section. The house copy holds counts and celebrations only; the manager
// copy adds the details below.
type AccountabilitySection struct {
	From, To      Date
	Residents     int
	OnTrack       int
	CheckIn       int // "check in with them"
	Met, Of       int // commitments met of those counted
	PartnerGroups int
	Celebrations  []string // "Majo N. moved up to Phase 2"

	// Manager copy only.
	Rows           []AccountabilityRow
	PhaseChanges   []PhaseChange
	Incidents      []Incident // redacted unless IncludeSensitive
	FollowUps      []FollowUp
	OpenAgreements int
	TestsDone      int
	Tests          []DatedTest // only with IncludeSensitive
}

// AccountabilityWeek gathers the accountability section of the weekly
// report for the house week holding day.
func (s *Store) AccountabilityWeek(by Actor, day Date, opt AccountabilityOptions) (AccountabilitySection, error) {
	ro, err := s.AccountabilityRoster(day, opt.Mentors)
	if err != nil {
		return AccountabilitySection{}, err
	}
	sec := AccountabilitySection{From: ro.From, To: ro.To, Residents: len(ro.Rows)}
	sec.Met, sec.Of = ro.Share()
	for _, r := range ro.Rows {
		if r.Status == OnTrack {
			sec.OnTrack++
		} else {
			sec.CheckIn++
		}
	}
	pw, err := s.Partners(ro.From)
	if err != nil {
		return AccountabilitySection{}, err
	}
	sec.PartnerGroups = len(pw.Groups)
	changes, err := s.PhaseChangesIn(ro.From, ro.To)
	if err != nil {
		return AccountabilitySection{}, err
	}
	for _, c := range changes {
		if c.Up {
			sec.Celebrations = append(sec.Celebrations, c.Name+" moved up to "+c.To)
		}
	}
	if !opt.ManagerCopy {
		return sec, nil
	}
	if err := requireStaff(by); err != nil {
		return AccountabilitySection{}, err
	}
	sec.Rows, sec.PhaseChanges = ro.Rows, changes
	if err := s.fillManagerCopy(by, &sec, opt.IncludeSensitive); err != nil {
		return AccountabilitySection{}, fmt.Errorf("accountability week: %w", err)
	}
	return sec, nil
}

func (s *Store) fillManagerCopy(by Actor, sec *AccountabilitySection, sensitive bool) error {
	incs, err := s.IncidentsIn(by, sec.From, sec.To)
	if err != nil {
		return err
	}
	for _, i := range incs {
		if !sensitive {
			i = i.Redacted()
		}
		sec.Incidents = append(sec.Incidents, i)
	}
	if sec.FollowUps, err = s.OpenFollowUps(s.Today()); err != nil {
		return err
	}
	for _, r := range sec.Rows {
		sec.OpenAgreements += r.OpenAgreements
	}
	err = s.read(func(txn *badger.Txn) (err error) { sec.TestsDone, err = testCount(txn, sec.From, sec.To); return err })
	if err != nil || !sensitive {
		return err
	}
	sec.Tests, err = s.DrugTestsIn(by, sec.From, sec.To)
	return err
}
