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
// starting on date night: the phase record's own curfew if it has one,
// else the house's.
func (h House) CurfewFor(phase string, night Date) ClockTime {
	p, ok := h.PhaseNamed(phase)
	if !ok || !p.OwnCurfew {
		return h.Curfew(night)
	}
	if wd := night.Weekday(); wd == time.Friday || wd == time.Saturday {
		return p.CurfewWeekend
	}
	return p.CurfewWeeknight
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

// Pass is an overnight pass: curfew does not apply to the resident within
// [From, To).
type Pass struct {
	V          int       `json:"v"`
	ID         string    `json:"id"`
	ResidentID string    `json:"resident_id"`
	From       time.Time `json:"from"`
	To         time.Time `json:"to"`
	Where      string    `json:"where"`
	ApprovedBy string    `json:"approved_by"`
	By         Actor     `json:"by"`
}

// Covers reports whether the pass covers instant t.
func (p Pass) Covers(t time.Time) bool { return !t.Before(p.From) && t.Before(p.To) }

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

// --- who is out now ----------------------------------------------------

// OutNow lists the active residents who are signed out now, longest out
// first. It reads the out-now index, not the history.
func (s *Store) OutNow() ([]Outing, error) {
	h, err := s.House()
	if err != nil {
		return nil, fmt.Errorf("who is out: %w", err)
	}
	now, loc := s.now(), s.houseZone()
	var out []Outing
	err = s.read(func(txn *badger.Txn) error {
		return scanJSON(txn, pfxOutNow, func(id string) error {
			o, ok, err := outing(txn, h, id, now, loc)
			if ok {
				out = append(out, o)
			}
			return err
		})
	})
	if err != nil {
		return nil, fmt.Errorf("who is out: %w", err)
	}
	sortBy(out, func(o Outing) int64 { return o.Since.UnixNano() })
	return out, nil
}

// outing builds the dashboard line for open entry id; ok is false for a
// resident who has moved out.
func outing(txn *badger.Txn, h House, id string, now time.Time, loc *time.Location) (Outing, bool, error) {
	var e SignEntry
	if err := getJSON(txn, pfxSign+id, &e); err != nil {
		return Outing{}, false, err
	}
	var r Resident
	if err := getJSON(txn, pfxRes+e.ResidentID, &r); err != nil || !r.Active() {
		return Outing{}, false, ignoreNotFound(err)
	}
	passes, err := passesBetween(txn, r.ID, e.Out, now)
	if err != nil {
		return Outing{}, false, err
	}
	o := Outing{
		EntryID: e.ID, ResidentID: r.ID, Name: r.Short(), Kind: e.Kind, Where: e.Where,
		Since: e.Out, ExpectedBack: e.ExpectedBack, Curfew: e.Curfew,
		PastCurfew: curfewBreached(h, r.Phase, e.Out, now, passes, loc),
		Overdue:    now.After(e.ExpectedBack),
	}
	for _, p := range passes {
		o.OnPass = o.OnPass || p.Covers(now)
	}
	return o, true, nil
}

func ignoreNotFound(err error) error {
	if errors.Is(err, ErrNotFound) {
		return nil
	}
	return err
}

// IsOut reports whether a resident is signed out now.
func (s *Store) IsOut(residentID string) (bool, error) {
	var open bool
	err := s.read(func(txn *badger.Txn) error {
		var err error
		_, open, err = openOuting(txn, residentID)
		return err
	})
	return open, err
}

// --- the log -----------------------------------------------------------

// SignLog returns the current version of each entry whose sign-out falls
// on a day from `from` to `to` (inclusive, house dates), oldest first. With
// a residentID, only that resident's entries (read through their index).
// Superseded versions are left out; see SignEntryVersions.
func (s *Store) SignLog(from, to Date, residentID string) ([]SignEntry, error) {
	loc := s.houseZone()
	lo, hi := timeKey(from.At(0, 0, loc)), timeKey(to.AddDays(1).At(0, 0, loc))
	var out []SignEntry
	keep := func(e SignEntry) {
		if e.Current() {
			out = append(out, e)
		}
	}
	err := s.read(func(txn *badger.Txn) error {
		if residentID == "" {
			return scanRange(txn, pfxSign, lo, hi, func(_ string, e SignEntry) error { keep(e); return nil })
		}
		return scanRange(txn, pfxSignRes+residentID+"/", lo, hi, func(_ string, id string) error {
			var e SignEntry
			if err := getJSON(txn, pfxSign+id, &e); err != nil {
				return err
			}
			keep(e)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("read sign-out log: %w", err)
	}
	return out, nil
}

// SignEntry returns one entry (any version) by ID.
func (s *Store) SignEntry(id string) (SignEntry, error) {
	var e SignEntry
	err := s.read(func(txn *badger.Txn) error { return getJSON(txn, pfxSign+id, &e) })
	if err != nil {
		return SignEntry{}, fmt.Errorf("read sign-out entry: %w", err)
	}
	return e, nil
}

// SignEntryVersions returns every version of the entry that id belongs to,
// the original first and the current one last.
func (s *Store) SignEntryVersions(id string) ([]SignEntry, error) {
	var out []SignEntry
	err := s.read(func(txn *badger.Txn) error {
		first, err := originalVersion(txn, id)
		if err != nil {
			return err
		}
		for e := first; ; {
			out = append(out, e)
			if e.SupersededBy == "" {
				return nil
			}
			next := e.SupersededBy
			e = SignEntry{} // decode into a fresh value: absent fields stay empty
			if err := getJSON(txn, pfxSign+next, &e); err != nil {
				return err
			}
		}
	})
	if err != nil {
		return nil, fmt.Errorf("read entry versions: %w", err)
	}
	return out, nil
}

func originalVersion(txn *badger.Txn, id string) (SignEntry, error) {
	var e SignEntry
	if err := getJSON(txn, pfxSign+id, &e); err != nil {
		return SignEntry{}, err
	}
	for e.Corrects != "" {
		prev := e.Corrects
		e = SignEntry{} // decode into a fresh value: absent fields stay empty
		if err := getJSON(txn, pfxSign+prev, &e); err != nil {
			return SignEntry{}, err
		}
	}
	return e, nil
}

// --- manager corrections -----------------------------------------------

// maxReason is the longest reason for a correction.
const maxReason = 200

// AddMissedEntry lets a manager add an outing nobody signed: out and in
// are when it happened (a zero in means the resident is still out). The
// reason is kept in the entry and in the audit log. Managers only.
func (s *Store) AddMissedEntry(by Actor, residentID string, kind Destination, where string, out, in time.Time, reason string) (SignEntry, error) {
	if err := requireStaff(by); err != nil {
		return SignEntry{}, err
	}
	r, h, err := s.signResident(by, residentID, false)
	if err != nil {
		return SignEntry{}, err
	}
	loc := s.houseZone()
	e := SignEntry{
		V: schemaVersion, ID: timeID(out), ResidentID: r.ID, Kind: kind, Where: tidyText(where),
		Out: out.In(loc), OutBy: by, Missed: true, Reason: tidyText(reason),
		Curfew: h.CurfewAt(r.Phase, NightOf(out.In(loc)), loc),
	}
	e.ExpectedBack = e.Curfew
	if !in.IsZero() {
		e.In, e.InBy = in.In(loc), by
	}
	v := validateOuting(e, true)
	v = append(v, s.validateCorrection(e)...)
	if len(v) > 0 {
		return SignEntry{}, v
	}
	err = s.write(by, "signlog.add-missed", r.Short()+": "+e.Reason, func(txn *badger.Txn) error {
		return saveCorrected(txn, h, r, &e, loc)
	})
	if err != nil {
		return SignEntry{}, fmt.Errorf("add missed entry for %s: %w", r.Short(), err)
	}
	return e, nil
}

// CorrectEntry lets a manager fix the times of an entry, with a reason. It
// writes a new version (Corrects = the old ID) and keeps the old one,
// marked SupersededBy. A zero in leaves the resident out; that is only
// allowed while they have no other open outing. Managers only.
func (s *Store) CorrectEntry(by Actor, entryID string, out, in time.Time, reason string) (SignEntry, error) {
	if err := requireStaff(by); err != nil {
		return SignEntry{}, err
	}
	old, err := s.SignEntry(entryID)
	if err != nil {
		return SignEntry{}, err
	}
	if !old.Current() {
		return SignEntry{}, fmt.Errorf("this entry was already corrected; correct the newest version")
	}
	r, h, err := s.signResident(by, old.ResidentID, false)
	if err != nil {
		return SignEntry{}, err
	}
	loc := s.houseZone()
	e := correctedVersion(old, by, out.In(loc), in, reason, loc)
	e.Curfew = h.CurfewAt(r.Phase, NightOf(e.Out), loc)
	if v := s.validateCorrection(e); len(v) > 0 {
		return SignEntry{}, v
	}
	err = s.write(by, "signlog.correct", r.Short()+": "+e.Reason, func(txn *badger.Txn) error {
		return supersede(txn, h, r, old, &e, loc)
	})
	if err != nil {
		return SignEntry{}, fmt.Errorf("correct entry for %s: %w", r.Short(), err)
	}
	return e, nil
}

func correctedVersion(old SignEntry, by Actor, out, in time.Time, reason string, loc *time.Location) SignEntry {
	e := old
	e.V, e.ID, e.Out, e.Corrects, e.SupersededBy = schemaVersion, timeID(out), out, old.ID, ""
	e.Reason, e.Late, e.In, e.InBy = tidyText(reason), false, time.Time{}, Actor{}
	if !in.IsZero() {
		e.In, e.InBy = in.In(loc), by
		if !old.In.IsZero() && old.In.Equal(in) {
			e.InBy = old.InBy
		}
	}
	return e
}

// supersede marks old as replaced by e and saves both.
func supersede(txn *badger.Txn, h House, r Resident, old SignEntry, e *SignEntry, loc *time.Location) error {
	var cur SignEntry
	if err := getJSON(txn, pfxSign+old.ID, &cur); err != nil {
		return err
	}
	if !cur.Current() {
		return fmt.Errorf("this entry was just corrected by someone else; reload it")
	}
	cur.SupersededBy = e.ID
	if err := putSignEntry(txn, cur); err != nil {
		return err
	}
	return saveCorrected(txn, h, r, e, loc)
}

// saveCorrected computes lateness for a manager-written entry and saves it,
// refusing to open a second outing for a resident who is out.
func saveCorrected(txn *badger.Txn, h House, r Resident, e *SignEntry, loc *time.Location) error {
	if e.IsOut() {
		if err := refuseIfOut(txn, r.ID); err != nil {
			return err
		}
	} else {
		late, err := lateness(txn, h, r, *e, loc)
		if err != nil {
			return err
		}
		e.Late = late
	}
	return putSignEntry(txn, *e)
}

func (s *Store) validateCorrection(e SignEntry) ValidationError {
	var v ValidationError
	now := s.now()
	switch {
	case e.Out.IsZero():
		v.add(FieldSignedOut, "enter when they signed out")
	case e.Out.After(now):
		v.add(FieldSignedOut, "that time has not come yet")
	}
	switch {
	case e.In.IsZero():
	case e.In.Before(e.Out):
		v.add(FieldSignedIn, "the sign-in is before the sign-out")
	case e.In.After(now):
		v.add(FieldSignedIn, "that time has not come yet")
	}
	switch n := utf8.RuneCountInString(e.Reason); {
	case n == 0:
		v.add(FieldReason, "say why the entry is added or changed")
	case n > maxReason:
		v.add(FieldReason, fmt.Sprintf("keep it under %d characters", maxReason))
	}
	return v
}

// --- overnight passes --------------------------------------------------

// AddPass records an overnight pass: within [from, to) the resident is
// not late and not "out past curfew". approvedBy defaults to the manager
// adding it. It affects open outings and future sign-ins; to re-judge an
// entry already closed, correct it (CorrectEntry recomputes lateness).
// Managers only.
func (s *Store) AddPass(by Actor, residentID string, from, to time.Time, where, approvedBy string) (Pass, error) {
	if err := requireStaff(by); err != nil {
		return Pass{}, err
	}
	r, err := s.Resident(residentID)
	if err != nil {
		return Pass{}, err
	}
	loc := s.houseZone()
	p := Pass{
		V: schemaVersion, ID: timeID(from), ResidentID: r.ID, From: from.In(loc), To: to.In(loc),
		Where: tidyText(where), ApprovedBy: tidyText(approvedBy), By: by,
	}
	if p.ApprovedBy == "" {
		p.ApprovedBy = by.Name
	}
	if v := p.validate(); len(v) > 0 {
		return Pass{}, v
	}
	err = s.write(by, "pass.add", r.Short(), func(txn *badger.Txn) error {
		return putJSON(txn, passKey(p.ResidentID, p.ID), p)
	})
	if err != nil {
		return Pass{}, fmt.Errorf("add pass for %s: %w", r.Short(), err)
	}
	return p, nil
}

func passKey(residentID, id string) string { return pfxPass + residentID + "/" + id }

func (p Pass) validate() ValidationError {
	var v ValidationError
	if p.From.IsZero() {
		v.add(FieldPassFrom, "enter when the pass starts")
	}
	switch {
	case p.To.IsZero():
		v.add(FieldPassTo, "enter when the pass ends")
	case !p.To.After(p.From):
		v.add(FieldPassTo, "the pass must end after it starts")
	case p.To.Sub(p.From) > MaxPass:
		v.add(FieldPassTo, "a pass can last at most 31 days")
	}
	if p.Where == "" {
		v.add(FieldPassWhere, "say where the resident will stay")
	} else if utf8.RuneCountInString(p.Where) > maxWhere {
		v.add(FieldPassWhere, fmt.Sprintf("keep it short: at most %d characters", maxWhere))
	}
	if p.ApprovedBy == "" {
		v.add(FieldApprovedBy, "name who approved the pass")
	}
	return v
}

// CancelPass removes a pass, for one entered by mistake. Managers only.
func (s *Store) CancelPass(by Actor, residentID, passID string) error {
	if err := requireStaff(by); err != nil {
		return err
	}
	r, err := s.Resident(residentID)
	if err != nil {
		return err
	}
	err = s.write(by, "pass.cancel", r.Short(), func(txn *badger.Txn) error {
		var p Pass
		if err := getJSON(txn, passKey(residentID, passID), &p); err != nil {
			return err
		}
		return txn.Delete([]byte(passKey(residentID, passID)))
	})
	if err != nil {
		return fmt.Errorf("cancel pass for %s: %w", r.Short(), err)
	}
	return nil
}

// Passes returns a resident's passes that overlap the days from `from` to
// `to` (inclusive), by start.
func (s *Store) Passes(residentID string, from, to Date) ([]Pass, error) {
	loc := s.houseZone()
	var out []Pass
	err := s.read(func(txn *badger.Txn) error {
		var err error
		out, err = passesBetween(txn, residentID, from.At(0, 0, loc), to.AddDays(1).At(0, 0, loc))
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("read passes: %w", err)
	}
	return out, nil
}

// passesBetween returns the resident's passes overlapping [a, b], sorted
// by From. No pass is longer than MaxPass, so the scan starts there.
func passesBetween(txn *badger.Txn, residentID string, a, b time.Time) ([]Pass, error) {
	var out []Pass
	lo, hi := timeKey(a.Add(-MaxPass)), timeKey(b.Add(time.Nanosecond))
	err := scanRange(txn, pfxPass+residentID+"/", lo, hi, func(_ string, p Pass) error {
		if p.To.After(a) {
			out = append(out, p)
		}
		return nil
	})
	return out, err
}
