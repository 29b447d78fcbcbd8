package data

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"time"
)

// The history generator: a house lived in for years, written day by day
// through the same Store methods the screens and the kiosk call —
// residents move in and out with reasons, sign out to work and back (the
// odd one after curfew), log outside meetings, do their chores (most
// verified, a few missed), meet every week with minutes and motions, are
// paired with mentors who check in, meet their accountability partners,
// take tests, and move up through the phases. Benchmarks read it to show
// that a screen's cost follows the week it shows, not the years behind it;
// `porchlight demo --years N` makes one to look at.
//
// It is deterministic from its seed: every name, date, time and outcome
// follows it. Record IDs are random, and the house's own planners (chore
// rotation, partners) break ties by ID, so who did which chore can differ
// between two runs; the counts do not. With the vault opened WithBulkLoad
// (no sync per commit) ten years of a 40-bed house take about 40 seconds
// on a 2-core machine.

// HistoryOptions says how much history to make.
type HistoryOptions struct {
	Years int    // of history before today; 0: a new house, every bed just taken
	Seed  uint64 // the same seed makes the same house
	// Progress, when set, is told which year is being written.
	Progress func(string)
}

// GenerateHistory fills a new house (its beds set, nobody admitted yet)
// with Years of life up to yesterday; at the end nearly every bed is taken
// (a bed stays empty a few days between residents).
func GenerateHistory(st *Store, o HistoryOptions) error {
	g, err := newHistoryGen(st, o)
	if err != nil {
		return err
	}
	restore := st.now
	defer func() { st.now = restore }()
	st.now = func() time.Time { return g.clock }
	if err := g.setUp(); err != nil {
		return fmt.Errorf("history: set up the house: %w", err)
	}
	for d := g.start; d.Before(g.today); d = d.AddDays(1) {
		if d.Day == 1 && d.Month == time.January {
			o.progress(fmt.Sprintf("%d", d.Year))
		}
		if err := g.live(d); err != nil {
			return fmt.Errorf("history: %s: %w", d, err)
		}
	}
	return nil
}

func (o HistoryOptions) progress(what string) {
	if o.Progress != nil {
		o.Progress(what)
	}
}

// historyGen is the generator's state: who sleeps in which bed and until
// when, and the simulated clock the store reads.
type historyGen struct {
	st            *Store
	rng           *rand.Rand
	h             House
	loc           *time.Location
	start, today  Date
	clock         time.Time
	stays         map[string]*historyStay // by bed ID; nil: empty
	vacantUntil   map[string]Date
	house         MeetingSchedule
	lastMeeting   string   // ID of the last house meeting, its minutes to accept
	openIncidents []string // to resolve next week
	people        int      // residents admitted so far, for names
}

// historyStay is one resident's planned time in the house.
type historyStay struct {
	r       Resident
	leave   Date
	reason  string
	mentor  string // mentorship ID
	checkIn Date   // next mentor check-in
}

func newHistoryGen(st *Store, o HistoryOptions) (*historyGen, error) {
	if o.Years < 0 {
		return nil, fmt.Errorf("history: years must not be negative")
	}
	h, err := st.House()
	if err != nil {
		return nil, err
	}
	today := st.Today()
	g := &historyGen{st: st, rng: rand.New(rand.NewPCG(o.Seed, uint64(o.Years))), h: h, loc: st.houseZone(),
		today: today, start: today.AddDays(-365 * o.Years), stays: map[string]*historyStay{}, vacantUntil: map[string]Date{}}
	g.clock = g.start.At(8, 0, g.loc)
	return g, nil
}

// at moves the simulated clock to a time of day d.
func (g *historyGen) at(d Date, hour, minute int) { g.clock = d.At(hour, minute, g.loc) }

