package data_test

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"porchlight/data"
)

// Test helpers for meetings carry the mtg prefix.

type mtgClock struct{ t time.Time }

func (c *mtgClock) now() time.Time { return c.t }

func mtgNY(t testing.TB) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skipf("no time zone data: %v", err)
	}
	return loc
}

type mtgEnv struct {
	st    *data.Store
	clock *mtgClock
	by    data.Actor
	res   []data.Resident
}

// mtgOpen creates a house with six residents, its clock at now.
func mtgOpen(t testing.TB, now time.Time) *mtgEnv {
	t.Helper()
	clock := &mtgClock{now}
	v, err := data.OpenVault(t.TempDir(), data.WithKDF(data.KDFParams{Time: 1, Memory: 8 * 1024, Threads: 1}), data.WithClock(clock.now))
	if err != nil {
		t.Fatal(err)
	}
	h := data.DefaultHouse()
	h.Name = "Maple Street House"
	if h.Beds, err = data.ParseBeds("Room 1: A, B, C\nRoom 2: A, B, C\nRoom 3: A, B"); err != nil {
		t.Fatal(err)
	}
	st, _, err := v.Create(h, data.NewManager{Name: "Sam Rivera", Passcode: "porchlight", Confirm: "porchlight"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close(); v.Close() })
	e := &mtgEnv{st: st, clock: clock, by: data.ByManager(st.Session())}
	if h, err = st.House(); err != nil {
		t.Fatal(err)
	}
	e.addResidents(t, h)
	return e
}

func (e *mtgEnv) addResidents(t testing.TB, h data.House) {
	t.Helper()
	names := [][2]string{{"María", "Núñez"}, {"Thanh", "Nguyễn"}, {"Siobhán", "O'Brien"},
		{"Paweł", "Kowalczyk"}, {"Jamal", "Washington"}, {"Björn", "Åkesson"}}
	today := e.st.Today()
	for i, n := range names {
		r, err := e.st.AddResident(e.by, data.Resident{First: n[0], Last: n[1], BedID: h.Beds[i].ID,
			MoveIn: today.AddDays(-100), Sobriety: today.AddDays(-200 - i)})
		if err != nil {
			t.Fatal(err)
		}
		e.res = append(e.res, r)
	}
}

func (e *mtgEnv) start(t testing.TB, kind data.MeetingKind, d data.Date) data.Meeting {
	t.Helper()
	m, err := e.st.StartMeeting(e.by, data.MeetingStart{Kind: kind, Date: d, Start: data.ClockTime{Hour: 19}})
	if err != nil {
		t.Fatalf("StartMeeting %s %s: %v", kind, d, err)
	}
	return m
}

// markAll marks every line of the roll.
func mtgMarkAll(m *data.Meeting, st data.AttendanceStatus) {
	for i := range m.Roll {
		m.Roll[i].Status = st
	}
}

func (e *mtgEnv) person(i int) data.PersonRef { return data.PersonOf(e.res[i]) }

func (e *mtgEnv) save(t testing.TB, m data.Meeting) data.Meeting {
	t.Helper()
	out, err := e.st.UpdateMeeting(e.by, m, "")
	if err != nil {
		t.Fatalf("UpdateMeeting: %v", err)
	}
	return out
}

func mtgFieldMsg(t testing.TB, err error, field string) string {
	t.Helper()
	var v data.ValidationError
	if !errors.As(err, &v) {
		t.Fatalf("error %v (%T) is not a ValidationError", err, err)
	}
	msg := v.For(field)
	if msg == "" {
		t.Fatalf("no message for %q in %v", field, v)
	}
	return msg
}

func mtgDate(y int, m time.Month, d int) data.Date { return data.NewDate(y, m, d) }

// --- schedules -------------------------------------------------------------

