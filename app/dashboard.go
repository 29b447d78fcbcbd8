package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// dashboardView is the manager's first screen: how full the house is and
// what to celebrate this week. Later sections add their cards to
// dashboardCards.
func (u *UI) dashboardView() fyne.CanvasObject {
	today := u.store.Today()
	title := heading("Dashboard · " + today.Pretty())
	grid := container.NewGridWithColumns(2, u.dashboardCards()...)
	return container.NewBorder(container.NewVBox(title, u.backupWarning()), nil, nil, nil, container.NewVScroll(grid))
}

func (u *UI) dashboardCards() []fyne.CanvasObject {
	return []fyne.CanvasObject{
		u.occupancyCard(),
		u.outNowCard(),
		u.milestonesCard(),
		u.nextMeetingCard(),
		u.choresCard(),
		u.mentorsCard(),
		u.accountabilityCard(),
	}
}

// occupancyCard shows beds filled over beds and the free beds by name.
func (u *UI) occupancyCard() fyne.CanvasObject {
	h, err := u.store.House()
	if err != nil {
		return errorCard("Occupancy", err)
	}
	occ, err := u.store.Occupancy()
	if err != nil {
		return errorCard("Occupancy", err)
	}
	big := widget.NewLabelWithStyle(fmt.Sprintf("%d / %d beds filled", len(occ), len(h.Beds)), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	big.SizeName = theme.SizeNameHeadingText
	var free []string
	for _, b := range h.Beds {
		if _, taken := occ[b.ID]; !taken {
			free = append(free, b.Label())
		}
	}
	detail := "Every bed is filled."
	if len(free) > 0 {
		detail = fmt.Sprintf("Free: %s", joinMax(free, 8))
	}
	d := widget.NewLabel(detail)
	d.Wrapping = fyne.TextWrapWord
	return widget.NewCard("Occupancy", "Who is in the house", container.NewVBox(big, d))
}

// milestonesCard lists the milestones falling in this house week.
func (u *UI) milestonesCard() fyne.CanvasObject {
	h, err := u.store.House()
	if err != nil {
		return errorCard("Milestones this week", err)
	}
	from, to := h.Week(u.store.Today())
	cs, err := u.store.MilestonesIn(from, to)
	if err != nil {
		return errorCard("Milestones this week", err)
	}
	sub := fmt.Sprintf("%s to %s", from.Pretty(), to.Pretty())
	if len(cs) == 0 {
		return widget.NewCard("Milestones this week", sub, widget.NewLabel("No milestones this week."))
	}
	list := widget.NewList(
		func() int { return len(cs) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			c := cs[i]
			o.(*widget.Label).SetText(fmt.Sprintf("%s · %s · %s", c.Milestone.Date.Pretty(), c.Resident.Display(), c.Milestone.Name))
		},
	)
	return widget.NewCard("Milestones this week", sub, container.NewGridWrap(fyne.NewSize(460, 200), list))
}

func errorCard(title string, err error) fyne.CanvasObject {
	l := errorLabel()
	l.SetText(err.Error())
	l.Show()
	return widget.NewCard(title, "", l)
}

// joinMax joins up to n items and says how many more there are.
func joinMax(items []string, n int) string {
	if len(items) <= n {
		return join(items)
	}
	return fmt.Sprintf("%s and %d more", join(items[:n]), len(items)-n)
}

func join(items []string) string { return strings.Join(items, ", ") }
