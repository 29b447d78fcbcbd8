package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"porchlight/data"
)

// section is one entry of the manager navigation. Each screen file adds
// its section to sections(); there are no placeholder sections.
type section struct {
	title string
	icon  fyne.Resource
	build func() fyne.CanvasObject
}

func (u *UI) sections() []section {
	return []section{
		{"Dashboard", theme.HomeIcon(), u.dashboardView},
		{"Residents", theme.AccountIcon(), u.residentsView},
		{"Sign-outs", theme.LogoutIcon(), u.signoutsView},
		{"Meetings", theme.CalendarIcon(), u.meetingsView},
		{"Chores", theme.CheckButtonCheckedIcon(), u.choresView},
		{"Accountability", theme.ConfirmIcon(), u.accountabilityView},
		{"Mentors", theme.ListIcon(), u.mentorsView},
		{"Reports", theme.DocumentPrintIcon(), u.reportsView},
		{"Settings", theme.SettingsIcon(), u.settingsView},
	}
}

// shell is the manager window: navigation on the left, the chosen section
// on the right, and a top bar with the house, the manager and Log out.
type shell struct {
	u       *UI
	nav     *widget.List
	content *fyne.Container
	current string
}

func (u *UI) showShell() {
	s := &shell{u: u, content: container.NewStack()}
	secs := u.sections()
	s.nav = widget.NewList(
		func() int { return len(secs) },
		func() fyne.CanvasObject {
			return container.NewHBox(widget.NewIcon(theme.HomeIcon()), widget.NewLabel("Accountability"))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			row := o.(*fyne.Container)
			row.Objects[0].(*widget.Icon).SetResource(secs[i].icon)
			row.Objects[1].(*widget.Label).SetText(secs[i].title)
		},
	)
	s.nav.OnSelected = func(i widget.ListItemID) {
		if secs[i].title == s.current {
			return
		}
		if !u.leaveScreen() {
			s.nav.Select(s.index(secs)) // stay: the unsaved work shows why
			return
		}
		s.show(secs[i])
	}
	top := u.topBar()
	// The navigation is as wide as its longest title and the section
	// has the rest of the window: a split gave a section wider than the
	// window the navigation's room ("Accountabilit" at 800 px), and a
	// sideways scroll laid a section out wider than the window.
	floor := canvas.NewRectangle(color.Transparent)
	floor.SetMinSize(fyne.NewSize(navWidth(secs), 0))
	nav := container.NewHBox(container.NewStack(floor, s.nav), widget.NewSeparator())
	u.setContent(container.NewBorder(top, nil, nil, nil, container.NewBorder(nil, nil, nav, nil, s.content)))
	u.inShell = true
	u.screens.shell = s
	s.nav.Select(0)
}

// navWidth is the width a navigation row needs for its icon and the
// longest title, with the list's padding and scroll bar.
func navWidth(secs []section) float32 {
	var w float32
	for _, sec := range secs {
		w = max(w, fyne.MeasureText(sec.title, theme.TextSize(), fyne.TextStyle{}).Width)
	}
	return w + theme.IconInlineSize() + 2*theme.InnerPadding() + 3*theme.Padding() + theme.ScrollBarSize()
}

// goToSection shows the named section, as choosing it in the navigation
// would (a dashboard line leads to its section).
func (u *UI) goToSection(title string) {
	s := u.screens.shell
	if s == nil {
		return
	}
	for i, sec := range u.sections() {
		if sec.title == title {
			s.nav.Select(i)
			return
		}
	}
}

// index is the position of the current section.
func (s *shell) index(secs []section) int {
	for i, sec := range secs {
		if sec.title == s.current {
			return i
		}
	}
	return 0
}

// leaveScreen saves a screen's unsaved work before leaving it; false
// means it could not be saved and the screen should stay.
func (u *UI) leaveScreen() bool {
	if u.beforeLeave != nil && !u.beforeLeave() {
		return false
	}
	u.beforeLeave = nil
	return true
}

func (s *shell) show(sec section) {
	s.u.touch()
	s.u.setScreenKeys(nil) // the last section's keys go with it
	s.current = sec.title
	s.content.Objects = []fyne.CanvasObject{sec.build()}
	s.content.Refresh()
}

// topBar shows the house, who is logged in, and Log out.
func (u *UI) topBar() fyne.CanvasObject {
	house := "Porchlight"
	if h, err := u.store.House(); err == nil {
		house = h.Name
	}
	title := widget.NewLabelWithStyle(house, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	who := "Recovery key session"
	if u.manager.ID != "" {
		who = "Manager: " + u.manager.Name
	}
	logout := widget.NewButtonWithIcon("Log out", theme.LogoutIcon(), u.logOut)
	bar := container.NewBorder(nil, nil, title, container.NewHBox(widget.NewLabel(who), logout))
	if u.opts.Demo {
		demo := widget.NewLabel("Demo house: a throwaway copy, deleted when you close the app.")
		demo.Importance = widget.WarningImportance
		return container.NewVBox(bar, demo, widget.NewSeparator())
	}
	return container.NewVBox(bar, widget.NewSeparator())
}

// logOut returns to the kiosk; the store stays open so the residents (and
// the next manager, through the kiosk's manager log-in) can carry on.
func (u *UI) logOut() {
	u.leaveScreen() // save what can be saved; an idle log-out goes ahead regardless
	u.beforeLeave = nil
	u.closeOverlays()
	u.session++
	u.manager = data.Manager{}
	if u.store != nil {
		u.store.EndSession()
		u.backupAfterChanges()
	}
	u.showKiosk()
}

// closeOverlays takes every dialog and pop-up off the window, so nothing a
// manager opened stays usable at the kiosk once they are logged out.
func (u *UI) closeOverlays() {
	ov := u.win.Canvas().Overlays()
	for top := ov.Top(); top != nil; top = ov.Top() {
		top.Hide()
		ov.Remove(top)
	}
}
