package app

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"porchlight/app/report"
	"porchlight/data"
)

// The Meetings section: recurring meetings and what is coming up, past
// meetings and the house's decisions, officers, and attendance. Opening a
// meeting shows its minutes (meetings_run.go) in place of the tabs.

// upcomingWeeks is how far ahead the schedule tab lists meetings.
const upcomingWeeks = 4

// meetingsPage is the Meetings section.
type meetingsPage struct {
	u     *UI
	stack *fyne.Container
	tabs  *container.AppTabs
	paper report.PageSize // the last paper size chosen for minutes

	// schedule tab
	schedules  []data.MeetingSchedule
	schedList  *widget.List
	schedEmpty *widget.Label
	upcoming   []upcomingRow
	upList     *widget.List
	upEmpty    *widget.Label
	startBtn   *widget.Button
	emergency  *widget.Button
	addSched   *widget.Button

	// the dialogs last opened, for tests
	start     *startMeetingForm
	schedForm *scheduleForm

	history    *historyTab
	officers   *officersTab
	attendance *attendanceTab
}

// meetingsView builds the Meetings section.
func (u *UI) meetingsView() fyne.CanvasObject {
	p := &meetingsPage{u: u, stack: container.NewStack(), paper: defaultPaper()}
	u.screens.meetings = p
	p.history = newHistoryTab(p)
	p.officers = newOfficersTab(p)
	p.attendance = newAttendanceTab(p)
	p.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon("Schedule", theme.CalendarIcon(), p.scheduleTab()),
		container.NewTabItemWithIcon("Past meetings and decisions", theme.HistoryIcon(), p.history.view()),
		container.NewTabItemWithIcon("Officers", theme.AccountIcon(), p.officers.view()),
		container.NewTabItemWithIcon("Attendance", theme.ListIcon(), p.attendance.view()),
		container.NewTabItemWithIcon("Rules", theme.SettingsIcon(), p.rulesTab()),
	)
	p.tabs.OnSelected = func(*container.TabItem) { p.focusTab() }
	p.reload()
	p.showTabs()
	return p.stack
}

// showTabs shows the section's tabs (again, after a meeting was open).
func (p *meetingsPage) showTabs() {
	p.u.screens.meeting = nil
	p.u.beforeLeave = nil
	p.stack.Objects = []fyne.CanvasObject{container.NewBorder(heading("Meetings"), nil, nil, nil, p.tabs)}
	p.stack.Refresh()
	p.focusTab()
}

// focusTab puts the keyboard where the selected tab wants it.
func (p *meetingsPage) focusTab() {
	switch p.tabs.SelectedIndex() {
	case 1:
		p.u.onEscape(func() { p.history.search.SetText("") })
		p.u.win.Canvas().Focus(p.history.search)
	default:
		p.u.onEscape(nil)
	}
}

// reload reads everything the tabs show.
func (p *meetingsPage) reload() {
	p.reloadSchedule()
	p.history.reload()
	p.officers.reload()
	p.attendance.reload()
}

// showError shows an error that belongs to no field.
func (p *meetingsPage) showError(err error) { p.u.showProblem("That did not work", err) }

// --- schedule tab ------------------------------------------------------------

// upcomingRow is a line of the "coming up" list: a scheduled occurrence,
// the meeting already started for it, or both.
type upcomingRow struct {
	occ     data.Occurrence
	meeting *data.Meeting
}

func (r upcomingRow) date() data.Date {
	if r.meeting != nil {
		return r.meeting.Date
	}
	return r.occ.Date
}

func (r upcomingRow) text() string {
	if r.meeting != nil && r.occ.ScheduleID == "" {
		m := r.meeting
		s := fmt.Sprintf("%s · %s · %s", m.Date.Pretty(), m.Start, m.Label())
		if m.Place != "" {
			s += " · " + m.Place
		}
		return s + " · " + string(m.Status)
	}
	o := r.occ
	when := o.Start.String()
	if o.End != nil {
		when += "–" + o.End.String()
	}
	s := fmt.Sprintf("%s · %s · %s", o.Date.Pretty(), when, o.Title)
	if o.Place != "" {
		s += " · " + o.Place
	}
	if r.meeting != nil {
		s += " · " + string(r.meeting.Status)
	}
	return s
}

