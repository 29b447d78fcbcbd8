package data

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	badger "github.com/dgraph-io/badger/v4"
)

// A Meeting is one meeting held (or about to be held) in the house, with
// its minutes: roll call, the agenda sections, motions and votes, and the
// action items it gave out. Start one with StartMeeting, save the
// secretary's changes with UpdateMeeting, and move it along with
// BeginMeeting, FinishMinutes and AcceptMinutes (meeting_run.go).
//
// Keys:
//
//	meeting/<YYYYMMDD>/<id>                      meetings, in date order
//	meetid/<id>                                  -> the meeting's key (index)
//	meetnum/<kind>                               last number given to a meeting of the kind
//	motion/<YYYYMMDD>/<meetingID>/<motionID>     motion digests, for search (index)
//	carry/<itemID>                               open action items and tabled motions (index)
//	attend/<residentID>/<YYYYMMDD>/<meetingID>   roll-call marks per resident (index)
//
// The indexes are written in the same transaction as the meeting.
const (
	pfxMeeting   = "meeting/"
	pfxMeetingID = "meetid/"
	pfxMeetingNo = "meetnum/"
)

// MeetingStatus is how far a meeting has got.
type MeetingStatus string

// Meeting statuses, in order.
const (
	MeetingStatusScheduled    MeetingStatus = "scheduled"        // started ahead of its day: agenda being prepared
	MeetingStatusInProgress   MeetingStatus = "in progress"      // being held today
	MeetingStatusMinutesTaken MeetingStatus = "minutes taken"    // the secretary has finished the minutes
	MeetingStatusAccepted     MeetingStatus = "minutes accepted" // the minutes were accepted; edits need a reason
)

// AttendanceStatus is a resident's mark on the roll call.
type AttendanceStatus string

// Roll-call marks. A new roll is all unmarked.
const (
	AttendUnmarked AttendanceStatus = ""
	AttendPresent  AttendanceStatus = "present"
	AttendLate     AttendanceStatus = "late"
	AttendExcused  AttendanceStatus = "excused" // with a reason
	AttendAbsent   AttendanceStatus = "absent"  // unexcused
)

// AttendanceStatuses lists the marks in the order the roll call offers them.
var AttendanceStatuses = []AttendanceStatus{AttendPresent, AttendLate, AttendExcused, AttendAbsent}

// Label is the mark as people read it: "Present", "Not marked".
func (a AttendanceStatus) Label() string {
	if a == AttendUnmarked {
		return "Not marked"
	}
	return strings.ToUpper(string(a[:1])) + string(a[1:])
}

// There reports whether the resident was at the meeting (present or late):
// they count as present for votes.
func (a AttendanceStatus) There() bool { return a == AttendPresent || a == AttendLate }

func (a AttendanceStatus) valid() bool {
	return a == AttendUnmarked || a == AttendPresent || a == AttendLate || a == AttendExcused || a == AttendAbsent
}

// PersonRef names a person in the minutes: a resident (with their ID) or
// anyone else by name. The name is a snapshot, so the minutes read the same
// after a resident leaves or changes their name.
type PersonRef struct {
	ResidentID string `json:"resident_id,omitempty"`
	Name       string `json:"name"`
}

// PersonOf refers to a resident by ID and full name.
func PersonOf(r Resident) PersonRef { return PersonRef{ResidentID: r.ID, Name: r.Display()} }

// IsZero reports whether nobody is named.
func (p PersonRef) IsZero() bool { return p.ResidentID == "" && strings.TrimSpace(p.Name) == "" }

// Same reports whether p and o are the same person: the same resident, or
// the same name (ignoring case) when either is not a resident.
func (p PersonRef) Same(o PersonRef) bool {
	if p.IsZero() || o.IsZero() {
		return false
	}
	if p.ResidentID != "" && o.ResidentID != "" {
		return p.ResidentID == o.ResidentID
	}
	return strings.EqualFold(strings.TrimSpace(p.Name), strings.TrimSpace(o.Name))
}

