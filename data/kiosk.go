package data

// The kiosk by the door is the app's resting state. Residents use it to sign
// out and in, log outside meetings and see their own week. Everything the
// kiosk screens read comes through the view models in this file, which hold
// only what a resident may see: for the grid, a name and an in/out flag per
// resident; for "my week", the resident's own records and nothing about
// anyone else.

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	badger "github.com/dgraph-io/badger/v4"
)

// DefaultKioskIdle is how long the kiosk waits on a resident's screen before
// going back to the grid, when the house has not chosen.
const DefaultKioskIdle = 30 * time.Second

// ErrManagerOnly refuses a kiosk (resident) actor a manager's action.
var ErrManagerOnly = errors.New("only a house manager can do this")

// ErrNotYours refuses a resident at the kiosk an action on someone else.
var ErrNotYours = errors.New("a resident can only do this for themself")

// KioskIdle is how long the kiosk stays on a resident's screen unattended.
func (h House) KioskIdle() time.Duration {
	if h.KioskIdleSeconds <= 0 {
		return DefaultKioskIdle
	}
	return time.Duration(h.KioskIdleSeconds) * time.Second
}

// KioskActor is the actor for a resident acting at the kiosk once their PIN
// has been checked. Pass it as `by` to SignOut, SignIn, ChangePIN and
// LogOutsideMeeting.
func KioskActor(r Resident) Actor {
	return Actor{Kind: ActorResident, ID: r.ID, Name: r.Short()}
}

// kioskDevice is the actor for the kiosk itself, before anyone is proven
// (a wrong PIN is recorded against it, not against the resident).
func kioskDevice() Actor { return Actor{Kind: ActorSystem, Name: "Kiosk"} }

// requireStaff refuses resident actors.
func requireStaff(by Actor) error {
	if by.Kind == ActorResident {
		return ErrManagerOnly
	}
	return nil
}

// requireSelfOrStaff lets a resident act only on their own records.
func requireSelfOrStaff(by Actor, residentID string) error {
	if by.Kind == ActorResident && by.ID != residentID {
		return ErrNotYours
	}
	return nil
}

// KioskTile is one resident's tile on the kiosk grid. It holds nothing more
// than the kiosk may show to anyone standing at the door.
type KioskTile struct {
	ResidentID  string
	Name        string    // preferred first name and last initial: "María N."
	Out         bool      // signed out now
	HasPIN      bool      // false: the tile says "see the house manager"
	LockedUntil time.Time // zero unless the PIN pad is locked after wrong PINs
}

// Locked reports whether the tile's PIN pad is locked at now.
func (t KioskTile) Locked(now time.Time) bool { return t.LockedUntil.After(now) }

// KioskTiles returns a tile for each active resident, in the one name
// order of every list (last name, then first, by collation).
func (s *Store) KioskTiles() ([]KioskTile, error) {
	rs, err := s.ActiveResidents()
	if err != nil {
		return nil, fmt.Errorf("kiosk tiles: %w", err)
	}
	out, pins, err := s.kioskFlags()
	if err != nil {
		return nil, fmt.Errorf("kiosk tiles: %w", err)
	}
	now := s.now()
	tiles := make([]KioskTile, 0, len(rs))
	for _, r := range rs {
		t := KioskTile{ResidentID: r.ID, Name: r.Short(), Out: out[r.ID]}
		if p, ok := pins[r.ID]; ok {
			t.HasPIN = true
			if p.LockedUntil.After(now) {
				t.LockedUntil = p.LockedUntil
			}
		}
		tiles = append(tiles, t)
	}
	return tiles, nil // in the residents' order: last name, then first, by collation
}

// kioskFlags reads the out-now index and the PIN records in one pass each.
func (s *Store) kioskFlags() (map[string]bool, map[string]pinRecord, error) {
	out := map[string]bool{}
	pins := map[string]pinRecord{}
	err := s.read(func(txn *badger.Txn) error {
		err := scanKeyJSON(txn, pfxOutNow, func(key string, _ string) error {
			out[strings.TrimPrefix(key, pfxOutNow)] = true
			return nil
		})
		if err != nil {
			return err
		}
		return scanKeyJSON(txn, pfxPIN, func(key string, p pinRecord) error {
			pins[strings.TrimPrefix(key, pfxPIN)] = p
			return nil
		})
	})
	return out, pins, err
}

