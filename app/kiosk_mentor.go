package app

// The resident's house mentor at the kiosk, kindly and only about
// themselves: "Your mentor: Ana R. · last check-in 3 days ago" and a big
// "Log a check-in"; a mentor sees their own mentees' first names and last
// check-in, and can log a check-in for one. Everything comes from
// Store.MyMentor; every check-in is logged as data.KioskActor, which the
// store refuses for a pairing the resident is not in. There is no private
// note here: that is the manager's.

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"porchlight/data"
)

// mentorPanel is the mentor lines and the "Log a check-in" button of
// the resident's page; empty when they have no mentor and mentor nobody.
func (kr *kioskResident) mentorPanel() fyne.CanvasObject {
	k := kr.k
	today := k.u.store.Today()
	my, err := k.u.store.MyMentor(kr.r.ID, today)
	if err != nil || (!my.HasMentor && len(my.Mentees) == 0) {
		return container.NewVBox()
	}
	var lines []string
	if my.HasMentor {
		lines = append(lines, fmt.Sprintf("Your mentor: %s · %s", my.MentorName, my.LastCheckInWords(today)))
	}
	for _, m := range my.Mentees {
		lines = append(lines, fmt.Sprintf("You mentor %s · %s", m.FirstName, m.LastCheckInWords(today)))
	}
	kr.mentorLine = kioskLabel(strings.Join(lines, "\n"), theme.SizeNameText)
	var b fyne.CanvasObject
	kr.checkInBtn, b = k.u.kioskButton("Log a check-in", theme.ContentAddIcon(), 300, func() { kr.chooseCheckIn(my) })
	return container.NewBorder(nil, nil, nil, container.NewVBox(b), kr.mentorLine)
}

// chooseCheckIn opens the check-in page, asking first who it was with
// when the resident both has a mentor and mentors someone.
func (kr *kioskResident) chooseCheckIn(my data.KioskMentor) {
	k := kr.k
	k.touch()
	if !my.HasMentor && len(my.Mentees) == 1 {
		kr.showCheckIn(my.Mentees[0].MentorshipID, my.Mentees[0].FirstName, true)
		return
	}
	if my.HasMentor && len(my.Mentees) == 0 {
		kr.showCheckIn(my.MentorshipID, my.MentorName, false)
		return
	}
	box := container.NewVBox()
	if my.HasMentor {
		_, b := k.u.kioskButton(my.MentorName+", your mentor", theme.AccountIcon(), 560, func() {
			kr.showCheckIn(my.MentorshipID, my.MentorName, false)
		})
		box.Add(b)
	}
	for _, m := range my.Mentees {
		_, b := k.u.kioskButton(m.FirstName+", whom you mentor", theme.AccountIcon(), 560, func() {
			kr.showCheckIn(m.MentorshipID, m.FirstName, true)
		})
		box.Add(b)
	}
	_, back := k.u.kioskButton("Back", theme.NavigateBackIcon(), 220, kr.showHome)
	title := kioskHeading("Who was the check-in with?")
	k.setPage(kioskActionPage, container.NewBorder(title, container.NewHBox(back), nil, nil,
		container.NewVScroll(container.NewCenter(box))))
}

// kioskCheckInForm logs a check-in: the day, how, optionally how long
// and what kind of support, and whether to ask the manager to check in.
type kioskCheckInForm struct {
	*form
	kr           *kioskResident
	mentorshipID string
	asMentor     bool
	day          data.Date
	days         map[data.Date]*widget.Button
	kind         data.CheckInKind
	kinds        map[data.CheckInKind]*widget.Button
	support      map[string]bool
	supports     map[string]*widget.Button
	followUp     bool
	follow       *widget.Button
	minutes      *entry
	submit       *widget.Button
}

