package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"porchlight/data"
)

// A resident's advancement: their phase's criteria as met / not yet with
// the figures in words, the criteria a manager ticks, and moving them up
// or down with a reason. Shown on the resident's record and opened from a
// row of the accountability roster.

// advancementPanel draws one resident's advancement and redraws itself
// after a tick or a move.
type advancementPanel struct {
	u       *UI
	id      string
	box     *fyne.Container
	onMoved func(data.PhaseChange)
}

func (u *UI) newAdvancementPanel(residentID string, onMoved func(data.PhaseChange)) *advancementPanel {
	a := &advancementPanel{u: u, id: residentID, box: container.NewVBox(), onMoved: onMoved}
	a.reload()
	return a
}

func (a *advancementPanel) reload() {
	a.box.Objects = []fyne.CanvasObject{a.build()}
	a.box.Refresh()
}

func (a *advancementPanel) build() fyne.CanvasObject {
	r, err := a.u.store.Resident(a.id)
	if err != nil {
		return errorCard("Phase", err)
	}
	adv, err := a.u.store.Advancement(a.id, a.u.store.Today(), a.u.store.Mentors())
	if err != nil {
		return errorCard("Phase", err)
	}
	rows := container.NewVBox()
	if adv.Phase == "" {
		rows.Add(widget.NewLabel("No phase set on their record."))
	} else if len(adv.Criteria) == 0 {
		rows.Add(widget.NewLabel(adv.Phase + " has no criteria for moving up. Settings → Phases sets them."))
	}
	for _, c := range adv.Criteria {
		rows.Add(a.criterionRow(c))
	}
	if r.Active() {
		up := widget.NewButtonWithIcon("Move up…", theme.MoveUpIcon(), func() { a.u.movePhaseDialog(r, true, a.moved) })
		down := widget.NewButtonWithIcon("Move down…", theme.MoveDownIcon(), func() { a.u.movePhaseDialog(r, false, a.moved) })
		if adv.Ready() {
			up.Importance = widget.HighImportance
		}
		rows.Add(container.NewHBox(up, down))
	}
	return widget.NewCard("Phase: "+orNone(adv.Phase), advancementSubtitle(adv), rows)
}

// advancementSubtitle is "Since Mon 2 Nov 2026 · ready to move up to Phase 3".
func advancementSubtitle(adv data.Advancement) string {
	s := "Since " + adv.Since.Pretty()
	switch {
	case adv.Ready():
		return s + " · ready to move up to " + adv.Next
	case adv.Next == "":
		return s + " · the house's last phase"
	case len(adv.Criteria) > 0:
		return s + fmt.Sprintf(" · %d of %d criteria met for %s", adv.MetCount(), len(adv.Criteria), adv.Next)
	}
	return s
}

// criterionRow is "Met: outside meetings: 4 of the last 4 weeks met (3
// needed)" or a tick box for a criterion a manager ticks.
func (a *advancementPanel) criterionRow(c data.CriterionStatus) fyne.CanvasObject {
	if c.Manual {
		check := widget.NewCheck(c.Text, nil)
		check.SetChecked(c.Met)
		check.OnChanged = func(on bool) {
			if err := a.u.store.TickCriterion(a.u.actor(), a.id, c.Name, on); err != nil {
				a.u.showProblem("Could not tick it", err)
			}
			a.reload()
		}
		return check
	}
	word, imp := "Not yet", widget.WarningImportance
	if c.Met {
		word, imp = "Met", widget.SuccessImportance
	}
	l := widget.NewLabel(word + ": " + c.Text)
	l.Importance = imp
	l.Wrapping = fyne.TextWrapWord
	return l
}

func (a *advancementPanel) moved(c data.PhaseChange) {
	a.reload()
	if a.onMoved != nil {
		a.onMoved(c)
	}
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

// showAdvancement opens a resident's advancement in a dialog (from the
// roster); changed runs after a tick or a move.
func (u *UI) showAdvancement(residentID string, changed func()) {
	r, err := u.store.Resident(residentID)
	if err != nil {
		u.showProblem("Could not open the resident", err)
		return
	}
	p := u.newAdvancementPanel(residentID, func(data.PhaseChange) { changed() })
	testLog := widget.NewButtonWithIcon("Test log…", theme.DocumentIcon(), func() { u.showTestLog(r) })
	body := container.NewVBox(p.box, container.NewHBox(testLog))
	d := dialog.NewCustom(r.Display(), "Close", container.NewVScroll(body), u.win)
	u.showModal(d, fyne.NewSize(680, 560))
}

// movePhaseDialog asks where to, why and when, then moves the resident.
// A move up is something to celebrate; the house meeting's agenda marks it.
func (u *UI) movePhaseDialog(r data.Resident, up bool, done func(data.PhaseChange)) {
	h, err := u.store.House()
	if err != nil {
		u.showProblem("Could not read the phases", err)
		return
	}
	f := newForm()
	to := widget.NewSelect(h.Phases, nil)
	if p, ok := neighbourPhase(h, r.Phase, up); ok {
		to.SetSelected(p)
	}
	reason := newArea("e.g. met every criterion; the house voted to celebrate on Sunday", 3)
	on := newEntry("YYYY-MM-DD")
	on.SetText(u.store.Today().String())
	f.add(data.FieldMoveTo, to)
	f.add(data.FieldMoveReason, reason)
	f.addHint(data.FieldMoveOn, "YYYY-MM-DD", on)
	title, ok, intro := "Move "+r.Short()+" up", "Move up",
		"Moving up is something to celebrate: the house meeting's agenda will mark it. The reason stays in their history."
	if !up {
		title, ok, intro = "Move "+r.Short()+" down", "Move down",
			"A move down is a step to support them, not a punishment. Write the reason as you would say it to them; it stays in their history."
	}
	var d *formDialog
	d = u.newFormDialog(title, ok, "Now in "+orNone(r.Phase)+". "+intro, f, func() {
		var v data.ValidationError
		day := parseDateField(&v, data.FieldMoveOn, strings.TrimSpace(on.Text), true)
		if f.show(v.Err()) {
			return
		}
		c, err := u.store.MovePhase(u.actor(), r.ID, to.Selected, reason.Text, day)
		if f.show(err) {
			return
		}
		d.close()
		if c.Up {
			u.showInfo("Moved up", r.Short()+" moved up to "+c.To+". Something to celebrate at the house meeting!")
		}
		done(c)
	})
	submitOnEnter(d.submit, on)
	d.first = reason
	d.open(520)
}

// neighbourPhase is the phase after (up) or before the named one.
func neighbourPhase(h data.House, name string, up bool) (string, bool) {
	for i, p := range h.Phases {
		if p != name {
			continue
		}
		if up && i+1 < len(h.Phases) {
			return h.Phases[i+1], true
		}
		if !up && i > 0 {
			return h.Phases[i-1], true
		}
	}
	return "", false
}
