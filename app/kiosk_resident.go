package app

// A resident's own page at the kiosk, after their PIN: sign out or in, log
// an outside meeting, see their week, change their PIN, and their chores.
// Every read here is of this resident's own records (Store.MyWeek,
// MeetingsInWeek, MyChores); every write is made as data.KioskActor, which
// the store refuses for anyone else's records.

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"porchlight/data"
)

// kioskResident is one resident's turn at the kiosk.
type kioskResident struct {
	k      *kioskScreen
	r      data.Resident
	week   data.MyWeek
	status *widget.Label

	// the buttons of the resident's page (for tests)
	signOutBtn, signInBtn, meetingBtn, weekBtn, pinBtn, doneBtn *widget.Button
	checkInBtn                                                  *widget.Button // mentor check-in, if they have a pairing
	mentorLine                                                  *widget.Label

	so  *kioskSignOut     // the sign-out form on show
	mtg *kioskMeetingForm // the outside-meeting form on show
}

// kioskActionWidth is the width of the big buttons on a resident's page.
const kioskActionWidth float32 = 430

// openResident opens a resident's page after their PIN.
func (k *kioskScreen) openResident(id string) {
	r, err := k.u.store.Resident(id)
	if err != nil || !r.Active() {
		k.showConfirm("Something went wrong", "Your page could not be opened. Please tell the house manager.", widget.DangerImportance)
		return
	}
	k.res = &kioskResident{k: k, r: r}
	k.res.showHome()
}

// load reads the resident's own week.
func (kr *kioskResident) load() error {
	st := kr.k.u.store
	w, err := st.MyWeek(kr.r.ID, st.Today())
	if err != nil {
		return err
	}
	kr.week = w
	return nil
}

// showHome is the resident's page: the big action buttons and the chores.
func (kr *kioskResident) showHome() {
	k := kr.k
	if err := kr.load(); err != nil {
		k.setPage(kioskResidentPage, k.problem("Your week could not be read. Please tell the house manager.", err))
		return
	}
	hello := kioskHeading("Hi, " + kr.r.FirstName())
	kr.status = kioskLabel(kr.statusText(), theme.SizeNameText)
	w := kioskActionWidth
	var signOut, signIn, meeting, week, pin, done fyne.CanvasObject
	kr.signOutBtn, signOut = k.u.kioskButton("Sign out", theme.LogoutIcon(), w, kr.showSignOut)
	kr.signInBtn, signIn = k.u.kioskButton("Sign in", theme.HomeIcon(), w, kr.signIn)
	kr.meetingBtn, meeting = k.u.kioskButton("Log an outside meeting", theme.ContentAddIcon(), w, kr.showMeeting)
	kr.weekBtn, week = k.u.kioskButton("My week", theme.CalendarIcon(), w, func() { kr.showWeek() })
	kr.pinBtn, pin = k.u.kioskButton("Change my PIN", theme.AccountIcon(), w, kr.changePIN)
	kr.doneBtn, done = k.u.kioskButton("I'm done", theme.NavigateBackIcon(), 260, k.showGrid)
	first := signOut
	if kr.week.Out {
		first = signIn
		kr.signOutBtn = nil
		kr.signInBtn.Importance = widget.HighImportance
	} else {
		kr.signInBtn = nil
		kr.signOutBtn.Importance = widget.HighImportance
	}
	buttons := container.NewVBox(first, meeting, kr.partnerPanel(), week, pin)
	chores := k.u.kioskChoresPanel(kr.r, func(msg string) {
		k.showConfirm("Chore done", msg, widget.SuccessImportance)
	})
	top := container.NewBorder(nil, nil, nil, container.NewVBox(done), container.NewVBox(hello, kr.status))
	// The chores panel sizes its own rows for the app's normal theme.
	chores = container.NewThemeOverride(chores, k.u.app.Settings().Theme())
	chores = container.NewBorder(kr.mentorPanel(), nil, nil, nil, chores)
	body := container.NewBorder(top, nil, container.NewVScroll(buttons), nil, container.NewPadded(chores))
	k.setPage(kioskResidentPage, body)
}

