package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"porchlight/data"
)

// The Partners tab's Settings… edits how the house pairs: a mistyped
// number is named at its field and nothing is saved; good values are kept;
// with pairing turned off, Generate says so instead of pairing.
func TestPartnerSettingsForm(t *testing.T) {
	u, _ := accountHouse(t)
	meetingSection(t, u, "Accountability")
	var tabs *container.AppTabs
	walk(u.win.Content(), func(o fyne.CanvasObject) {
		if at, ok := o.(*container.AppTabs); ok && tabs == nil {
			tabs = at
		}
	})
	tabs.SelectIndex(1) // Partners
	test.Tap(findButton(t, u, "Settings…"))
	savePNG(t, u.win, "partner-settings.png")
	typeIn(t, u, data.FieldNoRepeatWeeks, "four")
	test.Tap(findButton(t, u, "Save"))
	if msg := messageAt(t, u, data.FieldNoRepeatWeeks); !strings.Contains(msg, "whole number") {
		t.Fatalf("message at the weeks field: %q", msg)
	}
	if ps, _ := u.store.PartnerSettings(); ps != data.DefaultPartnerSettings() {
		t.Fatalf("saved despite the mistake: %+v", ps)
	}
	typeIn(t, u, data.FieldNoRepeatWeeks, "6")
	typeIn(t, u, data.FieldDaysNeeded, "9")
	test.Tap(findButton(t, u, "Save"))
	if msg := messageAt(t, u, data.FieldDaysNeeded); !strings.Contains(msg, "between 1 and 7") {
		t.Fatalf("message at the days field: %q", msg)
	}
	typeIn(t, u, data.FieldDaysNeeded, "3")
	field[*widget.Check](t, u, partnerFieldPair).SetChecked(false)
	test.Tap(findButton(t, u, "Save"))
	ps, _ := u.store.PartnerSettings()
	if ps.NoRepeatWeeks != 6 || ps.DaysNeeded != 3 || !ps.Disabled || dialogOpen(u) {
		t.Fatalf("saved %+v, dialog open %v", ps, dialogOpen(u))
	}
	test.Tap(findButton(t, u, "Generate"))
	if got := dialogText(u); !strings.Contains(got, "does not pair") {
		t.Fatalf("Generate with pairing off says:\n%s", got)
	}
}
