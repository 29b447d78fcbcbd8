package data

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	badger "github.com/dgraph-io/badger/v4"
)

// The weekly chore roster.
//
// A roster is a week's Assignments. Each assignment is one seat of one chore
// on one day: a weekly chore has one assignment per person it needs, on its
// day; a daily chore has one per person per day of the week. Daily chores
// are assigned day by day (not one person for the whole week) so that
//
//   - the chart and the kiosk have a tick box for each day it is due, and a
//     missed Tuesday is recorded as a missed Tuesday;
//   - an overnight pass or a move-out hands on only the days it touches;
//   - effort is counted per time a chore is done, which lets the rotation
//     balance it finely.
//
// Keys:
//
//	roster/<week start YYYYMMDD>/<assignment ID>
//
// An assignment's ID names its seat, "<week YYYYMMDD>.<day 0-6>.<chore ID>.<seat>",
// so a week is one prefix scan, already in day-then-chore order, and a seat
// keeps its ID when it is swapped, reassigned or regenerated.
const pfxRoster = "roster/"

// ChoreStatus is where an assignment stands.
type ChoreStatus string

// Assignment statuses.
const (
	ChoreAssigned ChoreStatus = "assigned" // to do
	ChoreDone     ChoreStatus = "done"     // ticked by the resident at the kiosk
	ChoreVerified ChoreStatus = "verified" // checked by a manager
	ChoreMissed   ChoreStatus = "missed"   // marked missed by a manager, with a note
)

// Assignment is one resident's turn at one chore on one day.
type Assignment struct {
	V       int    `json:"v"`
	ID      string `json:"id"`
	Week    Date   `json:"week"` // the first day of the roster's week
	Day     Date   `json:"day"`  // the day it is due
	ChoreID string `json:"chore_id"`
	// Chore and Effort are copied from the chore when the roster is made,
	// so history keeps them when the chore is edited or deleted.
	Chore  string `json:"chore"`
	Effort int    `json:"effort"`
	Seat   int    `json:"seat"` // 0 .. People-1
	// ResidentID is who does it; "" when nobody was available (uncovered).
	ResidentID string `json:"resident_id"`
	// Locked assignments are kept as they are when the week is regenerated.
	Locked bool `json:"locked,omitempty"`
	// Excused is the reason the resident is excused from it; "" if not.
	Excused string      `json:"excused,omitempty"`
	Status  ChoreStatus `json:"status"`
	DoneAt  time.Time   `json:"done_at,omitzero"` // when ticked done or verified
	Note    string      `json:"note,omitempty"`   // a manager's note, e.g. why it was missed
}

// Covered reports whether someone is assigned.
func (a Assignment) Covered() bool { return a.ResidentID != "" }

// Open reports whether the assignment still waits to be done: assigned to
// someone, not excused, not done, verified or missed.
func (a Assignment) Open() bool {
	return a.Covered() && a.Excused == "" && a.Status == ChoreAssigned
}

// Credit is the effort that counts toward the resident's share: the
// chore's effort, except for a missed chore, which counts nothing (so the
// rotation gives that share back to them later). An excused chore counts
// as if done: an excuse is not held against anyone.
func (a Assignment) Credit() int {
	if !a.Covered() || a.Status == ChoreMissed {
		return 0
	}
	return a.Effort
}

// Label is a short name for messages and the audit log: "Kitchen, Tue 4 Mar 2025".
func (a Assignment) Label() string { return a.Chore + ", " + a.Day.Pretty() }

// dayIndex is the assignment's day of the week, 0 being the week's first day.
func (a Assignment) dayIndex() int { return dayNumber(a.Day) - dayNumber(a.Week) }

// Span is a run of days, both ends included. A zero To is open-ended.
type Span struct {
	From Date `json:"from"`
	To   Date `json:"to"`
}

// Contains reports whether d falls within the span.
func (s Span) Contains(d Date) bool {
	return cmpDate(d, s.From) >= 0 && (s.To.IsZero() || cmpDate(d, s.To) <= 0)
}

func inSpans(spans []Span, d Date) bool {
	for _, s := range spans {
		if s.Contains(d) {
			return true
		}
	}
	return false
}

// cmpDate orders dates without building times.
func cmpDate(a, b Date) int {
	if c := cmp.Compare(a.Year, b.Year); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Month, b.Month); c != 0 {
		return c
	}
	return cmp.Compare(a.Day, b.Day)
}

// dayNumber counts days since 1 January 1970.
func dayNumber(d Date) int { return int(d.utc().Unix() / 86400) }

// dateKey writes a date as YYYYMMDD, for keys and IDs.
func dateKey(d Date) string { return fmt.Sprintf("%04d%02d%02d", d.Year, int(d.Month), d.Day) }

func parseDateKey(s string) (Date, error) {
	if len(s) != 8 {
		return Date{}, fmt.Errorf("bad date key %q", s)
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return Date{}, fmt.Errorf("bad date key %q", s)
	}
	return Date{n / 10000, time.Month(n / 100 % 100), n % 100}, nil
}

// seatID is the ID of a seat: "<week YYYYMMDD>.<day>.<chore>.<seat, two digits>".
func seatID(weekKey string, day int, choreID string, seat int) string {
	n := strconv.Itoa(seat)
	if seat < 10 {
		n = "0" + n
	}
	return weekKey + "." + strconv.Itoa(day) + "." + choreID + "." + n
}

func rosterPrefix(week Date) string { return pfxRoster + dateKey(week) + "/" }

func rosterKey(a Assignment) string { return rosterPrefix(a.Week) + a.ID }

// rosterKeyOf finds an assignment's key from its ID.
func rosterKeyOf(id string) (string, error) {
	week, _, ok := strings.Cut(id, ".")
	if !ok || len(week) != 8 {
		return "", fmt.Errorf("chore assignment %q: %w", id, ErrNotFound)
	}
	return pfxRoster + week + "/" + id, nil
}

// ---- the rotation: a pure function over plain inputs ----------------------

// RosterMember is a resident as the rotation sees them.
type RosterMember struct {
	ID string
	// Present are the spans of days the resident lived in the house.
	Present []Span
	// Off are spans of days the resident is excused from chores (an
	// overnight pass, the week they moved in).
	Off []Span
}

// Available reports whether the member can be given a chore on day d.
func (m RosterMember) Available(d Date) bool {
	return inSpans(m.Present, d) && !inSpans(m.Off, d)
}

