package rota

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"porchlight/data/cal"
)

// Balance windows: effort is balanced over this many weeks, this one included.
const (
	DefaultWindowWeeks = 8
	MaxWindowWeeks     = 26
)

// Chore is a chore as the rotation sees it: one the house has in use.
type Chore struct {
	ID     string
	Name   string
	Effort int // per time it is done
	People int // how many residents do it together
	// Due says on which days of the week it is due, by time.Weekday.
	Due [7]bool
}

// DueOn reports whether the chore is due on day d.
func (c Chore) DueOn(d cal.Date) bool { return c.Due[d.Weekday()] }

// Daily returns the Due of a chore due every day.
func Daily() [7]bool { return [7]bool{true, true, true, true, true, true, true} }

// Weekly returns the Due of a chore due once a week, on day.
func Weekly(day time.Weekday) [7]bool {
	var due [7]bool
	if day >= time.Sunday && day <= time.Saturday {
		due[day] = true
	}
	return due
}

// Member is a resident as the rotation sees them.
type Member struct {
	ID string
	// Present are the spans of days the resident lived in the house.
	Present []cal.Span
	// Off are spans of days the resident is excused from chores (an
	// overnight pass, the week they moved in).
	Off []cal.Span
}

// Available reports whether the member can be given a chore on day d.
func (m Member) Available(d cal.Date) bool {
	return cal.InSpans(m.Present, d) && !cal.InSpans(m.Off, d)
}

// Input is everything the rotation looks at.
type Input struct {
	Week    cal.Date // the week's first day
	Members []Member // the residents; those not available any day this week are ignored
	Chores  []Chore  // the chores in use
	// History holds earlier weeks' assignments; only the last Window-1
	// weeks before Week count. Order does not matter.
	History []Assignment
	// Keep holds this week's assignments that stay as they are (locked,
	// already done, earlier days); their seats are not filled again.
	Keep []Assignment
	// Window is the number of weeks, this one included, effort is balanced
	// over; 0 means DefaultWindowWeeks.
	Window int
	// Version is the schema version stamped on new assignments.
	Version int
}

// Plan makes a week's roster. It is deterministic: the same input, in
// any order, gives the same roster. Every seat of every chore due
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
func Plan(in Input) []Assignment {
	p := NewPlanner(in)
	p.fill(p.openSeats(in.Chores))
	p.repair()
	out := p.out
	slices.SortFunc(out, func(a, b Assignment) int { return strings.Compare(a.ID, b.ID) })
	return out
}

