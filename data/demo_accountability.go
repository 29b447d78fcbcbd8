package data

import "fmt"

// seedDemoAccountability gives the demo house phases with criteria, a
// resident ready to move up, partners this week with a few taps, an open
// corrective agreement and a few tests.
func seedDemoAccountability(st *Store) error {
	if err := seedDemoPhases(st); err != nil {
		return fmt.Errorf("demo phases: %w", err)
	}
	rs, err := st.ActiveResidents()
	if err != nil {
		return err
	}
	byName := map[string]Resident{}
	for _, r := range rs {
		byName[r.First] = r
	}
	if err := seedDemoReady(st, byName["Darnell"]); err != nil {
		return fmt.Errorf("demo advancement: %w", err)
	}
	if err := seedDemoPartners(st); err != nil {
		return fmt.Errorf("demo partners: %w", err)
	}
	if err := seedDemoIncident(st, byName["Thanh"]); err != nil {
		return fmt.Errorf("demo incident: %w", err)
	}
	return seedDemoTests(st, byName["Siobhán"], byName["Darnell"])
}

func seedDemoPhases(st *Store) error {
	h, err := st.House()
	if err != nil {
		return err
	}
	rules := map[string]func(*Phase){
		"Phase 1": func(p *Phase) {
			p.OvernightPasses = 0
			p.Criteria = Criteria{DaysInPhase: 30, DaysSober: 30, MeetingsWeeksMet: 3, MeetingsWeeks: 4,
				MaxStrikes: 2, StrikeWeeks: 4, Other: []string{"Has a sponsor", "Working, studying or volunteering"}}
		},
		"Phase 2": func(p *Phase) {
			p.OwnCurfew, p.CurfewWeeknight, p.CurfewWeekend = true, ClockTime{23, 0}, ClockTime{0, 30}
			p.OvernightPasses = 2
			p.Criteria = Criteria{DaysInPhase: 60, DaysSober: 90, MeetingsWeeksMet: 6, MeetingsWeeks: 8,
				MaxStrikes: 1, StrikeWeeks: 8, Other: []string{"Leads a house meeting"}}
		},
		"Phase 3": func(p *Phase) {
			p.OwnCurfew, p.CurfewWeeknight, p.CurfewWeekend = true, ClockTime{23, 59}, ClockTime{1, 0}
			p.OvernightPasses = 4
		},
	}
	for _, p := range h.PhaseRules {
		if set, ok := rules[p.Name]; ok {
			set(&p)
			if _, err := st.SavePhase(System, p); err != nil {
				return err
			}
		}
	}
	return nil
}

// seedDemoReady logs a resident's outside meetings for the last three
// complete weeks and ticks their criteria, so they are ready to move up.
func seedDemoReady(st *Store, r Resident) error {
	h, err := st.House()
	if err != nil {
		return err
	}
	this, _ := h.Week(st.Today())
	loc := st.houseZone()
	for w := 1; w <= 3; w++ {
		start := this.AddDays(-7 * w)
		for d := range 5 {
			m := OutsideMeeting{ResidentID: r.ID, Pathway: "SMART Recovery", Name: "Evening SMART group",
				At: start.AddDays(d).At(19, 0, loc)}
			if _, err := st.LogOutsideMeeting(System, m); err != nil {
				return err
			}
		}
	}
	for _, c := range []string{"Has a sponsor", "Working, studying or volunteering"} {
		if err := st.TickCriterion(System, r.ID, c, true); err != nil {
			return err
		}
	}
	return nil
}

func seedDemoPartners(st *Store) error {
	w, err := st.GeneratePartners(System, st.Today(), st.Mentors())
	if err != nil {
		return err
	}
	for i, g := range w.Groups {
		if i%2 == 0 {
			if _, err := st.CheckInWithPartner(System, g.Members[0]); err != nil {
				return err
			}
		}
	}
	return nil
}

func seedDemoIncident(st *Store, r Resident) error {
	today := st.Today()
	_, err := st.SaveIncident(System, Incident{
		ResidentID: r.ID, Date: today.AddDays(-4), Kind: IncidentCurfew,
		What:      "Came in an hour after curfew without calling the house.",
		Agreement: "Call or text the house manager before curfew if running late. Check in with the house manager on Friday.",
		FollowUp:  today.AddDays(2),
	})
	return err
}

func seedDemoTests(st *Store, mat, other Resident) error {
	today := st.Today()
	if err := st.SetPrescriptions(System, mat.ID, []Prescription{{Medication: "Suboxone", Shows: []string{"buprenorphine"}}}); err != nil {
		return err
	}
	tests := []DrugTest{
		{ResidentID: mat.ID, Date: today.AddDays(-6), Kind: TestUrine, ObservedBy: DemoManager, Result: ResultPositive, Substances: []string{"buprenorphine"}},
		{ResidentID: other.ID, Date: today.AddDays(-3), Kind: TestSaliva, ObservedBy: DemoManager, Result: ResultNegative},
		{ResidentID: other.ID, Date: today.AddDays(-1), Kind: TestBreath, ObservedBy: "Dana Okafor", Result: ResultNegative},
	}
	for _, t := range tests {
		if _, err := st.RecordTest(System, t); err != nil {
			return err
		}
	}
	return nil
}