// RosterInput is everything the rotation looks at.
type RosterInput struct {
	Week    Date           // the week's first day
	Members []RosterMember // the residents; those not available any day this week are ignored
	Chores  []Chore        // the chore list; inactive chores are skipped
	// History holds earlier weeks' assignments; only the last Window-1
	// weeks before Week count. Order does not matter.
	History []Assignment
	// Keep holds this week's assignments that stay as they are (locked,
	// already done, earlier days); their seats are not filled again.
	Keep []Assignment
	// Window is the number of weeks, this one included, effort is balanced
	// over; 0 means DefaultWindowWeeks.
	Window int
}

// PlanRoster makes a week's roster. It is deterministic: the same input, in
// any order, gives the same roster. Every seat of every active chore due
// that week gets an assignment; a seat nobody available can take comes back
// with ResidentID "". The result is in ID order (day, then chore, then seat)
// and holds the kept assignments too.
//
// How it decides:
//
//  1. Each resident's load is the effort credited to them (see
//     Assignment.Credit) over the window, scaled to the days they were
//     available in it, so a newcomer is compared on their days in the house.
//  2. Seats are filled heaviest chore first. Each goes to an available
//     resident not already on that chore that day, preferring, in order:
//     someone whose load after taking it stays within the heaviest chore's
//     effort of the lightest load in the house (the fairness band); someone
//     who did not have this chore last week; the lightest load; the fewest
//     chores already that day; then the rotation order (resident IDs,
//     rotated by one each week).
//  3. Then, while a resident has the same chore as last week and trading
//     that seat with another of equal effort would end the repeat without
//     making a new one, the two are traded. Trades keep every load as it was.
func PlanRoster(in RosterInput) []Assignment {
	p := newPlanner(in)
	p.fill(p.openSeats(in.Chores))
	p.repair()
	out := p.out
	slices.SortFunc(out, func(a, b Assignment) int { return strings.Compare(a.ID, b.ID) })
	return out
}

// planner holds the rotation's working state for one week.
type planner struct {
	week    Date
	weekKey string // the week as YYYYMMDD, for seat IDs
	days7   [7]Date
	scale   int64 // 1000 x days in the window: a full-time resident's score is 1000 x load
	pmax    int   // the heaviest active chore's effort
	members []*member
	byID    map[string]*member
	chores  map[string]int         // chore ID -> a small number, for holdings
	held    map[choreDay][]*member // who holds each chore on each day
	out     []Assignment
	days    []int // day index of each out entry
	fixed   int   // out[:fixed] are kept assignments, never moved
}

type member struct {
	id    string
	order int
	load  int     // credited effort in the window
	fresh int     // the part of load that stays in next week's window
	avail int     // days available in the window
	week  [7]bool // available on each day of this week
	daily [7]int  // seats held on each day of this week
	last  []int   // chores (by number) held last week
}

// choreDay is one chore (by number) on one day of the week.
type choreDay struct{ chore, day int }

// holds reports whether m holds a seat of chore on day.
func (p *planner) holds(m *member, chore, day int) bool {
	return slices.Contains(p.held[choreDay{chore, day}], m)
}

func (p *planner) hold(m *member, chore, day int) {
	k := choreDay{chore, day}
	p.held[k] = append(p.held[k], m)
}

func (p *planner) release(m *member, chore, day int) {
	k := choreDay{chore, day}
	p.held[k] = slices.DeleteFunc(p.held[k], func(o *member) bool { return o == m })
}

type seat struct {
	chore  Chore
	num    int // the chore's number in the planner
	day    int
	seat   int
	effort int
}

// windowStart is the first day effort is counted from: Window-1 weeks
// before this one, or the first week in the history if that is later, so
// days before the house kept rosters do not count as days without chores.
func windowStart(in RosterInput) Date {
	w := in.Window
	if w <= 0 {
		w = DefaultWindowWeeks
	}
	from := in.Week.AddDays(-7 * (w - 1))
	first := in.Week
	for _, a := range in.History {
		if cmpDate(a.Day, from) >= 0 && cmpDate(a.Day, first) < 0 {
			first = a.Day
		}
	}
	back := (dayNumber(in.Week) - dayNumber(first) + 6) / 7
	return in.Week.AddDays(-7 * back)
}

func newPlanner(in RosterInput) *planner {
	from := windowStart(in)
	p := &planner{
		week: in.Week, weekKey: dateKey(in.Week),
		byID: map[string]*member{}, chores: map[string]int{}, held: map[choreDay][]*member{},
	}
	window := make([]Date, 0, 7*MaxWindowWeeks)
	for d := from; len(window) == 0 || window[len(window)-1] != in.Week.AddDays(6); d = d.AddDays(1) {
		window = append(window, d)
	}
	copy(p.days7[:], window[len(window)-7:])
	p.scale = int64(1000 * len(window))
	p.addMembers(in.Members, window)
	p.countHistory(in.History, from)
	for _, c := range in.Chores {
		if c.Active {
			p.pmax = max(p.pmax, c.Effort)
		}
	}
	for _, a := range sortedByID(in.Keep) {
		p.place(a, a.dayIndex())
	}
	p.fixed = len(p.out)
	return p
}

// choreNum gives each chore ID a small number, in order of first use.
func (p *planner) choreNum(id string) int {
	n, ok := p.chores[id]
	if !ok {
		n = len(p.chores)
		p.chores[id] = n
	}
	return n
}

// addMembers takes the members available this week, in rotation order:
// by ID, rotated by one place each week so ties do not always fall the
// same way. window is every day of the balance window, this week last.
func (p *planner) addMembers(ms []RosterMember, window []Date) {
	ms = slices.Clone(ms)
	slices.SortFunc(ms, func(a, b RosterMember) int { return strings.Compare(a.ID, b.ID) })
	thisWeek := len(window) - 7
	for _, rm := range ms {
		if p.byID[rm.ID] != nil {
			continue
		}
		m := &member{id: rm.ID}
		here := false
		for i, d := range window {
			if !rm.Available(d) {
				continue
			}
			m.avail++
			if i >= thisWeek {
				m.week[i-thisWeek], here = true, true
			}
		}
		if here {
			p.members = append(p.members, m)
			p.byID[m.id] = m
		}
	}
	shift := dayNumber(p.week) / 7
	for i, m := range p.members {
		m.order = (i + shift) % len(p.members)
	}
}

