package data

import (
	"fmt"
	"strings"
	"time"

	badger "github.com/dgraph-io/badger/v4"
)

// Meetings held in the house: the weekly business meeting, peer support
// groups, in-house 12-step and SMART meetings, and emergency meetings called
// at any time. A MeetingSchedule says when a kind of meeting recurs; a
// Meeting (meeting.go) is one meeting actually held, with its minutes.

// MeetingKind is what a meeting is for.
type MeetingKind string

// The kinds of meeting a house holds.
const (
	MeetingHouse       MeetingKind = "house"        // the house business meeting
	MeetingPeerSupport MeetingKind = "peer-support" // peer support group
	MeetingTwelveStep  MeetingKind = "12-step"      // in-house 12-step meeting
	MeetingSMART       MeetingKind = "smart"        // in-house SMART Recovery meeting
	MeetingEmergency   MeetingKind = "emergency"    // called at any time, one-off
)

// MeetingKinds lists the kinds in the order forms offer them.
var MeetingKinds = []MeetingKind{MeetingHouse, MeetingPeerSupport, MeetingTwelveStep, MeetingSMART, MeetingEmergency}

// Label is how people name the kind: "House business meeting".
func (k MeetingKind) Label() string {
	switch k {
	case MeetingHouse:
		return "House business meeting"
	case MeetingPeerSupport:
		return "Peer support group"
	case MeetingTwelveStep:
		return "In-house 12-step meeting"
	case MeetingSMART:
		return "In-house SMART Recovery meeting"
	case MeetingEmergency:
		return "Emergency house meeting"
	}
	return string(k)
}

// Valid reports whether k is one of MeetingKinds.
func (k MeetingKind) Valid() bool {
	for _, v := range MeetingKinds {
		if v == k {
			return true
		}
	}
	return false
}

// Business reports whether meetings of this kind do house business: roll
// call that counts toward accountability, officers' reports, old and new
// business, motions and votes. Support groups and 12-step or SMART meetings
// keep a roll and notes only.
func (k MeetingKind) Business() bool { return k == MeetingHouse || k == MeetingEmergency }

// DefaultMeetingLength is how long a meeting without an end time is taken
// to last, e.g. to tell whether it is still the "next" meeting.
const DefaultMeetingLength = time.Hour

// MeetingSchedule is a recurring meeting: a kind of meeting on a weekday
// at a local clock time, or a one-off on a date (emergency meetings). The
// wall-clock time is kept across daylight-saving changes: a Sunday 19:00
// meeting is at 19:00 on both sides of the change.
type MeetingSchedule struct {
	V       int          `json:"v"`
	ID      string       `json:"id"`
	Kind    MeetingKind  `json:"kind"`
	Title   string       `json:"title,omitempty"` // optional, e.g. "Wednesday peer group"
	Place   string       `json:"place,omitempty"` // optional, e.g. "Living room"
	Weekday time.Weekday `json:"weekday"`         // weekly schedules
	Start   ClockTime    `json:"start"`
	End     *ClockTime   `json:"end,omitempty"` // optional; must be after Start
	Once    Date         `json:"once"`          // a one-off on this date; weekly when zero
	From    Date         `json:"from"`          // first date it runs; zero: no limit
	Until   Date         `json:"until"`         // last date it runs; zero: no end
}

// Schedule form field names, shared with the UI so errors land by the field.
const (
	FieldMeetingKind  = "Kind of meeting"
	FieldMeetingDay   = "Day"
	FieldMeetingStart = "Start time"
	FieldMeetingEnd   = "End time"
	FieldMeetingOnce  = "Date"
	FieldMeetingUntil = "Last date"
)

// Name is the schedule's title, or its kind's label.
func (sc MeetingSchedule) Name() string {
	if t := strings.TrimSpace(sc.Title); t != "" {
		return t
	}
	return sc.Kind.Label()
}

// Weekly reports whether the schedule recurs (rather than happening once).
func (sc MeetingSchedule) Weekly() bool { return sc.Once.IsZero() }

// Describe is a one-line summary: "Sundays 19:00–20:00" or "Tue 4 Mar 2025 18:30".
func (sc MeetingSchedule) Describe() string {
	when := sc.Start.String()
	if sc.End != nil {
		when += "–" + sc.End.String()
	}
	if !sc.Weekly() {
		return sc.Once.Pretty() + " " + when
	}
	return sc.Weekday.String() + "s " + when
}

