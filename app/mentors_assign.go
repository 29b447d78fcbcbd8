package app

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"porchlight/data"
)

// Choosing a resident's house mentor: the house's ranked suggestions, each
// with its reasons in words and its cautions (a house rule not met warns,
// never blocks), a full mentor shown but not choosable, and a start date.
// The same dialog changes a mentor, ending the current pairing with a
// reason in the same save.

// assignMentorDialog is the choose-a-mentor dialog.
type assignMentorDialog struct {
	*formDialog
	u       *UI
	mentee  data.Resident
	current data.Mentorship // the running pairing, when changing
	change  bool
	sugg    []data.Suggestion
	picks   []*widget.Button // one per suggestion
	chosen  int              // the chosen suggestion, or -1
	date    *entry
	reason  *widget.Select
	well    *widget.Check
	onDone  func(msg string)
}

// openAssignMentor opens the dialog for mentee; onDone runs after a save
// with what happened, in words.
func (u *UI) openAssignMentor(mentee data.Resident, onDone func(msg string)) *assignMentorDialog {
	cur, has, err := u.store.CurrentMentor(mentee.ID)
	if err != nil {
		u.showProblem("Could not read the current mentor", err)
		return nil
	}
	sugg, err := u.store.SuggestMentors(mentee.ID)
	if err != nil {
		u.showProblem("Could not suggest mentors", err)
		return nil
	}
	a := &assignMentorDialog{u: u, mentee: mentee, current: cur, change: has, sugg: sugg, chosen: -1, onDone: onDone}
	f := newForm()
	f.addHint(data.FieldMentor, "Best fit first. A caution does not stop you; the pairing keeps it on record.", a.list())
	a.date = newEntry("YYYY-MM-DD")
	a.date.SetText(u.store.Today().String())
	f.addHint(data.FieldMentorStart, "YYYY-MM-DD; today unless the pairing began earlier", a.date)
	title, ok, intro := "Choose a mentor for "+mentee.Short(), "Assign", ""
	if has {
		title, ok = "Change mentor for "+mentee.Short(), "Change mentor"
		intro = "Ends the pairing with " + u.mentorName(cur.MentorID) + " on the start date and starts the new one."
		a.reason = widget.NewSelect(data.MentorshipEndReasons, nil)
		a.reason.PlaceHolder = "Choose why it ended"
		a.well = widget.NewCheck("It ended well (ran its course)", nil)
		f.add(data.FieldEndReason, a.reason)
		f.add("Ended well", a.well)
	}
	a.formDialog = u.newFormDialog(title, ok, intro, f, a.save)
	submitOnEnter(a.submit, a.date)
	u.screens.mentorAssign = a
	a.first = a.date
	a.open(760)
	return a
}

// mentorName is a resident's short name, or "their mentor".
func (u *UI) mentorName(id string) string {
	if r, err := u.store.Resident(id); err == nil {
		return r.Short()
	}
	return "their mentor"
}

// list is the ranked suggestions, in a scroll.
func (a *assignMentorDialog) list() fyne.CanvasObject {
	box := container.NewVBox()
	if len(a.sugg) == 0 {
		box.Add(widget.NewLabel("Nobody else lives in the house yet."))
	}
	for i, s := range a.sugg {
		box.Add(a.row(i, s))
		box.Add(widget.NewSeparator())
	}
	scroll := container.NewVScroll(box)
	scroll.SetMinSize(fyne.NewSize(640, 300))
	return scroll
}

// row is one suggestion: a Choose button, the name with its room, the
// reasons and the cautions.
func (a *assignMentorDialog) row(i int, s data.Suggestion) fyne.CanvasObject {
	pick := widget.NewButton("Choose", func() { a.pick(i) })
	a.picks = append(a.picks, pick)
	name := widget.NewLabelWithStyle(fmt.Sprintf("%d. %s", i+1, s.Mentor.Short()), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	lines := container.NewVBox(name)
	if len(s.Reasons) > 0 {
		lines.Add(wrapLabel(strings.Join(s.Reasons, " · "), widget.MediumImportance))
	}
	if len(s.Cautions) > 0 {
		lines.Add(wrapLabel("Caution: "+strings.Join(s.Cautions, " · "), widget.WarningImportance))
	}
	if s.Blocked != "" {
		pick.Disable()
		lines.Add(wrapLabel("Cannot be chosen: "+s.Blocked, widget.DangerImportance))
	}
	return container.NewBorder(nil, nil, container.NewVBox(pick), nil, lines)
}

// wrapLabel is wrapping text of an importance.
func wrapLabel(text string, imp widget.Importance) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	l.Importance = imp
	return l
}