// statusText says whether the resident is in or out, and tonight's curfew.
func (kr *kioskResident) statusText() string {
	curfew := "Curfew tonight " + kr.week.CurfewTonight.Format("15:04") + "."
	if !kr.week.Out {
		return "You are signed in. " + curfew
	}
	for i := len(kr.week.SignOuts) - 1; i >= 0; i-- {
		s := kr.week.SignOuts[i]
		if s.In.IsZero() {
			return fmt.Sprintf("You are out: %s since %s, back by %s. %s",
				destText(s.Kind, s.Where), kr.when(s.Out), kr.when(s.ExpectedBack), curfew)
		}
	}
	return "You are signed out. " + curfew
}

// when is a time of day, with the day when it is not today.
func (kr *kioskResident) when(t time.Time) string {
	return whenText(t, kr.k.u.store.Now())
}

// destLabel is a destination as the buttons say it: "Job search".
func destLabel(d data.Destination) string { return sentence(string(d)) }

// --- sign out ----------------------------------------------------------

// kioskSignOut is the sign-out form: where to (big toggles), a few words,
// and when the resident expects to be back (tonight's curfew unless they
// change it).
type kioskSignOut struct {
	*form
	kr          *kioskResident
	dest        data.Destination
	dests       map[data.Destination]*widget.Button
	where, back *entry
	defaultBack string
	submit      *widget.Button
}

func (kr *kioskResident) showSignOut() {
	k := kr.k
	k.touch()
	s := &kioskSignOut{form: newForm(), kr: kr, dests: map[data.Destination]*widget.Button{}}
	var cells []fyne.CanvasObject
	for _, d := range data.Destinations {
		b := widget.NewButton(destLabel(d), func() { s.choose(d) })
		s.dests[d] = b
		cells = append(cells, kioskTall(b, 76))
	}
	s.where = newEntry("A few words (needed for Other)")
	s.back = newEntry("HH:MM")
	s.defaultBack = kr.week.CurfewTonight.Format("15:04")
	s.back.SetText(s.defaultBack)
	for _, e := range []*entry{s.where, s.back} {
		e.OnChanged = func(string) { k.touch() }
	}
	s.add(data.FieldDestination, container.NewGridWithColumns(4, cells...))
	s.add(data.FieldWhere, s.where)
	backNote := widget.NewLabel("tonight's curfew, unless you change it")
	backNote.Importance = widget.LowImportance
	s.add(data.FieldExpectedBack, container.NewBorder(nil, nil, kioskFixedWidth(s.back, 150), nil, backNote))
	submitOnEnter(s.save, s.where, s.back)
	var submit, back fyne.CanvasObject
	s.submit, submit = k.u.kioskButton("Sign out", theme.LogoutIcon(), 300, s.save)
	s.submit.Importance = widget.HighImportance
	_, back = k.u.kioskButton("Back", theme.NavigateBackIcon(), 220, kr.showHome)
	title := kioskHeading("Where are you going, " + kr.r.FirstName() + "?")
	bottom := container.NewHBox(back, layout.NewSpacer(), submit)
	k.setPage(kioskActionPage, container.NewBorder(title, bottom, nil, nil, container.NewVScroll(container.NewVBox(s.Form, s.general))))
	kr.so = s
}

// choose picks a destination; the chosen one stands out.
func (s *kioskSignOut) choose(d data.Destination) {
	s.kr.k.touch()
	s.dest = d
	highlight(s.dests, d)
	if d == data.DestOther {
		s.kr.k.u.win.Canvas().Focus(s.where)
	}
}