// countHistory credits effort in the window from `from` (and the part of
// it that next week's window keeps) and notes last week's chores, which
// count even when the window is this week alone.
func (p *planner) countHistory(hist []Assignment, from Date) {
	lastWeek, fresh := p.week.AddDays(-7), from.AddDays(7)
	for _, a := range hist {
		if cmpDate(a.Day, p.week) >= 0 || cmpDate(a.Day, from) < 0 && cmpDate(a.Day, lastWeek) < 0 {
			continue
		}
		m := p.byID[a.ResidentID]
		if m == nil {
			continue
		}
		if cmpDate(a.Day, from) >= 0 {
			m.load += a.Credit()
		}
		if cmpDate(a.Day, fresh) >= 0 {
			m.fresh += a.Credit()
		}
		if n := p.choreNum(a.ChoreID); cmpDate(a.Day, lastWeek) >= 0 && a.Excused == "" && !slices.Contains(m.last, n) {
			m.last = append(m.last, n)
		}
	}
}

func sortedByID(as []Assignment) []Assignment {
	as = slices.Clone(as)
	slices.SortFunc(as, func(a, b Assignment) int { return strings.Compare(a.ID, b.ID) })
	return as
}

// place records an assignment in the week: its seat, and its resident's
// load and day.
func (p *planner) place(a Assignment, day int) {
	if m := p.byID[a.ResidentID]; m != nil {
		m.load += a.Credit()
		m.fresh += a.Credit()
		if day >= 0 && day < 7 {
			m.daily[day]++
		}
		p.hold(m, p.choreNum(a.ChoreID), day)
	}
	p.out = append(p.out, a)
	p.days = append(p.days, day)
}

// openSeats lists the seats of active chores not taken by kept
// assignments, heaviest first.
func (p *planner) openSeats(chores []Chore) []seat {
	taken := map[string]bool{}
	for _, a := range p.out {
		taken[a.ID] = true
	}
	var seats []seat
	for _, c := range chores {
		if !c.Active {
			continue
		}
		num := p.choreNum(c.ID)
		for day, d := range p.days7 {
			if !c.DueOn(d) {
				continue
			}
			for n := range c.People {
				if !taken[seatID(p.weekKey, day, c.ID, n)] {
					seats = append(seats, seat{chore: c, num: num, day: day, seat: n, effort: c.Effort})
				}
			}
		}
	}
	slices.SortFunc(seats, compareSeats)
	return seats
}

// compareSeats puts the heaviest chores first, then those needing more
// people, then by day, chore and seat.
func compareSeats(a, b seat) int {
	return cmp.Or(
		cmp.Compare(b.effort, a.effort),
		cmp.Compare(b.chore.People, a.chore.People),
		cmp.Compare(a.day, b.day),
		strings.Compare(a.chore.ID, b.chore.ID),
		cmp.Compare(a.seat, b.seat),
	)
}

func (p *planner) fill(seats []seat) {
	for _, s := range seats {
		a := Assignment{
			V: schemaVersion, ID: seatID(p.weekKey, s.day, s.chore.ID, s.seat),
			Week: p.week, Day: p.days7[s.day], ChoreID: s.chore.ID,
			Chore: s.chore.Name, Effort: s.effort, Seat: s.seat, Status: ChoreAssigned,
		}
		if m := p.choose(s.num, s.day, s.effort); m != nil {
			a.ResidentID = m.id
		}
		p.place(a, s.day)
	}
}

// score is a member's load per day available, scaled so that a resident
// available every day of the window scores 1000 x load.
func (p *planner) score(m *member, extra int) int64 {
	return int64(m.load+extra) * p.scale / int64(m.avail)
}

// minScore is the lightest load among the week's residents.
func (p *planner) minScore() int64 {
	low := int64(-1)
	for _, m := range p.members {
		if s := p.score(m, 0); low < 0 || s < low {
			low = s
		}
	}
	return low
}

// candidate is how one resident ranks for a seat; lower is better.
type candidate struct {
	over    bool // taking it would lift them out of the fairness band
	repeat  bool // they had this chore last week
	score   int64
	fresh   int64 // score without the window's oldest week, which drops out next week
	sameDay int
	order   int
}

// less ranks candidates: within the fairness band, someone who did not
// have the chore last week first; outside it (nobody is within), simply
// the lightest load, which is what brings the band back.
func (c candidate) less(o candidate) bool {
	if c.over != o.over {
		return !c.over
	}
	if c.over {
		return cmp.Or(cmp.Compare(c.score, o.score), cmp.Compare(c.fresh, o.fresh), compareBool(c.repeat, o.repeat),
			cmp.Compare(c.sameDay, o.sameDay), cmp.Compare(c.order, o.order)) < 0
	}
	return cmp.Or(compareBool(c.repeat, o.repeat), cmp.Compare(c.score, o.score), cmp.Compare(c.fresh, o.fresh),
		cmp.Compare(c.sameDay, o.sameDay), cmp.Compare(c.order, o.order)) < 0
}

// compareBool orders false before true.
func compareBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

// choose picks the resident for a seat of a chore (by number) on a day,
// or nil when nobody available can take it.
func (p *planner) choose(chore, day, effort int) *member {
	band := p.minScore() + int64(p.pmax)*1000
	taken := p.held[choreDay{chore, day}]
	var best *member
	var bestC candidate
	for _, m := range p.members {
		if !m.week[day] || slices.Contains(taken, m) {
			continue
		}
		c := candidate{
			over:    p.score(m, effort) > band,
			repeat:  slices.Contains(m.last, chore),
			score:   p.score(m, 0),
			fresh:   int64(m.fresh) * p.scale / int64(m.avail),
			sameDay: m.daily[day],
			order:   m.order,
		}
		if best == nil || c.less(bestC) {
			best, bestC = m, c
		}
	}
	return best
}

// repair trades seats of equal effort to end repeats of last week's chore.
// Each trade ends at least one repeat and starts none, so it stops.
func (p *planner) repair() {
	for changed := true; changed; {
		changed = false
		for i := p.fixed; i < len(p.out); i++ {
			if !p.isRepeat(i) {
				continue
			}
			for j := p.fixed; j < len(p.out); j++ {
				if p.canTrade(i, j) {
					p.trade(i, j)
					changed = true
					break
				}
			}
		}
	}
}

func (p *planner) isRepeat(i int) bool {
	m := p.byID[p.out[i].ResidentID]
	return m != nil && slices.Contains(m.last, p.choreNum(p.out[i].ChoreID))
}