func (p *meetingsPage) scheduleTab() fyne.CanvasObject {
	p.startBtn = widget.NewButtonWithIcon("Start a meeting…", theme.MediaPlayIcon(), p.openStart)
	p.startBtn.Importance = widget.HighImportance
	p.emergency = widget.NewButtonWithIcon("Emergency meeting now", theme.WarningIcon(), p.emergencyNow)
	p.emergency.Importance = widget.DangerImportance
	p.addSched = widget.NewButtonWithIcon("Add schedule", theme.ContentAddIcon(), func() {
		p.editSchedule(data.MeetingSchedule{Kind: data.MeetingHouse, Weekday: time.Sunday, Start: data.ClockTime{Hour: 19}})
	})

	p.schedList = widget.NewList(
		func() int { return len(p.schedules) },
		func() fyne.CanvasObject {
			edit := widget.NewButtonWithIcon("Edit", theme.DocumentCreateIcon(), nil)
			del := widget.NewButtonWithIcon("Delete", theme.DeleteIcon(), nil)
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, nil, container.NewHBox(edit, del), l)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			sc := p.schedules[i]
			row := o.(*fyne.Container)
			row.Objects[0].(*widget.Label).SetText(scheduleText(sc))
			btns := row.Objects[1].(*fyne.Container)
			btns.Objects[0].(*widget.Button).OnTapped = func() { p.editSchedule(sc) }
			btns.Objects[1].(*widget.Button).OnTapped = func() { p.confirmDeleteSchedule(sc) }
		},
	)
	p.schedList.OnSelected = func(i widget.ListItemID) {
		p.schedList.UnselectAll()
		if i >= 0 && i < len(p.schedules) {
			p.editSchedule(p.schedules[i])
		}
	}
	p.schedEmpty = widget.NewLabel("No meetings scheduled yet. Add the weekly house business meeting with \"Add schedule\".")
	p.schedEmpty.Wrapping = fyne.TextWrapWord

	p.upList = widget.NewList(
		func() int { return len(p.upcoming) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, nil, widget.NewButton("Prepare agenda", nil), l)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			r := p.upcoming[i]
			row := o.(*fyne.Container)
			row.Objects[0].(*widget.Label).SetText(r.text())
			b := row.Objects[1].(*widget.Button)
			b.Importance = widget.MediumImportance
			switch {
			case r.meeting != nil:
				b.SetText("Open")
			case r.occ.Date == p.u.store.Today():
				b.SetText("Start")
				b.Importance = widget.HighImportance
			default:
				b.SetText("Prepare agenda")
			}
			b.OnTapped = func() { p.openUpcoming(r) }
			b.Refresh()
		},
	)
	p.upList.OnSelected = func(i widget.ListItemID) {
		p.upList.UnselectAll()
		if i >= 0 && i < len(p.upcoming) {
			p.openUpcoming(p.upcoming[i])
		}
	}
	p.upEmpty = widget.NewLabel("Nothing scheduled in the next weeks.")

	top := container.NewHBox(p.startBtn, p.emergency, p.addSched)
	scheds := widget.NewCard("Recurring meetings", "Kind, day, time and place", container.NewStack(p.schedList, container.NewVBox(p.schedEmpty)))
	up := widget.NewCard("Coming up", fmt.Sprintf("The next %d weeks, and meetings already started", upcomingWeeks),
		container.NewStack(p.upList, container.NewVBox(p.upEmpty)))
	split := container.NewVSplit(scheds, up)
	split.Offset = 0.4
	return container.NewBorder(top, nil, nil, nil, split)
}