func (s *kioskSignOut) save() {
	k, r := s.kr.k, s.kr.r
	k.touch()
	var back time.Time
	if txt := strings.TrimSpace(s.back.Text); txt != s.defaultBack {
		t, err := kioskBackTime(txt, k.u.store.Now())
		if err != nil {
			s.show(data.ValidationError{{Field: data.FieldExpectedBack, Msg: err.Error()}})
			return
		}
		back = t
	}
	e, err := k.u.store.SignOut(data.KioskActor(r), r.ID, s.dest, s.where.Text, back)
	if errors.Is(err, data.ErrAlreadyOut) {
		k.showConfirm("You are already signed out", "Sign in first when you are back.", widget.WarningImportance)
		return
	}
	if s.show(err) {
		return
	}
	k.showConfirm("Signed out", fmt.Sprintf("See you later, %s. Back by %s.", r.FirstName(), s.kr.when(e.ExpectedBack)), widget.SuccessImportance)
}

// kioskBackTime reads "HH:MM" as the next such time: later today, or
// tomorrow when that is earlier than now but within 12 hours (after
// midnight, or an overnight shift). Anything else is already past.
func kioskBackTime(text string, now time.Time) (time.Time, error) {
	c, err := data.ParseClock(text)
	if err != nil {
		return time.Time{}, err
	}
	today := data.DateOf(now)
	t := today.At(c.Hour, c.Min, now.Location())
	if !t.Before(now) {
		return t, nil
	}
	if t = today.AddDays(1).At(c.Hour, c.Min, now.Location()); t.Sub(now) <= 12*time.Hour {
		return t, nil
	}
	return time.Time{}, fmt.Errorf("%s has already passed; when will you be back?", c)
}

// --- sign in -----------------------------------------------------------

// signIn signs the resident in with one tap and says whether it is on
// time.
func (kr *kioskResident) signIn() {
	k, r := kr.k, kr.r
	k.touch()
	e, err := k.u.store.SignIn(data.KioskActor(r), r.ID)
	switch {
	case errors.Is(err, data.ErrNotOut):
		k.showConfirm("You are already signed in", "Nothing to do: you were not signed out.", widget.MediumImportance)
	case err != nil:
		k.setPage(kioskConfirmPage, k.problem("Your sign-in was not saved. Please tell the house manager.", err))
	case e.Late:
		k.showConfirm("Signed in: late",
			fmt.Sprintf("Welcome back, %s. Signed in at %s; curfew was %s, so this is recorded as late.",
				r.FirstName(), e.In.Format("15:04"), e.Curfew.Format("15:04")), widget.WarningImportance)
	default:
		k.showConfirm("Signed in: on time",
			fmt.Sprintf("Welcome back, %s. Signed in at %s, on time.", r.FirstName(), e.In.Format("15:04")), widget.SuccessImportance)
	}
}

// --- outside meeting ---------------------------------------------------

// kioskMeetingForm logs an outside meeting: pathway and day as big
// toggles, the meeting's name, the time (now unless changed) and,
// optionally, the chair's or secretary's name.
type kioskMeetingForm struct {
	*form
	kr                 *kioskResident
	pathway            string
	paths              map[string]*widget.Button
	day                data.Date
	days               map[data.Date]*widget.Button
	name, at, verifier *entry
	count              *widget.Label
	submit             *widget.Button
}

// pathwayLabel shortens the longest pathway so the toggles line up.
func pathwayLabel(p string) string {
	if p == "Medication-assisted recovery" {
		return "Medication-assisted"
	}
	return p
}