func TestOccurrencesAcrossMonthAndYearEnds(t *testing.T) {
	sun := data.MeetingSchedule{Kind: data.MeetingHouse, Weekday: time.Sunday, Start: data.ClockTime{Hour: 19}}
	got := mtgDates(sun.Occurrences(mtgDate(2025, 1, 20), mtgDate(2025, 3, 10)))
	want := "2025-01-26 2025-02-02 2025-02-09 2025-02-16 2025-02-23 2025-03-02 2025-03-09"
	if got != want {
		t.Errorf("Sundays = %s\nwant      %s", got, want)
	}
	fri := data.MeetingSchedule{Kind: data.MeetingSMART, Weekday: time.Friday, Start: data.ClockTime{Hour: 18, Min: 30}}
	if got, want := mtgDates(fri.Occurrences(mtgDate(2024, 12, 20), mtgDate(2025, 1, 10))), "2024-12-20 2024-12-27 2025-01-03 2025-01-10"; got != want {
		t.Errorf("Fridays over new year = %s, want %s", got, want)
	}
	leap := data.MeetingSchedule{Kind: data.MeetingPeerSupport, Weekday: time.Thursday, Start: data.ClockTime{Hour: 19}}
	if got, want := mtgDates(leap.Occurrences(mtgDate(2024, 2, 26), mtgDate(2024, 3, 8))), "2024-02-29 2024-03-07"; got != want {
		t.Errorf("Thursdays over 29 Feb = %s, want %s", got, want)
	}
	sun.From, sun.Until = mtgDate(2025, 2, 1), mtgDate(2025, 2, 20)
	if got, want := mtgDates(sun.Occurrences(mtgDate(2025, 1, 1), mtgDate(2025, 12, 31))), "2025-02-02 2025-02-09 2025-02-16"; got != want {
		t.Errorf("with From/Until = %s, want %s", got, want)
	}
	once := data.MeetingSchedule{Kind: data.MeetingEmergency, Once: mtgDate(2025, 3, 4), Start: data.ClockTime{Hour: 12}}
	if got := mtgDates(once.Occurrences(mtgDate(2025, 3, 1), mtgDate(2025, 3, 31))); got != "2025-03-04" {
		t.Errorf("one-off = %q", got)
	}
	if got := once.Occurrences(mtgDate(2025, 3, 5), mtgDate(2025, 3, 31)); len(got) != 0 {
		t.Errorf("one-off outside the span = %v", got)
	}
}

func mtgDates(os []data.Occurrence) string {
	var s []string
	for _, o := range os {
		s = append(s, o.Date.String())
	}
	return strings.Join(s, " ")
}

func TestOccurrencesKeepWallClockAcrossDST(t *testing.T) {
	ny := mtgNY(t)
	sun := data.MeetingSchedule{Kind: data.MeetingHouse, Weekday: time.Sunday, Start: data.ClockTime{Hour: 19}}
	cases := []struct {
		name     string
		from, to data.Date
		gap      time.Duration // between the first two meetings
	}{
		{"spring forward 9 Mar 2025", mtgDate(2025, 3, 2), mtgDate(2025, 3, 9), 167 * time.Hour},
		{"fall back 2 Nov 2025", mtgDate(2025, 10, 26), mtgDate(2025, 11, 2), 169 * time.Hour},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			os := sun.Occurrences(c.from, c.to)
			if len(os) != 2 {
				t.Fatalf("occurrences = %v", os)
			}
			for _, o := range os {
				at := o.At(ny)
				if at.Hour() != 19 || at.Minute() != 0 || at.Weekday() != time.Sunday {
					t.Errorf("%s starts at %s, want Sunday 19:00 local", o.Date, at)
				}
			}
			if gap := os[1].At(ny).Sub(os[0].At(ny)); gap != c.gap {
				t.Errorf("gap = %v, want %v (the wall clock stays at 19:00)", gap, c.gap)
			}
		})
	}
}

func TestScheduleValidation(t *testing.T) {
	e := mtgOpen(t, time.Date(2025, 3, 5, 10, 0, 0, 0, time.UTC))
	end := data.ClockTime{Hour: 18}
	_, err := e.st.SaveMeetingSchedule(e.by, data.MeetingSchedule{Kind: data.MeetingHouse, Start: data.ClockTime{Hour: 19}, End: &end})
	mtgFieldMsg(t, err, data.FieldMeetingEnd)
	_, err = e.st.SaveMeetingSchedule(e.by, data.MeetingSchedule{Kind: data.MeetingEmergency, Start: data.ClockTime{Hour: 19}})
	mtgFieldMsg(t, err, data.FieldMeetingOnce)
	_, err = e.st.SaveMeetingSchedule(e.by, data.MeetingSchedule{Kind: "party", Start: data.ClockTime{Hour: 19}})
	mtgFieldMsg(t, err, data.FieldMeetingKind)
	if scheds, _ := e.st.MeetingSchedules(); len(scheds) != 0 {
		t.Fatalf("invalid schedules saved: %v", scheds)
	}
}