// scheduleText is a schedule's line: "House business meeting · Sundays 19:00–20:00 · Living room".
func scheduleText(sc data.MeetingSchedule) string {
	parts := []string{sc.Name(), sc.Describe()}
	if sc.Title != "" {
		parts[0] += " (" + sc.Kind.Label() + ")"
	}
	if sc.Place != "" {
		parts = append(parts, sc.Place)
	}
	if !sc.From.IsZero() {
		parts = append(parts, "from "+sc.From.Pretty())
	}
	if !sc.Until.IsZero() {
		parts = append(parts, "until "+sc.Until.Pretty())
	}
	return strings.Join(parts, " · ")
}

// reloadSchedule reads the schedules, the coming meetings and the meetings
// already started for them.
func (p *meetingsPage) reloadSchedule() {
	scheds, err := p.u.store.MeetingSchedules()
	if err != nil {
		p.showError(err)
		return
	}
	p.schedules = scheds
	today := p.u.store.Today()
	to := today.AddDays(7*upcomingWeeks - 1)
	occs, err := p.u.store.UpcomingMeetings(today, to)
	if err != nil {
		p.showError(err)
		return
	}
	started, err := p.u.store.Meetings(today, to)
	if err != nil {
		p.showError(err)
		return
	}
	p.upcoming = mergeUpcoming(occs, started)
	showIfEmpty(p.schedEmpty, len(p.schedules) == 0)
	showIfEmpty(p.upEmpty, len(p.upcoming) == 0)
	p.schedList.Refresh()
	p.upList.Refresh()
}

func showIfEmpty(l *widget.Label, empty bool) {
	if empty {
		l.Show()
	} else {
		l.Hide()
	}
}

// mergeUpcoming pairs occurrences with the meetings started for them and
// adds the meetings started without a schedule (emergency meetings).
func mergeUpcoming(occs []data.Occurrence, started []data.Meeting) []upcomingRow {
	used := map[string]bool{}
	var rows []upcomingRow
	for _, o := range occs {
		r := upcomingRow{occ: o}
		for i := range started {
			m := &started[i]
			if m.ScheduleID == o.ScheduleID && m.Date == o.Date && !used[m.ID] {
				r.meeting, used[m.ID] = m, true
				break
			}
		}
		rows = append(rows, r)
	}
	for i := range started {
		if m := &started[i]; !used[m.ID] {
			rows = append(rows, upcomingRow{meeting: m, occ: data.Occurrence{Date: m.Date, Start: m.Start}})
		}
	}
	sortByKey(rows, func(r upcomingRow) string { return r.date().String() + " " + r.occ.Start.String() })
	return rows
}

// openUpcoming opens the meeting of a row, starting it first if needed.
func (p *meetingsPage) openUpcoming(r upcomingRow) {
	if r.meeting != nil {
		p.openMeeting(r.meeting.ID)
		return
	}
	m, err := p.u.store.StartMeeting(p.u.actor(), data.MeetingStart{ScheduleID: r.occ.ScheduleID, Date: r.occ.Date, ChoreReport: p.u.choreReportFor})
	if err != nil {
		p.startFailed(err, data.MeetingStart{ScheduleID: r.occ.ScheduleID, Date: r.occ.Date})
		return
	}
	p.reload()
	p.openMeeting(m.ID)
}

// startFailed offers to open the meeting already started, or shows err.
func (p *meetingsPage) startFailed(err error, o data.MeetingStart) bool {
	if !errors.Is(err, data.ErrMeetingExists) {
		p.showError(err)
		return false
	}
	if m, ok := p.existingMeeting(o); ok {
		p.u.confirm("Already started", sentence(err.Error())+"?", "Open it", "Cancel", func(open bool) {
			if open {
				p.openMeeting(m.ID)
			}
		})
		return true
	}
	p.showError(err)
	return true
}

// existingMeeting finds the meeting that o would duplicate.
func (p *meetingsPage) existingMeeting(o data.MeetingStart) (data.Meeting, bool) {
	ms, err := p.u.store.Meetings(o.Date, o.Date)
	if err != nil {
		return data.Meeting{}, false
	}
	kind := o.Kind
	if o.ScheduleID != "" {
		if sc, err := p.u.store.MeetingSchedule(o.ScheduleID); err == nil {
			kind = sc.Kind
		}
	}
	for _, m := range ms {
		if m.Kind == kind && (kind == data.MeetingHouse || m.ScheduleID == o.ScheduleID) {
			return m, true
		}
	}
	return data.Meeting{}, false
}