// Attendance is one line of the roll call.
type Attendance struct {
	ResidentID string           `json:"resident_id"`
	Name       string           `json:"name"` // snapshot at the meeting
	Status     AttendanceStatus `json:"status"`
	Reason     string           `json:"reason,omitempty"` // why excused
}

// MeetingSections are the agenda of a meeting, each free text. StartMeeting
// prefills what the house already knows.
type MeetingSections struct {
	Reading        string          `json:"reading"`                   // e.g. the Traditions, or the group's reading
	LastMinutes    LastMinutes     `json:"last_minutes"`              // accepted by a MotionAcceptMinutes motion
	OfficerReports []OfficerReport `json:"officer_reports,omitempty"` // one per officer in office
	ChoreReport    string          `json:"chore_report"`              // the chore coordinator's report
	Milestones     string          `json:"milestones"`                // sobriety milestones this week, one a line
	OldBusiness    OldBusiness     `json:"old_business"`              // carried from earlier meetings
	NewBusiness    string          `json:"new_business"`
	Notes          string          `json:"notes"` // anything else; the only notes of a support group
}

// LastMinutes points at the previous meeting of the same kind, whose
// minutes this meeting reads and accepts.
type LastMinutes struct {
	MeetingID string `json:"meeting_id,omitempty"` // empty: this is the first meeting of its kind
	Number    int    `json:"number,omitempty"`
	Date      Date   `json:"date"`
	Note      string `json:"note,omitempty"` // corrections read out, etc.
}

// OfficerReport is one officer's report at a business meeting.
type OfficerReport struct {
	Office Office `json:"office"`
	Name   string `json:"name"`
	Text   string `json:"text"`
}

// OldBusiness is what earlier meetings left open, plus free text.
type OldBusiness struct {
	Carried []CarriedItem `json:"carried,omitempty"`
	Notes   string        `json:"notes"`
}

// CarriedKind says what an item of old business is.
type CarriedKind string

// Kinds of old business.
const (
	CarriedActionItem   CarriedKind = "action item"
	CarriedTabledMotion CarriedKind = "tabled motion"
)

// CarriedItem is an open action item or a tabled motion of an earlier
// meeting, brought into this one. Setting Done and saving the meeting marks
// the action item done (or the tabled motion taken up) at its source, so
// it is not carried again.
type CarriedItem struct {
	Kind          CarriedKind `json:"kind"`
	ItemID        string      `json:"item_id"` // the action item's or the motion's ID
	FromMeetingID string      `json:"from_meeting_id"`
	FromNumber    int         `json:"from_number"`
	FromDate      Date        `json:"from_date"`
	Text          string      `json:"text"`
	Owner         PersonRef   `json:"owner"` // action items: who owns it; motions: the mover
	Due           Date        `json:"due"`
	Done          bool        `json:"done"`
	Note          string      `json:"note,omitempty"`
}

// Amendment records a change to minutes after they were accepted.
type Amendment struct {
	At     time.Time `json:"at"`
	By     string    `json:"by"`
	Reason string    `json:"reason"`
}

// Meeting is one meeting and its minutes.
type Meeting struct {
	V           int             `json:"v"`
	ID          string          `json:"id"`
	Number      int             `json:"number"` // 1, 2, 3 ... per kind
	Kind        MeetingKind     `json:"kind"`
	ScheduleID  string          `json:"schedule_id,omitempty"`
	Title       string          `json:"title,omitempty"` // the schedule's title, if any
	Place       string          `json:"place,omitempty"`
	Date        Date            `json:"date"`
	Start       ClockTime       `json:"start"`
	Adjourned   *ClockTime      `json:"adjourned,omitempty"`
	Chair       PersonRef       `json:"chair"`
	Secretary   PersonRef       `json:"secretary"`
	Status      MeetingStatus   `json:"status"`
	Roll        []Attendance    `json:"roll"`
	Sections    MeetingSections `json:"sections"`
	Motions     []Motion        `json:"motions,omitempty"`
	ActionItems []ActionItem    `json:"action_items,omitempty"`
	AcceptedOn  Date            `json:"accepted_on"`           // when the minutes were accepted
	AcceptedIn  string          `json:"accepted_in,omitempty"` // the meeting whose motion accepted them
	Amendments  []Amendment     `json:"amendments,omitempty"`  // changes after acceptance
}

