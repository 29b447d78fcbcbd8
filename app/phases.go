package app

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"porchlight/data"
)

// Settings → Phases: the house's phases as records, each with its rules
// and the criteria for moving up. Phases are edited only here (the House
// tab no longer lists them).

type phasesTab struct {
	u      *UI
	list   *fyne.Container
	phases []data.Phase
}

func (u *UI) phaseSettings() fyne.CanvasObject {
	t := &phasesTab{u: u, list: container.NewVBox()}
	add := widget.NewButtonWithIcon("Add phase", theme.ContentAddIcon(), func() { t.edit(data.Phase{}) })
	add.Importance = widget.HighImportance
	note := widget.NewLabel("The house's phases, first to last. Each has its curfews, what it asks each week, and what a resident meets to move up. Renaming a phase renames it on every resident who holds it.")
	note.Wrapping = fyne.TextWrapWord
	t.reload()
	return container.NewBorder(container.NewVBox(note, container.NewHBox(add)), nil, nil, nil, container.NewVScroll(t.list))
}

func (t *phasesTab) reload() {
	ps, err := t.u.store.Phases()
	t.list.Objects = nil
	if err != nil {
		t.list.Add(errorCard("Phases", err))
	}
	t.phases = ps
	if len(ps) == 0 && err == nil {
		t.list.Add(widget.NewLabel("No phases yet. Add the house's first phase."))
	}
	for i, p := range ps {
		t.list.Add(t.row(i, p))
	}
	t.list.Refresh()
}

// row is one phase: its rules in words, then Up, Down and Edit.
func (t *phasesTab) row(i int, p data.Phase) fyne.CanvasObject {
	up := widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { t.move(p, -1) })
	down := widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { t.move(p, 1) })
	if i == 0 {
		up.Disable()
	}
	if i == len(t.phases)-1 {
		down.Disable()
	}
	edit := widget.NewButtonWithIcon("Edit…", theme.DocumentCreateIcon(), func() { t.edit(p) })
	moveUp := criteriaText(p.Criteria)
	if i == len(t.phases)-1 {
		moveUp = "The house's last phase."
	}
	l := widget.NewLabel(phaseRulesText(p) + "\n" + moveUp)
	l.Wrapping = fyne.TextWrapWord
	card := widget.NewCard(fmt.Sprintf("%d. %s", i+1, p.Name), "", l)
	return container.NewBorder(nil, nil, nil, container.NewVBox(container.NewHBox(up, down), edit), card)
}

// phaseRulesText is "Curfew 22:00 weeknights, 23:59 weekends · 3 outside meetings a week · ...".
func phaseRulesText(p data.Phase) string {
	curfew := "the house's curfews"
	if p.OwnCurfew {
		curfew = "curfew " + p.CurfewWeeknight.String() + " weeknights, " + p.CurfewWeekend.String() + " weekends"
	}
	passes := "no limit on overnight passes"
	if p.OvernightPasses > 0 {
		passes = countText(p.OvernightPasses, "overnight pass", "overnight passes") + " a month"
	}
	return strings.Join([]string{curfew, countText(p.OutsideMeetings, "outside meeting", "outside meetings") + " a week",
		countText(p.MentorCheckins, "mentor check-in", "mentor check-ins") + " a week", passes}, " · ")
}

// criteriaText lists what moving up asks, in words.
func criteriaText(c data.Criteria) string {
	var parts []string
	if c.DaysInPhase > 0 {
		parts = append(parts, fmt.Sprintf("%d days in phase", c.DaysInPhase))
	}
	if c.DaysSober > 0 {
		parts = append(parts, fmt.Sprintf("%d days sober", c.DaysSober))
	}
	if c.MeetingsWeeks > 0 {
		parts = append(parts, fmt.Sprintf("outside meetings met %d of the last %d weeks", c.MeetingsWeeksMet, c.MeetingsWeeks))
	}
	if c.StrikeWeeks > 0 {
		parts = append(parts, fmt.Sprintf("at most %s in the last %d weeks", countText(c.MaxStrikes, "thing to work on", "things to work on"), c.StrikeWeeks))
	}
	if c.MentorWeeks > 0 {
		parts = append(parts, fmt.Sprintf("mentor check-ins met the last %d weeks", c.MentorWeeks))
	}
	parts = append(parts, c.Other...)
	if len(parts) == 0 {
		return "To move up: no criteria set."
	}
	return "To move up: " + strings.Join(parts, "; ") + "."
}

