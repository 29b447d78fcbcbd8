package data

import (
	"fmt"
	"slices"
	"time"
)

// The generator's weekly rhythm (history.go): the roster and partners on
// the week's first day, chores, meetings and check-ins in the evening, the
// house meeting, tests and phase moves once a week.

// historyPathwayMeetings are outside meetings by pathway, named so they
// read true on any day of the week.
var historyPathwayMeetings = map[string][]string{
	"AA":              {"Big Book study", "Early bird group", "Downtown open meeting"},
	"NA":              {"Just for Today group", "Clean and serene"},
	"CA":              {"Hope and freedom group"},
	"SMART Recovery":  {"SMART Recovery at the library", "SMART online meeting"},
	"Recovery Dharma": {"Recovery Dharma sitting"},
}

// weekStart makes the week's chore roster and its accountability partners.
func (g *historyGen) weekStart(d Date) error {
	if d.Weekday() != g.h.WeekStart {
		return nil
	}
	if _, err := g.st.GenerateRoster(System, d); err != nil {
		return fmt.Errorf("roster: %w", err)
	}
	if _, err := g.st.GeneratePartners(System, d, g.st.Mentors()); err != nil {
		return fmt.Errorf("partners: %w", err)
	}
	return nil
}

// evening: chores ticked and checked, outside meetings logged, mentor and
// partner check-ins.
func (g *historyGen) evening(d Date) error {
	g.at(d, 20, 30+g.rng.IntN(20))
	for _, step := range []func(Date) error{g.chores, g.outsideMeetings, g.mentorCheckIns, g.partnerCheckIns} {
		if err := step(d); err != nil {
			return err
		}
	}
	return nil
}

// chores: today's chores are ticked at the kiosk and verified by the
// manager; about one in twenty is missed.
func (g *historyGen) chores(d Date) error {
	h := g.h
	week, _ := h.Week(d)
	r, err := g.st.Roster(week)
	if err != nil {
		return fmt.Errorf("read roster: %w", err)
	}
	who := g.byID()
	for _, a := range r.Assignments {
		res, here := who[a.ResidentID]
		if a.Day != d || !a.Covered() || a.Excused != "" || !here {
			continue
		}
		if g.rng.IntN(20) == 0 {
			if err := g.st.MarkChoreMissed(System, a.ID, "Not done; talked it over at the house meeting"); err != nil {
				return fmt.Errorf("chore missed: %w", err)
			}
			continue
		}
		if err := g.st.MarkChoreDone(KioskActor(res), a.ID); err != nil {
			return fmt.Errorf("chore done: %w", err)
		}
		if err := g.st.VerifyChore(System, a.ID); err != nil {
			return fmt.Errorf("verify chore: %w", err)
		}
	}
	return nil
}

// outsideMeetings: each resident goes to three or four a week.
func (g *historyGen) outsideMeetings(d Date) error {
	for _, s := range g.historyStays() {
		if g.rng.IntN(2) != 0 {
			continue
		}
		names := historyPathwayMeetings[s.r.Pathways[0]]
		if len(names) == 0 {
			names = historyPathwayMeetings["AA"]
		}
		m := OutsideMeeting{ResidentID: s.r.ID, Pathway: s.r.Pathways[0], Name: names[g.rng.IntN(len(names))],
			At: d.At(18+g.rng.IntN(2), 30*g.rng.IntN(2), g.loc)}
		if _, err := g.st.LogOutsideMeeting(KioskActor(s.r), m); err != nil {
			return fmt.Errorf("outside meeting: %w", err)
		}
	}
	return nil
}

// mentorCheckIns: each pair checks in every two to five days.
func (g *historyGen) mentorCheckIns(d Date) error {
	kinds := []CheckInKind{InPerson, ByPhone, InPerson, ByText}
	for _, s := range g.historyStays() {
		if s.mentor == "" || d.Before(s.checkIn) {
			continue
		}
		c := CheckIn{MentorshipID: s.mentor, Date: d, Kind: kinds[g.rng.IntN(len(kinds))], Minutes: 15 + 5*g.rng.IntN(8),
			Support: []string{SupportKinds[g.rng.IntN(len(SupportKinds))]}}
		if _, err := g.st.LogCheckIn(KioskActor(s.r), c); err != nil {
			// The mentor may have moved out: the pairing ended with them.
			if _, ok, _ := g.st.CurrentMentor(s.r.ID); !ok {
				s.mentor = ""
				continue
			}
			return fmt.Errorf("mentor check-in: %w", err)
		}
		s.checkIn = d.AddDays(2 + g.rng.IntN(4))
	}
	return nil
}

// partnerCheckIns: most residents meet their partner midweek.
func (g *historyGen) partnerCheckIns(d Date) error {
	if d.Weekday() != time.Wednesday {
		return nil
	}
	pw, err := g.st.Partners(d)
	if err != nil {
		return err
	}
	who := g.byID()
	for _, grp := range pw.Groups {
		for _, id := range grp.Members {
			res, here := who[id]
			if !here || g.rng.IntN(6) == 0 {
				continue
			}
			if _, err := g.st.CheckInWithPartner(KioskActor(res), id); err != nil {
				return fmt.Errorf("partner check-in: %w", err)
			}
		}
	}
	return nil
}