// Planner holds the rotation's working state for one week. Plan uses it
// to fill a week; a hand-on uses it to give seats to others one by one.
type Planner struct {
	week    cal.Date
	version int    // stamped on new assignments
	weekKey string // the week as YYYYMMDD, for seat IDs
	days7   [7]cal.Date
	scale   int64 // 1000 x days in the window: a full-time resident's score is 1000 x load
	pmax    int   // the heaviest chore's effort
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
func (p *Planner) holds(m *member, chore, day int) bool {
	return slices.Contains(p.held[choreDay{chore, day}], m)
}

func (p *Planner) hold(m *member, chore, day int) {
	k := choreDay{chore, day}
	p.held[k] = append(p.held[k], m)
}

func (p *Planner) release(m *member, chore, day int) {
	k := choreDay{chore, day}
	p.held[k] = slices.DeleteFunc(p.held[k], func(o *member) bool { return o == m })
}

type seat struct {
	chore  Chore
	num    int // the chore's number in the Planner
	day    int
	seat   int
	effort int
}

// windowStart is the first day effort is counted from: Window-1 weeks
// before this one, or the first week in the history if that is later, so
// days before the house kept rosters do not count as days without chores.
func windowStart(in Input) cal.Date {
	w := in.Window
	if w <= 0 {
		w = DefaultWindowWeeks
	}
	from := in.Week.AddDays(-7 * (w - 1))
	first := in.Week
	for _, a := range in.History {
		if a.Day.Compare(from) >= 0 && a.Day.Compare(first) < 0 {
			first = a.Day
		}
	}
	back := (in.Week.DayNumber() - first.DayNumber() + 6) / 7
	return in.Week.AddDays(-7 * back)
}

// NewPlanner sets up the rotation for a week: loads from the history,
// and the Keep assignments placed. Its seats are still empty.
func NewPlanner(in Input) *Planner {
	from := windowStart(in)
	p := &Planner{
		week: in.Week, version: in.Version, weekKey: in.Week.Key(),
		byID: map[string]*member{}, chores: map[string]int{}, held: map[choreDay][]*member{},
	}
	window := make([]cal.Date, 0, 7*MaxWindowWeeks)
	for d := from; len(window) == 0 || window[len(window)-1] != in.Week.AddDays(6); d = d.AddDays(1) {
		window = append(window, d)
	}
	copy(p.days7[:], window[len(window)-7:])
	p.scale = int64(1000 * len(window))
	p.addMembers(in.Members, window)
	p.countHistory(in.History, from)
	for _, c := range in.Chores {
		p.pmax = max(p.pmax, c.Effort)
	}
	for _, a := range sortedByID(in.Keep) {
		p.place(a, a.DayIndex())
	}
	p.fixed = len(p.out)
	return p
}

// choreNum gives each chore ID a small number, in order of first use.
func (p *Planner) choreNum(id string) int {
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
func (p *Planner) addMembers(ms []Member, window []cal.Date) {
	ms = slices.Clone(ms)
	slices.SortFunc(ms, func(a, b Member) int { return strings.Compare(a.ID, b.ID) })
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
	shift := p.week.DayNumber() / 7
	for i, m := range p.members {
		m.order = (i + shift) % len(p.members)
	}
}

// countHistory credits effort in the window from `from` (and the part of
// it that next week's window keeps) and notes last week's chores, which
// count even when the window is this week alone.
func (p *Planner) countHistory(hist []Assignment, from cal.Date) {
	lastWeek, fresh := p.week.AddDays(-7), from.AddDays(7)
	for _, a := range hist {
		if a.Day.Compare(p.week) >= 0 || a.Day.Compare(from) < 0 && a.Day.Compare(lastWeek) < 0 {
			continue
		}
		m := p.byID[a.ResidentID]
		if m == nil {
			continue
		}
		if a.Day.Compare(from) >= 0 {
			m.load += a.Credit()
		}
		if a.Day.Compare(fresh) >= 0 {
			m.fresh += a.Credit()
		}
		if n := p.choreNum(a.ChoreID); a.Day.Compare(lastWeek) >= 0 && a.Excused == "" && !slices.Contains(m.last, n) {
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
func (p *Planner) place(a Assignment, day int) {
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

// openSeats lists the seats of the chores not taken by kept
// assignments, heaviest first.
func (p *Planner) openSeats(chores []Chore) []seat {
	taken := map[string]bool{}
	for _, a := range p.out {
		taken[a.ID] = true
	}
	var seats []seat
	for _, c := range chores {
		num := p.choreNum(c.ID)
		for day, d := range p.days7 {
			if !c.DueOn(d) {
				continue
			}
			for n := range c.People {
				if !taken[SeatID(p.weekKey, day, c.ID, n)] {
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

func (p *Planner) fill(seats []seat) {
	for _, s := range seats {
		a := Assignment{
			V: p.version, ID: SeatID(p.weekKey, s.day, s.chore.ID, s.seat),
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
func (p *Planner) score(m *member, extra int) int64 {
	return int64(m.load+extra) * p.scale / int64(m.avail)
}

// minScore is the lightest load among the week's residents.
func (p *Planner) minScore() int64 {
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
func (p *Planner) choose(chore, day, effort int) *member {
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
func (p *Planner) repair() {
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

func (p *Planner) isRepeat(i int) bool {
	m := p.byID[p.out[i].ResidentID]
	return m != nil && slices.Contains(m.last, p.choreNum(p.out[i].ChoreID))
}

// canTrade reports whether the residents of seats i and j can trade
// without a repeat on either side, a change in load, a resident on a day
// they are not available, or one resident twice on a chore in a day.
func (p *Planner) canTrade(i, j int) bool {
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

func (p *Planner) trade(i, j int) {
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

// HandOn gives a's seat to whoever the rotation would choose among the
// input's members (so a resident left out of them never gets it back),
// unlocked, and counts it in their load. ResidentID is "" when nobody
// available can take it.
func (p *Planner) HandOn(a Assignment) Assignment {
	a.ResidentID, a.Locked = "", false
	if m := p.choose(p.choreNum(a.ChoreID), a.DayIndex(), a.Effort); m != nil {
		a.ResidentID = m.id
	}
	p.place(a, a.DayIndex())
	return a
}