// canTrade reports whether the residents of seats i and j can trade
// without a repeat on either side, a change in load, a resident on a day
// they are not available, or one resident twice on a chore in a day.
func (p *planner) canTrade(i, j int) bool {
	a, b := p.out[i], p.out[j]
	ma, mb := p.byID[a.ResidentID], p.byID[b.ResidentID]
	if ma == nil || mb == nil || ma == mb || a.Effort != b.Effort || a.ChoreID == b.ChoreID {
		return false
	}
	ca, cb := p.choreNum(a.ChoreID), p.choreNum(b.ChoreID)
	da, db := p.days[i], p.days[j]
	return !slices.Contains(mb.last, ca) && !slices.Contains(ma.last, cb) &&
		mb.week[da] && ma.week[db] &&
		!p.holds(mb, ca, da) && !p.holds(ma, cb, db)
}

func (p *planner) trade(i, j int) {
	a, b := &p.out[i], &p.out[j]
	ma, mb := p.byID[a.ResidentID], p.byID[b.ResidentID]
	ca, cb := p.choreNum(a.ChoreID), p.choreNum(b.ChoreID)
	da, db := p.days[i], p.days[j]
	p.release(ma, ca, da)
	p.release(mb, cb, db)
	p.hold(mb, ca, da)
	p.hold(ma, cb, db)
	ma.daily[da]--
	mb.daily[db]--
	mb.daily[da]++
	ma.daily[db]++
	a.ResidentID, b.ResidentID = mb.id, ma.id
}

// ---- the roster in the store -----------------------------------------------

// Roster is one week's assignments.
type Roster struct {
	Week        Date         // the week's first day
	Assignments []Assignment // by day, then chore, then seat
}

// Uncovered lists the seats nobody was available to take.
func (r Roster) Uncovered() []Assignment {
	var out []Assignment
	for _, a := range r.Assignments {
		if !a.Covered() {
			out = append(out, a)
		}
	}
	return out
}

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
	return Span{from, to}, !to.Before(from)
}

