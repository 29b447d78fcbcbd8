package data

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	badger "github.com/dgraph-io/badger/v4"
)

// Running a meeting: start it (roll and agenda prefilled), save the
// secretary's changes, finish the minutes, accept them.

// ChoreReportFunc returns the chore coordinator's report for a meeting on
// the given date (who did which chore, and next week's list). The caller
// supplies it, e.g. from the chore roster; see ChoreReportText.
type ChoreReportFunc func(meetingDate Date) (string, error)

// ChoreReportText is a ChoreReportFunc that always gives text.
func ChoreReportText(text string) ChoreReportFunc {
	return func(Date) (string, error) { return text, nil }
}

// MeetingStart says which meeting to start.
type MeetingStart struct {
	// ScheduleID starts a scheduled meeting: kind, title, place and start
	// time come from the schedule. Leave it empty to start a meeting of
	// Kind (e.g. an emergency meeting).
	ScheduleID string
	Kind       MeetingKind
	Date       Date      // today, or a later day to prepare the agenda ahead
	Start      ClockTime // without a schedule; zero: the time now (today only)
	Title      string    // optional, without a schedule
	Place      string    // optional, without a schedule
	// ChoreReport, if set, prefills the chore coordinator's report of a
	// house business meeting.
	ChoreReport ChoreReportFunc
}

// Meeting form field names, shared with the UI.
const (
	FieldMeetingDate = "Meeting date"
	FieldReasonEdit  = "Reason for the change"
)

// ErrMeetingExists means a meeting of that kind already exists on that
// date; open it rather than start another.
var ErrMeetingExists = errors.New("that meeting has already been started")

// StartMeeting creates a meeting and its minutes, dated today (status in
// progress) or later (status scheduled). A date in the past is refused. The
// roll lists every active resident, unmarked. A house business meeting's
// agenda is prefilled: last minutes to accept, one report per officer in
// office, the chore coordinator's report (o.ChoreReport), this week's
// sobriety milestones and old business (open action items and tabled
// motions); other kinds get the roll and the milestones.
func (s *Store) StartMeeting(by Actor, o MeetingStart) (Meeting, error) {
	if err := s.checkStartDate(o.Date); err != nil {
		return Meeting{}, err
	}
	m, err := s.planMeeting(o)
	if err != nil {
		return Meeting{}, err
	}
	if err := s.prefillMeeting(&m, o.ChoreReport); err != nil {
		return Meeting{}, err
	}
	if m.Date == s.Today() {
		m.Status = MeetingStatusInProgress
	}
	if err := s.insertMeeting(by, &m); err != nil {
		return Meeting{}, err
	}
	return m, nil
}

func (s *Store) checkStartDate(d Date) error {
	today := s.Today()
	switch {
	case d.IsZero():
		return ValidationError{{FieldMeetingDate, "enter the meeting's date"}}
	case d.Before(today):
		return ValidationError{{FieldMeetingDate, fmt.Sprintf("%s is in the past; a meeting can be started today (%s) or prepared for a later day",
			d.Pretty(), today.Pretty())}}
	}
	return nil
}

// planMeeting fills kind, title, place and time from the schedule or o.
func (s *Store) planMeeting(o MeetingStart) (Meeting, error) {
	m := Meeting{Kind: o.Kind, Date: o.Date, Start: o.Start, Title: strings.TrimSpace(o.Title),
		Place: strings.TrimSpace(o.Place), Status: MeetingStatusScheduled}
	if o.ScheduleID != "" {
		sc, err := s.MeetingSchedule(o.ScheduleID)
		if err != nil {
			return Meeting{}, err
		}
		m.ScheduleID, m.Kind, m.Start, m.Title, m.Place = sc.ID, sc.Kind, sc.Start, strings.TrimSpace(sc.Title), sc.Place
	}
	if !m.Kind.Valid() {
		return Meeting{}, ValidationError{{FieldMeetingKind, "choose the kind of meeting"}}
	}
	if m.Start == (ClockTime{}) && o.ScheduleID == "" {
		if o.Date != s.Today() {
			return Meeting{}, ValidationError{{FieldMeetingStart, "enter the time the meeting starts"}}
		}
		now := s.now()
		m.Start = ClockTime{now.Hour(), now.Minute()}
	}
	return m, nil
}

