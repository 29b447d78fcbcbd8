package data

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"porchlight/data/cal"

	badger "github.com/dgraph-io/badger/v4"
)

// PassChoreDays is the span of days an overnight pass excuses from chores
// (when the house's ChoreSettings say so): the days whose midday it
// covers. A pass from Friday 18:00 to Sunday 17:00 excuses Saturday and
// Sunday; Friday's chore is done before leaving. ok is false when the pass
// covers no midday.
func PassChoreDays(p Pass) (span Span, ok bool) {
	loc := p.From.Location()
	from, to := DateOf(p.From), DateOf(p.To.In(loc))
	if !p.Covers(from.At(12, 0, loc)) {
		from = from.AddDays(1)
	}
	if !p.Covers(to.At(12, 0, loc)) {
		to = to.AddDays(-1)
	}
	return Span{From: from, To: to}, !to.Before(from)
}

// passOff reads the overnight passes of residents living in the house at
// any time from..to, as the days they excuse, when the house excuses
// passes (nil otherwise).
func passOff(txn *badger.Txn, cs ChoreSettings, from, to Date, loc *time.Location) (map[string][]Span, error) {
	if !cs.ExcuseOvernightPass {
		return nil, nil
	}
	out := map[string][]Span{}
	rs, err := residentsSinceIn(txn, from)
	if err != nil {
		return nil, err
	}
	for _, r := range rs {
		ps, err := passesBetween(txn, r.ID, from.At(0, 0, loc), to.AddDays(1).At(0, 0, loc))
		if err != nil {
			return nil, fmt.Errorf("read passes: %w", err)
		}
		for _, p := range ps {
			if span, ok := PassChoreDays(p); ok {
				out[r.ID] = append(out[r.ID], span)
			}
		}
	}
	return out, nil
}

// Errors of roster generation.
var (
	ErrNoResidents = errors.New("no residents live in the house; add residents before making a chore roster")
	ErrNoChores    = errors.New("there are no active chores; add chores before making a chore roster")
)

// TooFewResidentsError means a chore needs more people than live in the house.
type TooFewResidentsError struct {
	Chore             string
	People, Residents int
}

func (e *TooFewResidentsError) Error() string {
	return fmt.Sprintf("%s needs %d people but only %d %s in the house; lower its people needed or mark it inactive",
		e.Chore, e.People, e.Residents, residentsWord(e.Residents))
}

// rosterContext is what a week's roster is made from, read in one
// transaction.
type rosterContext struct {
	house     House
	settings  ChoreSettings
	chores    []Chore
	residents []Resident
	week      Date
	history   []Assignment // the window's earlier weeks
	current   []Assignment // the week's roster as stored
}

func loadRosterContext(txn *badger.Txn, day Date) (*rosterContext, error) {
	c := &rosterContext{}
	if err := getJSON(txn, keyHouse, &c.house); err != nil {
		return nil, fmt.Errorf("read house settings: %w", err)
	}
	c.week = day.WeekStart(c.house.WeekStart)
	var err error
	if c.settings, err = readChoreSettings(txn); err != nil {
		return nil, err
	}
	if c.chores, err = readChores(txn); err != nil {
		return nil, fmt.Errorf("list chores: %w", err)
	}
	from := c.week.AddDays(-7 * max(c.settings.Window()-1, 1)) // last week at least, for repeats
	// who lived here in the rotation's window: the living and those who
	// left since, not every resident ever
	if c.residents, err = residentsSinceIn(txn, from); err != nil {
		return nil, fmt.Errorf("list residents: %w", err)
	}
	if c.history, err = readRosterRange(txn, from, c.week); err != nil {
		return nil, err
	}
	c.current, err = readRosterRange(txn, c.week, c.week.AddDays(1))
	return c, err
}

// readRosterRange reads the assignments of the weeks starting on or after
// from and before to, in key order.
func readRosterRange(txn *badger.Txn, from, to Date) ([]Assignment, error) {
	var out []Assignment
	stop := []byte(pfxRoster + to.Key())
	it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte(pfxRoster), PrefetchValues: true, PrefetchSize: 64})
	defer it.Close()
	for it.Seek([]byte(pfxRoster + from.Key())); it.Valid(); it.Next() {
		if bytes.Compare(it.Item().Key(), stop) >= 0 {
			break
		}
		var a Assignment
		if err := it.Item().Value(func(b []byte) error { return json.Unmarshal(b, &a) }); err != nil {
			return nil, fmt.Errorf("decode chore roster: %w", err)
		}
		out = append(out, a)
	}
	return out, nil
}

// activeCount is the number of residents living in the house.
func (c *rosterContext) activeCount() int {
	n := 0
	for _, r := range c.residents {
		if r.Active() {
			n++
		}
	}
	return n
}

// check refuses a roster that cannot be made.
func (c *rosterContext) check() error {
	n := c.activeCount()
	if n == 0 {
		return ErrNoResidents
	}
	active := 0
	for _, ch := range c.chores {
		if !ch.Active {
			continue
		}
		active++
		if ch.People > n {
			return &TooFewResidentsError{Chore: ch.Name, People: ch.People, Residents: n}
		}
	}
	if active == 0 {
		return ErrNoChores
	}
	return nil
}