func countText(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

func (t *phasesTab) move(p data.Phase, delta int) {
	if err := t.u.store.MovePhaseOrder(t.u.actor(), p.ID, delta); err != nil {
		t.u.showProblem("Could not move the phase", err)
	}
	t.reload()
}

// phaseForm is the phase dialog's fields.
type phaseForm struct {
	*form
	name, weeknight, weekend             *entry
	ownCurfew                            *widget.Check
	meetings, mentor, passes             *entry
	daysIn, sober, mtgMet, mtgWeeks      *entry
	maxStrikes, strikeWeeks, mentorWeeks *entry
	other                                *entry
}

func newPhaseForm(p data.Phase, h data.House) *phaseForm {
	f := &phaseForm{form: newForm(), name: newEntry("e.g. Phase 2")}
	f.ownCurfew = widget.NewCheck("This phase has its own curfews", nil)
	f.weeknight, f.weekend = newEntry("22:00"), newEntry("23:59")
	num := func(n int) *entry { e := newEntry("0"); e.SetText(strconv.Itoa(n)); return e }
	c := p.Criteria
	f.meetings, f.mentor, f.passes = num(p.OutsideMeetings), num(p.MentorCheckins), num(p.OvernightPasses)
	f.daysIn, f.sober, f.mtgMet, f.mtgWeeks = num(c.DaysInPhase), num(c.DaysSober), num(c.MeetingsWeeksMet), num(c.MeetingsWeeks)
	f.maxStrikes, f.strikeWeeks, f.mentorWeeks = num(c.MaxStrikes), num(c.StrikeWeeks), num(c.MentorWeeks)
	f.other = newArea("e.g. Has a sponsor", 3)
	f.name.SetText(p.Name)
	f.ownCurfew.SetChecked(p.OwnCurfew)
	wn, we := h.CurfewWeeknight, h.CurfewWeekend
	if p.OwnCurfew {
		wn, we = p.CurfewWeeknight, p.CurfewWeekend
	}
	f.weeknight.SetText(wn.String())
	f.weekend.SetText(we.String())
	f.other.SetText(strings.Join(c.Other, "\n"))

	f.add(data.FieldPhaseName, f.name)
	f.addHint(data.FieldPhaseCurfew, "Weeknights, then weekends (HH:MM); without the tick the house's curfews apply",
		container.NewVBox(f.ownCurfew, container.NewGridWithColumns(2, f.weeknight, f.weekend)))
	f.add(data.FieldPhaseMeetings, f.meetings)
	f.add(data.FieldPhaseMentor, f.mentor)
	f.addHint(data.FieldPhasePasses, "0: no limit", f.passes)
	f.Form.AppendItem(widget.NewFormItem("", widget.NewLabelWithStyle("To move up from this phase (0 leaves a criterion out)", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})))
	f.add(data.FieldDaysInPhase, f.daysIn)
	f.add(data.FieldDaysSober, f.sober)
	f.add(data.FieldMeetingsWeeksMet, f.mtgMet)
	f.add(data.FieldMeetingsWeeks, f.mtgWeeks)
	f.add(data.FieldMaxStrikes, f.maxStrikes)
	f.addHint(data.FieldStrikeWeeks, "Late sign-ins, missed chores, unexcused absences", f.strikeWeeks)
	f.add(data.FieldMentorWeeks, f.mentorWeeks)
	f.addHint(data.FieldOtherCriteria, "One a line; a manager ticks them on the resident's record", f.other)
	return f
}

