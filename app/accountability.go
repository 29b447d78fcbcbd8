package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"porchlight/app/report"
	"porchlight/data"
)

// The Accountability section: the week a house runs together. "This week"
// is the accountability roster, one row per resident, one cell per
// commitment in words (never colour alone) and a status that says what to
// do: "on track" or "check in with them". "Partners" is this week's
// accountability partners. The words are never punitive.

// accountPage is the section on show.
type accountPage struct {
	u        *UI
	day      data.Date // a day of the week shown
	roster   data.AccountabilityRoster
	table    *widget.Table
	weekText *widget.Label
	share    *widget.Label
	partners *partnersTab
}

// accountColumns are the roster's columns after the resident's name.
var accountColumns = []struct {
	title string
	width float32
	cell  func(data.AccountabilityRow) data.Commitment
}{
	{"Outside meetings", 110, func(r data.AccountabilityRow) data.Commitment { return r.Meetings }},
	{"House meeting", 100, func(r data.AccountabilityRow) data.Commitment { return r.HouseMeeting }},
	{"Chores", 125, func(r data.AccountabilityRow) data.Commitment { return r.Chores }},
	{"Curfew", 85, func(r data.AccountabilityRow) data.Commitment { return r.Curfew }},
	{"Mentor", 85, func(r data.AccountabilityRow) data.Commitment { return r.Mentor }},
	{"Partner", 90, func(r data.AccountabilityRow) data.Commitment { return r.Partner }},
}

func (u *UI) accountabilityView() fyne.CanvasObject {
	p := &accountPage{u: u, day: u.store.Today()}
	p.weekText = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	p.share = widget.NewLabel("")
	p.share.Wrapping = fyne.TextWrapWord
	p.table = p.newTable()
	prev := widget.NewButtonWithIcon("Week before", theme.NavigateBackIcon(), func() { p.setDay(p.day.AddDays(-7)) })
	next := widget.NewButtonWithIcon("Week after", theme.NavigateNextIcon(), func() { p.setDay(p.day.AddDays(7)) })
	next.IconPlacement = widget.ButtonIconTrailingText
	this := widget.NewButton("This week", func() { p.setDay(u.store.Today()) })
	top := container.NewVBox(container.NewHBox(prev, p.weekText, next, this), p.share)
	week := container.NewBorder(top, nil, nil, nil, p.table)
	p.partners = newPartnersTab(u)
	tabs := container.NewAppTabs(
		container.NewTabItem("This week", week),
		container.NewTabItem("Partners", p.partners.view()),
	)
	p.setDay(p.day)
	return container.NewBorder(heading("Accountability"), nil, nil, nil, tabs)
}

// setDay shows the roster of the week holding day.
func (p *accountPage) setDay(day data.Date) {
	p.day = day
	r, err := p.u.store.AccountabilityRoster(day, p.u.store.Mentors())
	if err != nil {
		p.share.SetText(problemText(err))
		return
	}
	p.roster = r
	label := report.WeekLabel(r.From, r.To)
	if r.Running {
		label += " (this week, still running)"
	}
	p.weekText.SetText(label)
	met, of := r.Share()
	checkIn := 0
	for _, row := range r.Rows {
		if row.Status == data.CheckInWithMe {
			checkIn++
		}
	}
	p.share.SetText(fmt.Sprintf("%d of %d commitments met by the house · %s on track · %d to check in with.",
		met, of, countNoun(len(r.Rows)-checkIn, "resident"), checkIn))
	p.table.Refresh()
}