// prefillMeeting fills the roll and the agenda from what the house knows.
func (s *Store) prefillMeeting(m *Meeting, chores ChoreReportFunc) error {
	rs, err := s.ActiveResidents()
	if err != nil {
		return err
	}
	for _, r := range rs {
		m.Roll = append(m.Roll, Attendance{ResidentID: r.ID, Name: r.Display()})
	}
	if m.Sections.Milestones, err = s.milestonesText(m.Date); err != nil {
		return err
	}
	if m.Kind != MeetingHouse {
		return nil
	}
	if err := s.prefillBusiness(m); err != nil {
		return err
	}
	if chores != nil {
		if m.Sections.ChoreReport, err = chores(m.Date); err != nil {
			return fmt.Errorf("prefill the chore coordinator's report: %w", err)
		}
	}
	return nil
}

// milestonesText lists the sobriety milestones of the house week holding
// d, and the week's moves up a phase (moves down stay private).
func (s *Store) milestonesText(d Date) (string, error) {
	h, err := s.House()
	if err != nil {
		return "", err
	}
	from, to := h.Week(d)
	cs, err := s.MilestonesIn(from, to)
	if err != nil {
		return "", fmt.Errorf("find milestones to celebrate: %w", err)
	}
	var lines []string
	for _, c := range cs {
		lines = append(lines, fmt.Sprintf("%s: %s on %s", c.Resident.Display(), c.Milestone.Name, c.Milestone.Date.Pretty()))
	}
	moves, err := s.PhaseChangesIn(from, to)
	if err != nil {
		return "", fmt.Errorf("find phase moves to celebrate: %w", err)
	}
	for _, c := range moves {
		if c.Up {
			lines = append(lines, fmt.Sprintf("%s: moved up to %s on %s", c.Name, c.To, c.Celebrate.Pretty()))
		}
	}
	return strings.Join(lines, "\n"), nil
}

// prefillBusiness fills last minutes, officers' reports and old business.
func (s *Store) prefillBusiness(m *Meeting) error {
	last, ok, err := s.LastMeeting(m.Kind, m.Date)
	if err != nil {
		return err
	}
	if ok {
		m.Sections.LastMinutes = LastMinutes{MeetingID: last.ID, Number: last.Number, Date: last.Date}
	}
	officers, err := s.OfficersOn(m.Date)
	if err != nil {
		return err
	}
	for _, o := range officers {
		if o.Office != OfficeChoreCoordinator {
			m.Sections.OfficerReports = append(m.Sections.OfficerReports, OfficerReport{Office: o.Office, Name: o.Person.Name})
		}
	}
	m.Sections.OldBusiness.Carried, err = s.CarriedBusiness()
	return err
}

// insertMeeting numbers and writes a new meeting.
func (s *Store) insertMeeting(by Actor, m *Meeting) error {
	m.ID, m.V = newID(), schemaVersion
	err := s.write(by, "meeting.start", m.Kind.Label()+" on "+m.Date.String(), func(txn *badger.Txn) error {
		if err := checkNoDuplicate(txn, *m); err != nil {
			return err
		}
		n, err := nextMeetingNumber(txn, m.Kind)
		if err != nil {
			return err
		}
		m.Number = n
		key := meetingKey(m.Date, m.ID)
		if err := putJSON(txn, key, *m); err != nil {
			return err
		}
		return putJSON(txn, pfxMeetingID+m.ID, key)
	})
	return contextErr("start meeting", err)
}

// checkNoDuplicate refuses a second house business meeting on one date, or
// a second meeting of the same schedule. Emergency meetings may be called
// more than once a day.
func checkNoDuplicate(txn *badger.Txn, m Meeting) error {
	if m.Kind == MeetingEmergency {
		return nil
	}
	return scanJSON(txn, pfxMeeting+meetingDateKey(m.Date)+"/", func(o Meeting) error {
		if o.Kind == m.Kind && (m.Kind == MeetingHouse || o.ScheduleID == m.ScheduleID) {
			return fmt.Errorf("%w: %s is already open for %s; open it instead", ErrMeetingExists, o.Label(), o.Date.Pretty())
		}
		return nil
	})
}

func nextMeetingNumber(txn *badger.Txn, kind MeetingKind) (int, error) {
	var n int
	if err := getJSON(txn, pfxMeetingNo+string(kind), &n); err != nil && !errors.Is(err, ErrNotFound) {
		return 0, err
	}
	n++
	return n, putJSON(txn, pfxMeetingNo+string(kind), n)
}