func (kr *kioskResident) showMeeting() {
	k := kr.k
	k.touch()
	now := k.u.store.Now()
	m := &kioskMeetingForm{form: newForm(), kr: kr, paths: map[string]*widget.Button{}, days: map[data.Date]*widget.Button{}}
	var paths []fyne.CanvasObject
	for _, p := range data.Pathways {
		b := widget.NewButton(pathwayLabel(p), func() { m.choosePath(p) })
		m.paths[p] = b
		paths = append(paths, kioskTall(b, 72))
	}
	today := data.DateOf(now)
	days := kioskDayButtons(today, data.KioskMeetingDays, 72, m.days, m.chooseDay)
	m.name = newEntry("e.g. Tuesday Night Step Study")
	m.at = newEntry("HH:MM")
	m.at.SetText(now.Format("15:04"))
	m.verifier = newEntry("Optional: their name, so the house can check")
	for _, e := range []*entry{m.name, m.at, m.verifier} {
		e.OnChanged = func(string) { k.touch() }
	}
	timeRow := container.NewHBox(widget.NewLabel("Time"), kioskFixedWidth(m.at, 150))
	m.add(data.FieldMeetingName, m.name)
	m.add(data.FieldPathway, container.NewGridWithColumns(3, paths...))
	m.add(data.FieldMeetingAt, container.NewVBox(container.NewGridWithColumns(4, days...), timeRow))
	m.add(data.FieldVerifier, m.verifier)
	submitOnEnter(m.save, m.name, m.at, m.verifier)
	if len(kr.r.Pathways) > 0 {
		m.choosePath(kr.r.Pathways[0])
	}
	m.chooseDay(today)
	m.count = widget.NewLabel(meetingCountText(kr.week.MeetingsHave, kr.week.MeetingsNeed))
	var submit, back fyne.CanvasObject
	m.submit, submit = k.u.kioskButton("Log meeting", theme.ConfirmIcon(), 300, m.save)
	m.submit.Importance = widget.HighImportance
	_, back = k.u.kioskButton("Back", theme.NavigateBackIcon(), 220, kr.showHome)
	title := kioskHeading("Log an outside meeting")
	bottom := container.NewBorder(nil, nil, back, submit, container.NewCenter(m.count))
	k.setPage(kioskActionPage, container.NewBorder(title, bottom, nil, nil, container.NewVScroll(container.NewVBox(m.Form, m.general))))
	kr.mtg = m
	k.u.win.Canvas().Focus(m.name)
}

// meetingCountText is "You have 2 of 5 outside meetings this week."
func meetingCountText(have, need int) string {
	if need <= 0 {
		return fmt.Sprintf("You have %d outside meetings this week.", have)
	}
	return fmt.Sprintf("You have %d of %d outside meetings this week.", have, need)
}

func (m *kioskMeetingForm) choosePath(p string) {
	m.kr.k.touch()
	m.pathway = p
	highlight(m.paths, p)
}

func (m *kioskMeetingForm) chooseDay(d data.Date) {
	m.kr.k.touch()
	m.day = d
	highlight(m.days, d)
}

func (m *kioskMeetingForm) save() {
	k, r := m.kr.k, m.kr.r
	k.touch()
	c, err := data.ParseClock(m.at.Text)
	if err != nil {
		m.show(data.ValidationError{{Field: data.FieldMeetingAt, Msg: err.Error()}})
		return
	}
	at := m.day.At(c.Hour, c.Min, k.u.store.Now().Location())
	logged, err := k.u.store.LogOutsideMeeting(data.KioskActor(r), data.OutsideMeeting{
		ResidentID: r.ID, Pathway: m.pathway, Name: m.name.Text, At: at, Verifier: m.verifier.Text,
	})
	if m.show(err) {
		return
	}
	detail := "“" + logged.Name + "”."
	h, _ := k.u.store.House()
	start, _ := h.Week(k.u.store.Today())
	if w, err := k.u.store.MeetingsInWeek(r.ID, start); err == nil {
		detail += " " + meetingCountText(w.Have, w.Need)
	}
	k.showConfirm("Meeting logged", detail, widget.SuccessImportance)
}

// --- my week -----------------------------------------------------------

// kioskWeekLists are the lists on "My week".
type kioskWeekLists struct {
	signOuts, meetings kioskLines
}