// emergencyNow calls an emergency house meeting, starting now.
func (p *meetingsPage) emergencyNow() {
	f := newForm()
	place := newEntry("e.g. Living room (optional)")
	title := newEntry("e.g. About the relapse policy (optional)")
	f.add("Place", place)
	f.add("Subject", title)
	var d *formDialog
	d = p.u.newFormDialog("Emergency house meeting", "Start it now",
		"Everyone living here goes on the roll call. The meeting starts now and counts as a required house meeting.", f, func() {
			m, err := p.u.store.StartMeeting(p.u.actor(), data.MeetingStart{Kind: data.MeetingEmergency, Date: p.u.store.Today(),
				Place: place.Text, Title: title.Text})
			if d.show(err) {
				return
			}
			d.close()
			p.reload()
			p.openMeeting(m.ID)
		})
	submitOnEnter(d.submit, &place.Entry, &title.Entry)
	d.first = place
	d.open(460)
}

// --- starting a meeting ------------------------------------------------------

// startMeetingForm starts a meeting from a schedule or of a kind, today or
// ahead of its day.
type startMeetingForm struct {
	*formDialog
	which []data.MeetingStart // the meeting select's options
	what  *widget.Select
	date  *entry
	start *entry
	place *entry
}

// openStart asks which meeting to start, and when.
func (p *meetingsPage) openStart() {
	f := newForm()
	s := &startMeetingForm{}
	var opts []string
	for _, sc := range p.schedules {
		opts = append(opts, sc.Name()+" · "+sc.Describe())
		s.which = append(s.which, data.MeetingStart{ScheduleID: sc.ID})
	}
	for _, k := range data.MeetingKinds {
		opts = append(opts, k.Label()+" (not on the schedule)")
		s.which = append(s.which, data.MeetingStart{Kind: k})
	}
	s.date = newEntry("YYYY-MM-DD")
	s.date.SetText(p.u.store.Today().String())
	s.start = newEntry("HH:MM; blank: now")
	s.place = newEntry("optional")
	s.what = widget.NewSelect(opts, func(string) { s.schedulePicked() })
	f.add(data.FieldMeetingKind, s.what)
	f.addHint(data.FieldMeetingDate, "Today, or a later day to prepare the agenda ahead", s.date)
	f.add(data.FieldMeetingStart, s.start)
	f.add("Place", s.place)
	s.formDialog = p.u.newFormDialog("Start a meeting", "Start", "", f, func() { p.startMeeting(s) })
	submitOnEnter(s.submit, &s.date.Entry, &s.start.Entry, &s.place.Entry)
	s.what.SetSelectedIndex(p.defaultStart(s.which))
	p.start = s
	s.first = s.date
	s.open(520)
}

// defaultStart picks today's scheduled meeting, or a house business
// meeting.
func (p *meetingsPage) defaultStart(which []data.MeetingStart) int {
	today := p.u.store.Today().Weekday()
	for i, sc := range p.schedules {
		if sc.Weekly() && sc.Weekday == today {
			return i
		}
	}
	for i, o := range which {
		if o.ScheduleID == "" && o.Kind == data.MeetingHouse {
			return i
		}
	}
	return 0
}

// schedulePicked fills time and place from a schedule, which owns them.
func (s *startMeetingForm) schedulePicked() {
	i := s.what.SelectedIndex()
	if i < 0 || i >= len(s.which) {
		return
	}
	if s.which[i].ScheduleID != "" {
		s.start.SetText("")
		s.start.SetPlaceHolder("as scheduled")
		s.start.Disable()
		s.place.SetPlaceHolder("as scheduled")
		s.place.Disable()
		return
	}
	s.start.SetPlaceHolder("HH:MM; blank: now")
	s.start.Enable()
	s.place.SetPlaceHolder("optional")
	s.place.Enable()
}