// pick chooses suggestion i; its button stands out.
func (a *assignMentorDialog) pick(i int) {
	a.chosen = i
	for j, b := range a.picks {
		b.SetText("Choose")
		b.Importance = widget.MediumImportance
		if j == i {
			b.SetText("Chosen")
			b.Importance = widget.HighImportance
		}
		b.Refresh()
	}
}

// save assigns (or changes) the mentor, or shows what is wrong by its
// field; nothing is saved then and the dialog stays.
func (a *assignMentorDialog) save() {
	var v data.ValidationError
	if a.chosen < 0 {
		v = append(v, data.FieldError{Field: data.FieldMentor, Msg: "choose a mentor from the list"})
	}
	day := parseDateField(&v, data.FieldMentorStart, strings.TrimSpace(a.date.Text), true)
	if a.show(v.Err()) {
		return
	}
	mentor := a.sugg[a.chosen].Mentor
	var err error
	if a.change {
		_, err = a.u.store.ChangeMentor(a.u.actor(), a.mentee.ID, mentor.ID,
			data.MentorshipEnd{Date: day, Reason: a.reason.Selected, Well: a.well.Checked})
		err = endAsStart(err)
	} else {
		_, err = a.u.store.AssignMentor(a.u.actor(), a.mentee.ID, mentor.ID, day)
	}
	if a.show(err) {
		return
	}
	a.close()
	a.u.screens.mentorAssign = nil
	if a.onDone != nil {
		a.onDone(fmt.Sprintf("%s is now %s's mentor.", mentor.Short(), a.mentee.Short()))
	}
}

// endAsStart puts a message about the end date under the start date: on
// a change the one date ends the old pairing and starts the new.
func endAsStart(err error) error {
	var v data.ValidationError
	if !errors.As(err, &v) {
		return err
	}
	out := make(data.ValidationError, len(v))
	for i, fe := range v {
		if fe.Field == data.FieldMentorEnd {
			fe.Field = data.FieldMentorStart
		}
		out[i] = fe
	}
	return out
}

// ---- the resident's record ---------------------------------------------------

// mentorCard shows a saved, active resident's mentor and mentees, with
// "Choose a mentor…" opening the same dialog as the Mentors section.
func (f *residentForm) mentorCard() fyne.CanvasObject {
	if f.r.ID == "" || !f.r.Active() {
		return container.NewVBox()
	}
	st := f.u.store
	lines := container.NewVBox()
	cur, has, err := st.CurrentMentor(f.r.ID)
	if err != nil {
		return errorCard("Mentor", err)
	}
	btn := widget.NewButtonWithIcon("Choose a mentor…", theme.ContentAddIcon(), nil)
	if has {
		lines.Add(widget.NewLabel(fmt.Sprintf("Mentor: %s, since %s", f.u.mentorName(cur.MentorID), cur.Start.Pretty())))
		btn.SetText("Change mentor…")
	} else {
		lines.Add(widget.NewLabel("No mentor yet."))
	}
	mentees, err := st.Mentees(f.r.ID)
	if err != nil {
		return errorCard("Mentor", err)
	}
	for _, m := range mentees {
		lines.Add(widget.NewLabel(fmt.Sprintf("Mentors %s, since %s", f.u.mentorName(m.MenteeID), m.Start.Pretty())))
	}
	card := widget.NewCard("Mentor", "A house mentor, apart from their sponsor", nil)
	btn.OnTapped = func() {
		f.u.openAssignMentor(f.r, func(msg string) {
			card.SetContent(f.mentorCard().(*widget.Card).Content)
			card.SetSubTitle(msg)
		})
	}
	lines.Add(container.NewHBox(btn))
	card.SetContent(lines)
	return card
}
