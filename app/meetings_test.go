package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"porchlight/data"
)

// meetingHouse sets up a house with three residents and shows the
// Meetings section through the navigation.
func meetingHouse(t *testing.T) *UI {
	t.Helper()
	u := newTestUI(t)
	setUpHouse(t, u)
	h, _ := u.store.House()
	today := u.store.Today()
	for i, n := range [][2]string{{"Paweł", "Kowalczyk"}, {"Thanh", "Nguyễn"}, {"Siobhán", "O'Brien"}} {
		_, err := u.store.AddResident(data.System, data.Resident{First: n[0], Last: n[1], BedID: h.Beds[i].ID, MoveIn: today.AddDays(-30)})
		if err != nil {
			t.Fatal(err)
		}
	}
	u.showShell()
	meetingSection(t, u, "Meetings")
	if u.screens.meetings == nil {
		t.Fatal("meetings section not shown")
	}
	return u
}

// meetingSection selects a section in the navigation list.
func meetingSection(t *testing.T, u *UI, title string) {
	t.Helper()
	secs := u.sections()
	var nav *widget.List
	walk(u.win.Content(), func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.List); ok && nav == nil && l.Length() == len(secs) {
			nav = l
		}
	})
	if nav == nil {
		t.Fatal("navigation not found")
	}
	for i, s := range secs {
		if s.title == title {
			nav.Select(i)
			return
		}
	}
	t.Fatalf("no section %q", title)
}

// startTodaysMeeting starts a house business meeting today through the
// start dialog and returns its screen.
func startTodaysMeeting(t *testing.T, u *UI) *meetingEditor {
	t.Helper()
	p := u.screens.meetings
	test.Tap(p.startBtn)
	s := p.start
	if s == nil || !s.isOpen() {
		t.Fatal("start dialog not open")
	}
	s.what.SetSelected(data.MeetingHouse.Label() + " (not on the schedule)")
	if s.date.Text != u.store.Today().String() {
		t.Fatalf("date prefilled with %q", s.date.Text)
	}
	test.Tap(s.ok)
	if s.isOpen() {
		t.Fatalf("start dialog still open: %q %q", s.errorFor(data.FieldMeetingDate), s.general.Text)
	}
	e := u.screens.meeting
	if e == nil {
		t.Fatal("meeting screen not shown")
	}
	meetingRender(u)
	return e
}

// meetingRender builds the window's widgets, so lists create their rows.
func meetingRender(u *UI) { walk(u.win.Content(), func(fyne.CanvasObject) {}) }

// meetingTapRadio taps an option of a radio group, as a click would.
func meetingTapRadio(t *testing.T, r *widget.RadioGroup, option string) {
	t.Helper()
	for i, o := range r.Options {
		if o == option {
			items := test.WidgetRenderer(r).Objects()
			test.Tap(items[i].(fyne.Tappable))
			return
		}
	}
	t.Fatalf("no option %q", option)
}

// meetingTapSelect picks an option of a select as a click would: it opens the
// select's menu and taps the option in it.
func meetingTapSelect(t *testing.T, u *UI, sel *widget.Select, option string) {
	t.Helper()
	test.Tap(sel)
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("the select's menu did not open")
	}
	var item fyne.Tappable // the innermost tappable holding the option's text
	walk(top, func(o fyne.CanvasObject) {
		tp, ok := o.(fyne.Tappable)
		if !ok || o == top {
			return
		}
		walk(o, func(c fyne.CanvasObject) {
			if txt, ok := c.(*canvas.Text); ok && txt.Text == option {
				item = tp
			}
		})
	})
	if item == nil {
		t.Fatalf("no option %q in the menu", option)
	}
	test.Tap(item)
	if sel.Selected != option {
		t.Fatalf("selected %q, want %q", sel.Selected, option)
	}
}

// rollRowFor finds the roll-call row on show for a resident.
func rollRowFor(t *testing.T, e *meetingEditor, name string) *rollRow {
	t.Helper()
	for i, a := range e.m.Roll {
		if strings.Contains(a.Name, name) {
			if r := e.rollRows[i]; r != nil {
				return r
			}
			t.Fatalf("roll row of %s not on show", name)
		}
	}
	t.Fatalf("%s not on the roll", name)
	return nil
}

