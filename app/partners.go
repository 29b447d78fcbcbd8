package app

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"porchlight/app/report"
	"porchlight/data"
)

// partnersTab is a week's accountability partners: each group with its
// lock, Generate (locked groups kept), Set by hand, and who was left out
// and why.
type partnersTab struct {
	u      *UI
	nav    *weekNav
	box    *fyne.Container
	status *widget.Label
	week   data.PartnerWeek
	paper  report.PageSize // the paper last chosen for the sheet
}

func newPartnersTab(u *UI) *partnersTab {
	t := &partnersTab{u: u, box: container.NewVBox(), status: widget.NewLabel(""), paper: defaultPaper()}
	t.status.Wrapping = fyne.TextWrapWord
	t.nav = newWeekNav(u.store.Today(), t.reload)
	return t
}

func (t *partnersTab) view() fyne.CanvasObject {
	gen := widget.NewButtonWithIcon("Generate", theme.ViewRefreshIcon(), t.generate)
	gen.Importance = widget.HighImportance
	hand := widget.NewButtonWithIcon("Set by hand…", theme.DocumentCreateIcon(), t.setByHand)
	settings := widget.NewButtonWithIcon("Settings…", theme.SettingsIcon(), t.openPartnerSettings)
	printSheet := widget.NewButtonWithIcon("Print sheet…", theme.DocumentPrintIcon(), t.printSheet)
	note := widget.NewLabel("Partners check in with each other every day and tap \"I checked in with my partner\" at the kiosk. Generating keeps locked groups; nobody gets the same partner again within the house's weeks where it can be avoided, and mentors are not paired with their mentees.")
	note.Wrapping = fyne.TextWrapWord
	top := container.NewVBox(t.nav.box, container.NewHBox(gen, hand, settings, printSheet), t.status)
	return container.NewBorder(top, note, nil, nil, container.NewVScroll(t.box))
}

func (t *partnersTab) reload() {
	w, err := t.u.store.Partners(t.nav.day)
	if err != nil {
		t.status.SetText("The partners could not be read: " + err.Error())
		return
	}
	t.week = w
	h, _ := t.u.store.House()
	from, to := h.Week(t.nav.day)
	t.nav.show(from, to)
	names := t.u.residentShortNames()
	t.box.Objects = nil
	if len(w.Groups) == 0 {
		t.status.SetText("No partners for this week yet. Generate pairs everyone living in the house.")
	} else {
		t.status.SetText(countNoun(len(w.Groups), "group") + " this week.")
	}
	for _, g := range w.Groups {
		t.box.Add(t.groupRow(g, names))
	}
	if len(w.LeftOut) > 0 {
		var lines []string
		for _, l := range w.LeftOut {
			lines = append(lines, names[l.ResidentID]+": "+l.Why)
		}
		card := widget.NewCard("Not paired this week", "", widget.NewLabel(strings.Join(lines, "\n")))
		t.box.Add(card)
	}
	t.box.Refresh()
}

// groupRow is "Søren T. and María N." with a Locked tick.
func (t *partnersTab) groupRow(g data.PartnerGroup, names map[string]string) fyne.CanvasObject {
	var who []string
	for _, id := range g.Members {
		who = append(who, names[id])
	}
	lock := widget.NewCheck("Locked", nil)
	lock.SetChecked(g.Locked)
	first := g.Members[0]
	lock.OnChanged = func(on bool) {
		if err := t.u.store.LockPartners(t.u.actor(), t.nav.day, first, on); err != nil {
			t.u.showProblem("Could not lock the group", err)
		}
		t.reload()
	}
	return container.NewBorder(nil, nil, nil, lock, widget.NewLabel(joinAnd(who)))
}

// joinAnd is "A and B" or "A, B and C".
func joinAnd(xs []string) string {
	if len(xs) <= 1 {
		return strings.Join(xs, "")
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " and " + xs[len(xs)-1]
}

// residentShortNames are everyone's short names by ID ("María N.").
func (u *UI) residentShortNames() map[string]string {
	out := map[string]string{}
	rs, _ := u.store.Residents()
	for _, r := range rs {
		out[r.ID] = r.Short()
	}
	return out
}

func (t *partnersTab) generate() {
	run := func() {
		if _, err := t.u.store.GeneratePartners(t.u.actor(), t.nav.day, t.u.store.Mentors()); err != nil {
			t.u.showProblem("Could not make the pairs", err)
		}
		t.reload()
	}
	if len(t.week.Groups) == 0 {
		run()
		return
	}
	t.u.confirm("Make new pairs?", "The groups that are not locked will be paired again. Locked groups stay.", "Generate", "Keep these", func(ok bool) {
		if ok {
			run()
		}
	})
}

// setByHand gives each resident a group number; two or three share one.
func (t *partnersTab) setByHand() {
	rs, err := t.u.store.ActiveResidents()
	if err != nil {
		t.u.showProblem("Could not read the residents", err)
		return
	}
	n := len(rs)/2 + 1
	opts := []string{"Not paired"}
	for i := 1; i <= n; i++ {
		opts = append(opts, "Group "+strconv.Itoa(i))
	}
	current := map[string]int{}
	for gi, g := range t.week.Groups {
		for _, id := range g.Members {
			current[id] = gi + 1
		}
	}
	grid := container.NewGridWithColumns(2)
	selects := make([]*widget.Select, len(rs))
	for i, r := range rs {
		selects[i] = widget.NewSelect(opts, nil)
		selects[i].SetSelectedIndex(current[r.ID])
		grid.Add(widget.NewLabel(r.Short()))
		grid.Add(selects[i])
	}
	f := newForm()
	f.addHint(data.FieldPartners, "Give two people the same group number (three when the count is odd)", grid)
	var d *formDialog
	d = t.u.newFormDialog("Set this week's partners", "Save", "", f, func() {
		byGroup := map[int][]string{}
		for i, s := range selects {
			if g := s.SelectedIndex(); g > 0 {
				byGroup[g] = append(byGroup[g], rs[i].ID)
			}
		}
		var groups []data.PartnerGroup
		for g := 1; g <= n; g++ {
			if len(byGroup[g]) > 0 {
				groups = append(groups, data.PartnerGroup{Members: byGroup[g]})
			}
		}
		if _, err := t.u.store.SetPartners(t.u.actor(), t.nav.day, groups); f.show(err) {
			return
		}
		d.close()
		t.reload()
	})
	d.scrollable(fyne.NewSize(560, 520))
	d.open(0)
}
