package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"porchlight/data"
)

// The Accountability section (manager mode): the week's accountability
// roster, this week's partners, and incidents with their agreements. A
// resident's advancement (advancement.go) and test log (testlog.go) open
// from a roster row and from their record. Words on every screen are
// respectful: "check in with them", never "failed" or "violation".

// accountabilityPage is the section: three tabs.
type accountabilityPage struct {
	u         *UI
	tabs      *container.AppTabs
	roster    *accountRosterTab
	partners  *partnersTab
	incidents *incidentsTab
}

func (u *UI) accountabilityView() fyne.CanvasObject {
	p := &accountabilityPage{u: u}
	p.roster = newAccountRosterTab(u)
	p.partners = newPartnersTab(u)
	p.incidents = newIncidentsTab(u)
	p.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon("This week", theme.GridIcon(), p.roster.view()),
		container.NewTabItemWithIcon("Partners", theme.AccountIcon(), p.partners.view()),
		container.NewTabItemWithIcon("Incidents", theme.WarningIcon(), p.incidents.view()),
	)
	p.tabs.OnSelected = func(*container.TabItem) { p.reload() }
	p.reload()
	return container.NewBorder(heading("Accountability"), nil, nil, nil, p.tabs)
}

// reload refreshes the tab on show: another tab may have changed it.
func (p *accountabilityPage) reload() {
	p.u.onEscape(nil)
	switch p.tabs.SelectedIndex() {
	case 0:
		p.roster.reload()
	case 1:
		p.partners.reload()
	case 2:
		p.incidents.reload()
	}
}

// weekNav is "◀ Previous week · 23 Nov to 29 Nov · Next week ▶ · This week",
// shared by the roster and the partners tab.
type weekNav struct {
	day   data.Date
	label *widget.Label
	box   *fyne.Container
}

func newWeekNav(today data.Date, changed func()) *weekNav {
	n := &weekNav{day: today, label: widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})}
	prev := widget.NewButtonWithIcon("Previous week", theme.NavigateBackIcon(), func() { n.day = n.day.AddDays(-7); changed() })
	next := widget.NewButtonWithIcon("Next week", theme.NavigateNextIcon(), func() { n.day = n.day.AddDays(7); changed() })
	now := widget.NewButton("This week", func() { n.day = today; changed() })
	n.box = container.NewHBox(prev, n.label, next, now)
	return n
}

// show names the week shown, and lays the row out again for the name's
// width (a tab shown later would otherwise draw it over its buttons).
func (n *weekNav) show(from, to data.Date) {
	n.label.SetText(from.Pretty() + " to " + to.Pretty())
	n.box.Refresh()
}

// statusImportance is a status's colour; the text always says it in words.
func statusImportance(s data.AccountStatus) widget.Importance {
	if data.StatusColour(s) == "success" {
		return widget.SuccessImportance
	}
	return widget.WarningImportance
}