// setUp adds the chores and the weekly house meeting when the house has
// none, and fills every bed on the first day.
func (g *historyGen) setUp() error {
	chores, err := g.st.Chores()
	if err != nil {
		return err
	}
	if len(chores) == 0 {
		scale := max(1, len(g.h.Beds)/14)
		for _, c := range demoChoreList() {
			c.People *= scale
			if _, err := g.st.AddChore(System, c); err != nil {
				return err
			}
		}
	}
	end := ClockTime{20, 0}
	if g.house, err = g.st.SaveMeetingSchedule(System, MeetingSchedule{Kind: MeetingHouse, Weekday: time.Sunday,
		Start: ClockTime{19, 0}, End: &end, Place: "Living room"}); err != nil {
		return err
	}
	g.at(g.start, 8, 0)
	for _, b := range g.h.Beds {
		if err := g.admit(b.ID, g.start.AddDays(-g.rng.IntN(200)), false); err != nil {
			return err
		}
	}
	for _, s := range g.historyStays() {
		if err := g.pairMentor(s, g.start); err != nil {
			return err
		}
	}
	return nil
}

// live writes one day of the house, in the order it happens.
func (g *historyGen) live(d Date) error {
	g.at(d, 8, 0)
	steps := []func(Date) error{g.moves, g.weekStart, g.outings, g.evening, g.weekly}
	for _, step := range steps {
		if err := step(d); err != nil {
			return err
		}
	}
	return nil
}

// moves: residents whose stay ends today move out; a bed empty for a few
// days is taken by someone new.
func (g *historyGen) moves(d Date) error {
	for _, b := range g.h.Beds {
		s := g.stays[b.ID]
		if s != nil && !d.Before(s.leave) {
			if err := g.st.MoveOut(System, s.r.ID, d, s.reason); err != nil {
				return fmt.Errorf("move out: %w", err)
			}
			g.stays[b.ID] = nil
			g.vacantUntil[b.ID] = d.AddDays(1 + g.rng.IntN(10))
		}
	}
	for _, b := range g.h.Beds {
		if g.stays[b.ID] == nil && !d.Before(g.vacantUntil[b.ID]) {
			if err := g.admit(b.ID, d, true); err != nil {
				return err
			}
		}
	}
	return nil
}

// admit moves a new resident into a bed and, when asked, pairs them with
// a mentor.
func (g *historyGen) admit(bedID string, in Date, pair bool) error {
	g.people++
	first, last := historyName(g.people)
	r, err := g.st.AddResident(System, Resident{First: first, Last: last, Phase: g.h.Phases[0], BedID: bedID,
		MoveIn: in, Sobriety: in.AddDays(-10 - g.rng.IntN(120)), Pathways: []string{Pathways[g.rng.IntN(5)]},
		Phone: fmt.Sprintf("555-%04d", g.people%10000), MentorWilling: g.rng.IntN(3) == 0})
	if err != nil {
		return fmt.Errorf("admit: %w", err)
	}
	s := &historyStay{r: r, leave: in.AddDays(60 + g.rng.IntN(480)), reason: MoveOutReasons[g.rng.IntN(2)]}
	switch g.rng.IntN(8) {
	case 0:
		s.reason = "Asked to leave"
	case 1:
		s.reason = "Returned to use"
	}
	g.stays[bedID] = s
	if !pair {
		return nil
	}
	return g.pairMentor(s, in)
}

// pairMentor assigns the first suggested mentor, when one can be chosen.
func (g *historyGen) pairMentor(s *historyStay, day Date) error {
	sug, err := g.st.SuggestMentors(s.r.ID)
	if err != nil || len(sug) == 0 || sug[0].Blocked != "" {
		return err
	}
	m, err := g.st.AssignMentor(System, s.r.ID, sug[0].Mentor.ID, day)
	if err != nil {
		return fmt.Errorf("assign mentor: %w", err)
	}
	s.mentor, s.checkIn = m.ID, day.AddDays(2)
	return nil
}

// historyStays returns the residents in the house, in bed order.
func (g *historyGen) historyStays() []*historyStay {
	var out []*historyStay
	for _, b := range g.h.Beds {
		if s := g.stays[b.ID]; s != nil {
			out = append(out, s)
		}
	}
	return out
}