func TestMeetingRunFromRollCallToPassedMotion(t *testing.T) {
	u := meetingHouse(t)
	e := startTodaysMeeting(t, u)
	if len(e.m.Roll) != 3 {
		t.Fatalf("roll has %d residents, want 3", len(e.m.Roll))
	}

	test.Tap(e.markAll)
	meetingTapRadio(t, rollRowFor(t, e, "Nguyễn").radio, data.AttendLate.Label())
	meetingTapSelect(t, u, e.chair, "Paweł Kowalczyk")
	meetingTapSelect(t, u, e.secretary, "Siobhán O'Brien")
	if e.m.Present() != 3 {
		t.Fatalf("present = %d after marking", e.m.Present())
	}

	test.Tap(e.addMotion)
	m := e.motion
	if m == nil || !m.isOpen() {
		t.Fatal("motion dialog not open")
	}
	test.Type(m.text, "Buy a new kettle for the kitchen, up to $30.")
	meetingTapSelect(t, u, m.mover, "Paweł Kowalczyk")
	meetingTapSelect(t, u, m.seconder, "Thanh Nguyễn")
	test.Type(m.forV, "2")
	test.Type(m.against, "1")
	if !strings.Contains(m.outcome.Text, "PASSED") {
		t.Errorf("outcome preview = %q", m.outcome.Text)
	}
	test.Tap(m.ok)
	if m.isOpen() {
		t.Fatalf("motion dialog still open: votes %q, general %q", m.errorFor(data.FieldVotes), m.general.Text)
	}

	got, err := u.store.Meeting(e.m.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Motions) != 1 {
		t.Fatalf("stored motions = %d", len(got.Motions))
	}
	mo := got.Motions[0]
	if mo.Outcome != data.OutcomePassed || mo.For != 2 || mo.Against != 1 || !strings.Contains(mo.Text, "kettle") {
		t.Errorf("stored motion = %+v", mo)
	}
	if mo.Mover.Name != "Paweł Kowalczyk" || mo.Seconder.Name != "Thanh Nguyễn" {
		t.Errorf("mover %q, seconder %q", mo.Mover.Name, mo.Seconder.Name)
	}
	marks := map[string]data.AttendanceStatus{}
	for _, a := range got.Roll {
		marks[a.Name] = a.Status
	}
	if marks["Thanh Nguyễn"] != data.AttendLate || marks["Paweł Kowalczyk"] != data.AttendPresent || marks["Siobhán O'Brien"] != data.AttendPresent {
		t.Errorf("stored roll = %v", marks)
	}
	if got.Chair.Name != "Paweł Kowalczyk" || got.Secretary.Name != "Siobhán O'Brien" {
		t.Errorf("chair %q, secretary %q", got.Chair.Name, got.Secretary.Name)
	}
	if hits, _ := u.store.SearchMotions("kettle"); len(hits) != 1 {
		t.Errorf("motion search found %d", len(hits))
	}
	meetingRender(u)
	if !hasText(u, "PASSED") {
		t.Error("outcome not shown in the motions list")
	}

	// finish the minutes: everyone is marked, so it goes through
	test.Tap(e.finishBtn)
	if got, _ := u.store.Meeting(e.m.ID); got.Status != data.MeetingStatusMinutesTaken {
		t.Errorf("status after finishing = %q; banner %q", got.Status, e.banner.Text)
	}
}