// MySignOut is one of a resident's own outings, as the kiosk shows it.
type MySignOut struct {
	Kind         Destination
	Where        string
	Out          time.Time
	ExpectedBack time.Time
	In           time.Time // zero while still out
	Late         bool
}

// MyWeek is what a resident sees about themself at the kiosk after their
// PIN: their days sober, their next milestone, their sign-outs this week and
// their outside meetings against what their phase requires.
type MyWeek struct {
	Name               string // "María N."
	Today              Date
	WeekStart, WeekEnd Date
	// HasSobrietyDate is false when none is recorded; DaysSober is then 0
	// and NextMilestone is empty.
	HasSobrietyDate bool
	DaysSober       int
	NextMilestone   Milestone
	Out             bool      // signed out now
	CurfewTonight   time.Time // this resident's curfew for the current night
	SignOuts        []MySignOut
	Meetings        []OutsideMeeting
	MeetingsHave    int
	MeetingsNeed    int
}

// MyWeek gathers a resident's own week for the kiosk: the house week
// containing today.
func (s *Store) MyWeek(residentID string, today Date) (MyWeek, error) {
	r, err := s.Resident(residentID)
	if err != nil {
		return MyWeek{}, fmt.Errorf("my week: %w", err)
	}
	h, err := s.House()
	if err != nil {
		return MyWeek{}, fmt.Errorf("my week: %w", err)
	}
	w := MyWeek{Name: r.Short(), Today: today}
	w.WeekStart, w.WeekEnd = h.Week(today)
	w.CurfewTonight = h.CurfewAt(r.Phase, NightOf(s.now()), s.houseZone())
	if !r.Sobriety.IsZero() {
		w.HasSobrietyDate = true
		w.DaysSober = DaysSober(r.Sobriety, today)
		w.NextMilestone = NextMilestone(r.Sobriety, today)
	}
	if err := s.fillMySignOuts(&w, residentID); err != nil {
		return MyWeek{}, err
	}
	mw, err := s.MeetingsInWeek(residentID, w.WeekStart)
	if err != nil {
		return MyWeek{}, fmt.Errorf("my week: %w", err)
	}
	w.Meetings, w.MeetingsHave, w.MeetingsNeed = mw.Meetings, mw.Have, mw.Need
	return w, nil
}

func (s *Store) fillMySignOuts(w *MyWeek, residentID string) error {
	log, err := s.SignLog(w.WeekStart, w.WeekEnd, residentID)
	if err != nil {
		return fmt.Errorf("my week: %w", err)
	}
	for _, e := range log {
		w.SignOuts = append(w.SignOuts, MySignOut{
			Kind: e.Kind, Where: e.Where, Out: e.Out, ExpectedBack: e.ExpectedBack, In: e.In, Late: e.Late,
		})
	}
	w.Out, err = s.IsOut(residentID)
	if err != nil {
		return fmt.Errorf("my week: %w", err)
	}
	return nil
}

// --- shared helpers for the kiosk's time-ordered records ---------------

// timeKey is the time part of a time-ordered key: the instant's Unix
// nanoseconds as 16 hex digits. Fixed-width hex of the big-endian number
// sorts byte for byte in time order, and stays readable in an ID.
func timeKey(t time.Time) string { return fmt.Sprintf("%016x", uint64(t.UnixNano())) }

// timeID is a new record ID that sorts by t: timeKey(t) and 16 random hex
// digits, so two records at the same instant do not collide.
func timeID(t time.Time) string { return timeKey(t) + newID() }

// scanRange decodes the records whose keys lie in [prefix+from, prefix+to),
// in key order. It seeks to the start, so the work grows with the range,
// not with everything under prefix.
func scanRange[T any](txn *badger.Txn, prefix, from, to string, fn func(key string, v T) error) error {
	it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte(prefix), PrefetchValues: true, PrefetchSize: 16})
	defer it.Close()
	end := []byte(prefix + to)
	for it.Seek([]byte(prefix + from)); it.Valid(); it.Next() {
		item := it.Item()
		if bytes.Compare(item.Key(), end) >= 0 {
			return nil
		}
		var v T
		if err := item.Value(func(b []byte) error { return json.Unmarshal(b, &v) }); err != nil {
			return fmt.Errorf("decode %s: %w", keyKind(prefix), err)
		}
		if err := fn(string(item.Key()), v); err != nil {
			return err
		}
	}
	return nil
}

// tidyText collapses runs of spaces and trims the ends.
func tidyText(s string) string { return strings.Join(strings.Fields(s), " ") }