// passOff reads the overnight passes of residents living in the house at
// any time from..to, as the days they excuse, when the house excuses
// passes (nil otherwise).
func (s *Store) passOff(cs ChoreSettings, from, to Date) (map[string][]Span, error) {
	if !cs.ExcuseOvernightPass {
		return nil, nil
	}
	rs, err := s.Residents()
	if err != nil {
		return nil, err
	}
	out := map[string][]Span{}
	for _, r := range rs {
		if last, ok := r.LastStay(); !r.Active() && (!ok || last.MoveOut.Before(from)) {
			continue
		}
		ps, err := s.Passes(r.ID, from, to)
		if err != nil {
			return nil, err
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
	if err := scanJSON(txn, pfxRes, func(r Resident) error { c.residents = append(c.residents, r); return nil }); err != nil {
		return nil, fmt.Errorf("list residents: %w", err)
	}
	from := c.week.AddDays(-7 * max(c.settings.Window()-1, 1)) // last week at least, for repeats
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
	stop := []byte(pfxRoster + dateKey(to))
	it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte(pfxRoster), PrefetchValues: true, PrefetchSize: 64})
	defer it.Close()
	for it.Seek([]byte(pfxRoster + dateKey(from))); it.Valid(); it.Next() {
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
			m.Present = append(m.Present, Span{st.MoveIn, st.MoveOut.AddDays(-1)})
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
	return append(off, Span{moveIn, moveIn.WeekStart(c.house.WeekStart).AddDays(6)})
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
		stays := cmpDate(a.Day, today) < 0 || a.Status != ChoreAssigned ||
			(active[a.ChoreID] && a.Covered() && inSpans(present[a.ResidentID], a.Day) && (a.Locked || a.Excused != ""))
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
	week, err := s.weekOf(week)
	if err != nil {
		return Roster{}, err
	}
	off, err := s.offAround(week, week.AddDays(6))
	if err != nil {
		return Roster{}, err
	}
	today := s.Today()
	var out Roster
	err = s.write(by, "roster.generate", "week of "+week.Pretty(), func(txn *badger.Txn) error {
		c, err := loadRosterContext(txn, week)
		if err != nil {
			return err
		}
		if err := c.check(); err != nil {
			return err
		}
		keep, drop := c.split(today)
		plan := PlanRoster(c.input(keep, off, ""))
		if err := replaceAssignments(txn, drop, plan); err != nil {
			return err
		}
		out = Roster{Week: week, Assignments: plan}
		return nil
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
func (s *Store) offAround(first, last Date) (map[string][]Span, error) {
	cs, err := s.ChoreSettings()
	if err != nil {
		return nil, err
	}
	return s.passOff(cs, first.AddDays(-7*(cs.Window()-1)), last)
}

// weekOf returns the first day of the house week containing d.
func (s *Store) weekOf(d Date) (Date, error) {
	h, err := s.House()
	if err != nil {
		return Date{}, err
	}
	start, _ := h.Week(d)
	return start, nil
}

// Roster returns the roster of the week containing week; its Assignments
// are empty when none was made.
func (s *Store) Roster(week Date) (Roster, error) {
	week, err := s.weekOf(week)
	if err != nil {
		return Roster{}, err
	}
	out := Roster{Week: week}
	err = s.read(func(txn *badger.Txn) error {
		out.Assignments, err = readRosterRange(txn, week, week.AddDays(1))
		return err
	})
	if err != nil {
		return Roster{}, fmt.Errorf("read the chore roster: %w", err)
	}
	return out, nil
}

// Assignment returns one assignment by ID.
func (s *Store) Assignment(id string) (Assignment, error) {
	key, err := rosterKeyOf(id)
	if err != nil {
		return Assignment{}, err
	}
	var a Assignment
	err = s.read(func(txn *badger.Txn) error { return getJSON(txn, key, &a) })
	if err != nil {
		return Assignment{}, fmt.Errorf("read chore assignment: %w", err)
	}
	return a, nil
}

// ---- manager edits and the kiosk tick ---------------------------------------

// Fields of the excuse and missed forms.
const (
	FieldExcuseReason = "Reason"
	FieldMissedNote   = "Note"
)

// editAssignment reads an assignment, lets check refuse or change it, and
// saves it with an audit entry in one transaction. When check fails,
// nothing is written.
func (s *Store) editAssignment(by Actor, action, id string, check func(txn *badger.Txn, a *Assignment) error) error {
	a, err := s.Assignment(id)
	if err != nil {
		return err
	}
	return s.write(by, action, a.Label(), func(txn *badger.Txn) error {
		if err := getJSON(txn, rosterKey(a), &a); err != nil {
			return fmt.Errorf("read chore assignment: %w", err)
		}
		if err := check(txn, &a); err != nil {
			return err
		}
		return putJSON(txn, rosterKey(a), a)
	})
}

// readResidentTxn reads a resident inside a transaction.
func readResidentTxn(txn *badger.Txn, id string) (Resident, error) {
	var r Resident
	if err := getJSON(txn, pfxRes+id, &r); err != nil {
		return Resident{}, fmt.Errorf("read resident: %w", err)
	}
	return r, nil
}

// canChange refuses changing who does a chore already ticked, verified or
// marked missed.
func canChange(a Assignment) error {
	switch a.Status {
	case ChoreDone, ChoreVerified:
		return fmt.Errorf("%s is already done; it can no longer be moved", a.Label())
	case ChoreMissed:
		return fmt.Errorf("%s was marked missed; reopen it first to give it to someone", a.Label())
	}
	return nil
}

// holdsSeat reports whether the resident already holds another seat of
// the same chore on the same day.
func holdsSeat(txn *badger.Txn, a Assignment, residentID string) (bool, error) {
	prefix := rosterPrefix(a.Week) + fmt.Sprintf("%s.%d.%s.", dateKey(a.Week), a.dayIndex(), a.ChoreID)
	found := false
	err := scanJSON(txn, prefix, func(o Assignment) error {
		found = found || (o.ID != a.ID && o.ResidentID == residentID)
		return nil
	})
	return found, err
}

// Swap trades the residents of two assignments (of the same week or not).
// Both must be open, held by two different residents who both live in the
// house, and neither may end up twice on one chore in a day.
func (s *Store) Swap(by Actor, idA, idB string) error {
	if err := requireStaff(by); err != nil {
		return err
	}
	if idA == idB {
		return errors.New("choose two different chores to swap")
	}
	a, err := s.Assignment(idA)
	if err != nil {
		return err
	}
	b, err := s.Assignment(idB)
	if err != nil {
		return err
	}
	return s.write(by, "roster.swap", a.Label()+" ⇄ "+b.Label(), func(txn *badger.Txn) error {
		for _, x := range []*Assignment{&a, &b} {
			if err := getJSON(txn, rosterKey(*x), x); err != nil {
				return fmt.Errorf("read chore assignment: %w", err)
			}
		}
		if err := checkSwap(txn, a, b); err != nil {
			return err
		}
		a.ResidentID, b.ResidentID = b.ResidentID, a.ResidentID
		if err := putJSON(txn, rosterKey(a), a); err != nil {
			return err
		}
		return putJSON(txn, rosterKey(b), b)
	})
}

func checkSwap(txn *badger.Txn, a, b Assignment) error {
	for _, x := range []Assignment{a, b} {
		if !x.Covered() {
			return fmt.Errorf("nobody has %s; use Reassign to give it to someone", x.Label())
		}
		if x.Excused != "" {
			return fmt.Errorf("%s is excused from %s; use Reassign to give it to someone else", nameOf(txn, x.ResidentID), x.Label())
		}
		if err := canChange(x); err != nil {
			return err
		}
	}
	if a.ResidentID == b.ResidentID {
		return fmt.Errorf("both chores are %s's already", nameOf(txn, a.ResidentID))
	}
	for _, p := range [][2]Assignment{{a, b}, {b, a}} {
		if err := checkTaker(txn, p[0], p[1].ResidentID); err != nil {
			return err
		}
	}
	return nil
}

// checkTaker refuses giving a to a resident who has moved out or already
// holds another seat of it that day.
func checkTaker(txn *badger.Txn, a Assignment, residentID string) error {
	r, err := readResidentTxn(txn, residentID)
	if errors.Is(err, ErrNotFound) {
		return errors.New("choose a resident who lives in the house")
	}
	if err != nil {
		return err
	}
	if !r.Active() {
		return fmt.Errorf("%s has moved out; choose someone who lives in the house", r.Short())
	}
	dup, err := holdsSeat(txn, a, residentID)
	if err != nil {
		return err
	}
	if dup {
		return fmt.Errorf("%s already has %s", r.Short(), a.Label())
	}
	return nil
}

// nameOf is a resident's short name for a message, or "someone".
func nameOf(txn *badger.Txn, id string) string {
	r, err := readResidentTxn(txn, id)
	if err != nil {
		return "someone"
	}
	return r.Short()
}

// Reassign gives an open assignment to another resident who lives in the
// house. Any excuse is cleared (it belonged to the previous resident); a
// lock stays.
func (s *Store) Reassign(by Actor, id, residentID string) error {
	if err := requireStaff(by); err != nil {
		return err
	}
	return s.editAssignment(by, "roster.reassign", id, func(txn *badger.Txn, a *Assignment) error {
		if a.ResidentID == residentID {
			return fmt.Errorf("%s already has %s", nameOf(txn, residentID), a.Label())
		}
		if err := canChange(*a); err != nil {
			return err
		}
		if err := checkTaker(txn, *a, residentID); err != nil {
			return err
		}
		a.ResidentID, a.Excused = residentID, ""
		return nil
	})
}

// Lock keeps an assignment as it is when the week is regenerated (locked
// true), or lets regeneration move it again (false).
func (s *Store) Lock(by Actor, id string, locked bool) error {
	if err := requireStaff(by); err != nil {
		return err
	}
	action := "roster.unlock"
	if locked {
		action = "roster.lock"
	}
	return s.editAssignment(by, action, id, func(_ *badger.Txn, a *Assignment) error {
		if locked && !a.Covered() {
			return fmt.Errorf("nobody has %s; assign someone before locking it", a.Label())
		}
		a.Locked = locked
		return nil
	})
}

// Excuse excuses the resident from an assignment, with a reason. The chore
// is then not expected of them and is not held against them; to have
// someone else do it, Reassign it instead. A missed chore can be excused
// afterwards.
func (s *Store) Excuse(by Actor, id, reason string) error {
	if err := requireStaff(by); err != nil {
		return err
	}
	reason = strings.Join(strings.Fields(reason), " ")
	if reason == "" {
		return ValidationError{{FieldExcuseReason, "say why they are excused"}}
	}
	return s.editAssignment(by, "roster.excuse", id, func(_ *badger.Txn, a *Assignment) error {
		if !a.Covered() {
			return fmt.Errorf("nobody has %s, so there is nobody to excuse", a.Label())
		}
		if a.Status == ChoreDone || a.Status == ChoreVerified {
			return fmt.Errorf("%s is already done; there is nothing to excuse", a.Label())
		}
		a.Excused, a.Status, a.Note = reason, ChoreAssigned, ""
		return nil
	})
}

// MarkDone ticks an assignment done. At the kiosk (by a resident) only the
// resident's own chore can be ticked, and not one a manager marked missed;
// a manager may tick any. A chore cannot be ticked before its day.
// Ticking a chore already ticked changes nothing.
func (s *Store) MarkDone(by Actor, id string) error {
	a, err := s.Assignment(id)
	if err != nil {
		return err
	}
	if a.Status == ChoreDone || a.Status == ChoreVerified {
		return nil
	}
	today, now := s.Today(), s.Now()
	return s.editAssignment(by, "roster.done", id, func(_ *badger.Txn, a *Assignment) error {
		if err := checkDone(by, *a, today); err != nil {
			return err
		}
		a.Status, a.DoneAt = ChoreDone, now
		return nil
	})
}

func checkDone(by Actor, a Assignment, today Date) error {
	switch {
	case !a.Covered():
		return fmt.Errorf("nobody has %s; a manager must assign it first", a.Label())
	case by.Kind == ActorResident && by.ID != a.ResidentID:
		return ErrNotYours
	case a.Excused != "":
		return fmt.Errorf("you are excused from %s", a.Label())
	case by.Kind == ActorResident && a.Status == ChoreMissed:
		return fmt.Errorf("%s was marked missed; talk to the house manager", a.Label())
	case a.Day.After(today):
		return fmt.Errorf("%s is for %s; tick it off on the day", a.Chore, a.Day.Pretty())
	}
	return nil
}

// Verify records that a manager checked an assignment was done (ticked at
// the kiosk or not).
func (s *Store) Verify(by Actor, id string) error {
	if err := requireStaff(by); err != nil {
		return err
	}
	today, now := s.Today(), s.Now()
	return s.editAssignment(by, "roster.verify", id, func(_ *badger.Txn, a *Assignment) error {
		if err := checkJudged(*a, today, "verify"); err != nil {
			return err
		}
		if a.DoneAt.IsZero() || a.Status == ChoreMissed {
			a.DoneAt = now
		}
		a.Status, a.Note = ChoreVerified, ""
		return nil
	})
}

// MarkMissed records, with a note, that an assignment was not done. A
// missed chore counts against the resident's week and no effort is
// credited for it.
func (s *Store) MarkMissed(by Actor, id, note string) error {
	if err := requireStaff(by); err != nil {
		return err
	}
	note = strings.TrimSpace(note)
	if note == "" {
		return ValidationError{{FieldMissedNote, "say briefly what was missed"}}
	}
	today := s.Today()
	return s.editAssignment(by, "roster.missed", id, func(_ *badger.Txn, a *Assignment) error {
		if err := checkJudged(*a, today, "mark missed"); err != nil {
			return err
		}
		a.Status, a.Note, a.DoneAt = ChoreMissed, note, time.Time{}
		return nil
	})
}

// Reopen takes an assignment back to "assigned", undoing a tick, a
// verification or a missed mark made in error.
func (s *Store) Reopen(by Actor, id string) error {
	if err := requireStaff(by); err != nil {
		return err
	}
	return s.editAssignment(by, "roster.reopen", id, func(_ *badger.Txn, a *Assignment) error {
		a.Status, a.Note, a.DoneAt = ChoreAssigned, "", time.Time{}
		return nil
	})
}

// checkJudged refuses verifying or marking missed a chore with nobody on
// it, an excused one, or one whose day has not come.
func checkJudged(a Assignment, today Date, what string) error {
	switch {
	case !a.Covered():
		return fmt.Errorf("nobody has %s; there is nothing to %s", a.Label(), what)
	case a.Excused != "":
		return fmt.Errorf("%s is excused; there is nothing to %s", a.Label(), what)
	case a.Day.After(today):
		return fmt.Errorf("%s is for %s; %s it on or after that day", a.Chore, a.Day.Pretty(), what)
	}
	return nil
}

// ---- handing on --------------------------------------------------------------

// HandOnChores hands on a resident's open assignments from the day from
// onward (this week and any later week already rostered; never days
// before today) to the other residents, chosen by the rotation's rules.
// Call it when a resident moves out; it works whether their record says
// moved out yet or not. A seat nobody else can take is left uncovered.
func (s *Store) HandOnChores(by Actor, residentID string, from Date) error {
	return s.handOn(by, residentID, Span{From: from})
}

// HandOnPass hands on a resident's open assignments on the days an
// overnight pass excuses (PassChoreDays), when the house's ChoreSettings
// excuse passes; otherwise it changes nothing. Call it after AddPass:
// GenerateRoster already leaves out passes recorded before it runs.
func (s *Store) HandOnPass(by Actor, p Pass) error {
	cs, err := s.ChoreSettings()
	if err != nil {
		return err
	}
	span, ok := PassChoreDays(p)
	if !cs.ExcuseOvernightPass || !ok {
		return nil
	}
	return s.handOn(by, p.ResidentID, span)
}

func (s *Store) handOn(by Actor, residentID string, span Span) error {
	r, err := s.Resident(residentID)
	if err != nil {
		return err
	}
	if today := s.Today(); span.From.Before(today) {
		span.From = today // days gone by stay as they were
	}
	if !span.To.IsZero() && span.To.Before(span.From) {
		return nil
	}
	first, err := s.weekOf(span.From)
	if err != nil {
		return err
	}
	last := span.To
	if last.IsZero() {
		last = first.AddDays(7 * MaxWindowWeeks)
	}
	off, err := s.offAround(first, last)
	if err != nil {
		return err
	}
	// Audited only when something moved: a resident with no open chores
	// (or a house with no roster) leaves no hand-on entry.
	return s.db.Update(func(txn *badger.Txn) error {
		weeks, err := rosterWeeks(txn, first, span.To)
		if err != nil {
			return err
		}
		moved := 0
		for _, wk := range weeks {
			n, err := handOnWeek(txn, wk, residentID, span, off)
			if err != nil {
				return err
			}
			moved += n
		}
		if moved == 0 {
			return nil
		}
		return s.appendAudit(txn, by, "roster.hand-on", r.Short())
	})
}

// rosterWeeks lists the weeks with a roster from first on, up to the week
// holding last (no end when last is zero).
func rosterWeeks(txn *badger.Txn, first, last Date) ([]Date, error) {
	it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte(pfxRoster)})
	defer it.Close()
	var out []Date
	seen := ""
	for it.Seek([]byte(pfxRoster + dateKey(first))); it.Valid(); it.Next() {
		wk, _, _ := strings.Cut(strings.TrimPrefix(string(it.Item().Key()), pfxRoster), "/")
		if wk == seen {
			continue
		}
		seen = wk
		d, err := parseDateKey(wk)
		if err != nil {
			return nil, err
		}
		if !last.IsZero() && d.After(last) {
			break
		}
		out = append(out, d)
	}
	return out, nil
}

// handOnWeek moves the resident's open assignments within span in one
// week to others, choosing as PlanRoster would.
func handOnWeek(txn *badger.Txn, week Date, residentID string, span Span, off map[string][]Span) (int, error) {
	c, err := loadRosterContext(txn, week)
	if err != nil {
		return 0, err
	}
	var moving, keep []Assignment
	for _, a := range c.current {
		if a.ResidentID == residentID && a.Open() && span.Contains(a.Day) {
			moving = append(moving, a)
		} else {
			keep = append(keep, a)
		}
	}
	if len(moving) == 0 {
		return 0, nil
	}
	p := newPlanner(c.input(keep, off, residentID))
	for _, a := range moving {
		a.ResidentID, a.Locked = "", false
		if m := p.choose(p.choreNum(a.ChoreID), a.dayIndex(), a.Effort); m != nil {
			a.ResidentID = m.id
		}
		p.place(a, a.dayIndex())
		if err := putJSON(txn, rosterKey(a), a); err != nil {
			return 0, err
		}
	}
	return len(moving), nil
}

// ---- views: the kiosk, accountability, the chart, the coordinator -----------

// RosterCell is an assignment with its resident's names.
type RosterCell struct {
	Assignment
	Name  string // the resident's full name ("María José Núñez" or preferred), "" when uncovered
	Short string // "Majo N.", for the chart on the fridge and the kiosk
}

// RosterRow is one chore's line of the chart: its assignments day by day.
type RosterRow struct {
	Chore Chore
	Days  [7][]RosterCell // Days[0] is the week's first day; seats in order
}

// MyChore is an assignment as the kiosk shows it to its resident.
type MyChore struct {
	Assignment
	Area      string
	Checklist []string
}

// weekView reads a week's assignments with the chores and residents they
// name, in one transaction.
type weekView struct {
	week      Date
	items     []Assignment
	chores    map[string]Chore
	residents map[string]Resident
}

func (s *Store) readWeek(day Date) (*weekView, error) {
	week, err := s.weekOf(day)
	if err != nil {
		return nil, err
	}
	v := &weekView{week: week, chores: map[string]Chore{}, residents: map[string]Resident{}}
	err = s.read(func(txn *badger.Txn) error {
		if v.items, err = readRosterRange(txn, week, week.AddDays(1)); err != nil {
			return err
		}
		if err := scanJSON(txn, pfxChore, func(c Chore) error { v.chores[c.ID] = c; return nil }); err != nil {
			return err
		}
		return scanJSON(txn, pfxRes, func(r Resident) error { v.residents[r.ID] = r; return nil })
	})
	if err != nil {
		return nil, fmt.Errorf("read the chore roster: %w", err)
	}
	return v, nil
}

func (v *weekView) cell(a Assignment) RosterCell {
	c := RosterCell{Assignment: a}
	if r, ok := v.residents[a.ResidentID]; ok {
		c.Name, c.Short = r.Display(), r.Short()
	}
	return c
}

// chore returns the chore an assignment names, or one rebuilt from the
// assignment when the chore has been deleted.
func (v *weekView) chore(a Assignment) Chore {
	if c, ok := v.chores[a.ChoreID]; ok {
		return c
	}
	return Chore{ID: a.ChoreID, Name: a.Chore, Effort: a.Effort, Frequency: Weekly, Weekday: a.Day.Weekday(), People: 1}
}

// MyChores lists a resident's assignments in the week containing week, by
// day, with what "done" means for each: the kiosk's "my chores this week".
// It holds nothing about other residents.
func (s *Store) MyChores(residentID string, week Date) ([]MyChore, error) {
	v, err := s.readWeek(week)
	if err != nil {
		return nil, err
	}
	var out []MyChore
	for _, a := range v.items {
		if a.ResidentID == residentID {
			c := v.chore(a)
			out = append(out, MyChore{Assignment: a, Area: c.Area, Checklist: c.Checklist})
		}
	}
	return out, nil
}

// MissedChores lists a resident's assignments marked missed in the week
// containing week, for the accountability views and the weekly report.
func (s *Store) MissedChores(residentID string, week Date) ([]Assignment, error) {
	r, err := s.Roster(week)
	if err != nil {
		return nil, err
	}
	var out []Assignment
	for _, a := range r.Assignments {
		if a.ResidentID == residentID && a.Status == ChoreMissed {
			out = append(out, a)
		}
	}
	return out, nil
}

// RosterGrid lays out the week containing week for the chore chart: one
// row per chore, daily chores first, then weekly ones in the order of
// their day, each by name.
func (s *Store) RosterGrid(week Date) ([]RosterRow, error) {
	v, err := s.readWeek(week)
	if err != nil {
		return nil, err
	}
	return v.grid(), nil
}

// RosterGridOf is RosterGrid over plain inputs: a week's assignments, and
// the chores and residents they name.
func RosterGridOf(week Date, assignments []Assignment, chores []Chore, residents []Resident) []RosterRow {
	v := &weekView{week: week, items: assignments, chores: map[string]Chore{}, residents: map[string]Resident{}}
	for _, c := range chores {
		v.chores[c.ID] = c
	}
	for _, r := range residents {
		v.residents[r.ID] = r
	}
	return v.grid()
}

func (v *weekView) grid() []RosterRow {
	rows := map[string]*RosterRow{}
	var order []*RosterRow
	for _, a := range sortedByID(v.items) {
		row := rows[a.ChoreID]
		if row == nil {
			row = &RosterRow{Chore: v.chore(a)}
			rows[a.ChoreID] = row
			order = append(order, row)
		}
		if d := a.dayIndex(); d >= 0 && d < 7 {
			row.Days[d] = append(row.Days[d], v.cell(a))
		}
	}
	first := v.week.Weekday()
	slices.SortStableFunc(order, func(a, b *RosterRow) int {
		return cmp.Or(cmp.Compare(chartRank(a.Chore, first), chartRank(b.Chore, first)),
			cmp.Compare(strings.ToLower(a.Chore.Name), strings.ToLower(b.Chore.Name)),
			strings.Compare(a.Chore.ID, b.Chore.ID))
	})
	out := make([]RosterRow, len(order))
	for i, r := range order {
		out[i] = *r
	}
	return out
}

// chartRank puts daily chores first, then weekly ones by their day's
// place in the week.
func chartRank(c Chore, first time.Weekday) int {
	if c.Frequency == Daily {
		return -1
	}
	return (int(c.Weekday) - int(first) + 7) % 7
}

// ChoreTally is one resident's chores in a week, for the coordinator's
// report.
type ChoreTally struct {
	ResidentID string
	Name       string
	Assigned   int // all their assignments
	Done       int // ticked or verified
	Verified   int
	Missed     int
	Excused    int
	NotTicked  int // neither ticked, verified, missed nor excused
}

// CoordinatorReport is the chore coordinator's report to the house
// meeting: who did which chore in the week reported on, done or missed,
// and next week's list. Managers' notes on missed chores are left out.
type CoordinatorReport struct {
	Week     Date         // the week reported on (usually the one just ending)
	Chores   []RosterCell // its assignments, by day then chore
	Tally    []ChoreTally // per resident, by name
	NextWeek Date
	Next     []RosterCell // next week's roster; empty until it is made
}

// CoordinatorReport builds the coordinator's report for the week
// containing week and the week after it.
func (s *Store) CoordinatorReport(week Date) (CoordinatorReport, error) {
	v, err := s.readWeek(week)
	if err != nil {
		return CoordinatorReport{}, err
	}
	next, err := s.readWeek(v.week.AddDays(7))
	if err != nil {
		return CoordinatorReport{}, err
	}
	rep := CoordinatorReport{Week: v.week, NextWeek: next.week}
	for _, a := range v.items {
		a.Note = ""
		rep.Chores = append(rep.Chores, v.cell(a))
	}
	for _, a := range next.items {
		a.Note = ""
		rep.Next = append(rep.Next, next.cell(a))
	}
	rep.Tally = tally(rep.Chores)
	return rep, nil
}

func tally(cells []RosterCell) []ChoreTally {
	byID := map[string]*ChoreTally{}
	var out []*ChoreTally
	for _, c := range cells {
		if !c.Covered() {
			continue
		}
		t := byID[c.ResidentID]
		if t == nil {
			t = &ChoreTally{ResidentID: c.ResidentID, Name: c.Name}
			byID[c.ResidentID] = t
			out = append(out, t)
		}
		t.count(c.Assignment)
	}
	slices.SortFunc(out, func(a, b *ChoreTally) int {
		return cmp.Or(strings.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name)), strings.Compare(a.ResidentID, b.ResidentID))
	})
	res := make([]ChoreTally, len(out))
	for i, t := range out {
		res[i] = *t
	}
	return res
}