// historyEvent is one kiosk action at a moment of the day.
type historyEvent struct {
	at time.Time
	do func() error
}

// outings: most residents sign out to work or elsewhere once a day, some
// twice; the odd one comes back after curfew. The day's events run in time
// order, so residents are out at once as in a real house.
func (g *historyGen) outings(d Date) error {
	var evs []historyEvent
	for _, s := range g.historyStays() {
		if d.Before(s.r.MoveIn.AddDays(1)) {
			continue
		}
		weekend := d.Weekday() == time.Saturday || d.Weekday() == time.Sunday
		back := d.At(7, 0, g.loc)
		if !weekend || g.rng.IntN(2) == 0 {
			evs, back = g.outing(evs, s.r, d.At(7+g.rng.IntN(3), g.rng.IntN(60), g.loc), 4+g.rng.IntN(6))
		}
		evening := d.At(17+g.rng.IntN(2), g.rng.IntN(60), g.loc)
		if g.rng.IntN(3) == 0 && evening.After(back.Add(30*time.Minute)) {
			evs, _ = g.outing(evs, s.r, evening, 1+g.rng.IntN(3))
		}
	}
	slices.SortStableFunc(evs, func(a, b historyEvent) int { return a.at.Compare(b.at) })
	for _, e := range evs {
		g.clock = e.at
		if err := e.do(); err != nil {
			return err
		}
	}
	return nil
}

// outing adds a sign-out and its sign-in, hours later (or after curfew),
// and returns when the resident is back.
func (g *historyGen) outing(evs []historyEvent, r Resident, out time.Time, hours int) ([]historyEvent, time.Time) {
	in := out.Add(time.Duration(hours)*time.Hour + time.Duration(g.rng.IntN(50))*time.Minute)
	if g.rng.IntN(60) == 0 {
		in = g.h.CurfewAt(r.Phase, NightOf(out), g.loc).Add(time.Duration(15+g.rng.IntN(90)) * time.Minute)
	}
	kind := Destinations[g.rng.IntN(len(Destinations))]
	if out.Hour() < 10 && g.rng.IntN(3) > 0 {
		kind = DestWork
	}
	back := out.Add(time.Duration(hours+1) * time.Hour)
	return append(evs,
		historyEvent{out, func() error {
			_, err := g.st.SignOut(KioskActor(r), r.ID, kind, demoWhere(kind), back)
			return err
		}},
		historyEvent{in, func() error {
			_, err := g.st.SignIn(KioskActor(r), r.ID)
			return err
		}}), in
}

// historyName makes the n-th resident's name from lists long enough that
// names repeat only after hundreds of residents.
func historyName(n int) (string, string) {
	firsts := []string{"Marcus", "Ana", "Tomasz", "Grace", "Liam", "Yuki", "Fatima", "Renée", "Carlos", "Ingrid",
		"DeShawn", "Mai", "Ørjan", "Łucja", "Kofi", "Siobhán", "Mateo", "Priya", "Jonas", "Zoë", "Hương", "Dmitri", "Amara"}
	lasts := []string{"Bell", "Ortiz", "Wiśniewski", "Mensah", "Gallagher", "Tanaka", "Haddad", "Dubois", "Mendoza",
		"Solberg", "Carter", "Trần", "Núñez", "Kowalski", "Okafor", "Byrne", "Patel", "Lindqvist", "Abara", "Novak",
		"Reyes", "Fischer", "Nakamura", "O'Connor", "Hassan", "Silva", "Park", "Moreau", "Quinn"}
	return firsts[n%len(firsts)], lasts[(n/len(firsts)+n)%len(lasts)]
}

// demoWhere is the "where" a resident writes for a kind of outing.
func demoWhere(kind Destination) string {
	if kind == DestOther {
		return "Library"
	}
	return ""
}