// values reads the form; typos come back as field errors.
func (s *startMeetingForm) values() (data.MeetingStart, data.ValidationError) {
	var v data.ValidationError
	var o data.MeetingStart
	if i := s.what.SelectedIndex(); i >= 0 && i < len(s.which) {
		o = s.which[i]
	}
	if strings.TrimSpace(s.date.Text) == "" {
		v = append(v, data.FieldError{Field: data.FieldMeetingDate, Msg: "enter the meeting's date"})
	} else {
		o.Date = parseDateField(&v, data.FieldMeetingDate, strings.TrimSpace(s.date.Text), true)
	}
	if o.ScheduleID == "" {
		if t := strings.TrimSpace(s.start.Text); t != "" {
			o.Start = parseClockField(&v, data.FieldMeetingStart, t)
		}
		o.Place = s.place.Text
	}
	return o, v
}

func (p *meetingsPage) startMeeting(s *startMeetingForm) {
	o, v := s.values()
	if s.show(v.Err()) {
		return
	}
	o.ChoreReport = p.u.choreReportFor
	m, err := p.u.store.StartMeeting(p.u.actor(), o)
	if errors.Is(err, data.ErrMeetingExists) {
		s.close()
		p.startFailed(err, o)
		return
	}
	if s.show(err) {
		return
	}
	s.close()
	p.reload()
	p.openMeeting(m.ID)
}

// --- schedule form -----------------------------------------------------------

// scheduleForm adds or edits a recurring meeting (or a one-off).
type scheduleForm struct {
	*formDialog
	sc                data.MeetingSchedule
	kind, day         *widget.Select
	title, place      *entry
	start, end        *entry
	once, from, until *entry
}

// Field names of the schedule form the data layer does not name.
const (
	fieldSchedTitle = "Name"
	fieldSchedPlace = "Place"
	fieldSchedFrom  = "First date"
)

func (p *meetingsPage) editSchedule(sc data.MeetingSchedule) {
	f := newForm()
	s := &scheduleForm{sc: sc}
	var kinds []string
	for _, k := range data.MeetingKinds {
		kinds = append(kinds, k.Label())
	}
	s.kind = widget.NewSelect(kinds, nil)
	s.title = newEntry("optional, e.g. Wednesday peer group")
	s.place = newEntry("optional, e.g. Living room")
	s.day = widget.NewSelect(weekdayNames, nil)
	s.start, s.end = newEntry("HH:MM"), newEntry("HH:MM, optional")
	s.once = newEntry("YYYY-MM-DD, only for a one-off meeting")
	s.from, s.until = newEntry("YYYY-MM-DD, optional"), newEntry("YYYY-MM-DD, optional")
	f.add(data.FieldMeetingKind, s.kind)
	f.add(fieldSchedTitle, s.title)
	f.add(fieldSchedPlace, s.place)
	f.add(data.FieldMeetingDay, s.day)
	f.add(data.FieldMeetingStart, s.start)
	f.add(data.FieldMeetingEnd, s.end)
	f.addHint(data.FieldMeetingOnce, "Leave blank for a weekly meeting", s.once)
	f.add(fieldSchedFrom, s.from)
	f.add(data.FieldMeetingUntil, s.until)
	s.fill()
	title := "Add a meeting schedule"
	if sc.ID != "" {
		title = "Edit " + sc.Name()
	}
	s.formDialog = p.u.newFormDialog(title, "Save", "", f, func() { p.saveSchedule(s) })
	submitOnEnter(s.submit, &s.title.Entry, &s.place.Entry, &s.start.Entry, &s.end.Entry, &s.once.Entry, &s.from.Entry, &s.until.Entry)
	p.schedForm = s
	s.first = s.title
	s.open(560)
}