// showCheckIn opens the check-in page for one of the resident's own
// pairings; who is the other person's name as MyMentor gave it.
func (kr *kioskResident) showCheckIn(mentorshipID, who string, asMentor bool) *kioskCheckInForm {
	k := kr.k
	k.touch()
	c := &kioskCheckInForm{form: newForm(), kr: kr, mentorshipID: mentorshipID, asMentor: asMentor,
		days: map[data.Date]*widget.Button{}, kinds: map[data.CheckInKind]*widget.Button{},
		support: map[string]bool{}, supports: map[string]*widget.Button{}}
	h := kioskCheckInButtonHeight
	today := k.u.store.Today()
	days := kioskDayButtons(today, data.KioskCheckInDays, h, c.days, c.chooseDay)
	var kinds []fyne.CanvasObject
	for _, kd := range data.CheckInKinds {
		b := widget.NewButton(string(kd), func() { c.chooseKind(kd) })
		c.kinds[kd] = b
		kinds = append(kinds, kioskTall(b, h))
	}
	var supports []fyne.CanvasObject
	for _, s := range data.SupportKinds {
		b := widget.NewButton(s, func() { c.toggleSupport(s) })
		c.supports[s] = b
		supports = append(supports, kioskTall(b, h))
	}
	followText := "I'd like the manager to check in with me"
	if asMentor {
		followText = "I'd like the manager to check in with " + who
	}
	c.follow = widget.NewButtonWithIcon(followText, theme.CheckButtonIcon(), c.toggleFollowUp)
	c.minutes = newEntry("")
	c.minutes.OnChanged = func(string) { k.touch() }
	optional := widget.NewLabel("optional")
	optional.Importance = widget.LowImportance
	c.add(data.FieldCheckInDate, container.NewGridWithColumns(4, days...))
	c.add(data.FieldCheckInKind, container.NewGridWithColumns(4, kinds...))
	c.add(data.FieldMinutes, container.NewBorder(nil, nil, kioskFixedWidth(c.minutes, 150), nil, optional))
	c.addHint(data.FieldSupport, "Tap any that fit; optional.", container.NewGridWithColumns(2, supports...))
	c.add(fieldFollowUp, kioskTall(c.follow, h))
	submitOnEnter(c.save, c.minutes)
	c.chooseDay(today)
	var submit, back fyne.CanvasObject
	c.submit, submit = k.u.kioskButton("Log check-in", theme.ConfirmIcon(), 300, c.save)
	c.submit.Importance = widget.HighImportance
	_, back = k.u.kioskButton("Back", theme.NavigateBackIcon(), 220, kr.showHome)
	title := kioskHeading("Check-in with " + who)
	note := widget.NewLabel("Only when and how: never what you talked about.")
	bottom := container.NewHBox(back, layout.NewSpacer(), submit)
	body := container.NewVScroll(container.NewVBox(note, c.Form, c.general))
	k.setPage(kioskActionPage, container.NewBorder(title, bottom, nil, nil, body))
	k.u.screens.kioskCheckIn = c
	return c
}

// kioskCheckInButtonHeight is the height of the check-in page's toggles.
const kioskCheckInButtonHeight float32 = 64

func (c *kioskCheckInForm) chooseDay(d data.Date) {
	c.kr.k.touch()
	c.day = d
	highlight(c.days, d)
}

func (c *kioskCheckInForm) chooseKind(kd data.CheckInKind) {
	c.kr.k.touch()
	c.kind = kd
	highlight(c.kinds, kd)
}

func (c *kioskCheckInForm) toggleSupport(s string) {
	c.kr.k.touch()
	c.support[s] = !c.support[s]
	b := c.supports[s]
	b.Importance = widget.MediumImportance
	if c.support[s] {
		b.Importance = widget.HighImportance
	}
	b.Refresh()
}

func (c *kioskCheckInForm) toggleFollowUp() {
	c.kr.k.touch()
	c.followUp = !c.followUp
	c.follow.Importance = widget.MediumImportance
	c.follow.SetIcon(theme.CheckButtonIcon())
	if c.followUp {
		c.follow.Importance = widget.HighImportance
		c.follow.SetIcon(theme.CheckButtonCheckedIcon())
	}
	c.follow.Refresh()
}

// save logs the check-in as the resident, or shows what to fix by its
// field.
func (c *kioskCheckInForm) save() {
	k, r := c.kr.k, c.kr.r
	k.touch()
	var v data.ValidationError
	mins := parseMinutes(&v, c.minutes.Text)
	if c.show(v.Err()) {
		return
	}
	var support []string
	for _, s := range data.SupportKinds {
		if c.support[s] {
			support = append(support, s)
		}
	}
	_, err := k.u.store.LogCheckIn(data.KioskActor(r), data.CheckIn{
		MentorshipID: c.mentorshipID, Date: c.day, Kind: c.kind, Minutes: mins, Support: support, FollowUp: c.followUp,
	})
	if c.show(err) {
		return
	}
	k.u.screens.kioskCheckIn = nil
	detail := "Thank you, " + r.FirstName() + "."
	if my, err := k.u.store.MyMentor(r.ID, k.u.store.Today()); err == nil && my.HasMentor && !c.asMentor && my.Target > 0 {
		detail += fmt.Sprintf(" This week: %d of %d check-ins.", my.ThisWeek, my.Target)
	}
	if c.followUp {
		detail += " The house manager will check in with you."
		if c.asMentor {
			detail = "Thank you, " + r.FirstName() + ". The house manager will be asked to check in."
		}
	}
	k.showConfirm("Check-in logged", detail, widget.SuccessImportance)
}