// validate checks a schedule field by field.
func (sc MeetingSchedule) validate() ValidationError {
	var v ValidationError
	if !sc.Kind.Valid() {
		v.add(FieldMeetingKind, "choose the kind of meeting")
	}
	if sc.Kind == MeetingEmergency && sc.Weekly() {
		v.add(FieldMeetingOnce, "an emergency meeting happens once: enter its date")
	}
	if sc.Weekday < time.Sunday || sc.Weekday > time.Saturday {
		v.add(FieldMeetingDay, "choose a day of the week")
	}
	if !validClock(sc.Start) {
		v.add(FieldMeetingStart, "enter a time between 00:00 and 23:59")
	}
	if sc.End != nil && (!validClock(*sc.End) || clockMinutes(*sc.End) <= clockMinutes(sc.Start)) {
		v.add(FieldMeetingEnd, "the end time must be after the start time ("+sc.Start.String()+"), on the same day")
	}
	if !sc.Until.IsZero() && !sc.From.IsZero() && sc.Until.Before(sc.From) {
		v.add(FieldMeetingUntil, "the last date is before the first date")
	}
	return v
}

func validClock(c ClockTime) bool { return c.Hour >= 0 && c.Hour < 24 && c.Min >= 0 && c.Min < 60 }

func clockMinutes(c ClockTime) int { return c.Hour*60 + c.Min }

// Occurrence is one meeting a schedule calls for: a date and a local
// clock time.
type Occurrence struct {
	ScheduleID string      `json:"schedule_id"`
	Kind       MeetingKind `json:"kind"`
	Title      string      `json:"title"` // the schedule's Name
	Place      string      `json:"place,omitempty"`
	Date       Date        `json:"date"`
	Start      ClockTime   `json:"start"`
	End        *ClockTime  `json:"end,omitempty"`
}

// At is the instant the meeting starts, at its local clock time in loc. A
// start time that daylight saving skips (02:30 on the spring change) falls
// an hour later, as time.Date places it.
func (o Occurrence) At(loc *time.Location) time.Time {
	return o.Date.At(o.Start.Hour, o.Start.Min, loc)
}

// EndsAt is the instant the meeting ends: its end time, or
// DefaultMeetingLength after the start.
func (o Occurrence) EndsAt(loc *time.Location) time.Time {
	if o.End == nil {
		return o.At(loc).Add(DefaultMeetingLength)
	}
	return o.Date.At(o.End.Hour, o.End.Min, loc)
}

// Over reports whether the meeting has ended by now (in now's location).
func (o Occurrence) Over(now time.Time) bool { return !now.Before(o.EndsAt(now.Location())) }

// Occurrences lists the meetings the schedule calls for within [from, to],
// in date order. Weekly dates step by calendar days, so month and year ends
// and daylight-saving changes keep the weekday and the clock time.
func (sc MeetingSchedule) Occurrences(from, to Date) []Occurrence {
	if !sc.From.IsZero() && sc.From.After(from) {
		from = sc.From
	}
	if !sc.Until.IsZero() && sc.Until.Before(to) {
		to = sc.Until
	}
	if !sc.Weekly() {
		if sc.Once.Before(from) || sc.Once.After(to) {
			return nil
		}
		return []Occurrence{sc.occurrence(sc.Once)}
	}
	var out []Occurrence
	first := from.AddDays((int(sc.Weekday) - int(from.Weekday()) + 7) % 7)
	for d := first; !d.After(to); d = d.AddDays(7) {
		out = append(out, sc.occurrence(d))
	}
	return out
}

func (sc MeetingSchedule) occurrence(d Date) Occurrence {
	return Occurrence{ScheduleID: sc.ID, Kind: sc.Kind, Title: sc.Name(), Place: sc.Place, Date: d, Start: sc.Start, End: sc.End}
}

// Next returns the schedule's first meeting that is not over at now: a
// meeting in progress is still "next". False when the schedule has ended.
func (sc MeetingSchedule) Next(now time.Time) (Occurrence, bool) {
	if !sc.Weekly() {
		o := sc.occurrence(sc.Once)
		return o, !o.Over(now)
	}
	today := DateOf(now)
	from := today
	if !sc.From.IsZero() && sc.From.After(today) {
		from = sc.From
	}
	for _, o := range sc.Occurrences(from, from.AddDays(14)) {
		if !o.Over(now) {
			return o, true
		}
	}
	return Occurrence{}, false
}

