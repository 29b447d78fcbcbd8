package data

// The sign-out sheet by the door: who went where, when they expect to be
// back, when they came back, and whether that was after curfew.
//
// Nights and curfew. A night belongs to the date it starts on and runs
// from 05:00 that day to 05:00 the next (NightCutoffHour). A sign-out at
// 01:00 on Saturday belongs to Friday night. Each night has a curfew window
// from that night's curfew (Sunday to Thursday nights: the weeknight curfew;
// Friday and Saturday nights: the weekend curfew; a phase may override
// both) until 05:00 next morning. A curfew clock time from 00:00 to 04:59
// falls after midnight, on the next calendar day.
//
// An outing is late when any moment of it, from sign-out to sign-in, lies
// inside a curfew window and no overnight pass covers that moment. For the
// usual outing that starts before curfew this is simply "signed in after
// the curfew of the night they went out on": out 21:00 Friday, in 00:30
// Saturday with a 23:59 weekend curfew is late; in at 23:30 is on time. A
// sign-out inside the window (01:00 or 04:30 Saturday) is late whenever
// they come back: leaving during curfew hours needs a pass. Times are
// turned into instants with time.Date in the house's time zone, so a
// 23-hour or 25-hour day around a daylight-saving change moves nothing.
//
// Keys (see store.go for the others):
//
//	sign/<ts><rand>                  sign entries, by sign-out time
//	signres/<residentID>/<ts><rand>  -> entry ID: one resident's entries
//	out/<residentID>                 -> entry ID of the open outing
//	pass/<residentID>/<ts><rand>     overnight passes, by start time
//
// <ts> is timeKey: 16 hex digits of the big-endian Unix nanoseconds. An
// entry's ID is its key without the prefix. The indexes are written in the
// same transaction as the entry.

import (
	"errors"
	"fmt"
	"time"
	"unicode/utf8"

	badger "github.com/dgraph-io/badger/v4"
)

const (
	pfxSign    = "sign/"
	pfxSignRes = "signres/"
	pfxOutNow  = "out/"
	pfxPass    = "pass/"
)

// NightCutoffHour is when one night ends and the next day begins (05:00).
const NightCutoffHour = 5

// MaxPass is the longest overnight pass accepted.
const MaxPass = 31 * 24 * time.Hour

// Field names of the sign-out, correction and pass forms.
const (
	FieldDestination  = "Where to"
	FieldWhere        = "Details"
	FieldExpectedBack = "Expected back"
	FieldSignedOut    = "Signed out"
	FieldSignedIn     = "Signed in"
	FieldPassFrom     = "From"
	FieldPassTo       = "To"
	FieldPassWhere    = "Where"
	FieldApprovedBy   = "Approved by"
	// FieldReason ("Reason", in resident.go) is the correction's reason.
)

// Errors of the sign-out sheet.
var (
	ErrAlreadyOut = errors.New("already signed out; sign in first")
	ErrNotOut     = errors.New("not signed out")
)

// Destination is the kind of place a resident goes.
type Destination string

// The destinations offered at the kiosk.
const (
	DestWork        Destination = "work"
	DestJobSearch   Destination = "job search"
	DestMeeting     Destination = "meeting"
	DestAppointment Destination = "appointment"
	DestErrand      Destination = "errand"
	DestFamily      Destination = "family"
	DestOther       Destination = "other" // needs a short text
)

// Destinations lists the destinations in the kiosk's order.
var Destinations = []Destination{
	DestWork, DestJobSearch, DestMeeting, DestAppointment, DestErrand, DestFamily, DestOther,
}

// maxWhere is the longest destination text: a short note, not a diary.
const maxWhere = 60

// PhaseCurfew overrides the house curfews for one phase.
type PhaseCurfew struct {
	Weeknight ClockTime `json:"weeknight"`
	Weekend   ClockTime `json:"weekend"`
}

// CurfewFor is the curfew clock time for a resident in phase on the night
// starting on date night: the phase's override if the house has one, else
// the house's.
func (h House) CurfewFor(phase string, night Date) ClockTime {
	pc, ok := h.PhaseCurfews[phase]
	if !ok {
		return h.Curfew(night)
	}
	if wd := night.Weekday(); wd == time.Friday || wd == time.Saturday {
		return pc.Weekend
	}
	return pc.Weeknight
}

// CurfewAt is the instant of curfew on the night starting on date night, in
// loc. A curfew clock before NightCutoffHour falls on the next day.
func (h House) CurfewAt(phase string, night Date, loc *time.Location) time.Time {
	c := h.CurfewFor(phase, night)
	d := night
	if c.Hour < NightCutoffHour {
		d = night.AddDays(1)
	}
	return d.At(c.Hour, c.Min, loc)
}

// NightOf is the night that instant t (in its own location) belongs to:
// its date, or the day before when the clock reads before 05:00.
func NightOf(t time.Time) Date {
	if t.Hour() < NightCutoffHour {
		return DateOf(t).AddDays(-1)
	}
	return DateOf(t)
}