func TestMeetingMotionWithTooManyVotesShowsErrorAndSavesNothing(t *testing.T) {
	u := meetingHouse(t)
	e := startTodaysMeeting(t, u)
	meetingTapRadio(t, rollRowFor(t, e, "Kowalczyk").radio, data.AttendPresent.Label())
	meetingTapRadio(t, rollRowFor(t, e, "Nguyễn").radio, data.AttendPresent.Label())
	meetingTapRadio(t, rollRowFor(t, e, "O'Brien").radio, data.AttendAbsent.Label())

	test.Tap(e.addMotion)
	m := e.motion
	test.Type(m.text, "Paint the porch.")
	m.mover.SetSelected("Paweł Kowalczyk")
	m.seconder.SetSelected("Thanh Nguyễn")
	test.Type(m.forV, "2")
	test.Type(m.against, "1")
	test.Tap(m.ok)

	msg := m.errorFor(data.FieldVotes)
	if !strings.Contains(msg, "only 2 residents are present") {
		t.Fatalf("votes error = %q", msg)
	}
	if !m.isOpen() {
		t.Fatal("dialog closed despite the error")
	}
	if m.text.Text != "Paint the porch." || m.forV.Text != "2" {
		t.Errorf("typed text lost: %q, %q", m.text.Text, m.forV.Text)
	}
	got, _ := u.store.Meeting(e.m.ID)
	if len(got.Motions) != 0 {
		t.Fatalf("stored %d motions despite the error", len(got.Motions))
	}
	if len(e.m.Motions) != 0 {
		t.Error("motion added to the screen despite the error")
	}
	if hits, _ := u.store.SearchMotions(""); len(hits) != 0 {
		t.Errorf("motion index holds %d", len(hits))
	}

	// a word for a count is an error at the same field
	m.forV.SetText("")
	test.Type(m.forV, "two")
	test.Tap(m.ok)
	if msg := m.errorFor(data.FieldVotes); !strings.Contains(msg, "whole number") {
		t.Errorf("votes error for a word = %q", msg)
	}
}

func TestMeetingStartedInThePastShowsError(t *testing.T) {
	u := meetingHouse(t)
	p := u.screens.meetings
	test.Tap(p.startBtn)
	s := p.start
	yesterday := u.store.Today().AddDays(-1).String()
	s.date.SetText("")
	test.Type(s.date, yesterday)
	test.Type(s.start, "19:00")
	test.Tap(s.ok)
	msg := s.errorFor(data.FieldMeetingDate)
	if !strings.Contains(msg, "in the past") {
		t.Fatalf("date error = %q", msg)
	}
	if !s.isOpen() || s.date.Text != yesterday || s.start.Text != "19:00" {
		t.Errorf("dialog open %v, date %q, start %q", s.isOpen(), s.date.Text, s.start.Text)
	}
	if ms, _ := u.store.RecentMeetings(u.store.Today().AddDays(30), 10); len(ms) != 0 {
		t.Fatalf("%d meetings stored", len(ms))
	}
	if u.screens.meeting != nil {
		t.Error("a meeting screen opened")
	}

	// a typo in the date is caught at the field as well
	s.date.SetText("")
	test.Type(s.date, "2025-02-30")
	test.Tap(s.ok)
	if msg := s.errorFor(data.FieldMeetingDate); !strings.Contains(msg, "not a date") {
		t.Errorf("date error for a typo = %q", msg)
	}
}

func TestMeetingExcusedWithoutReasonShowsErrorOnTheRow(t *testing.T) {
	u := meetingHouse(t)
	e := startTodaysMeeting(t, u)
	test.Tap(e.markAll)
	row := rollRowFor(t, e, "O'Brien")
	meetingTapRadio(t, row.radio, data.AttendExcused.Label())
	test.Tap(e.saveBtn)
	meetingRender(u)
	row = rollRowFor(t, e, "O'Brien")
	if !strings.Contains(row.err.Text, "reason") || !row.err.Visible() {
		t.Fatalf("row error = %q (visible %v)", row.err.Text, row.err.Visible())
	}
	if got, _ := u.store.Meeting(e.m.ID); got.Present() != 0 {
		t.Error("roll saved despite the error")
	}
	test.Type(row.reason, "Working a late shift")
	test.Tap(e.saveBtn)
	got, _ := u.store.Meeting(e.m.ID)
	if got.Present() != 2 || e.banner.Visible() {
		t.Fatalf("present = %d, banner %q", got.Present(), e.banner.Text)
	}
	for _, a := range got.Roll {
		if strings.Contains(a.Name, "O'Brien") && (a.Status != data.AttendExcused || a.Reason != "Working a late shift") {
			t.Errorf("stored mark = %+v", a)
		}
	}
}