func TestNextMeeting(t *testing.T) {
	ny := mtgNY(t)
	e := mtgOpen(t, time.Date(2025, 3, 9, 19, 30, 0, 0, ny))
	end := data.ClockTime{Hour: 20}
	house, err := e.st.SaveMeetingSchedule(e.by, data.MeetingSchedule{Kind: data.MeetingHouse, Weekday: time.Sunday,
		Start: data.ClockTime{Hour: 19}, End: &end})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.st.SaveMeetingSchedule(e.by, data.MeetingSchedule{Kind: data.MeetingPeerSupport, Title: "Wednesday group",
		Weekday: time.Wednesday, Start: data.ClockTime{Hour: 19, Min: 30}}); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		now   time.Time
		date  data.Date
		sched string
	}{
		{time.Date(2025, 3, 9, 19, 30, 0, 0, ny), mtgDate(2025, 3, 9), house.ID},  // in progress
		{time.Date(2025, 3, 9, 20, 0, 0, 0, ny), mtgDate(2025, 3, 12), ""},        // over: Wednesday's group
		{time.Date(2025, 3, 12, 21, 0, 0, 0, ny), mtgDate(2025, 3, 16), house.ID}, // group over (1 hour default)
		{time.Date(2025, 3, 31, 23, 59, 0, 0, ny), mtgDate(2025, 4, 2), ""},       // across the month end
	}
	for _, c := range cases {
		o, ok, err := e.st.NextMeeting(c.now)
		if err != nil || !ok {
			t.Fatalf("NextMeeting(%s) = %v, %v", c.now, ok, err)
		}
		if o.Date != c.date || (c.sched != "" && o.ScheduleID != c.sched) {
			t.Errorf("NextMeeting(%s) = %s %s (%s), want %s", c.now, o.Date, o.Start, o.Title, c.date)
		}
	}
}

// --- starting ----------------------------------------------------------------

func TestStartMeetingRefusesThePast(t *testing.T) {
	e := mtgOpen(t, time.Date(2025, 3, 12, 9, 0, 0, 0, time.UTC))
	_, err := e.st.StartMeeting(e.by, data.MeetingStart{Kind: data.MeetingHouse, Date: mtgDate(2025, 3, 9)})
	if msg := mtgFieldMsg(t, err, data.FieldMeetingDate); !strings.Contains(msg, "in the past") {
		t.Errorf("message %q does not say the date is in the past", msg)
	}
	if ms, _ := e.st.Meetings(mtgDate(2025, 1, 1), mtgDate(2025, 12, 31)); len(ms) != 0 {
		t.Fatalf("a past meeting was saved: %v", ms)
	}
	today := e.start(t, data.MeetingHouse, mtgDate(2025, 3, 12))
	if today.Status != data.MeetingStatusInProgress || today.Number != 1 {
		t.Errorf("today's meeting: status %q number %d", today.Status, today.Number)
	}
	later := e.start(t, data.MeetingHouse, mtgDate(2025, 3, 16))
	if later.Status != data.MeetingStatusScheduled || later.Number != 2 {
		t.Errorf("later meeting: status %q number %d", later.Status, later.Number)
	}
	_, err = e.st.StartMeeting(e.by, data.MeetingStart{Kind: data.MeetingHouse, Date: mtgDate(2025, 3, 12), Start: data.ClockTime{Hour: 20}})
	if !errors.Is(err, data.ErrMeetingExists) {
		t.Errorf("second house meeting on one day: %v", err)
	}
	if _, err := e.st.BeginMeeting(e.by, later.ID); err == nil {
		t.Error("a meeting began before its day")
	}
	group := e.start(t, data.MeetingPeerSupport, mtgDate(2025, 3, 12))
	if group.Number != 1 {
		t.Errorf("numbers are per kind: the first group is #%d", group.Number)
	}
}

func TestStartMeetingPrefills(t *testing.T) {
	e := mtgOpen(t, time.Date(2025, 3, 12, 9, 0, 0, 0, time.UTC))
	r := e.res[0]
	r.Sobriety = mtgDate(2025, 2, 11) // 30 days on 13 March, this week
	if _, err := e.st.UpdateResident(e.by, r); err != nil {
		t.Fatal(err)
	}
	if _, _, err := e.st.SaveOfficer(e.by, data.Officer{Office: data.OfficePresident, Person: e.person(4),
		TermStart: mtgDate(2025, 1, 1), TermEnd: mtgDate(2025, 6, 30)}); err != nil {
		t.Fatal(err)
	}
	m, err := e.st.StartMeeting(e.by, data.MeetingStart{Kind: data.MeetingHouse, Date: mtgDate(2025, 3, 12),
		ChoreReport: func(d data.Date) (string, error) { return "Chores for the week of " + d.String(), nil }})
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Roll) != len(e.res) {
		t.Fatalf("roll has %d lines for %d residents", len(m.Roll), len(e.res))
	}
	for _, a := range m.Roll {
		if a.Status != data.AttendUnmarked || a.Name == "" {
			t.Errorf("roll line %+v", a)
		}
	}
	if !strings.Contains(m.Sections.Milestones, "María Núñez: 30 days") {
		t.Errorf("milestones = %q", m.Sections.Milestones)
	}
	if m.Sections.ChoreReport != "Chores for the week of 2025-03-12" {
		t.Errorf("chore report = %q", m.Sections.ChoreReport)
	}
	if len(m.Sections.OfficerReports) != 1 || m.Sections.OfficerReports[0].Name != "Jamal Washington" {
		t.Errorf("officer reports = %+v", m.Sections.OfficerReports)
	}
	if m.Start != (data.ClockTime{Hour: 9}) {
		t.Errorf("start without a time = %s, want the time now", m.Start)
	}
}

