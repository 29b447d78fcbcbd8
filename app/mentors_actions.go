package app

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"porchlight/data"
)

// A pairing's actions in the Mentors section: end it, log a check-in for
// it (with the manager's private note), and a resident's history of
// pairings and check-ins.

// fieldFollowUp is the check-in form's follow-up field.
const fieldFollowUp = "Follow-up"

// openEndPairing asks for the end date, the reason and whether it ended
// well, then ends the pairing.
func (u *UI) openEndPairing(p data.PairStatus, onDone func(msg string)) *formDialog {
	f := newForm()
	date := newEntry("YYYY-MM-DD")
	date.SetText(u.store.Today().String())
	reason := widget.NewSelect(data.MentorshipEndReasons, nil)
	reason.PlaceHolder = "Choose why it ended"
	well := widget.NewCheck("It ended well (ran its course)", nil)
	f.addHint(data.FieldMentorEnd, "YYYY-MM-DD", date)
	f.add(data.FieldEndReason, reason)
	f.add("Ended well", well)
	intro := fmt.Sprintf("%s has mentored %s since %s. The pairing and its check-ins stay in the history; %s will show as needing a mentor.",
		p.Mentor.Short(), p.Mentee.Short(), p.Mentorship.Start.Pretty(), p.Mentee.Short())
	var d *formDialog
	d = u.newFormDialog("End pairing", "End pairing", intro, f, func() {
		var v data.ValidationError
		day := parseDateField(&v, data.FieldMentorEnd, strings.TrimSpace(date.Text), true)
		err := v.Err()
		if err == nil {
			_, err = u.store.EndMentorship(u.actor(), p.Mentorship.ID, data.MentorshipEnd{Date: day, Reason: reason.Selected, Well: well.Checked})
		}
		if f.show(err) {
			return
		}
		d.close()
		onDone(fmt.Sprintf("Ended the pairing of %s with %s.", p.Mentee.Short(), p.Mentor.Short()))
	})
	submitOnEnter(d.submit, date)
	d.first = date
	d.open(560)
	return d
}

// checkInKindLabels are the check-in kinds as the forms offer them.
func checkInKindLabels() []string {
	out := make([]string, len(data.CheckInKinds))
	for i, k := range data.CheckInKinds {
		out[i] = string(k)
	}
	return out
}

// parseMinutes reads an optional number of minutes into v.
func parseMinutes(v *data.ValidationError, text string) int {
	text = strings.TrimSpace(text)
	if text == "" {
		return 0
	}
	n, err := strconv.Atoi(text)
	if err != nil {
		*v = append(*v, data.FieldError{Field: data.FieldMinutes, Msg: "enter the minutes as a number, e.g. 20, or leave it empty"})
	}
	return n
}

// openManagerCheckIn logs a check-in for a pairing, as the manager.
func (u *UI) openManagerCheckIn(p data.PairStatus, onDone func(msg string)) *formDialog {
	f := newForm()
	date := newEntry("YYYY-MM-DD")
	date.SetText(u.store.Today().String())
	kind := widget.NewRadioGroup(checkInKindLabels(), nil)
	kind.Horizontal = true
	minutes := newEntry("Optional, e.g. 30")
	support := newCheckGrid(data.SupportKinds, 2)
	follow := widget.NewCheck("Would like the manager to check in with them", nil)
	note := newArea("Optional. Only what the house needs to know, never what was said.", 3)
	f.addHint(data.FieldCheckInDate, "YYYY-MM-DD", date)
	f.add(data.FieldCheckInKind, kind)
	f.add(data.FieldMinutes, minutes)
	f.add(data.FieldSupport, support.box)
	f.add(fieldFollowUp, follow)
	f.addHint(data.FieldPrivateNote, "Managers only: never printed and never shown at the kiosk.", note)
	intro := fmt.Sprintf("%s with their mentor %s.", p.Mentee.Short(), p.Mentor.Short())
	var d *formDialog
	d = u.newFormDialog("Log a check-in", "Log check-in", intro, f, func() {
		var v data.ValidationError
		day := parseDateField(&v, data.FieldCheckInDate, strings.TrimSpace(date.Text), true)
		mins := parseMinutes(&v, minutes.Text)
		err := v.Err()
		if err == nil {
			_, err = u.store.LogCheckIn(u.actor(), data.CheckIn{
				MentorshipID: p.Mentorship.ID, Date: day, Kind: data.CheckInKind(kind.Selected),
				Minutes: mins, Support: support.Selected(), FollowUp: follow.Checked, Note: note.Text,
			})
		}
		if f.show(err) {
			return
		}
		d.close()
		onDone(fmt.Sprintf("Check-in logged for %s and %s.", p.Mentee.Short(), p.Mentor.Short()))
	})
	submitOnEnter(d.submit, date, minutes)
	d.first = date
	d.open(640)
	return d
}

// showMentorHistory lists a resident's pairings, as mentee and as mentor,
// with each pairing's check-ins (private notes included: manager only).
func (u *UI) showMentorHistory(r data.Resident) {
	hist, err := u.store.MentorshipHistory(r.ID)
	if err != nil {
		u.showProblem("Could not read the history", err)
		return
	}
	box := container.NewVBox()
	if len(hist) == 0 {
		box.Add(widget.NewLabel(r.Short() + " has not had or been a house mentor yet."))
	}
	for _, m := range hist {
		box.Add(u.pairingHistory(r, m))
	}
	scroll := container.NewVScroll(box)
	scroll.SetMinSize(fyne.NewSize(620, 380))
	u.showModal(dialog.NewCustom("Mentor history · "+r.Short(), "Close", scroll, u.win), fyne.Size{})
}

// pairingHistory is one pairing and its check-ins, as a card.
func (u *UI) pairingHistory(r data.Resident, m data.Mentorship) fyne.CanvasObject {
	title := "Mentored by " + u.mentorName(m.MentorID)
	if m.MentorID == r.ID {
		title = "Mentor of " + u.mentorName(m.MenteeID)
	}
	sub := "Since " + m.Start.Pretty()
	if !m.Active() {
		sub = fmt.Sprintf("%s to %s · %s", m.Start.Pretty(), m.End.Pretty(), m.EndReason)
		if m.EndedWell {
			sub += " · ended well"
		}
	}
	var lines []string
	if len(m.RulesNotMet) > 0 {
		lines = append(lines, "Accepted when assigned: "+strings.Join(m.RulesNotMet, "; "))
	}
	cs, err := u.store.CheckIns(m.ID)
	if err != nil {
		lines = append(lines, "The check-ins could not be read.")
	}
	if len(cs) == 0 && err == nil {
		lines = append(lines, "No check-ins logged.")
	}
	for _, c := range cs {
		lines = append(lines, checkInLine(c))
	}
	l := widget.NewLabel(strings.Join(lines, "\n"))
	l.Wrapping = fyne.TextWrapWord
	return widget.NewCard(title, sub, l)
}

// checkInLine is one check-in for the manager: "Tue 11 Mar · Phone ·
// 20 min · Listening · follow-up asked · note: …".
func checkInLine(c data.CheckIn) string {
	parts := []string{c.Date.Pretty(), string(c.Kind)}
	if c.Minutes > 0 {
		parts = append(parts, fmt.Sprintf("%d min", c.Minutes))
	}
	if len(c.Support) > 0 {
		parts = append(parts, strings.Join(c.Support, ", "))
	}
	if c.FollowUp {
		parts = append(parts, "follow-up asked")
	}
	if c.Note != "" {
		parts = append(parts, "private note: "+c.Note)
	}
	return strings.Join(parts, " · ")
}