// showWeek shows the resident's days sober, next milestone, sign-outs
// this week and outside meetings against the requirement.
func (kr *kioskResident) showWeek() *kioskWeekLists {
	k := kr.k
	k.touch()
	if err := kr.load(); err != nil {
		k.setPage(kioskActionPage, k.problem("Your week could not be read. Please tell the house manager.", err))
		return nil
	}
	w := kr.week
	today := w.Today
	sober := kioskLabel("No sobriety date is recorded. The house manager can add it.", theme.SizeNameSubHeadingText)
	if w.HasSobrietyDate {
		when := w.NextMilestone.Date.Pretty()
		if w.NextMilestone.Date == today {
			when = "today!"
		}
		sober.SetText(fmt.Sprintf("%d days sober · next milestone: %s, %s", w.DaysSober, w.NextMilestone.Name, when))
		sober.TextStyle.Bold = true
	}
	weekText := fmt.Sprintf("This week: %s to %s", w.WeekStart.Pretty(), w.WeekEnd.Pretty())
	lists := &kioskWeekLists{}
	lists.signOuts = kioskTextList(len(w.SignOuts), func(i int) string { return kr.signOutLine(w.SignOuts[i]) })
	lists.meetings = kioskTextList(len(w.Meetings), func(i int) string { return meetingLine(w.Meetings[i]) })
	need := ""
	if w.MeetingsNeed > 0 {
		need = fmt.Sprintf(" of %d", w.MeetingsNeed)
	}
	left := kioskListCard(fmt.Sprintf("My sign-outs: %d", len(w.SignOuts)), "No sign-outs this week.", len(w.SignOuts), lists.signOuts)
	right := kioskListCard(fmt.Sprintf("Outside meetings: %d%s", w.MeetingsHave, need), "No outside meetings logged this week.", len(w.Meetings), lists.meetings)
	var back, done fyne.CanvasObject
	_, back = k.u.kioskButton("Back", theme.NavigateBackIcon(), 220, kr.showHome)
	_, done = k.u.kioskButton("I'm done", theme.HomeIcon(), 260, k.showGrid)
	top := container.NewVBox(kioskHeading("My week"), sober)
	bottom := container.NewBorder(nil, nil, back, done, container.NewCenter(widget.NewLabel(weekText)))
	k.setPage(kioskActionPage, container.NewBorder(top, bottom, nil, nil, container.NewGridWithColumns(2, left, right)))
	return lists
}

// kioskDayButtons are big buttons for the last n days, today first
// ("Today", "Yesterday", then weekday names), h high; each is kept in
// byDay and calls choose with its day.
func kioskDayButtons(today data.Date, n int, h float32, byDay map[data.Date]*widget.Button, choose func(data.Date)) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	for i := range n {
		d := today.AddDays(-i)
		label := d.Weekday().String()
		switch i {
		case 0:
			label = "Today"
		case 1:
			label = "Yesterday"
		}
		b := widget.NewButton(label, func() { choose(d) })
		byDay[d] = b
		out = append(out, kioskTall(b, h))
	}
	return out
}

// kioskLines are a week's lines, each wrapping onto as many lines as it
// needs, so "verified by Linda K." is never cut to "verified b…". A
// resident's week holds a handful of lines, so they are laid out whole
// in a scroll rather than in a virtual list.
type kioskLines struct{ *fyne.Container }

// Length is the number of lines.
func (l kioskLines) Length() int { return len(l.Objects) }

// kioskTextList is n lines of wrapping text.
func kioskTextList(n int, text func(i int) string) kioskLines {
	box := container.NewVBox()
	for i := range n {
		l := widget.NewLabel(text(i))
		l.Wrapping = fyne.TextWrapWord
		box.Add(l)
	}
	return kioskLines{box}
}

// kioskListCard is a titled list, or a line saying it is empty.
func kioskListCard(title, empty string, n int, list kioskLines) fyne.CanvasObject {
	head := kioskLabel(title, theme.SizeNameSubHeadingText)
	head.TextStyle.Bold = true
	var body fyne.CanvasObject = container.NewVScroll(list.Container)
	if n == 0 {
		body = container.NewVBox(widget.NewLabel(empty))
	}
	return container.NewBorder(head, nil, nil, nil, body)
}