// values reads the form into p; numbers that are not numbers come back
// as field errors.
func (f *phaseForm) values(p data.Phase) (data.Phase, data.ValidationError) {
	var v data.ValidationError
	num := func(field string, e *entry) int {
		n, err := strconv.Atoi(strings.TrimSpace(e.Text))
		if err != nil {
			v = append(v, data.FieldError{Field: field, Msg: "enter a whole number, e.g. 3"})
		}
		return n
	}
	p.Name = f.name.Text
	p.OwnCurfew = f.ownCurfew.Checked
	if p.OwnCurfew {
		p.CurfewWeeknight = parseClockField(&v, data.FieldPhaseCurfew, f.weeknight.Text)
		p.CurfewWeekend = parseClockField(&v, data.FieldPhaseCurfew, f.weekend.Text)
	}
	p.OutsideMeetings = num(data.FieldPhaseMeetings, f.meetings)
	p.MentorCheckins = num(data.FieldPhaseMentor, f.mentor)
	p.OvernightPasses = num(data.FieldPhasePasses, f.passes)
	p.Criteria = data.Criteria{
		DaysInPhase: num(data.FieldDaysInPhase, f.daysIn), DaysSober: num(data.FieldDaysSober, f.sober),
		MeetingsWeeksMet: num(data.FieldMeetingsWeeksMet, f.mtgMet), MeetingsWeeks: num(data.FieldMeetingsWeeks, f.mtgWeeks),
		MaxStrikes: num(data.FieldMaxStrikes, f.maxStrikes), StrikeWeeks: num(data.FieldStrikeWeeks, f.strikeWeeks),
		MentorWeeks: num(data.FieldMentorWeeks, f.mentorWeeks), Other: strings.Split(f.other.Text, "\n"),
	}
	return p, v
}

// edit opens a phase (a new one when p.ID is empty). Unusual settings
// (PhaseWarnings) are shown before saving; Delete refuses a phase someone
// holds, with the message at the name.
func (t *phasesTab) edit(p data.Phase) {
	h, _ := t.u.store.House()
	f := newPhaseForm(p, h)
	var d *formDialog
	save := func(n data.Phase) {
		if _, err := t.u.store.SavePhase(t.u.actor(), n); f.show(err) {
			return
		}
		d.close()
		t.reload()
	}
	onOK := func() {
		n, v := f.values(p)
		if f.show(v.Err()) {
			return
		}
		f.clear()
		if w := data.PhaseWarnings(n, t.phases); len(w) > 0 {
			msg := sentence(strings.Join(w, ". ")) + ". This is allowed. Save anyway?"
			t.u.confirm("Worth a second look", msg, "Save anyway", "Go back", func(ok bool) {
				if ok {
					save(n)
				}
			})
			return
		}
		save(n)
	}
	var extra []fyne.CanvasObject
	title, ok := "Add a phase", "Add"
	if p.ID != "" {
		title, ok = "Edit "+p.Name, "Save"
		del := widget.NewButtonWithIcon("Delete phase", theme.DeleteIcon(), func() { t.remove(p, f, d) })
		extra = append(extra, del)
	}
	d = t.u.newFormDialog(title, ok, "", f.form, onOK, extra...)
	submitOnEnter(d.submit, f.name, f.weeknight, f.weekend, f.meetings, f.mentor, f.passes, f.daysIn, f.sober,
		f.mtgMet, f.mtgWeeks, f.maxStrikes, f.strikeWeeks, f.mentorWeeks)
	d.first = f.name
	d.scrollable(fyne.NewSize(640, 600))
	d.open(0)
}

// remove deletes a phase after asking; when residents hold it the data
// layer's message (naming them) shows at the phase's name.
func (t *phasesTab) remove(p data.Phase, f *phaseForm, d *formDialog) {
	t.u.confirmAction("Delete "+p.Name+"?", "The phase and its rules are removed. Residents' histories keep its name.", "Delete", func() {
		if f.show(t.u.store.DeletePhase(t.u.actor(), p.ID)) {
			return
		}
		d.close()
		t.reload()
	})
}
