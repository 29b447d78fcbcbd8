package data

import (
	"fmt"
	"math/rand/v2"
	"time"

	badger "github.com/dgraph-io/badger/v4"
)

// Years of demo history (porchlight demo --years N): former residents who
// came and went, the sign-out sheet, chore rosters and weekly house
// meetings going back N years, so exports, reports and benchmarks have a
// believable house to read. It is seeded from a fixed number, so the same
// N gives the same house (relative to today).

// demoFormer are the former residents who pass through, a few a year.
var demoFormer = [][2]string{
	{"Marcus", "Bell"}, {"Ana Lucía", "Ortiz"}, {"Tomasz", "Wiśniewski"}, {"Grace", "Mensah"},
	{"Liam", "Gallagher"}, {"Yuki", "Tanaka"}, {"Fatima", "Haddad"}, {"Renée", "Dubois"},
	{"Carlos", "Mendoza"}, {"Ingrid", "Solberg"}, {"DeShawn", "Carter"}, {"Mai", "Trần"},
}

// CreateDemoYears is CreateDemo with years of history (years <= 1 is
// CreateDemo). progress, when not nil, is told what is being made.
func CreateDemoYears(v *Vault, years int, progress func(string)) (*Store, error) {
	if years <= 1 {
		return CreateDemo(v)
	}
	if progress == nil {
		progress = func(string) {}
	}
	st, err := createDemoHouse(v)
	if err != nil {
		return nil, err
	}
	fill := func() error {
		if err := seedDemoBase(st); err != nil {
			return err
		}
		return seedDemoYears(st, years, progress)
	}
	if err := fill(); err != nil {
		st.Close()
		return nil, fmt.Errorf("fill demo house: %w", err)
	}
	return st, nil
}

func seedDemoYears(st *Store, years int, progress func(string)) error {
	rng := rand.New(rand.NewPCG(uint64(years), 7))
	today := st.Today()
	start := today.AddDays(-365 * years)
	progress("former residents")
	if err := seedDemoFormer(st, rng, start, today, years); err != nil {
		return err
	}
	h, err := st.House()
	if err != nil {
		return err
	}
	house, err := seedDemoSchedules(st)
	if err != nil {
		return err
	}
	first := start.WeekStart(h.WeekStart)
	last := today.WeekStart(h.WeekStart).AddDays(-14) // the demo made the last two weeks
	for week := first; !week.After(last); week = week.AddDays(7) {
		progress("week of " + week.String())
		if err := seedDemoWeek(st, rng, h, week); err != nil {
			return fmt.Errorf("demo week of %s: %w", week, err)
		}
		if err := seedDemoPastMeeting(st, rng, house, week.AddDays(6).WeekStart(house.Weekday)); err != nil {
			return fmt.Errorf("demo meeting of the week of %s: %w", week, err)
		}
	}
	return seedDemoMeetingsOn(st, house)
}

// seedDemoPastMeeting records a past house meeting with its roll call:
// nearly everyone present, the odd one late, excused or absent.
func seedDemoPastMeeting(st *Store, rng *rand.Rand, sc MeetingSchedule, date Date) error {
	all, err := st.Residents()
	if err != nil {
		return err
	}
	m, err := st.planMeeting(MeetingStart{ScheduleID: sc.ID, Date: date})
	if err != nil {
		return err
	}
	m.Status = MeetingStatusInProgress
	if err := st.insertMeeting(System, &m); err != nil {
		return err
	}
	for _, r := range all {
		if !livedOn(r, date) {
			continue
		}
		a := Attendance{ResidentID: r.ID, Name: r.Display(), Status: AttendPresent}
		switch rng.IntN(25) {
		case 0:
			a.Status = AttendLate
		case 1:
			a.Status, a.Reason = AttendExcused, "Working a late shift"
		case 2:
			a.Status = AttendAbsent
		}
		m.Roll = append(m.Roll, a)
	}
	m.Sections.Reading = "The Traditions, read in turn."
	m.Sections.NewBusiness = "House business as usual."
	if m, err = st.UpdateMeeting(System, m, ""); err != nil {
		return err
	}
	_, err = st.FinishMinutes(System, m.ID)
	return err
}