// byID maps the residents in the house by ID.
func (g *historyGen) byID() map[string]Resident {
	out := make(map[string]Resident, len(g.h.Beds))
	for _, s := range g.historyStays() {
		out[s.r.ID] = s.r
	}
	return out
}

// weekly: the house meeting on its day; on Fridays a few tests and phase
// moves, and now and then an incident.
func (g *historyGen) weekly(d Date) error {
	if d.Weekday() == g.house.Weekday {
		if err := g.houseMeeting(d); err != nil {
			return fmt.Errorf("house meeting: %w", err)
		}
	}
	if d.Weekday() != time.Friday {
		return nil
	}
	g.at(d, 10, 0)
	for _, step := range []func(Date) error{g.tests, g.phaseMoves, g.incident} {
		if err := step(d); err != nil {
			return err
		}
	}
	return nil
}

// houseMeeting runs the week's house meeting: roll call, last minutes
// accepted, now and then a motion, the minutes finished.
func (g *historyGen) houseMeeting(d Date) error {
	g.at(d, 19, 0)
	m, err := g.st.StartMeeting(System, MeetingStart{ScheduleID: g.house.ID, Date: d})
	if err != nil {
		return err
	}
	for i := range m.Roll {
		m.Roll[i].Status = AttendPresent
		switch g.rng.IntN(25) {
		case 0:
			m.Roll[i].Status = AttendLate
		case 1:
			m.Roll[i].Status, m.Roll[i].Reason = AttendExcused, "Working a late shift"
		case 2:
			m.Roll[i].Status = AttendAbsent
		}
	}
	m.Sections.Reading = "The Traditions, read in turn."
	m.Sections.NewBusiness = "House business as usual."
	var present []PersonRef
	for _, a := range m.Roll {
		if a.Status == AttendPresent || a.Status == AttendLate {
			present = append(present, PersonRef{ResidentID: a.ResidentID, Name: a.Name})
		}
	}
	if g.rng.IntN(3) == 0 && len(present) >= 4 {
		m.Motions = append(m.Motions, Motion{Type: MotionSpending, Text: "Buy cleaning supplies from house funds, up to $60.",
			Mover: present[0], Seconder: present[1], For: len(present) - 2, Against: 1, Abstain: 1})
	}
	adjourned := ClockTime{19, 50}
	m.Adjourned = &adjourned
	if m, err = g.st.UpdateMeeting(System, m, ""); err != nil {
		return err
	}
	if _, err := g.st.FinishMinutes(System, m.ID); err != nil {
		return err
	}
	if g.lastMeeting != "" {
		if _, err := g.st.AcceptMinutes(System, g.lastMeeting); err != nil {
			return err
		}
	}
	g.lastMeeting = m.ID
	return nil
}

// tests: four residents a week are tested; nearly all negative.
func (g *historyGen) tests(d Date) error {
	stays := g.historyStays()
	for range min(4, len(stays)) {
		s := stays[g.rng.IntN(len(stays))]
		t := DrugTest{ResidentID: s.r.ID, Date: d, Kind: TestUrine, ObservedBy: "House manager", Result: ResultNegative}
		if s.reason == "Returned to use" && !d.Before(s.leave.AddDays(-7)) {
			t.Result, t.Substances = ResultPositive, []string{"alcohol"}
		}
		if _, err := g.st.RecordTest(System, t); err != nil {
			return fmt.Errorf("test: %w", err)
		}
	}
	return nil
}

// phaseMoves moves a resident up a phase after two months in it.
func (g *historyGen) phaseMoves(d Date) error {
	for _, s := range g.historyStays() {
		i := slices.Index(g.h.Phases, s.r.Phase)
		since := s.r.MoveIn.AddDays(60 * (i + 1))
		if i < 0 || i+1 >= len(g.h.Phases) || d.Before(since) {
			continue
		}
		if _, err := g.st.MovePhase(System, s.r.ID, g.h.Phases[i+1], "Met the phase's criteria", d); err != nil {
			return fmt.Errorf("move phase: %w", err)
		}
		s.r.Phase = g.h.Phases[i+1]
	}
	return nil
}

// incident: about one week in six someone breaks a house rule; it is
// followed up and resolved the week after.
func (g *historyGen) incident(d Date) error {
	for _, id := range g.openIncidents {
		if _, err := g.st.ResolveIncident(System, id, d, "Done; talked it over."); err != nil {
			return fmt.Errorf("resolve incident: %w", err)
		}
	}
	g.openIncidents = g.openIncidents[:0]
	stays := g.historyStays()
	if len(stays) == 0 || g.rng.IntN(6) != 0 {
		return nil
	}
	s := stays[g.rng.IntN(len(stays))]
	i, err := g.st.SaveIncident(System, Incident{ResidentID: s.r.ID, Date: d, Kind: IncidentHouseRule,
		What: "Left dishes overnight again.", Agreement: "Kitchen after dinner for a week.", FollowUp: d.AddDays(7)})
	if err != nil {
		return fmt.Errorf("incident: %w", err)
	}
	g.openIncidents = append(g.openIncidents, i.ID)
	return nil
}