// --- store ---------------------------------------------------------------

const pfxSchedule = "sched/" // sched/<id>: meeting schedules

// MeetingSchedules lists the house's meeting schedules, weekly ones by day
// and time, then one-offs by date.
func (s *Store) MeetingSchedules() ([]MeetingSchedule, error) {
	var out []MeetingSchedule
	err := s.read(func(txn *badger.Txn) error {
		return scanJSON(txn, pfxSchedule, func(sc MeetingSchedule) error { out = append(out, sc); return nil })
	})
	if err != nil {
		return nil, fmt.Errorf("list meeting schedules: %w", err)
	}
	sortBy(out, scheduleOrder)
	return out, nil
}

func scheduleOrder(sc MeetingSchedule) string {
	if sc.Weekly() {
		return fmt.Sprintf("0 %d %s", sc.Weekday, sc.Start)
	}
	return "1 " + sc.Once.String() + " " + sc.Start.String()
}

// MeetingSchedule returns one schedule.
func (s *Store) MeetingSchedule(id string) (MeetingSchedule, error) {
	var sc MeetingSchedule
	err := s.read(func(txn *badger.Txn) error { return getJSON(txn, pfxSchedule+id, &sc) })
	if err != nil {
		return MeetingSchedule{}, fmt.Errorf("read meeting schedule: %w", err)
	}
	return sc, nil
}

// SaveMeetingSchedule adds a schedule (empty ID) or updates one. Meetings
// already held keep their date and time.
func (s *Store) SaveMeetingSchedule(by Actor, sc MeetingSchedule) (MeetingSchedule, error) {
	sc.Title, sc.Place = strings.TrimSpace(sc.Title), strings.TrimSpace(sc.Place)
	if v := sc.validate(); len(v) > 0 {
		return MeetingSchedule{}, v
	}
	action := "meeting-schedule.update"
	if sc.ID == "" {
		sc.ID, action = newID(), "meeting-schedule.add"
	}
	sc.V = schemaVersion
	err := s.write(by, action, sc.Name()+", "+sc.Describe(), func(txn *badger.Txn) error {
		return putJSON(txn, pfxSchedule+sc.ID, sc)
	})
	if err != nil {
		return MeetingSchedule{}, fmt.Errorf("save meeting schedule: %w", err)
	}
	return sc, nil
}

// DeleteMeetingSchedule removes a schedule. Meetings held under it stay.
func (s *Store) DeleteMeetingSchedule(by Actor, id string) error {
	sc, err := s.MeetingSchedule(id)
	if err != nil {
		return err
	}
	err = s.write(by, "meeting-schedule.delete", sc.Name()+", "+sc.Describe(), func(txn *badger.Txn) error {
		return txn.Delete([]byte(pfxSchedule + id))
	})
	if err != nil {
		return fmt.Errorf("delete meeting schedule: %w", err)
	}
	return nil
}

// UpcomingMeetings lists every schedule's meetings within [from, to], by
// date and time.
func (s *Store) UpcomingMeetings(from, to Date) ([]Occurrence, error) {
	scheds, err := s.MeetingSchedules()
	if err != nil {
		return nil, err
	}
	var out []Occurrence
	for _, sc := range scheds {
		out = append(out, sc.Occurrences(from, to)...)
	}
	sortBy(out, func(o Occurrence) string { return o.Date.String() + " " + o.Start.String() })
	return out, nil
}

// NextMeeting returns the first scheduled meeting that is not over at now
// (a meeting in progress counts), for the dashboard. False when no schedule
// has a meeting coming.
func (s *Store) NextMeeting(now time.Time) (Occurrence, bool, error) {
	scheds, err := s.MeetingSchedules()
	if err != nil {
		return Occurrence{}, false, err
	}
	var best Occurrence
	found := false
	for _, sc := range scheds {
		o, ok := sc.Next(now)
		if ok && (!found || o.At(now.Location()).Before(best.At(now.Location()))) {
			best, found = o, true
		}
	}
	return best, found, nil
}
