package app

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"porchlight/data"
)

// The house's meeting rules: which share of the votes passes each kind of
// motion, and which meetings count for attendance (an unexcused absence
// from a required meeting counts against a resident's week).

// voteRuleChoices are the rules a house picks from, by label.
var voteRuleChoices = []data.VoteRule{data.SimpleMajority, data.TwoThirds, data.FourFifths}

func voteRuleLabels() []string {
	var out []string
	for _, r := range voteRuleChoices {
		out = append(out, r.String())
	}
	return out
}

func voteRuleByLabel(label string) data.VoteRule {
	for _, r := range voteRuleChoices {
		if r.String() == label {
			return r
		}
	}
	return data.SimpleMajority
}

// meetingRules is the Rules tab of the Meetings section.
type meetingRules struct {
	u        *UI
	rules    map[data.MotionType]*widget.Select
	required *checkGrid
	kinds    []data.MeetingKind
	saved    *widget.Label
	form     *form
}

func (p *meetingsPage) rulesTab() fyne.CanvasObject {
	r := &meetingRules{u: p.u, rules: map[data.MotionType]*widget.Select{}, saved: widget.NewLabel(""), form: newForm()}
	p.u.screens.meetingRules = r
	ms, err := p.u.store.MeetingSettings()
	if err != nil {
		return errorCard("Meeting rules", err)
	}
	for _, t := range data.MotionTypes {
		sel := widget.NewSelect(voteRuleLabels(), nil)
		sel.SetSelected(ms.RuleFor(t).String())
		if sel.Selected == "" { // a rule set outside these choices: show it as it is
			sel.PlaceHolder = ms.RuleFor(t).String()
		}
		r.rules[t] = sel
		r.form.add(t.Label(), sel)
	}
	var labels, chosen []string
	for _, k := range data.MeetingKinds {
		r.kinds = append(r.kinds, k)
		labels = append(labels, k.Label())
		if slices.Contains(ms.Required, k) {
			chosen = append(chosen, k.Label())
		}
	}
	r.required = newCheckGrid(labels, 2)
	r.required.SetSelected(chosen)
	r.form.addHint("Required meetings", "An unexcused absence from these counts against the resident's week.", r.required.box)
	save := widget.NewButtonWithIcon("Save meeting rules", theme.DocumentSaveIcon(), r.save)
	save.Importance = widget.HighImportance
	intro := widget.NewLabel("How many votes pass each kind of motion. Abstentions are not votes cast.")
	intro.Wrapping = fyne.TextWrapWord
	return container.NewVScroll(container.NewVBox(intro, r.form.Form, r.form.general, container.NewHBox(save, r.saved)))
}

func (r *meetingRules) save() {
	ms, err := r.u.store.MeetingSettings()
	if r.form.show(err) {
		return
	}
	if ms.Rules == nil {
		ms.Rules = map[data.MotionType]data.VoteRule{}
	}
	for t, sel := range r.rules {
		if sel.Selected != "" {
			ms.Rules[t] = voteRuleByLabel(sel.Selected)
		}
	}
	if ms.Rules[data.MotionGeneral] != (data.VoteRule{}) {
		ms.Default = ms.Rules[data.MotionGeneral]
	}
	ms.Required = nil
	picked := r.required.Selected()
	for _, k := range r.kinds {
		if slices.Contains(picked, k.Label()) {
			ms.Required = append(ms.Required, k)
		}
	}
	if r.form.show(r.u.store.SaveMeetingSettings(r.u.actor(), ms)) {
		r.saved.SetText("")
		return
	}
	r.saved.SetText("Saved. New motions use these rules; decided ones keep theirs.")
}