// signOutLine is one of the resident's own outings.
func (kr *kioskResident) signOutLine(s data.MySignOut) string {
	day := s.Out.Format("Mon 2 Jan")
	where := destText(s.Kind, s.Where)
	switch {
	case s.In.IsZero():
		return fmt.Sprintf("%s · %s · out since %s, back by %s", day, where, s.Out.Format("15:04"), kr.when(s.ExpectedBack))
	case s.Late:
		return fmt.Sprintf("%s · %s · %s to %s · late", day, where, s.Out.Format("15:04"), s.In.Format("15:04"))
	}
	return fmt.Sprintf("%s · %s · %s to %s · on time", day, where, s.Out.Format("15:04"), s.In.Format("15:04"))
}

// meetingLine is one outside meeting: "Tue 11 Mar 19:00 · AA · Sunrise Group".
func meetingLine(m data.OutsideMeeting) string {
	s := fmt.Sprintf("%s · %s · %s", m.At.Format("Mon 2 Jan 15:04"), m.Pathway, m.Name)
	if m.Verified() {
		s += " · verified by " + m.Verifier
	}
	return s
}

// --- change PIN --------------------------------------------------------

// changePIN asks for the current PIN, the new one, and the new one again,
// each on the PIN pad.
func (kr *kioskResident) changePIN() {
	kr.k.touch()
	kr.askCurrentPIN("")
}

func (kr *kioskResident) askCurrentPIN(msg string) {
	k, r := kr.k, kr.r
	var p *pinPad
	p = k.showPad(r.Short(), "Type your current PIN", func(current string) {
		// checked now, so a mistake shows at once (ChangePIN checks it again)
		err := k.u.store.CheckPIN(r.ID, current)
		var wrong *data.WrongPINError
		var locked *data.PINLockedError
		switch {
		case err == nil:
			kr.askNewPIN(current, "")
		case errors.As(err, &wrong):
			p.fail(sentence(wrong.Error()) + ".")
		case errors.As(err, &locked):
			k.showConfirm("PIN pad locked", lockedText(locked.Until), widget.DangerImportance)
		default:
			p.fail("Your PIN could not be checked. Please tell the house manager. (" + err.Error() + ")")
		}
	}, kr.showHome)
	if msg != "" {
		p.fail(msg)
	}
}

func (kr *kioskResident) askNewPIN(current, msg string) {
	var p *pinPad
	p = kr.k.showPad(kr.r.Short(), "Choose a new PIN: 4 to 6 digits", func(next string) {
		if err := data.ValidatePIN(next); err != nil {
			p.fail(sentence(err.Error()) + ".")
			return
		}
		kr.askPINAgain(current, next)
	}, kr.showHome)
	if msg != "" {
		p.fail(msg)
	}
}

func (kr *kioskResident) askPINAgain(current, next string) {
	k, r := kr.k, kr.r
	k.showPad(r.Short(), "Type the new PIN again", func(again string) {
		err := k.u.store.ChangePIN(data.KioskActor(r), r.ID, current, next, again)
		var v data.ValidationError
		var wrong *data.WrongPINError
		var locked *data.PINLockedError
		switch {
		case err == nil:
			k.showConfirm("PIN changed", "Use your new PIN from now on.", widget.SuccessImportance)
		case errors.As(err, &v):
			kr.askNewPIN(current, sentence(v[0].Msg)+". Choose a new PIN again.")
		case errors.As(err, &wrong):
			kr.askCurrentPIN("Your current PIN was not right: " + strings.TrimPrefix(wrong.Error(), "that PIN is not right; ") + ".")
		case errors.As(err, &locked):
			k.showConfirm("PIN pad locked", lockedText(locked.Until), widget.DangerImportance)
		default:
			k.showConfirm("PIN not changed", "Please tell the house manager. ("+err.Error()+")", widget.DangerImportance)
		}
	}, kr.showHome)
}

// highlight makes the chosen button of a set of toggles stand out.
func highlight[K comparable](buttons map[K]*widget.Button, chosen K) {
	for x, b := range buttons {
		b.Importance = widget.MediumImportance
		if x == chosen {
			b.Importance = widget.HighImportance
		}
		b.Refresh()
	}
}