// Label names the meeting: "House business meeting #12".
func (m Meeting) Label() string {
	name := m.Kind.Label()
	if t := strings.TrimSpace(m.Title); t != "" {
		name = t
	}
	if m.Number == 0 {
		return name
	}
	return name + " #" + strconv.Itoa(m.Number)
}

// Present counts the residents at the meeting (present or late): the most
// votes a motion can have.
func (m Meeting) Present() int {
	n := 0
	for _, a := range m.Roll {
		if a.Status.There() {
			n++
		}
	}
	return n
}

// Unmarked lists the names on the roll not yet marked.
func (m Meeting) Unmarked() []string {
	var out []string
	for _, a := range m.Roll {
		if a.Status == AttendUnmarked {
			out = append(out, a.Name)
		}
	}
	return out
}

// Accepted reports whether the minutes were accepted: changing them then
// needs a reason.
func (m Meeting) Accepted() bool { return m.Status == MeetingStatusAccepted }

// RollField names the roll-call line of a resident in a ValidationError.
func RollField(name string) string { return "Roll call: " + name }

// ActionItemField names a field of the i-th action item (from 0) in a
// ValidationError: "Action item 2: Owner".
func ActionItemField(i int, field string) string {
	return fmt.Sprintf("Action item %d: %s", i+1, field)
}

// validate checks the roll, the motions and the action items.
func (m Meeting) validate() ValidationError {
	var v ValidationError
	for _, a := range m.Roll {
		if !a.Status.valid() {
			v.add(RollField(a.Name), "choose present, late, excused or absent")
		}
		if a.Status == AttendExcused && strings.TrimSpace(a.Reason) == "" {
			v.add(RollField(a.Name), "give the reason for the excused absence")
		}
	}
	for i, mo := range m.Motions {
		for _, f := range m.CheckMotion(mo) {
			v.add(MotionField(i, f.Field), f.Msg)
		}
	}
	for i, it := range m.ActionItems {
		for _, f := range it.validate(m.Date) {
			v.add(ActionItemField(i, f.Field), f.Msg)
		}
	}
	return v
}

// clone copies m's slices, so changing the copy leaves m as it was.
func (m Meeting) clone() Meeting {
	m.Roll = slices.Clone(m.Roll)
	m.Motions = slices.Clone(m.Motions)
	m.ActionItems = slices.Clone(m.ActionItems)
	m.Amendments = slices.Clone(m.Amendments)
	m.Sections.OfficerReports = slices.Clone(m.Sections.OfficerReports)
	m.Sections.OldBusiness.Carried = slices.Clone(m.Sections.OldBusiness.Carried)
	return m
}

// tidy trims the free text people type.
func (m *Meeting) tidy() {
	for _, p := range []*string{&m.Chair.Name, &m.Secretary.Name, &m.Title, &m.Place} {
		*p = strings.TrimSpace(*p)
	}
	for i := range m.Roll {
		m.Roll[i].Reason = strings.TrimSpace(m.Roll[i].Reason)
	}
	for i := range m.Motions {
		m.Motions[i].tidy()
	}
	for i := range m.ActionItems {
		m.ActionItems[i].tidy()
	}
}

// --- keys and reads --------------------------------------------------------

// meetingDateKey is a date as it sorts in keys: YYYYMMDD.
func meetingDateKey(d Date) string { return fmt.Sprintf("%04d%02d%02d", d.Year, d.Month, d.Day) }

func meetingKey(d Date, id string) string { return pfxMeeting + meetingDateKey(d) + "/" + id }