// contextErr wraps err with what was being done, leaving a ValidationError
// as it is so a form can place its messages.
func contextErr(doing string, err error) error {
	var v ValidationError
	if err == nil || errors.As(err, &v) {
		return err
	}
	return fmt.Errorf("%s: %w", doing, err)
}

// --- saving the minutes --------------------------------------------------

// UpdateMeeting saves the secretary's changes: chair and secretary, roll,
// sections, motions (outcomes computed; a motion without a rule gets the
// house's rule for its type), action items. ID, number, kind, date and
// status are kept as stored; change status with BeginMeeting,
// FinishMinutes and AcceptMinutes.
//
// Saving also closes, at their source, carried items marked done; and a
// passed MotionAcceptMinutes accepts the minutes of Sections.LastMinutes.
//
// Changing minutes already accepted is allowed with a reason, which is
// recorded in the meeting's Amendments and in the audit log; without one
// the change is refused (a ValidationError on FieldReasonEdit) and nothing
// is saved. reason is ignored otherwise.
func (s *Store) UpdateMeeting(by Actor, m Meeting, reason string) (Meeting, error) {
	old, err := s.Meeting(m.ID)
	if err != nil {
		return Meeting{}, err
	}
	reason = strings.TrimSpace(reason)
	if old.Accepted() && reason == "" {
		return Meeting{}, ValidationError{{FieldReasonEdit, fmt.Sprintf("the minutes of %s were accepted on %s; give a reason for changing them",
			old.Label(), old.AcceptedOn.Pretty())}}
	}
	settings, err := s.MeetingSettings()
	if err != nil {
		return Meeting{}, err
	}
	action, subject := "meeting.update", old.Label()+" on "+old.Date.String()
	if old.Accepted() {
		action, subject = "meeting.amend-accepted", subject+"; reason: "+reason
	}
	err = s.write(by, action, subject, func(txn *badger.Txn) error {
		var err error
		m, err = s.saveMeetingTxn(txn, by, m, reason, settings)
		return err
	})
	if err != nil {
		return Meeting{}, contextErr("save meeting", err)
	}
	return m, nil
}

// saveMeetingTxn merges m over the stored meeting, validates and writes it
// with its indexes and consequences.
func (s *Store) saveMeetingTxn(txn *badger.Txn, by Actor, m Meeting, reason string, settings MeetingSettings) (Meeting, error) {
	old, key, err := getMeeting(txn, m.ID)
	if err != nil {
		return Meeting{}, err
	}
	if old.Accepted() && reason == "" {
		return Meeting{}, ValidationError{{FieldReasonEdit, "these minutes were accepted a moment ago; give a reason for changing them"}}
	}
	m = mergeMeeting(old, m.clone(), settings)
	if v := m.validate(); len(v) > 0 {
		return Meeting{}, v
	}
	if old.Accepted() {
		m.Amendments = append(m.Amendments, Amendment{At: s.now(), By: by.String(), Reason: reason})
	}
	if err := putJSON(txn, key, m); err != nil {
		return Meeting{}, err
	}
	if err := reindexMeeting(txn, old, m); err != nil {
		return Meeting{}, err
	}
	if err := resolveCarried(txn, m); err != nil {
		return Meeting{}, err
	}
	return m, s.acceptByMotion(txn, by, m)
}

// mergeMeeting takes the editable parts of m over old, fills in IDs, vote
// rules and outcomes.
func mergeMeeting(old, m Meeting, settings MeetingSettings) Meeting {
	m.tidy()
	m.V, m.Number, m.Kind, m.ScheduleID, m.Date = schemaVersion, old.Number, old.Kind, old.ScheduleID, old.Date
	m.Status, m.AcceptedOn, m.AcceptedIn, m.Amendments = old.Status, old.AcceptedOn, old.AcceptedIn, old.Amendments
	keepClosed(old, &m)
	present := m.Present()
	for i := range m.Motions {
		mo := &m.Motions[i]
		if mo.ID == "" {
			mo.ID = newID()
		}
		if mo.Rule.IsZero() {
			mo.Rule = settings.RuleFor(mo.Type)
		}
		mo.Outcome = mo.Decide(present)
	}
	for i := range m.ActionItems {
		if m.ActionItems[i].ID == "" {
			m.ActionItems[i].ID = newID()
		}
	}
	return m
}

// reindexMeeting rewrites the motion, carry and attendance indexes of a meeting.
func reindexMeeting(txn *badger.Txn, old, m Meeting) error {
	if err := indexMotions(txn, old, m); err != nil {
		return err
	}
	if err := indexCarried(txn, old, m); err != nil {
		return err
	}
	return indexAttendance(txn, old, m)
}

