package data

import "fmt"

// seedDemoMentors gives the demo house its mentors: five willing senior
// residents, seven pairings with up to four weeks of check-ins (the last
// few logged at the kiosk), one earlier pairing that ended in a re-match,
// one overdue pairing (Aoife's: no check-in for nine days) and two
// newcomers with no mentor yet (George and Pepe). Some residents are on
// the peer phone list. Call it after seedDemoKiosk.
func seedDemoMentors(st *Store) error {
	rs, err := demoKioskResidents(st) // in the order the demo added them
	if err != nil {
		return err
	}
	if len(rs) < 12 {
		return nil
	}
	if err := seedDemoMentorFlags(st, rs); err != nil {
		return err
	}
	today := st.Today()
	majo, thanh, siobhan, pawel, olena, jamal := rs[0], rs[1], rs[2], rs[3], rs[4], rs[6]
	aoife, zoe, darnell, bjorn := rs[7], rs[9], rs[10], rs[11]
	// Aoife was first paired with Zoë, re-matched at Zoë's request.
	early, err := st.AssignMentor(System, aoife.ID, zoe.ID, today.AddDays(-105))
	if err != nil {
		return fmt.Errorf("demo mentors: %w", err)
	}
	if err := demoCheckIns(st, early, today.AddDays(-105), today.AddDays(-99), 3); err != nil {
		return err
	}
	if _, err := st.EndMentorship(System, early.ID, MentorshipEnd{Date: today.AddDays(-98), Reason: EndRematchMentor}); err != nil {
		return fmt.Errorf("demo mentors: %w", err)
	}
	pairs := []struct {
		mentee, mentor Resident
		start, step    int // days ago; days between check-ins
		quiet          int // days since the last check-in
	}{
		{aoife, bjorn, 98, 3, 9}, // overdue: Phase 2 expects one every 4 days
		{majo, siobhan, 75, 3, 1},
		{zoe, siobhan, 60, 3, 2},
		{pawel, bjorn, 120, 3, 0},
		{olena, jamal, 45, 2, 0},
		{thanh, jamal, 22, 2, 1},
		{darnell, pawel, 26, 2, 0},
	}
	for _, p := range pairs {
		m, err := st.AssignMentor(System, p.mentee.ID, p.mentor.ID, today.AddDays(-p.start))
		if err != nil {
			return fmt.Errorf("demo mentors: %w", err)
		}
		from := today.AddDays(-min(p.start, 28))
		if err := demoCheckIns(st, m, from, today.AddDays(-p.quiet), p.step); err != nil {
			return err
		}
	}
	return nil
}

// seedDemoMentorFlags marks the willing mentors and the residents on the
// peer phone list.
func seedDemoMentorFlags(st *Store, rs []Resident) error {
	willing := map[int]bool{2: true, 3: true, 6: true, 9: true, 11: true}
	phones := map[int]bool{0: true, 2: true, 6: true, 7: true, 10: true, 11: true}
	for i, r := range rs {
		if !willing[i] && !phones[i] {
			continue
		}
		r.MentorWilling, r.PeerPhoneList = willing[i], phones[i]
		if _, err := st.UpdateResident(System, r); err != nil {
			return fmt.Errorf("demo mentor flags: %w", err)
		}
	}
	return nil
}

// demoCheckIns logs a check-in every step days from `to` back to `from`;
// those of the last three days come from the mentee at the kiosk, the
// older ones from the manager.
func demoCheckIns(st *Store, m Mentorship, from, to Date, step int) error {
	mentee, err := st.Resident(m.MenteeID)
	if err != nil {
		return err
	}
	kinds := []CheckInKind{InPerson, ByPhone, InPerson, ByText, ByVideo}
	today := st.Today()
	for i, d := 0, to; !d.Before(from); i, d = i+1, d.AddDays(-step) {
		c := CheckIn{
			MentorshipID: m.ID, Date: d, Kind: kinds[i%len(kinds)], Minutes: 15 + (i%4)*10,
			Support: []string{SupportKinds[i%len(SupportKinds)]},
		}
		by := System
		if today.DaysSince(d) <= 3 && m.Active() {
			by = KioskActor(mentee)
		} else if i == 2 && step == 2 {
			c.FollowUp, c.Note = true, "Asked for help finding a home group near work."
		}
		if _, err := st.LogCheckIn(by, c); err != nil {
			return fmt.Errorf("demo check-in: %w", err)
		}
	}
	return nil
}