// --- votes -------------------------------------------------------------------

func TestVoteRuleThresholds(t *testing.T) {
	cases := []struct {
		rule                   data.VoteRule
		forV, against, present int
		pass                   bool
	}{
		{data.SimpleMajority, 3, 3, 6, false}, // a tie fails
		{data.SimpleMajority, 4, 3, 7, true},
		{data.SimpleMajority, 3, 2, 9, true}, // abstentions do not count
		{data.SimpleMajority, 0, 0, 5, false},
		{data.TwoThirds, 4, 2, 6, true}, // exactly two-thirds passes
		{data.TwoThirds, 6, 3, 9, true},
		{data.TwoThirds, 3, 2, 5, false}, // 60%
		{data.TwoThirds, 5, 3, 8, false}, // 62.5%
		{data.FourFifths, 8, 2, 10, true},
		{data.FourFifths, 7, 2, 9, false},
		{data.VoteRule{Num: 1, Den: 2, MoreThan: true, OfPresent: true}, 4, 1, 8, false}, // 4 of 8 present
		{data.VoteRule{Num: 1, Den: 2, MoreThan: true, OfPresent: true}, 5, 1, 8, true},
	}
	for _, c := range cases {
		if got := c.rule.Passes(c.forV, c.against, c.present); got != c.pass {
			t.Errorf("%s: %d for, %d against, %d present: passes = %v", c.rule, c.forV, c.against, c.present, got)
		}
	}
	mo := data.Motion{For: 2, Against: 2}
	if got := mo.Decide(4); got != data.OutcomeFailed {
		t.Errorf("tie with no rule = %s, want failed", got)
	}
	mo.Tabled = true
	if got := mo.Decide(4); got != data.OutcomeTabled {
		t.Errorf("tabled = %s", got)
	}
}

func TestMotionOutcomesSaved(t *testing.T) {
	e := mtgOpen(t, time.Date(2025, 3, 12, 9, 0, 0, 0, time.UTC))
	m := e.start(t, data.MeetingHouse, e.st.Today())
	mtgMarkAll(&m, data.AttendPresent)
	m.Motions = []data.Motion{
		{Text: "Paint the porch", Mover: e.person(0), Seconder: e.person(1), For: 3, Against: 3},
		{Type: data.MotionHouseRules, Text: "Quiet hours from 22:00", Mover: e.person(2), Seconder: e.person(3), For: 4, Against: 2},
		{Type: data.MotionAdmitMember, Text: "Admit Aoife Ní Bhriain", Mover: e.person(4), Seconder: e.person(5), For: 4, Against: 2},
	}
	m = e.save(t, m)
	want := []data.Outcome{data.OutcomeFailed, data.OutcomePassed, data.OutcomeFailed}
	for i, mo := range m.Motions {
		if mo.Outcome != want[i] || mo.ID == "" {
			t.Errorf("motion %d (%s): outcome %s id %q, want %s", i+1, mo.Rule, mo.Outcome, mo.ID, want[i])
		}
	}
	if m.Motions[1].Rule != data.TwoThirds || m.Motions[2].Rule != data.FourFifths {
		t.Errorf("rules from settings = %v, %v", m.Motions[1].Rule, m.Motions[2].Rule)
	}
	// The house lowers the admission rule to two-thirds: new motions use
	// it, the motion already counted keeps its rule.
	ms, _ := e.st.MeetingSettings()
	ms.Rules[data.MotionAdmitMember] = data.TwoThirds
	if err := e.st.SaveMeetingSettings(e.by, ms); err != nil {
		t.Fatal(err)
	}
	m.Motions = append(m.Motions, data.Motion{Type: data.MotionAdmitMember, Text: "Admit Zoë Lefèvre",
		Mover: e.person(4), Seconder: e.person(5), For: 4, Against: 2})
	m = e.save(t, m)
	if m.Motions[2].Outcome != data.OutcomeFailed || m.Motions[3].Outcome != data.OutcomePassed {
		t.Errorf("after the settings change: %s, %s", m.Motions[2].Outcome, m.Motions[3].Outcome)
	}
}

