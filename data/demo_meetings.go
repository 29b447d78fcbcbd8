package data

import (
	"fmt"
	"time"
)

// The demo house's meetings: a weekly house business meeting, a peer
// support group, three officers and last week's house meeting with its roll
// call, a passed motion and two open action items. seedDemoMeetings runs
// after the demo residents are in.

func seedDemoMeetings(st *Store) error {
	house, err := seedDemoSchedules(st)
	if err != nil {
		return err
	}
	return seedDemoMeetingsOn(st, house)
}

// seedDemoMeetingsOn adds the officers and last week's meeting of the
// house meeting schedule.
func seedDemoMeetingsOn(st *Store, house MeetingSchedule) error {
	rs, err := st.ActiveResidents()
	if err != nil {
		return err
	}
	today := st.Today()
	if err := seedDemoOfficers(st, rs, today); err != nil {
		return err
	}
	return seedDemoLastMeeting(st, house, rs, today.AddDays(-1).WeekStart(time.Sunday))
}

func seedDemoSchedules(st *Store) (MeetingSchedule, error) {
	end := ClockTime{20, 0}
	house, err := st.SaveMeetingSchedule(System, MeetingSchedule{Kind: MeetingHouse, Weekday: time.Sunday,
		Start: ClockTime{19, 0}, End: &end, Place: "Living room"})
	if err != nil {
		return MeetingSchedule{}, fmt.Errorf("add demo house meeting schedule: %w", err)
	}
	groupEnd := ClockTime{20, 30}
	_, err = st.SaveMeetingSchedule(System, MeetingSchedule{Kind: MeetingPeerSupport, Title: "Wednesday peer support",
		Weekday: time.Wednesday, Start: ClockTime{19, 30}, End: &groupEnd, Place: "Kitchen"})
	if err != nil {
		return MeetingSchedule{}, fmt.Errorf("add demo peer group schedule: %w", err)
	}
	return house, nil
}

// demoPerson finds an active demo resident by last name.
func demoPerson(rs []Resident, last string) PersonRef {
	for _, r := range rs {
		if r.Last == last {
			return PersonOf(r)
		}
	}
	return PersonRef{Name: last}
}

func seedDemoOfficers(st *Store, rs []Resident, today Date) error {
	start := today.AddDays(-60)
	for _, p := range []struct {
		office Office
		last   string
	}{{OfficePresident, "Washington"}, {OfficeSecretary, "O'Brien"}, {OfficeChoreCoordinator, "Åkesson"}} {
		o := Officer{Office: p.office, Person: demoPerson(rs, p.last), TermStart: start, TermEnd: start.AddMonths(6).AddDays(-1)}
		if _, _, err := st.SaveOfficer(System, o); err != nil {
			return fmt.Errorf("add demo officer: %w", err)
		}
	}
	return nil
}

// seedDemoLastMeeting records last week's house meeting, held and minuted.
// It is dated in the past, so it is written directly, not through
// StartMeeting.
func seedDemoLastMeeting(st *Store, sc MeetingSchedule, rs []Resident, date Date) error {
	m, err := st.planMeeting(MeetingStart{ScheduleID: sc.ID, Date: date})
	if err != nil {
		return err
	}
	if err := st.prefillMeeting(&m, ChoreReportText(demoChoreReport)); err != nil {
		return err
	}
	m.Status = MeetingStatusInProgress
	if err := st.insertMeeting(System, &m); err != nil {
		return fmt.Errorf("add demo meeting: %w", err)
	}
	fillDemoMinutes(&m, rs, date)
	if m, err = st.UpdateMeeting(System, m, ""); err != nil {
		return fmt.Errorf("write demo minutes: %w", err)
	}
	if _, err := st.FinishMinutes(System, m.ID); err != nil {
		return fmt.Errorf("finish demo minutes: %w", err)
	}
	return nil
}

const demoChoreReport = "Last week: all kitchen, bathroom and yard chores done; the recycling was late on Tuesday.\n" +
	"Next week: Kitchen – Majo Núñez; Bathrooms – Thanh Nguyễn; Living room – Paweł Kowalczyk; Yard – Jamal Washington."

func fillDemoMinutes(m *Meeting, rs []Resident, date Date) {
	m.Roll = demoRoll(m.Roll, rs, date)
	m.Chair, m.Secretary = demoPerson(rs, "Washington"), demoPerson(rs, "O'Brien")
	adjourned := ClockTime{19, 52}
	m.Adjourned = &adjourned
	m.Sections.Reading = "The Oxford House Traditions 1 to 3, read by Aoife Ní Bhriain."
	m.Sections.LastMinutes.Note = "First meeting kept in Porchlight; no earlier minutes to accept."
	for i := range m.Sections.OfficerReports {
		m.Sections.OfficerReports[i].Text = "Nothing to report this week."
	}
	m.Sections.NewBusiness = "The vacuum cleaner in the hall closet broke. The porch light has been out since Thursday."
	m.Motions = []Motion{{
		Type: MotionSpending, Text: "Buy a second vacuum cleaner from house funds, up to $120.",
		Mover: demoPerson(rs, "Washington"), Seconder: demoPerson(rs, "Kowalczyk"), For: 7, Against: 1, Abstain: 1,
	}}
	m.ActionItems = []ActionItem{
		{Text: "Buy the vacuum cleaner and give the receipt to the treasurer", Owner: demoPerson(rs, "Kowalczyk"), Due: date.AddDays(7)},
		{Text: "Call the landlord about the porch light", Owner: demoPerson(rs, "Washington"), Due: date.AddDays(10)},
	}
}

// demoRoll marks the roll: everyone present but one late, one excused and
// one absent; residents who moved in after the meeting are left off.
func demoRoll(roll []Attendance, rs []Resident, date Date) []Attendance {
	movedIn := map[string]Date{}
	for _, r := range rs {
		movedIn[r.ID] = r.MoveIn
	}
	var out []Attendance
	for _, a := range roll {
		if movedIn[a.ResidentID].After(date) {
			continue
		}
		a.Status = AttendPresent
		switch {
		case a.ResidentID == demoPerson(rs, "Nguyễn").ResidentID:
			a.Status = AttendLate
		case a.ResidentID == demoPerson(rs, "Lefèvre").ResidentID:
			a.Status, a.Reason = AttendExcused, "Working a late shift"
		case a.ResidentID == demoPerson(rs, "Brooks").ResidentID:
			a.Status = AttendAbsent
		}
		out = append(out, a)
	}
	return out
}