func (t *ChoreTally) count(a Assignment) {
	t.Assigned++
	switch {
	case a.Excused != "":
		t.Excused++
	case a.Status == ChoreVerified:
		t.Done++
		t.Verified++
	case a.Status == ChoreDone:
		t.Done++
	case a.Status == ChoreMissed:
		t.Missed++
	default:
		t.NotTicked++
	}
}

// CoordinatorReportText is the coordinator's report as text for the
// minutes of a house meeting held on meetingDate. It reports on the last
// week that has ended by that day (a Sunday meeting reports on the week
// ending that Sunday, a Wednesday meeting on the week before) and lists
// the week after it. Its method value is a ChoreReportFunc:
// MeetingStart{ChoreReport: st.CoordinatorReportText}. It is empty when
// neither week has a roster.
func (s *Store) CoordinatorReportText(meetingDate Date) (string, error) {
	week, err := s.weekOf(meetingDate)
	if err != nil {
		return "", err
	}
	if week.AddDays(6).After(meetingDate) {
		week = week.AddDays(-7)
	}
	rep, err := s.CoordinatorReport(week)
	if err != nil {
		return "", err
	}
	if len(rep.Chores) == 0 && len(rep.Next) == 0 {
		return "", nil // no roster for either week: nothing to report
	}
	return rep.Text(), nil
}

