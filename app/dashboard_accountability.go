package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// accountabilityCard is the dashboard's accountability: open follow-ups of
// incidents (who, about what, by when; never the details) and residents
// ready to move up.
func (u *UI) accountabilityCard() fyne.CanvasObject {
	today := u.store.Today()
	fus, err := u.store.OpenFollowUps(today)
	if err != nil {
		return errorCard("Accountability", err)
	}
	box := container.NewVBox(widget.NewLabelWithStyle("Open follow-ups", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	if len(fus) == 0 {
		box.Add(widget.NewLabel("No open follow-ups."))
	}
	for _, fu := range fus {
		l := widget.NewLabel(fmt.Sprintf("%s · %s · follow up by %s", fu.Name, fu.Kind, followUpText(fu.Due, today)))
		if fu.Overdue {
			l.Importance = widget.WarningImportance
		}
		box.Add(l)
	}
	box.Add(widget.NewLabelWithStyle("Ready to move up", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	ready, err := u.readyToMoveUp()
	if err != nil {
		return errorCard("Accountability", err)
	}
	if len(ready) == 0 {
		box.Add(widget.NewLabel("Nobody has met every criterion yet."))
	}
	for _, r := range ready {
		l := widget.NewLabel(r)
		l.Importance = widget.SuccessImportance
		box.Add(l)
	}
	return widget.NewCard("Accountability", "Follow-ups and moves up", box)
}

// readyToMoveUp is "Darnell B.: Phase 1 → Phase 2" for each active
// resident who meets every criterion of their phase.
func (u *UI) readyToMoveUp() ([]string, error) {
	rs, err := u.store.ActiveResidents()
	if err != nil {
		return nil, err
	}
	today, mentors := u.store.Today(), u.store.Mentors()
	var out []string
	for _, r := range rs {
		a, err := u.store.Advancement(r.ID, today, mentors)
		if err != nil {
			return nil, err
		}
		if a.Ready() {
			out = append(out, fmt.Sprintf("%s: %s → %s", r.Short(), a.Phase, a.Next))
		}
	}
	return out, nil
}