func TestMotionValidation(t *testing.T) {
	e := mtgOpen(t, time.Date(2025, 3, 12, 9, 0, 0, 0, time.UTC))
	m := e.start(t, data.MeetingHouse, e.st.Today())
	mtgMarkAll(&m, data.AttendPresent)
	m.Roll[0].Status = data.AttendLate
	m.Roll[1].Status, m.Roll[1].Reason = data.AttendExcused, "At work"
	m.Roll[2].Status = data.AttendAbsent
	m.Roll[3].Status = data.AttendAbsent
	m = e.save(t, m) // 3 there: 2 present, 1 late
	byID := map[string]int{}
	for i, a := range m.Roll {
		byID[a.ResidentID] = i
	}
	here := func(st data.AttendanceStatus) data.PersonRef {
		for _, r := range e.res {
			if m.Roll[byID[r.ID]].Status == st {
				return data.PersonOf(r)
			}
		}
		t.Fatalf("nobody %s", st)
		return data.PersonRef{}
	}
	late, absent := here(data.AttendLate), here(data.AttendAbsent)
	present := here(data.AttendPresent)
	cases := []struct {
		name  string
		mo    data.Motion
		field string
		want  string
	}{
		{"no text", data.Motion{Text: "  ", Mover: late, Seconder: present}, data.FieldMotionText, "write"},
		{"too many votes", data.Motion{Text: "New couch", Mover: late, Seconder: present, For: 2, Against: 1, Abstain: 1},
			data.FieldVotes, "only 3 residents are present or late"},
		{"votes that overflow when added", data.Motion{Text: "New couch", Mover: late, Seconder: present,
			For: math.MaxInt, Against: math.MaxInt, Abstain: 3}, data.FieldVotes, "more votes counted than the 3 residents"},
		{"mover seconds", data.Motion{Text: "New couch", Mover: late, Seconder: late}, data.FieldSeconder, "other than the mover"},
		{"absent mover", data.Motion{Text: "New couch", Mover: absent, Seconder: late}, data.FieldMover, "not marked present"},
		{"no seconder", data.Motion{Text: "New couch", Mover: late}, data.FieldSeconder, "needs a seconder"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := e.st.AddMotion(e.by, m.ID, c.mo, "")
			if msg := mtgFieldMsg(t, err, c.field); !strings.Contains(msg, c.want) {
				t.Errorf("message %q lacks %q", msg, c.want)
			}
			bad := m
			bad.Motions = []data.Motion{c.mo}
			_, err = e.st.UpdateMeeting(e.by, bad, "")
			mtgFieldMsg(t, err, data.MotionField(0, c.field))
			if got, _ := e.st.Meeting(m.ID); len(got.Motions) != 0 || got.Roll[byID[late.ResidentID]].Status != data.AttendLate {
				t.Errorf("a refused motion changed the stored meeting: %+v", got.Motions)
			}
		})
	}
	ok := data.Motion{Text: "New couch", Mover: late, Seconder: present, For: 2, Against: 0, Abstain: 1}
	if got, err := e.st.AddMotion(e.by, m.ID, ok, ""); err != nil || got.Motions[0].Outcome != data.OutcomePassed {
		t.Fatalf("3 votes with 3 present: %v", err)
	}
}

func TestExcusedNeedsReason(t *testing.T) {
	e := mtgOpen(t, time.Date(2025, 3, 12, 9, 0, 0, 0, time.UTC))
	m := e.start(t, data.MeetingHouse, e.st.Today())
	m.Roll[0].Status = data.AttendExcused
	_, err := e.st.UpdateMeeting(e.by, m, "")
	mtgFieldMsg(t, err, data.RollField(m.Roll[0].Name))
}

// --- carried business, minutes accepted, amendments ---------------------------

