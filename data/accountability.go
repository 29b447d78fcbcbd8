package data

import "fmt"

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