// Text writes the report as plain lines: a summary of the week, who did
// which chore (✓ done, ✗ missed, – not ticked), and next week's list.
func (rep CoordinatorReport) Text() string {
	var b strings.Builder
	fmt.Fprintf(&b, "Week of %s: %s.\n", rep.Week.Pretty(), rep.summary())
	past := choresByPerson(rep.Chores, func(a Assignment) string {
		switch {
		case a.Excused != "":
			return " (excused)"
		case a.Status == ChoreDone || a.Status == ChoreVerified:
			return " ✓"
		case a.Status == ChoreMissed:
			return " ✗"
		}
		return " –"
	})
	for _, line := range past {
		b.WriteString(line + "\n")
	}
	if len(rep.Next) == 0 {
		fmt.Fprintf(&b, "Week of %s: the roster is not made yet.\n", rep.NextWeek.Pretty())
		return b.String()
	}
	fmt.Fprintf(&b, "Next week, from %s:\n", rep.NextWeek.Pretty())
	for _, line := range choresByPerson(rep.Next, func(Assignment) string { return "" }) {
		b.WriteString(line + "\n")
	}
	return b.String()
}

func (rep CoordinatorReport) summary() string {
	if len(rep.Tally) == 0 {
		return "no chore roster was made"
	}
	var t ChoreTally
	for _, x := range rep.Tally {
		t.Assigned += x.Assigned
		t.Done += x.Done
		t.Missed += x.Missed
		t.Excused += x.Excused
		t.NotTicked += x.NotTicked
	}
	return fmt.Sprintf("%d of %d chores done, %d missed, %d excused, %d not ticked",
		t.Done, t.Assigned, t.Missed, t.Excused, t.NotTicked)
}