// nightEnd is the end of a night's curfew window: 05:00 the next day.
func nightEnd(night Date, loc *time.Location) time.Time {
	return night.AddDays(1).At(NightCutoffHour, 0, loc)
}

// houseZone is the house's time zone: the zone of the store's clock (the
// computer's local zone, or a test's).
func (s *Store) houseZone() *time.Location { return s.now().Location() }

// SignEntry is one line of the sign-out sheet. A correction never edits an
// entry in place: it writes a new version whose Corrects names the one it
// replaces, and marks the old one SupersededBy, so the original is kept.
type SignEntry struct {
	V            int         `json:"v"`
	ID           string      `json:"id"`
	ResidentID   string      `json:"resident_id"`
	Kind         Destination `json:"kind"`
	Where        string      `json:"where,omitempty"`
	Out          time.Time   `json:"out"`
	ExpectedBack time.Time   `json:"expected_back"`
	In           time.Time   `json:"in,omitzero"` // zero while out
	// Curfew is the curfew of the night the outing began.
	Curfew time.Time `json:"curfew"`
	// Late: part of the outing fell in curfew hours with no pass (set at
	// sign-in).
	Late  bool  `json:"late"`
	OutBy Actor `json:"out_by"`
	InBy  Actor `json:"in_by,omitzero"`
	// Missed marks an entry a manager added afterwards.
	Missed       bool   `json:"missed,omitempty"`
	Corrects     string `json:"corrects,omitempty"`      // ID of the version replaced
	SupersededBy string `json:"superseded_by,omitempty"` // ID of the newer version
	Reason       string `json:"reason,omitempty"`        // why it was added or corrected
}

// IsOut reports whether the resident has not signed back in.
func (e SignEntry) IsOut() bool { return e.In.IsZero() }

// OnTime reports whether the resident signed in and was not late.
func (e SignEntry) OnTime() bool { return !e.In.IsZero() && !e.Late }

// Current reports whether this is the latest version of the entry.
func (e SignEntry) Current() bool { return e.SupersededBy == "" }

// Outing is a resident who is out now, for the manager's dashboard.
type Outing struct {
	EntryID      string
	ResidentID   string
	Name         string // "María N."
	Kind         Destination
	Where        string
	Since        time.Time
	ExpectedBack time.Time
	Curfew       time.Time // curfew of the night they went out on
	// PastCurfew: out during curfew hours (now or earlier in this outing)
	// with no pass covering it.
	PastCurfew bool
	Overdue    bool // now is after ExpectedBack
	OnPass     bool // an overnight pass covers now
}

// --- the kiosk: sign out, sign in --------------------------------------

// SignOut records that a resident is going out: where (kind, and a short
// text, needed for "other") and when they expect to be back. A zero
// expectedBack means the resident's curfew for the night. A resident at the
// kiosk (KioskActor) can only sign themself out. A resident already out
// gets ErrAlreadyOut.
func (s *Store) SignOut(by Actor, residentID string, kind Destination, where string, expectedBack time.Time) (SignEntry, error) {
	return s.signOutAt(by, residentID, kind, where, s.now(), expectedBack)
}

func (s *Store) signOutAt(by Actor, residentID string, kind Destination, where string, at, expectedBack time.Time) (SignEntry, error) {
	r, h, err := s.signResident(by, residentID, true)
	if err != nil {
		return SignEntry{}, err
	}
	loc := s.houseZone()
	at = at.In(loc)
	e := SignEntry{
		V: schemaVersion, ID: timeID(at), ResidentID: r.ID, Kind: kind, Where: tidyText(where),
		Out: at, ExpectedBack: expectedBack, OutBy: by,
		Curfew: h.CurfewAt(r.Phase, NightOf(at), loc),
	}
	if e.ExpectedBack.IsZero() {
		e.ExpectedBack = e.Curfew
	}
	if v := validateOuting(e, expectedBack.IsZero()); len(v) > 0 {
		return SignEntry{}, v
	}
	err = s.write(by, "kiosk.sign-out", r.Short(), func(txn *badger.Txn) error {
		if err := refuseIfOut(txn, r.ID); err != nil {
			return err
		}
		return putSignEntry(txn, e)
	})
	if err != nil {
		return SignEntry{}, fmt.Errorf("sign out %s: %w", r.Short(), err)
	}
	return e, nil
}

// refuseIfOut returns ErrAlreadyOut when the resident has an open outing.
func refuseIfOut(txn *badger.Txn, residentID string) error {
	_, open, err := openOuting(txn, residentID)
	if err != nil {
		return err
	}
	if open {
		return ErrAlreadyOut
	}
	return nil
}

func validateOuting(e SignEntry, defaultBack bool) ValidationError {
	var v ValidationError
	switch {
	case !validDestination(e.Kind):
		v.add(FieldDestination, "choose where you are going")
	case e.Kind == DestOther && e.Where == "":
		v.add(FieldWhere, "say in a few words where you are going")
	}
	if utf8.RuneCountInString(e.Where) > maxWhere {
		v.add(FieldWhere, fmt.Sprintf("keep it short: at most %d characters", maxWhere))
	}
	if !defaultBack && e.ExpectedBack.Before(e.Out) {
		v.add(FieldExpectedBack, "the time you expect to be back is already past")
	}
	return v
}

