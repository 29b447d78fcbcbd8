package data

import (
	"fmt"

	badger "github.com/dgraph-io/badger/v4"
)

// Attendance history: every roll-call mark is indexed per resident, so a
// resident's history or a week's absences read only their own keys.

const pfxAttend = "attend/" // attend/<residentID>/<YYYYMMDD>/<meetingID>: AttendanceRecord

// AttendanceRecord is a resident's mark at one meeting.
type AttendanceRecord struct {
	MeetingID    string           `json:"meeting_id"`
	MeetingKind  MeetingKind      `json:"meeting_kind"`
	MeetingLabel string           `json:"meeting_label"`
	Date         Date             `json:"date"`
	Status       AttendanceStatus `json:"status"`
	Reason       string           `json:"reason,omitempty"`
}

func attendKey(residentID string, d Date, meetingID string) string {
	return pfxAttend + residentID + "/" + meetingDateKey(d) + "/" + meetingID
}

// indexAttendance replaces old's roll-call marks with m's. A meeting not
// yet begun, and unmarked lines, leave no mark.
func indexAttendance(txn *badger.Txn, old, m Meeting) error {
	for _, a := range old.Roll {
		if err := txn.Delete([]byte(attendKey(a.ResidentID, old.Date, old.ID))); err != nil {
			return fmt.Errorf("unindex attendance: %w", err)
		}
	}
	if m.Status == MeetingStatusScheduled {
		return nil
	}
	for _, a := range m.Roll {
		if a.Status == AttendUnmarked || a.ResidentID == "" {
			continue
		}
		rec := AttendanceRecord{MeetingID: m.ID, MeetingKind: m.Kind, MeetingLabel: m.Label(), Date: m.Date, Status: a.Status, Reason: a.Reason}
		if err := putJSON(txn, attendKey(a.ResidentID, m.Date, m.ID), rec); err != nil {
			return err
		}
	}
	return nil
}

// AttendanceHistory lists a resident's marks at meetings of every kind
// dated within [from, to], by date.
func (s *Store) AttendanceHistory(residentID string, from, to Date) ([]AttendanceRecord, error) {
	var out []AttendanceRecord
	prefix := pfxAttend + residentID + "/"
	lo, hi := dateRange(prefix, from, to)
	err := s.read(func(txn *badger.Txn) error {
		return keyRangeJSON(txn, prefix, lo, hi, false, func(_ string, r AttendanceRecord) (bool, error) {
			out = append(out, r)
			return true, nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("read attendance history: %w", err)
	}
	return out, nil
}

// AttendanceSummary counts a resident's marks at required meetings.
type AttendanceSummary struct {
	Meetings int // required meetings the resident was marked at
	Present  int // on time
	Late     int
	Excused  int
	Absent   int // unexcused
}

// Attended counts the meetings the resident came to, on time or late.
func (a AttendanceSummary) Attended() int { return a.Present + a.Late }

func (a *AttendanceSummary) count(st AttendanceStatus) {
	a.Meetings++
	switch st {
	case AttendPresent:
		a.Present++
	case AttendLate:
		a.Late++
	case AttendExcused:
		a.Excused++
	case AttendAbsent:
		a.Absent++
	}
}

// AttendanceSummary counts a resident's marks within [from, to] at the
// kinds of meeting the house requires (MeetingSettings.Required).
func (s *Store) AttendanceSummary(residentID string, from, to Date) (AttendanceSummary, error) {
	recs, err := s.requiredAttendance(residentID, from, to)
	if err != nil {
		return AttendanceSummary{}, err
	}
	var sum AttendanceSummary
	for _, r := range recs {
		sum.count(r.Status)
	}
	return sum, nil
}

// UnexcusedAbsences lists a resident's unexcused absences from required
// meetings in the house week (Monday to Sunday, or as the house says)
// holding the date week. They count against the resident's week.
func (s *Store) UnexcusedAbsences(residentID string, week Date) ([]AttendanceRecord, error) {
	h, err := s.House()
	if err != nil {
		return nil, err
	}
	from, to := h.Week(week)
	recs, err := s.requiredAttendance(residentID, from, to)
	if err != nil {
		return nil, err
	}
	var out []AttendanceRecord
	for _, r := range recs {
		if r.Status == AttendAbsent {
			out = append(out, r)
		}
	}
	return out, nil
}

func (s *Store) requiredAttendance(residentID string, from, to Date) ([]AttendanceRecord, error) {
	settings, err := s.MeetingSettings()
	if err != nil {
		return nil, err
	}
	all, err := s.AttendanceHistory(residentID, from, to)
	if err != nil {
		return nil, err
	}
	var out []AttendanceRecord
	for _, r := range all {
		if settings.IsRequired(r.MeetingKind) {
			out = append(out, r)
		}
	}
	return out, nil
}

// UnexcusedAbsencesIn maps each resident's ID to their unexcused absences
// from required meetings held within [from, to]: one read of the span's
// meetings, for the weekly report.
func (s *Store) UnexcusedAbsencesIn(from, to Date) (map[string][]AttendanceRecord, error) {
	settings, err := s.MeetingSettings()
	if err != nil {
		return nil, err
	}
	ms, err := s.Meetings(from, to)
	if err != nil {
		return nil, err
	}
	out := map[string][]AttendanceRecord{}
	for _, m := range ms {
		if m.Status == MeetingStatusScheduled || !settings.IsRequired(m.Kind) {
			continue
		}
		for _, a := range m.Roll {
			if a.Status == AttendAbsent && a.ResidentID != "" {
				out[a.ResidentID] = append(out[a.ResidentID], AttendanceRecord{MeetingID: m.ID, MeetingKind: m.Kind,
					MeetingLabel: m.Label(), Date: m.Date, Status: a.Status})
			}
		}
	}
	return out, nil
}