// acceptByMotion accepts the last minutes when m holds a passed motion to
// accept them.
func (s *Store) acceptByMotion(txn *badger.Txn, by Actor, m Meeting) error {
	target := m.Sections.LastMinutes.MeetingID
	if target == "" || !passedMotion(m, MotionAcceptMinutes) {
		return nil
	}
	prev, key, err := getMeeting(txn, target)
	if err != nil || prev.Accepted() {
		return err
	}
	prev.Status, prev.AcceptedOn, prev.AcceptedIn = MeetingStatusAccepted, m.Date, m.ID
	if err := putJSON(txn, key, prev); err != nil {
		return err
	}
	return s.appendAudit(txn, by, "meeting.minutes-accepted", prev.Label()+" on "+prev.Date.String()+", by motion at "+m.Label())
}

func passedMotion(m Meeting, t MotionType) bool {
	for _, mo := range m.Motions {
		if mo.Type == t && mo.Outcome == OutcomePassed {
			return true
		}
	}
	return false
}

// AddMotion validates a motion against the meeting's roll call and adds it,
// saving the meeting (see UpdateMeeting; reason only for accepted minutes).
func (s *Store) AddMotion(by Actor, meetingID string, mo Motion, reason string) (Meeting, error) {
	m, err := s.Meeting(meetingID)
	if err != nil {
		return Meeting{}, err
	}
	if v := m.CheckMotion(mo); len(v) > 0 {
		return Meeting{}, v
	}
	m.Motions = append(slices.Clone(m.Motions), mo)
	return s.UpdateMeeting(by, m, reason)
}

// --- status --------------------------------------------------------------

// BeginMeeting opens a meeting started ahead of its day, on the day itself.
func (s *Store) BeginMeeting(by Actor, id string) (Meeting, error) {
	return s.changeStatus(by, id, "meeting.begin", func(m *Meeting) error {
		if m.Status != MeetingStatusScheduled {
			return fmt.Errorf("%s has already begun", m.Label())
		}
		if today := s.Today(); m.Date != today {
			return ValidationError{{FieldMeetingDate, fmt.Sprintf("%s is set for %s; it can begin on that day only (today is %s)",
				m.Label(), m.Date.Pretty(), today.Pretty())}}
		}
		m.Status = MeetingStatusInProgress
		return nil
	})
}

// FinishMinutes marks the minutes of a meeting in progress as taken. Every
// resident on the roll must be marked first.
func (s *Store) FinishMinutes(by Actor, id string) (Meeting, error) {
	return s.changeStatus(by, id, "meeting.minutes-taken", func(m *Meeting) error {
		if m.Status != MeetingStatusInProgress {
			return fmt.Errorf("%s is %s, not in progress", m.Label(), m.Status)
		}
		if names := m.Unmarked(); len(names) > 0 {
			return ValidationError{{"Roll call", "mark the roll for " + strings.Join(names, ", ") + " before finishing the minutes"}}
		}
		m.Status = MeetingStatusMinutesTaken
		return nil
	})
}

// AcceptMinutes accepts a meeting's finished minutes directly (e.g. a
// support group's, or by the manager); business meetings usually accept
// them by a MotionAcceptMinutes at the next meeting instead.
func (s *Store) AcceptMinutes(by Actor, id string) (Meeting, error) {
	return s.changeStatus(by, id, "meeting.minutes-accepted", func(m *Meeting) error {
		if m.Status != MeetingStatusMinutesTaken {
			return fmt.Errorf("%s is %s; finish the minutes before accepting them", m.Label(), m.Status)
		}
		m.Status, m.AcceptedOn = MeetingStatusAccepted, s.Today()
		return nil
	})
}

// changeStatus applies change to a stored meeting and saves it.
func (s *Store) changeStatus(by Actor, id, action string, change func(*Meeting) error) (Meeting, error) {
	var out Meeting
	err := s.db.Update(func(txn *badger.Txn) error {
		old, key, err := getMeeting(txn, id)
		if err != nil {
			return err
		}
		m := old
		if err := change(&m); err != nil {
			return err
		}
		if err := putJSON(txn, key, m); err != nil {
			return err
		}
		if err := indexAttendance(txn, old, m); err != nil {
			return err
		}
		out = m
		return s.appendAudit(txn, by, action, m.Label()+" on "+m.Date.String())
	})
	return out, contextErr("change meeting status", err)
}