func TestMeetingAcceptedMinutesNeedAReason(t *testing.T) {
	u := meetingHouse(t)
	e := startTodaysMeeting(t, u)
	test.Tap(e.markAll)
	test.Tap(e.finishBtn)
	m, err := u.store.AcceptMinutes(data.System, e.m.ID)
	if err != nil {
		t.Fatal(err)
	}
	u.screens.meetings.openMeeting(m.ID)
	e = u.screens.meeting
	if !e.readOnly() || !e.chair.Disabled() || e.saveBtn.Visible() {
		t.Fatal("accepted minutes open editable")
	}
	test.Tap(e.changeBtn)
	d := e.reasonForm
	test.Tap(d.ok) // an empty reason is refused at the field
	if msg := d.errorFor(data.FieldReasonEdit); !strings.Contains(msg, "reason") {
		t.Fatalf("reason error = %q", msg)
	}
	test.Type(d.first.(*entry), "Spelling of a name")
	test.Tap(d.ok)
	if e.readOnly() {
		t.Fatal("still read-only after giving a reason")
	}
	test.Type(e.sections[fieldNewBusiness], "Corrected.")
	test.Tap(e.saveBtn)
	got, _ := u.store.Meeting(e.m.ID)
	if len(got.Amendments) != 1 || got.Amendments[0].Reason != "Spelling of a name" || got.Sections.NewBusiness != "Corrected." {
		t.Fatalf("amendments = %+v, new business %q", got.Amendments, got.Sections.NewBusiness)
	}
}

// meetingDialogButton finds a button by its text in the dialog on top.
func meetingDialogButton(t *testing.T, u *UI, text string) *widget.Button {
	t.Helper()
	var found *widget.Button
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("no dialog on show (looking for %q)", text)
	}
	walk(top, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == text && found == nil {
			found = b
		}
	})
	if found == nil {
		t.Fatalf("no %q button in the dialog on top", text)
	}
	return found
}

func TestMeetingScheduleBadTimeShowsErrorAtField(t *testing.T) {
	u := meetingHouse(t)
	p := u.screens.meetings
	test.Tap(p.addSched)
	s := p.schedForm
	s.start.SetText("")
	test.Type(s.start, "25:99")
	test.Type(s.place, "Living room")
	test.Tap(s.ok)
	if msg := s.errorFor(data.FieldMeetingStart); !strings.Contains(msg, "not a time") {
		t.Fatalf("start time error = %q", msg)
	}
	if scheds, _ := u.store.MeetingSchedules(); len(scheds) != 0 {
		t.Fatal("schedule saved despite the error")
	}
	if s.place.Text != "Living room" {
		t.Error("typed place lost")
	}
	s.start.SetText("")
	test.Type(s.start, "19:00")
	s.day.SetSelected("Wednesday")
	test.Tap(s.ok)
	scheds, _ := u.store.MeetingSchedules()
	if len(scheds) != 1 || scheds[0].Weekday.String() != "Wednesday" || scheds[0].Place != "Living room" {
		t.Fatalf("schedules = %+v", scheds)
	}
	if len(p.schedules) != 1 || len(p.upcoming) < upcomingWeeks {
		t.Errorf("list shows %d schedules, %d coming up", len(p.schedules), len(p.upcoming))
	}
	card := u.nextMeetingCard().(*widget.Card)
	if card.Title != "Next meeting" {
		t.Errorf("card %q", card.Title)
	}

	// deleting asks first
	p.confirmDeleteSchedule(scheds[0])
	test.Tap(meetingDialogButton(t, u, "Delete"))
	if scheds, _ := u.store.MeetingSchedules(); len(scheds) != 0 {
		t.Error("schedule not deleted")
	}
}