// seedDemoFormer admits and moves out a few residents a year, one after
// another in a spare bed.
func seedDemoFormer(st *Store, rng *rand.Rand, start, today Date, years int) error {
	h, err := st.House()
	if err != nil {
		return err
	}
	occ, err := st.Occupancy()
	if err != nil {
		return err
	}
	var spare []Bed
	for _, b := range h.Beds {
		if _, taken := occ[b.ID]; !taken {
			spare = append(spare, b)
		}
	}
	if len(spare) == 0 {
		return nil
	}
	n := min(len(demoFormer), 4*years)
	span := today.AddDays(-60).DaysSince(start) / n
	for i := 0; i < n; i++ {
		in := start.AddDays(i*span + rng.IntN(10))
		out := in.AddDays(span/2 + rng.IntN(span/2+1))
		p := demoFormer[i]
		r, err := st.AddResident(System, Resident{First: p[0], Last: p[1], Phase: h.Phases[rng.IntN(len(h.Phases))],
			BedID: spare[i%len(spare)].ID, MoveIn: in, Sobriety: in.AddDays(-rng.IntN(40)), Pathways: []string{Pathways[rng.IntN(4)]}})
		if err != nil {
			return fmt.Errorf("add former resident: %w", err)
		}
		reason := MoveOutReasons[rng.IntN(2)]
		if err := st.MoveOut(System, r.ID, out, reason); err != nil {
			return fmt.Errorf("move out former resident: %w", err)
		}
	}
	return nil
}

// seedDemoWeek writes one past week: its chore roster, checked, and the
// sign-outs of everyone living in the house then.
func seedDemoWeek(st *Store, rng *rand.Rand, h House, week Date) error {
	r, err := st.GenerateRoster(System, week)
	if err != nil {
		return err
	}
	all, err := st.Residents()
	if err != nil {
		return err
	}
	loc := st.houseZone()
	return st.write(System, "demo.history", "week of "+week.String(), func(txn *badger.Txn) error {
		for _, a := range r.Assignments {
			checkDemoChore(rng, &a, loc)
			if err := putJSON(txn, rosterKey(a), a); err != nil {
				return err
			}
		}
		for _, res := range all {
			if err := demoOutings(txn, rng, h, res, week, loc); err != nil {
				return err
			}
		}
		return nil
	})
}

// checkDemoChore marks a past chore: most verified, a few missed.
func checkDemoChore(rng *rand.Rand, a *Assignment, loc *time.Location) {
	if !a.Covered() || a.Excused != "" {
		return
	}
	if rng.IntN(20) == 0 {
		a.Status, a.Note = ChoreMissed, "Not done; talked it over at the house meeting"
		return
	}
	a.Status, a.DoneAt = ChoreVerified, a.Day.At(17+rng.IntN(4), rng.IntN(60), loc)
}

// demoOutings writes a resident's outings of one week, if they lived in
// the house then: two or three, the odd one after curfew.
func demoOutings(txn *badger.Txn, rng *rand.Rand, h House, r Resident, week Date, loc *time.Location) error {
	for n := 2 + rng.IntN(2); n > 0; n-- {
		day := week.AddDays(rng.IntN(7))
		if !livedOn(r, day) {
			continue
		}
		out := day.At(9+rng.IntN(10), rng.IntN(60), loc)
		in := out.Add(time.Duration(60+rng.IntN(300)) * time.Minute)
		kind := Destinations[rng.IntN(len(Destinations))]
		e := SignEntry{V: schemaVersion, ID: timeID(out), ResidentID: r.ID, Kind: kind, Where: demoWhere(kind),
			Out: out, In: in, OutBy: KioskActor(r), InBy: KioskActor(r), Curfew: h.CurfewAt(r.Phase, NightOf(out), loc)}
		e.ExpectedBack = e.Curfew
		e.Late = curfewBreached(h, r.Phase, out, in, nil, loc)
		if err := putSignEntry(txn, e); err != nil {
			return err
		}
	}
	return nil
}

// livedOn reports whether the resident lived in the house on day d.
func livedOn(r Resident, d Date) bool {
	for _, s := range r.Stays {
		if !d.Before(s.MoveIn) && d.Before(s.MoveOut) {
			return true
		}
	}
	return r.Active() && !d.Before(r.MoveIn)
}

func demoWhere(kind Destination) string {
	if kind == DestOther {
		return "Library"
	}
	return ""
}