// choresByPerson writes one line per resident, by name: "Ana Núñez:
// Dishes Mon ✓, Thu ✗; Yard Sat ✓", each day followed by mark.
func choresByPerson(cells []RosterCell, mark func(Assignment) string) []string {
	type group struct {
		name   string
		chores []string
		days   map[string][]string
	}
	groups := map[string]*group{}
	var order []*group
	for _, c := range cells {
		if !c.Covered() {
			continue
		}
		g := groups[c.ResidentID]
		if g == nil {
			g = &group{name: c.Name, days: map[string][]string{}}
			groups[c.ResidentID] = g
			order = append(order, g)
		}
		if _, ok := g.days[c.Chore]; !ok {
			g.chores = append(g.chores, c.Chore)
		}
		g.days[c.Chore] = append(g.days[c.Chore], c.Day.Weekday().String()[:3]+mark(c.Assignment))
	}
	slices.SortStableFunc(order, func(a, b *group) int { return strings.Compare(strings.ToLower(a.name), strings.ToLower(b.name)) })
	lines := make([]string, len(order))
	for i, g := range order {
		parts := make([]string, len(g.chores))
		for k, ch := range g.chores {
			parts[k] = ch + " " + strings.Join(g.days[ch], ", ")
		}
		lines[i] = g.name + ": " + strings.Join(parts, "; ")
	}
	return lines
}