func TestActionItemsCarriedUntilDone(t *testing.T) {
	e := mtgOpen(t, time.Date(2025, 3, 9, 9, 0, 0, 0, time.UTC))
	m1 := e.start(t, data.MeetingHouse, e.st.Today())
	mtgMarkAll(&m1, data.AttendPresent)
	m1.ActionItems = []data.ActionItem{
		{Text: "Fix the porch light", Owner: e.person(4), Due: mtgDate(2025, 3, 14)},
		{Text: "Buy a vacuum", Owner: e.person(3), Due: mtgDate(2025, 3, 16)},
		{Text: "Return the ladder", Owner: e.person(2), Due: mtgDate(2025, 3, 9), Done: true},
	}
	m1.Motions = []data.Motion{{Text: "Get a cat", Mover: e.person(0), Seconder: e.person(1), Tabled: true}}
	m1 = e.save(t, m1)
	if m1.Motions[0].Outcome != data.OutcomeTabled {
		t.Fatalf("tabled motion outcome = %s", m1.Motions[0].Outcome)
	}
	open, err := e.st.OpenActionItems()
	if err != nil || len(open) != 2 || open[0].Text != "Fix the porch light" || open[0].MeetingID != m1.ID {
		t.Fatalf("open items after meeting 1 = %+v, %v", open, err)
	}

	e.clock.t = e.clock.t.AddDate(0, 0, 7)
	m2 := e.start(t, data.MeetingHouse, e.st.Today())
	if got := mtgCarried(m2); got != "action item:Fix the porch light action item:Buy a vacuum tabled motion:Get a cat" {
		t.Fatalf("meeting 2 old business = %s", got)
	}
	if m2.Sections.LastMinutes.MeetingID != m1.ID {
		t.Errorf("last minutes point at %q, want meeting 1", m2.Sections.LastMinutes.MeetingID)
	}
	mtgMarkAll(&m2, data.AttendPresent)
	for i, c := range m2.Sections.OldBusiness.Carried {
		m2.Sections.OldBusiness.Carried[i].Done = c.Text != "Buy a vacuum"
	}
	e.save(t, m2)
	open, _ = e.st.OpenActionItems()
	if len(open) != 1 || open[0].Text != "Buy a vacuum" {
		t.Fatalf("open items after meeting 2 = %+v", open)
	}
	src, _ := e.st.Meeting(m1.ID)
	if !src.ActionItems[0].Done || src.ActionItems[0].DoneOn != m2.Date || src.Motions[0].ResolvedIn != m2.ID {
		t.Errorf("meeting 1 not updated at the source: %+v %+v", src.ActionItems[0], src.Motions[0])
	}
	// Re-saving meeting 1 with its stale copy keeps the item done.
	e.save(t, m1)
	if open, _ = e.st.OpenActionItems(); len(open) != 1 {
		t.Fatalf("stale save reopened items: %+v", open)
	}

	e.clock.t = e.clock.t.AddDate(0, 0, 7)
	m3 := e.start(t, data.MeetingHouse, e.st.Today())
	if got := mtgCarried(m3); got != "action item:Buy a vacuum" {
		t.Fatalf("meeting 3 old business = %s", got)
	}
	if err := e.st.CompleteActionItem(e.by, open[0].ID, e.st.Today()); err != nil {
		t.Fatal(err)
	}
	if open, _ = e.st.OpenActionItems(); len(open) != 0 {
		t.Fatalf("open after CompleteActionItem: %+v", open)
	}
	if err := e.st.CompleteActionItem(e.by, m1.ActionItems[1].ID, e.st.Today()); err == nil {
		t.Error("completing a done item twice succeeded")
	}
	if err := e.st.ReopenActionItem(e.by, m1.ID, m1.ActionItems[1].ID); err != nil {
		t.Fatal(err)
	}
	if open, _ = e.st.OpenActionItems(); len(open) != 1 {
		t.Fatalf("open after ReopenActionItem: %+v", open)
	}
}

func mtgCarried(m data.Meeting) string {
	var s []string
	for _, c := range m.Sections.OldBusiness.Carried {
		s = append(s, string(c.Kind)+":"+c.Text)
	}
	return strings.Join(s, " ")
}

func TestActionItemValidation(t *testing.T) {
	e := mtgOpen(t, time.Date(2025, 3, 9, 9, 0, 0, 0, time.UTC))
	m := e.start(t, data.MeetingHouse, e.st.Today())
	m.ActionItems = []data.ActionItem{{Text: "Fix the light", Due: mtgDate(2025, 3, 1)}}
	_, err := e.st.UpdateMeeting(e.by, m, "")
	mtgFieldMsg(t, err, data.ActionItemField(0, data.FieldItemOwner))
	mtgFieldMsg(t, err, data.ActionItemField(0, data.FieldItemDue))
}

func TestAcceptedMinutesNeedReasonToEdit(t *testing.T) {
	e := mtgOpen(t, time.Date(2025, 3, 9, 9, 0, 0, 0, time.UTC))
	m1 := e.start(t, data.MeetingHouse, e.st.Today())
	mtgMarkAll(&m1, data.AttendPresent)
	m1.Sections.NewBusiness = "The porch light is out."
	m1 = e.save(t, m1)
	if _, err := e.st.FinishMinutes(e.by, m1.ID); err != nil {
		t.Fatal(err)
	}

	e.clock.t = e.clock.t.AddDate(0, 0, 7)
	m2 := e.start(t, data.MeetingHouse, e.st.Today())
	mtgMarkAll(&m2, data.AttendPresent)
	m2.Motions = []data.Motion{{Type: data.MotionAcceptMinutes, Text: "Accept the minutes of meeting #1",
		Mover: e.person(0), Seconder: e.person(1), For: 6}}
	e.save(t, m2)
	m1, _ = e.st.Meeting(m1.ID)
	if !m1.Accepted() || m1.AcceptedOn != m2.Date || m1.AcceptedIn != m2.ID {
		t.Fatalf("meeting 1 after the motion: status %s on %s in %s", m1.Status, m1.AcceptedOn, m1.AcceptedIn)
	}

	m1.Sections.NewBusiness = "The porch light and the back door light are out."
	_, err := e.st.UpdateMeeting(e.by, m1, "  ")
	if msg := mtgFieldMsg(t, err, data.FieldReasonEdit); !strings.Contains(msg, "accepted") {
		t.Errorf("message %q", msg)
	}
	if got, _ := e.st.Meeting(m1.ID); got.Sections.NewBusiness != "The porch light is out." {
		t.Fatalf("refused edit was saved: %q", got.Sections.NewBusiness)
	}
	got, err := e.st.UpdateMeeting(e.by, m1, "Secretary left out the back door light")
	if err != nil {
		t.Fatal(err)
	}
	if !got.Accepted() || len(got.Amendments) != 1 || got.Amendments[0].Reason != "Secretary left out the back door light" ||
		got.Amendments[0].By != "Sam Rivera" {
		t.Errorf("after amending: status %s, amendments %+v", got.Status, got.Amendments)
	}
	entries, err := e.st.Audit(time.Time{}, 100)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, a := range entries { // the fixed clock gives entries one time: order among them is not kept
		found = found || (a.Action == "meeting.amend-accepted" && strings.Contains(a.Subject, "Secretary left out the back door light"))
	}
	if !found {
		t.Errorf("no audit entry with the reason in %+v", entries)
	}
}

