package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"porchlight/data"
)

// accountRosterTab is the week's accountability roster: one row per
// resident who lived in the house that week, a cell per commitment in
// words (with colour beside the words, never instead of them), and the
// week's status. "Check in with them" rows stand out; tapping a row opens
// the resident's advancement.
type accountRosterTab struct {
	u       *UI
	nav     *weekNav
	table   *widget.Table
	summary *widget.Label
	ro      data.AccountabilityRoster
	// trends are each resident's weeks by ID, house the house's share by
	// week (accountability_trends.go)
	trends    map[string][]data.WeekShare
	house     *barChart
	houseText *widget.Label
	cells     map[fyne.CanvasObject]*trendCell
}

// accountColumns are the roster's columns: title and width.
var accountColumns = []struct {
	title string
	width float32
}{
	{"Resident", 110}, {"This week", 225}, {"Last 8 weeks", 170}, {"Outside meetings", 135}, {"House meeting", 120},
	{"Chores", 140}, {"Curfew", 85}, {"Mentor", 110}, {"Partner", 140},
}

// trendColumn is the sparkline's column; the commitments follow it.
const trendColumn = 2

func newAccountRosterTab(u *UI) *accountRosterTab {
	t := &accountRosterTab{u: u, summary: widget.NewLabel(""), cells: map[fyne.CanvasObject]*trendCell{},
		house: newBarChart(houseWeeks, 14, 8, 48, true), houseText: widget.NewLabel("")}
	t.summary.Wrapping = fyne.TextWrapWord
	t.nav = newWeekNav(u.store.Today(), t.reload)
	t.table = widget.NewTable(
		func() (int, int) { return len(t.ro.Rows), len(accountColumns) },
		func() fyne.CanvasObject {
			c := newTrendCell()
			t.cells[c.root] = c
			return c.root
		},
		t.updateCell,
	)
	labelHeader(t.table, len(accountColumns), func(i int) (string, float32) { return accountColumns[i].title, accountColumns[i].width })
	t.table.OnSelected = func(id widget.TableCellID) {
		t.table.UnselectAll()
		if id.Row >= 0 && id.Row < len(t.ro.Rows) {
			t.u.showAdvancement(t.ro.Rows[id.Row].ResidentID, t.reload)
		}
	}
	return t
}

func (t *accountRosterTab) view() fyne.CanvasObject {
	note := widget.NewLabel("Each cell says how the week went in words. Tap a resident to see their phase's criteria and move them up or down.")
	note.Wrapping = fyne.TextWrapWord
	house := container.NewVBox(t.houseText, container.NewHBox(t.house))
	return container.NewBorder(container.NewVBox(t.nav.box, t.summary, house), note, nil, nil, t.table)
}

func (t *accountRosterTab) reload() {
	ro, err := t.u.store.AccountabilityRoster(t.nav.day, t.u.store.Mentors())
	if err != nil {
		t.summary.SetText("The roster could not be read: " + err.Error())
		return
	}
	t.ro = ro
	t.nav.show(ro.From, ro.To)
	t.summary.SetText(rosterSummary(ro))
	t.reloadTrends()
	t.table.Refresh()
}

// reloadTrends reads the twelve weeks up to the one shown.
func (t *accountRosterTab) reloadTrends() {
	per, house, err := t.u.store.AccountabilityTrends(t.nav.day, houseWeeks, t.u.store.Mentors())
	if err != nil {
		t.trends = nil
		t.houseText.SetText("The last weeks could not be read.")
		t.house.set(nil)
		return
	}
	t.trends = per
	t.house.set(house)
	text := "Commitments met, the whole house, the last 12 weeks:"
	if pct, ok := trendShare(house); ok {
		text = fmt.Sprintf("Commitments met by the whole house, the last 12 weeks (%s in all):", pct)
	}
	t.houseText.SetText(text)
}

// rosterSummary is "12 residents: 9 on track, 3 to check in with. 34 of 48 commitments met so far."
func rosterSummary(ro data.AccountabilityRoster) string {
	if len(ro.Rows) == 0 {
		return "Nobody lived in the house this week."
	}
	check := 0
	for _, r := range ro.Rows {
		if r.Status != data.OnTrack {
			check++
		}
	}
	met, of := ro.Share()
	so := ""
	if ro.Running {
		so = " so far; the week is still running"
	}
	return fmt.Sprintf("%s: %d on track, %d to check in with. %d of %d commitments met%s.",
		plural(len(ro.Rows), "resident"), len(ro.Rows)-check, check, met, of, so)
}

func (t *accountRosterTab) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	cell := t.cells[o]
	if cell == nil || id.Row >= len(t.ro.Rows) {
		return
	}
	r := t.ro.Rows[id.Row]
	if id.Col == trendColumn {
		cell.showTrend(lastWeeks(t.trends[r.ResidentID], sparkWeeks))
		return
	}
	l := cell.showLabel()
	l.TextStyle = fyne.TextStyle{}
	switch id.Col {
	case 0:
		l.Text, l.Importance = r.Name, widget.MediumImportance
		if r.Status != data.OnTrack {
			l.TextStyle.Bold, l.Importance = true, widget.WarningImportance
		}
	case 1:
		l.Text, l.Importance = accountStatusText(r), statusImportance(r.Status)
		l.TextStyle.Bold = r.Status != data.OnTrack
	default:
		c := r.Commitments()[id.Col-trendColumn-1]
		l.Text, l.Importance = commitmentText(c)
	}
	l.Refresh()
}

// accountStatusText is the status in words, with any open agreement counted.
func accountStatusText(r data.AccountabilityRow) string {
	s := string(r.Status)
	if s == string(data.CheckInWithMe) {
		s = "Check in with them"
	} else {
		s = "On track"
	}
	if at := r.AgreementsText(); at != "" {
		s += " · " + at
	}
	return s
}

// commitmentText is a cell in words: "3 of 5 · met", "1 of 3 · so far",
// "0 of 3 · check in"; the colour only repeats what the words say.
func commitmentText(c data.Commitment) (string, widget.Importance) {
	switch {
	case !c.Applies && c.Have == 0 && c.Need == 0 && c.Text == "0":
		return "none asked", widget.LowImportance
	case !c.Applies:
		return c.Text, widget.LowImportance
	case c.Met && c.Name == "Curfew":
		return c.Text, widget.SuccessImportance // "on time" says it
	case c.Met:
		return c.Text + " · met", widget.SuccessImportance
	case c.Open:
		return c.Text + " · so far", widget.MediumImportance
	}
	return c.Text + " · check in", widget.WarningImportance
}