func TestMeetingOfficerLongTermAsksBeforeSaving(t *testing.T) {
	u := meetingHouse(t)
	p := u.screens.meetings
	test.Tap(p.officers.add)
	f := p.officers.form
	f.person.SetSelected("Thanh Nguyễn")
	start := u.store.Today()
	f.start.SetText(start.String())
	f.end.SetText(start.AddMonths(8).String())
	test.Tap(f.ok)
	if os, _ := u.store.Officers(); len(os) != 0 {
		t.Fatal("saved before the warning was answered")
	}
	test.Tap(meetingDialogButton(t, u, "Save anyway"))
	os, _ := u.store.Officers()
	if len(os) != 1 || os[0].Person.Name != "Thanh Nguyễn" || os[0].Office != data.OfficePresident {
		t.Fatalf("officers = %+v", os)
	}
	if f.isOpen() {
		t.Error("officer dialog still open after saving")
	}
}

func TestMeetingEscapeWithUnsavedChangesAsks(t *testing.T) {
	u := meetingHouse(t)
	e := startTodaysMeeting(t, u)
	reading := e.sections[fieldReading]
	test.Type(reading, "Tradition 1")
	esc := &fyne.KeyEvent{Name: fyne.KeyEscape}
	reading.TypedKey(esc) // Escape in the text goes back, asking first
	meetingDialogButton(t, u, "Keep editing")
	u.win.Canvas().OnTypedKey()(esc) // Escape again: keep editing
	if u.screens.meeting != e || u.win.Canvas().Overlays().Top() != nil {
		t.Fatal("Escape on the question did not keep editing")
	}
	if reading.Text != "Tradition 1" {
		t.Errorf("typed text lost: %q", reading.Text)
	}
	reading.TypedKey(esc)
	test.Tap(meetingDialogButton(t, u, "Save"))
	if u.screens.meeting != nil {
		t.Error("still on the meeting after saving and leaving")
	}
	if got, _ := u.store.Meeting(e.m.ID); got.Sections.Reading != "Tradition 1" {
		t.Errorf("reading stored = %q", got.Sections.Reading)
	}
}

func TestMeetingChoreReportWithoutRosterIsEmpty(t *testing.T) {
	u := meetingHouse(t)
	text, err := u.choreReportFor(u.store.Today())
	if err != nil || text != "" {
		t.Fatalf("chore report = %q, %v", text, err)
	}
}

func TestMeetingUnsavedChangesSurviveAnIdleLogOut(t *testing.T) {
	u := meetingHouse(t)
	e := startTodaysMeeting(t, u)
	test.Type(e.sections[fieldReading], "How It Works")
	if !e.dirty {
		t.Fatal("typing did not mark the meeting changed")
	}
	u.logOut() // what the idle check does after the house's idle minutes
	if got, _ := u.store.Meeting(e.m.ID); got.Sections.Reading != "How It Works" {
		t.Errorf("reading stored = %q; unsaved work lost on log-out", got.Sections.Reading)
	}
	if u.beforeLeave != nil {
		t.Error("the meeting's save hook outlived the log-out")
	}
}

func TestMeetingRulesChangeTheVoteNeeded(t *testing.T) {
	u := meetingHouse(t)
	meetingSection(t, u, "Meetings")
	r := u.screens.meetingRules
	if r == nil {
		t.Fatal("rules tab not built")
	}
	admit := r.rules[data.MotionAdmitMember]
	if admit.Selected != data.FourFifths.String() {
		t.Fatalf("admitting a member starts at %q, want four-fifths", admit.Selected)
	}
	admit.SetSelected(data.TwoThirds.String())
	r.required.SetSelected([]string{data.MeetingHouse.Label()})
	r.save()
	ms, err := u.store.MeetingSettings()
	if err != nil {
		t.Fatal(err)
	}
	if got := ms.RuleFor(data.MotionAdmitMember); got != data.TwoThirds {
		t.Errorf("admit rule stored = %v", got)
	}
	if !ms.IsRequired(data.MeetingHouse) || ms.IsRequired(data.MeetingEmergency) {
		t.Errorf("required meetings stored = %v", ms.Required)
	}
}