func validDestination(d Destination) bool {
	for _, x := range Destinations {
		if x == d {
			return true
		}
	}
	return false
}

// SignIn records that a resident is back, and returns the finished entry:
// Late tells whether any of the outing fell in curfew hours without a pass
// (OnTime is its opposite). A resident who is not out gets ErrNotOut.
func (s *Store) SignIn(by Actor, residentID string) (SignEntry, error) {
	return s.signInAt(by, residentID, s.now())
}

func (s *Store) signInAt(by Actor, residentID string, at time.Time) (SignEntry, error) {
	r, h, err := s.signResident(by, residentID, false)
	if err != nil {
		return SignEntry{}, err
	}
	loc := s.houseZone()
	var e SignEntry
	err = s.write(by, "kiosk.sign-in", r.Short(), func(txn *badger.Txn) error {
		id, open, err := openOuting(txn, r.ID)
		if err != nil {
			return err
		}
		if !open {
			return ErrNotOut
		}
		if err := getJSON(txn, pfxSign+id, &e); err != nil {
			return fmt.Errorf("read open outing: %w", err)
		}
		e.In, e.InBy = latest(at.In(loc), e.Out), by
		if e.Late, err = lateness(txn, h, r, e, loc); err != nil {
			return err
		}
		return putSignEntry(txn, e)
	})
	if err != nil {
		return SignEntry{}, fmt.Errorf("sign in %s: %w", r.Short(), err)
	}
	return e, nil
}

func latest(a, b time.Time) time.Time {
	if a.Before(b) {
		return b
	}
	return a
}

// signResident loads the resident and house for a sign-out sheet write and
// checks the actor may act for them.
func (s *Store) signResident(by Actor, residentID string, mustBeActive bool) (Resident, House, error) {
	if err := requireSelfOrStaff(by, residentID); err != nil {
		return Resident{}, House{}, err
	}
	r, err := s.Resident(residentID)
	if err != nil {
		return Resident{}, House{}, err
	}
	if mustBeActive && !r.Active() {
		return Resident{}, House{}, fmt.Errorf("%s has moved out", r.Short())
	}
	h, err := s.House()
	return r, h, err
}

// openOuting returns the ID of the resident's open outing, if any.
func openOuting(txn *badger.Txn, residentID string) (string, bool, error) {
	var id string
	err := getJSON(txn, pfxOutNow+residentID, &id)
	if errors.Is(err, ErrNotFound) {
		return "", false, nil
	}
	if err != nil {
		return "", false, err
	}
	return id, true, nil
}

// putSignEntry writes an entry, its per-resident index, and the out-now
// index: set while the entry is open, removed when it closes or is
// superseded.
func putSignEntry(txn *badger.Txn, e SignEntry) error {
	if err := putJSON(txn, pfxSign+e.ID, e); err != nil {
		return err
	}
	if err := putJSON(txn, pfxSignRes+e.ResidentID+"/"+e.ID, e.ID); err != nil {
		return err
	}
	openID, open, err := openOuting(txn, e.ResidentID)
	if err != nil {
		return err
	}
	switch {
	case e.IsOut() && e.Current():
		return putJSON(txn, pfxOutNow+e.ResidentID, e.ID)
	case open && openID == e.ID:
		if err := txn.Delete([]byte(pfxOutNow + e.ResidentID)); err != nil {
			return fmt.Errorf("update out-now index: %w", err)
		}
	}
	return nil
}

// lateness decides whether entry e (signed in) was late.
func lateness(txn *badger.Txn, h House, r Resident, e SignEntry, loc *time.Location) (bool, error) {
	passes, err := passesBetween(txn, r.ID, e.Out, e.In)
	if err != nil {
		return false, err
	}
	return curfewBreached(h, r.Phase, e.Out, e.In, passes, loc), nil
}

// curfewBreached reports whether any moment of [out, in) lies inside a
// night's curfew window without a pass covering it. passes must be sorted
// by From.
func curfewBreached(h House, phase string, out, in time.Time, passes []Pass, loc *time.Location) bool {
	out, in = out.In(loc), in.In(loc)
	for n := NightOf(out); !n.After(NightOf(in)); n = n.AddDays(1) {
		a := latest(out, h.CurfewAt(phase, n, loc))
		b := nightEnd(n, loc)
		if in.Before(b) {
			b = in
		}
		if a.Before(b) && !passesCover(passes, a, b) {
			return true
		}
	}
	return false
}

// passesCover reports whether passes (sorted by From) cover all of [a, b).
func passesCover(passes []Pass, a, b time.Time) bool {
	cur := a
	for _, p := range passes {
		if p.From.After(cur) {
			break
		}
		cur = latest(cur, p.To)
	}
	return !cur.Before(b)
}