func TestStatusChanges(t *testing.T) {
	e := mtgOpen(t, time.Date(2025, 3, 9, 9, 0, 0, 0, time.UTC))
	m := e.start(t, data.MeetingPeerSupport, e.st.Today())
	if _, err := e.st.AcceptMinutes(e.by, m.ID); err == nil {
		t.Error("accepted minutes not finished")
	}
	m.Roll[0].Status = data.AttendPresent
	m = e.save(t, m)
	_, err := e.st.FinishMinutes(e.by, m.ID)
	if msg := mtgFieldMsg(t, err, "Roll call"); !strings.Contains(msg, m.Roll[1].Name) {
		t.Errorf("message %q does not name the unmarked", msg)
	}
	mtgMarkAll(&m, data.AttendPresent)
	m = e.save(t, m)
	if m, err = e.st.FinishMinutes(e.by, m.ID); err != nil || m.Status != data.MeetingStatusMinutesTaken {
		t.Fatalf("FinishMinutes: %s, %v", m.Status, err)
	}
	if m, err = e.st.AcceptMinutes(e.by, m.ID); err != nil || !m.Accepted() || m.AcceptedOn != e.st.Today() {
		t.Fatalf("AcceptMinutes: %s, %v", m.Status, err)
	}
}

// --- attendance, search, officers ------------------------------------------------

func TestAttendanceHistory(t *testing.T) {
	e := mtgOpen(t, time.Date(2025, 3, 9, 9, 0, 0, 0, time.UTC)) // a Sunday
	rid := e.res[0].ID
	marks := []data.AttendanceStatus{data.AttendPresent, data.AttendLate, data.AttendAbsent, data.AttendExcused}
	for _, st := range marks {
		m := e.start(t, data.MeetingHouse, e.st.Today())
		mtgMarkAll(&m, data.AttendPresent)
		for i := range m.Roll {
			if m.Roll[i].ResidentID == rid {
				m.Roll[i].Status, m.Roll[i].Reason = st, "Doctor's appointment"
			}
		}
		e.save(t, m)
		g := e.start(t, data.MeetingPeerSupport, e.st.Today()) // not required: does not count
		mtgMarkAll(&g, data.AttendAbsent)
		e.save(t, g)
		e.clock.t = e.clock.t.AddDate(0, 0, 7)
	}
	sum, err := e.st.AttendanceSummary(rid, mtgDate(2025, 3, 1), mtgDate(2025, 3, 31))
	if err != nil {
		t.Fatal(err)
	}
	want := data.AttendanceSummary{Meetings: 4, Present: 1, Late: 1, Excused: 1, Absent: 1}
	if sum != want || sum.Attended() != 2 {
		t.Errorf("summary = %+v, want %+v", sum, want)
	}
	if sum, _ := e.st.AttendanceSummary(rid, mtgDate(2025, 3, 10), mtgDate(2025, 3, 20)); sum.Meetings != 1 || sum.Late != 1 {
		t.Errorf("summary of 10-20 March = %+v", sum)
	}
	// 23 March was the absence; the house week runs Monday 17 to Sunday 23.
	abs, err := e.st.UnexcusedAbsences(rid, mtgDate(2025, 3, 19))
	if err != nil || len(abs) != 1 || abs[0].Date != mtgDate(2025, 3, 23) {
		t.Fatalf("unexcused absences = %+v, %v", abs, err)
	}
	if abs, _ := e.st.UnexcusedAbsences(rid, mtgDate(2025, 3, 24)); len(abs) != 0 {
		t.Errorf("excused absence counted: %+v", abs)
	}
	byRes, err := e.st.UnexcusedAbsencesIn(mtgDate(2025, 3, 17), mtgDate(2025, 3, 23))
	if err != nil || len(byRes[rid]) != 1 || len(byRes) != 1 {
		t.Errorf("UnexcusedAbsencesIn = %+v, %v", byRes, err)
	}
	hist, _ := e.st.AttendanceHistory(rid, mtgDate(2025, 3, 1), mtgDate(2025, 3, 31))
	if len(hist) != 8 {
		t.Errorf("history has %d marks, want 8 (4 house meetings, 4 groups)", len(hist))
	}
}