func (p *accountPage) newTable() *widget.Table {
	n := len(accountColumns) + 2 // name, the commitments, status
	t := widget.NewTable(
		func() (int, int) { return len(p.roster.Rows), n },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			row := p.roster.Rows[id.Row]
			l.TextStyle = fyne.TextStyle{}
			l.Importance = widget.MediumImportance
			switch {
			case id.Col == 0:
				l.SetText(row.Name + " · " + row.Phase)
			case id.Col == n-1:
				l.TextStyle.Bold = true
				l.Importance = statusImportance(row.Status)
				l.SetText(statusWords(row))
			default:
				c := accountColumns[id.Col-1].cell(row)
				l.Importance = commitmentImportance(c)
				l.SetText(commitmentWords(c))
			}
		},
	)
	labelHeader(t, n, func(i int) (string, float32) {
		switch {
		case i == 0:
			return "Resident", 150
		case i == n-1:
			return "This week", 150
		}
		c := accountColumns[i-1]
		return c.title, c.width
	})
	return t
}

// commitmentWords is a cell in words: "3 of 5", "on time", "none asked";
// a week still running says "so far".
func commitmentWords(c data.Commitment) string {
	switch {
	case !c.Applies:
		return "—"
	case c.Open && !c.Met:
		return c.Text + " so far"
	case c.Met:
		return "✓ " + c.Text
	}
	return c.Text
}

func commitmentImportance(c data.Commitment) widget.Importance {
	if c.Applies && !c.Met && !c.Open {
		return widget.WarningImportance
	}
	return widget.MediumImportance
}

func statusImportance(s data.AccountStatus) widget.Importance {
	if s == data.CheckInWithMe {
		return widget.WarningImportance
	}
	return widget.SuccessImportance
}

// statusWords is the row's status, with open agreements counted, never
// described.
func statusWords(r data.AccountabilityRow) string {
	s := string(r.Status)
	if r.OpenAgreements > 0 {
		s += " · " + countNoun(r.OpenAgreements, "open agreement")
	}
	return s
}

// ---- partners --------------------------------------------------------------

// partnersTab is this week's accountability partners.
type partnersTab struct {
	u      *UI
	lines  *widget.Label
	status *widget.Label
}

func newPartnersTab(u *UI) *partnersTab { return &partnersTab{u: u} }

func (t *partnersTab) view() fyne.CanvasObject {
	t.lines = widget.NewLabel("")
	t.lines.Wrapping = fyne.TextWrapWord
	t.status = widget.NewLabel("")
	t.status.Wrapping = fyne.TextWrapWord
	about := widget.NewLabel("Each resident has a partner (a group of three when the count is odd) to check in with during the week. " +
		"Nobody is paired with the same partner again within a few weeks, and a mentor and mentee are not made partners.")
	about.Wrapping = fyne.TextWrapWord
	generate := widget.NewButtonWithIcon("Make this week's partners", theme.ViewRefreshIcon(), t.generate)
	generate.Importance = widget.HighImportance
	t.reload()
	return container.NewBorder(container.NewVBox(about, container.NewHBox(generate), t.status), nil, nil, nil,
		container.NewVScroll(t.lines))
}

func (t *partnersTab) generate() {
	st := t.u.store
	if _, err := st.GeneratePartners(t.u.actor(), st.Today(), st.Mentors()); err != nil {
		t.u.showProblem("No partners made", err)
		return
	}
	t.status.SetText("Partners made for this week. Locked groups were kept.")
	t.reload()
}

// reload lists the groups by name, and who was left out and why.
func (t *partnersTab) reload() {
	st := t.u.store
	w, err := st.Partners(st.Today())
	if err != nil {
		t.lines.SetText(problemText(err))
		return
	}
	if len(w.Groups) == 0 {
		t.lines.SetText("No partners yet this week.")
		return
	}
	names := map[string]string{}
	if rs, err := st.Residents(); err == nil {
		for _, r := range rs {
			names[r.ID] = r.Display()
		}
	}
	var out []string
	for _, g := range w.Groups {
		var ns []string
		for _, id := range g.Members {
			ns = append(ns, names[id])
		}
		line := strings.Join(ns, " · ")
		if g.Locked {
			line += " (locked)"
		}
		out = append(out, line)
	}
	for _, l := range w.LeftOut {
		out = append(out, fmt.Sprintf("Not paired this week: %s (%s)", names[l.ResidentID], l.Why))
	}
	t.lines.SetText(strings.Join(out, "\n"))
}