// keyRangeJSON decodes the records whose keys k satisfy lo <= k < hi, all
// under prefix, in key order (reverse: newest first). fn returns false to stop.
func keyRangeJSON[T any](txn *badger.Txn, prefix, lo, hi string, reverse bool, fn func(string, T) (bool, error)) error {
	it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte(prefix), Reverse: reverse, PrefetchValues: true, PrefetchSize: 32})
	defer it.Close()
	seek := lo
	if reverse {
		seek = hi
	}
	for it.Seek([]byte(seek)); it.Valid(); it.Next() {
		key := string(it.Item().Key())
		if key < lo || key >= hi {
			if (reverse && key < lo) || (!reverse && key >= hi) {
				return nil
			}
			continue
		}
		var v T
		if err := it.Item().Value(func(b []byte) error { return json.Unmarshal(b, &v) }); err != nil {
			return fmt.Errorf("decode %s: %w", keyKind(prefix), err)
		}
		more, err := fn(key, v)
		if err != nil || !more {
			return err
		}
	}
	return nil
}

// dateRange returns the key bounds of [from, to] under prefix.
func dateRange(prefix string, from, to Date) (string, string) {
	return prefix + meetingDateKey(from), prefix + meetingDateKey(to.AddDays(1))
}

// getMeeting reads a meeting by ID, with its key.
func getMeeting(txn *badger.Txn, id string) (Meeting, string, error) {
	var key string
	if err := getJSON(txn, pfxMeetingID+id, &key); err != nil {
		return Meeting{}, "", fmt.Errorf("find meeting: %w", err)
	}
	var m Meeting
	if err := getJSON(txn, key, &m); err != nil {
		return Meeting{}, "", fmt.Errorf("read meeting: %w", err)
	}
	return m, key, nil
}

// Meeting returns one meeting.
func (s *Store) Meeting(id string) (Meeting, error) {
	var m Meeting
	err := s.read(func(txn *badger.Txn) error {
		var err error
		m, _, err = getMeeting(txn, id)
		return err
	})
	return m, err
}

// Meetings lists the meetings dated within [from, to], by date and start time.
func (s *Store) Meetings(from, to Date) ([]Meeting, error) {
	var out []Meeting
	lo, hi := dateRange(pfxMeeting, from, to)
	err := s.read(func(txn *badger.Txn) error {
		return keyRangeJSON(txn, pfxMeeting, lo, hi, false, func(_ string, m Meeting) (bool, error) {
			out = append(out, m)
			return true, nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("list meetings: %w", err)
	}
	sortBy(out, func(m Meeting) string { return m.Date.String() + " " + m.Start.String() })
	return out, nil
}

// RecentMeetings lists up to limit meetings dated on or before `before`,
// newest first: the meetings screen's history list, page by page.
func (s *Store) RecentMeetings(before Date, limit int) ([]Meeting, error) {
	var out []Meeting
	if limit <= 0 {
		return nil, nil
	}
	hi := pfxMeeting + meetingDateKey(before.AddDays(1))
	err := s.read(func(txn *badger.Txn) error {
		return keyRangeJSON(txn, pfxMeeting, pfxMeeting, hi, true, func(_ string, m Meeting) (bool, error) {
			out = append(out, m)
			return len(out) < limit, nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("list recent meetings: %w", err)
	}
	return out, nil
}

// LastMeeting returns the latest meeting of a kind dated before `before`.
func (s *Store) LastMeeting(kind MeetingKind, before Date) (Meeting, bool, error) {
	var found Meeting
	err := s.read(func(txn *badger.Txn) error {
		var err error
		found, err = lastMeetingTxn(txn, kind, before)
		return err
	})
	if err != nil {
		return Meeting{}, false, fmt.Errorf("find last %s: %w", kind.Label(), err)
	}
	return found, found.ID != "", nil
}

func lastMeetingTxn(txn *badger.Txn, kind MeetingKind, before Date) (Meeting, error) {
	var found Meeting
	hi := pfxMeeting + meetingDateKey(before)
	err := keyRangeJSON(txn, pfxMeeting, pfxMeeting, hi, true, func(_ string, m Meeting) (bool, error) {
		if m.Kind == kind {
			found = m
			return false, nil
		}
		return true, nil
	})
	return found, err
}