func TestSearchMotions(t *testing.T) {
	e := mtgOpen(t, time.Date(2025, 3, 9, 9, 0, 0, 0, time.UTC))
	m := e.start(t, data.MeetingHouse, e.st.Today())
	mtgMarkAll(&m, data.AttendPresent)
	m.Motions = []data.Motion{
		{Text: "Buy a second vacuum cleaner", Mover: e.person(0), Seconder: e.person(1), For: 5, Against: 1},
		{Text: "Paint the porch green", Mover: e.person(2), Seconder: e.person(3), For: 1, Against: 5},
	}
	e.save(t, m)
	e.clock.t = e.clock.t.AddDate(0, 0, 7)
	m2 := e.start(t, data.MeetingHouse, e.st.Today())
	mtgMarkAll(&m2, data.AttendPresent)
	m2.Motions = []data.Motion{{Text: "Paint the porch blue", Mover: e.person(2), Seconder: e.person(4), For: 4, Against: 2}}
	e.save(t, m2)

	cases := map[string]string{
		"PORCH":          "Paint the porch blue|Paint the porch green",
		"porch passed":   "Paint the porch blue",
		"vacuum núñez":   "Buy a second vacuum cleaner",
		"#2":             "Paint the porch blue",
		"nothing at all": "",
	}
	for q, want := range cases {
		hits, err := e.st.SearchMotions(q)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, h := range hits {
			got = append(got, h.Motion.Text)
		}
		if strings.Join(got, "|") != want {
			t.Errorf("SearchMotions(%q) = %q, want %q", q, got, want)
		}
	}
	if hits, _ := e.st.SearchMotions(""); len(hits) != 3 || hits[0].MeetingID != m2.ID {
		t.Errorf("all motions, newest first: %+v", hits)
	}
}

func TestOfficerTerms(t *testing.T) {
	e := mtgOpen(t, time.Date(2025, 3, 9, 9, 0, 0, 0, time.UTC))
	first := data.Officer{Office: data.OfficeTreasurer, Person: e.person(3), TermStart: mtgDate(2024, 7, 1), TermEnd: mtgDate(2024, 12, 31)}
	_, warn, err := e.st.SaveOfficer(e.by, first)
	if err != nil || len(warn) != 0 {
		t.Fatalf("first term: %v, warnings %v", err, warn)
	}
	again := data.Officer{Office: data.OfficeTreasurer, Person: e.person(3), TermStart: mtgDate(2025, 1, 1), TermEnd: mtgDate(2025, 9, 30)}
	saved, warn, err := e.st.SaveOfficer(e.by, again)
	if err != nil {
		t.Fatalf("second term refused: %v", err)
	}
	if len(warn) != 2 || !strings.Contains(data.ValidationError(warn).For(data.FieldTermEnd), "longer than 6 months") ||
		!strings.Contains(data.ValidationError(warn).For(data.FieldOfficer), "second term in a row") {
		t.Errorf("warnings = %v", warn)
	}
	overlap := data.Officer{Office: data.OfficeTreasurer, Person: e.person(4), TermStart: mtgDate(2025, 6, 1), TermEnd: mtgDate(2025, 11, 30)}
	_, _, err = e.st.SaveOfficer(e.by, overlap)
	mtgFieldMsg(t, err, data.FieldTermStart)
	on, _ := e.st.OfficersOn(mtgDate(2025, 3, 9))
	if len(on) != 1 || on[0].ID != saved.ID {
		t.Errorf("officers on 9 March = %+v", on)
	}
	_, _, err = e.st.SaveOfficer(e.by, data.Officer{Office: data.OfficePresident, TermStart: mtgDate(2025, 1, 1), TermEnd: mtgDate(2024, 1, 1)})
	mtgFieldMsg(t, err, data.FieldOfficer)
	mtgFieldMsg(t, err, data.FieldTermEnd)
	if err := e.st.RemoveOfficer(e.by, saved.ID); err != nil {
		t.Fatal(err)
	}
	if all, _ := e.st.Officers(); len(all) != 1 {
		t.Errorf("after removal: %+v", all)
	}
}
