package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"porchlight/data"
)

// partnerPanel is the resident's own accountability partner at the kiosk:
// "Your partner this week: Søren T." and a big "I checked in with my
// partner" button. Nothing else about anyone: no figures, no tests, no
// incidents. Empty when they have no partner this week.
func (kr *kioskResident) partnerPanel() fyne.CanvasObject {
	k := kr.k
	mp, err := k.u.store.MyPartners(kr.r.ID)
	if err != nil || len(mp.Names) == 0 {
		return container.NewVBox()
	}
	who := "Your partner this week: "
	if len(mp.Names) > 1 {
		who = "Your partners this week: "
	}
	label := kioskLabel(who+joinAnd(mp.Names), theme.SizeNameText) // short names end in "."
	text := "I checked in with my partner"
	if mp.CheckedInToday {
		text = "Checked in today"
	}
	btn, box := k.u.kioskButton(text, theme.ConfirmIcon(), kioskActionWidth, func() { kr.checkInWithPartner(mp) })
	if mp.CheckedInToday {
		btn.Disable()
	}
	return container.NewVBox(kioskGap(8), label, box)
}

// checkInWithPartner records today's check-in and thanks them.
func (kr *kioskResident) checkInWithPartner(mp data.MyPartners) {
	k := kr.k
	if _, err := k.u.store.CheckInWithPartner(data.KioskActor(kr.r), kr.r.ID); err != nil {
		k.showConfirm("Not recorded", "Your check-in could not be recorded. Please tell the house manager.", widget.WarningImportance)
		return
	}
	k.showConfirm("Thank you", "Checked in with "+strings.Join(mp.Names, " and ")+" today", widget.SuccessImportance)
}