func (s *scheduleForm) fill() {
	sc := s.sc
	for i, k := range data.MeetingKinds {
		if k == sc.Kind {
			s.kind.SetSelectedIndex(i)
		}
	}
	s.title.SetText(sc.Title)
	s.place.SetText(sc.Place)
	s.day.SetSelected(sc.Weekday.String())
	s.start.SetText(sc.Start.String())
	if sc.End != nil {
		s.end.SetText(sc.End.String())
	}
	s.once.SetText(sc.Once.String())
	s.from.SetText(sc.From.String())
	s.until.SetText(sc.Until.String())
}

func (s *scheduleForm) values() (data.MeetingSchedule, data.ValidationError) {
	var v data.ValidationError
	sc := s.sc
	sc.Kind = ""
	if i := s.kind.SelectedIndex(); i >= 0 {
		sc.Kind = data.MeetingKinds[i]
	}
	sc.Title, sc.Place = s.title.Text, s.place.Text
	sc.Start = parseClockField(&v, data.FieldMeetingStart, s.start.Text)
	sc.End = nil
	if t := strings.TrimSpace(s.end.Text); t != "" {
		end := parseClockField(&v, data.FieldMeetingEnd, t)
		sc.End = &end
	}
	sc.Once = parseDateField(&v, data.FieldMeetingOnce, strings.TrimSpace(s.once.Text), false)
	sc.From = parseDateField(&v, fieldSchedFrom, strings.TrimSpace(s.from.Text), false)
	sc.Until = parseDateField(&v, data.FieldMeetingUntil, strings.TrimSpace(s.until.Text), false)
	sc.Weekday = weekdayByName(s.day.Selected)
	if !sc.Once.IsZero() {
		sc.Weekday = sc.Once.Weekday() // a one-off falls on its date's day
	} else if s.day.Selected == "" {
		v = append(v, data.FieldError{Field: data.FieldMeetingDay, Msg: "choose a day of the week"})
	}
	return sc, v
}

func (p *meetingsPage) saveSchedule(s *scheduleForm) {
	sc, v := s.values()
	if s.show(v.Err()) {
		return
	}
	_, err := p.u.store.SaveMeetingSchedule(p.u.actor(), sc)
	if s.show(err) {
		return
	}
	s.close()
	p.reloadSchedule()
}

func (p *meetingsPage) confirmDeleteSchedule(sc data.MeetingSchedule) {
	msg := fmt.Sprintf("Delete the schedule \"%s, %s\"? Meetings already held keep their minutes.", sc.Name(), sc.Describe())
	p.u.confirm("Delete schedule", msg, "Delete", "Keep it", func(ok bool) {
		if !ok {
			return
		}
		if err := p.u.store.DeleteMeetingSchedule(p.u.actor(), sc.ID); err != nil {
			p.showError(err)
		}
		p.reloadSchedule()
	})
}

// --- dashboard ---------------------------------------------------------------

// nextMeetingCard shows the next scheduled meeting on the dashboard.
func (u *UI) nextMeetingCard() fyne.CanvasObject {
	const title = "Next meeting"
	now := u.store.Now()
	o, ok, err := u.store.NextMeeting(now)
	if err != nil {
		return errorCard(title, err)
	}
	if !ok {
		return widget.NewCard(title, "", widget.NewLabel("No meetings scheduled. Add them under Meetings."))
	}
	big := widget.NewLabelWithStyle(o.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	big.SizeName = theme.SizeNameHeadingText
	big.Wrapping = fyne.TextWrapWord
	when := o.Start.String()
	if o.End != nil {
		when += "–" + o.End.String()
	}
	line := o.Date.Pretty() + ", " + when
	switch today := u.store.Today(); {
	case !now.Before(o.At(now.Location())):
		line = "In progress now (" + when + ")"
	case o.Date == today:
		line = "Today, " + line
	case o.Date == today.AddDays(1):
		line = "Tomorrow, " + line
	}
	if o.Place != "" {
		line += " · " + o.Place
	}
	sub := ""
	if o.Title != o.Kind.Label() {
		sub = o.Kind.Label()
	}
	return widget.NewCard(title, sub, container.NewVBox(big, widget.NewLabel(line)))
}

// --- shared pieces -----------------------------------------------------------
