package app

import (
	"os"
	"os/exec"
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

// Print sheet… writes the week's partners, by the names the house uses,
// to a private PDF and says where.
func TestPartnerSheetPrinted(t *testing.T) {
	u, r := accountHouse(t)
	h, _ := u.store.House()
	other, err := u.store.AddResident(data.System, data.Resident{First: "Søren", Last: "Kierkegaard", Phase: "Phase 1",
		BedID: h.Beds[1].ID, MoveIn: u.store.Today().AddDays(-30)})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := u.store.SetPartners(data.System, u.store.Today(), []data.PartnerGroup{{Members: []string{r.ID, other.ID}}}); err != nil {
		t.Fatal(err)
	}
	meetingSection(t, u, "Accountability")
	var tabs *container.AppTabs
	walk(u.win.Content(), func(o fyne.CanvasObject) {
		if at, ok := o.(*container.AppTabs); ok && tabs == nil {
			tabs = at
		}
	})
	tabs.SelectIndex(1)
	test.Tap(findButton(t, u, "Print sheet…"))
	test.Tap(findButton(t, u, "Save and open"))
	status := strings.Join(screenTexts(u), "\n")
	i := strings.Index(status, "Partner sheet saved to ")
	if i < 0 {
		t.Fatalf("no word of where the sheet went:\n%s", status)
	}
	path := strings.TrimSuffix(strings.SplitN(status[i+len("Partner sheet saved to "):], "\n", 2)[0], ".")
	info, err := os.Stat(path)
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("the sheet at %s: %v, %v", path, info, err)
	}
	defer os.Remove(path)
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Skip("pdftotext:", err)
	}
	if text := strings.Join(strings.Fields(string(out)), " "); !strings.Contains(text, "Paweł K. and Søren K.") {
		t.Errorf("the sheet says:\n%s", out)
	}
}