// members describes the residents for the rotation, leaving out exclude.
// off holds each resident's days away on a pass.
func (c *rosterContext) members(off map[string][]Span, exclude string) []RosterMember {
	var out []RosterMember
	for _, r := range c.residents {
		if r.ID == exclude {
			continue
		}
		m := RosterMember{ID: r.ID}
		for _, st := range r.Stays {
			m.Present = append(m.Present, Span{From: st.MoveIn, To: st.MoveOut.AddDays(-1)})
			m.Off = c.moveInOff(m.Off, st.MoveIn)
		}
		if r.Active() {
			m.Present = append(m.Present, Span{From: r.MoveIn})
			m.Off = c.moveInOff(m.Off, r.MoveIn)
		}
		if c.settings.ExcuseOvernightPass {
			m.Off = append(m.Off, off[r.ID]...)
		}
		out = append(out, m)
	}
	return out
}

// moveInOff adds the rest of the move-in week to off, when the house
// excuses new residents.
func (c *rosterContext) moveInOff(off []Span, moveIn Date) []Span {
	if !c.settings.ExcuseNewResidents || moveIn.IsZero() {
		return off
	}
	return append(off, Span{From: moveIn, To: moveIn.WeekStart(c.house.WeekStart).AddDays(6)})
}

func (c *rosterContext) input(keep []Assignment, off map[string][]Span, exclude string) RosterInput {
	return RosterInput{
		Week: c.week, Members: c.members(off, exclude), Chores: c.chores,
		History: c.history, Keep: keep, Window: c.settings.Window(),
	}
}

// split sorts the week's stored assignments into those a regeneration
// keeps and those it replaces. Kept: days before today, anything already
// done, verified or missed, and locked or excused assignments of an active
// chore whose resident still lives in the house on that day.
func (c *rosterContext) split(today Date) (keep, drop []Assignment) {
	present := map[string][]Span{}
	for _, m := range c.members(nil, "") {
		present[m.ID] = m.Present
	}
	active := map[string]bool{}
	for _, ch := range c.chores {
		active[ch.ID] = ch.Active
	}
	for _, a := range c.current {
		stays := a.Day.Compare(today) < 0 || a.Status != ChoreAssigned ||
			(active[a.ChoreID] && a.Covered() && cal.InSpans(present[a.ResidentID], a.Day) && (a.Locked || a.Excused != ""))
		if stays {
			keep = append(keep, a)
		} else {
			drop = append(drop, a)
		}
	}
	return keep, drop
}

// GenerateRoster makes (or remakes) the roster of the week containing
// week, and returns it. Locked assignments, ticked, verified or missed
// ones, excused ones and those of days already past are kept; every other
// seat is filled afresh by PlanRoster. Overnight passes recorded by then
// excuse their days (PassChoreDays) when the house's ChoreSettings say so;
// for a pass added later, call HandOnPass.
//
// It fails with ErrNoResidents, ErrNoChores or a *TooFewResidentsError,
// and then changes nothing.
func (s *Store) GenerateRoster(by Actor, week Date) (Roster, error) {
	today, loc := s.Today(), s.houseZone()
	var out Roster
	err := s.writeNamed(by, "roster.generate", func(txn *badger.Txn) (string, error) {
		c, err := loadRosterContext(txn, week)
		if err != nil {
			return "", err
		}
		if err := c.check(); err != nil {
			return "", err
		}
		off, err := passOff(txn, c.settings, c.week.AddDays(-7*(c.settings.Window()-1)), c.week.AddDays(6), loc)
		if err != nil {
			return "", err
		}
		keep, drop := c.split(today)
		plan := PlanRoster(c.input(keep, off, ""))
		if err := replaceAssignments(txn, drop, plan); err != nil {
			return "", err
		}
		out = Roster{Week: c.week, Assignments: plan}
		return "week of " + c.week.Pretty(), nil
	})
	if err != nil {
		return Roster{}, fmt.Errorf("make the chore roster: %w", err)
	}
	return out, nil
}

func replaceAssignments(txn *badger.Txn, drop, put []Assignment) error {
	for _, a := range drop {
		if err := txn.Delete([]byte(rosterKey(a))); err != nil {
			return fmt.Errorf("remove old roster entry: %w", err)
		}
	}
	for _, a := range put {
		if err := putJSON(txn, rosterKey(a), a); err != nil {
			return err
		}
	}
	return nil
}

// offAround reads the pass days that matter to rosters of the weeks from
// first to last: from the start of first's balance window to last.
func offAround(txn *badger.Txn, first, last Date, loc *time.Location) (map[string][]Span, error) {
	cs, err := readChoreSettings(txn)
	if err != nil {
		return nil, err
	}
	return passOff(txn, cs, first.AddDays(-7*(cs.Window()-1)), last, loc)
}
