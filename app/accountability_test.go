package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"porchlight/data"
)

// accountHouse is a set-up house with one resident in Phase 1 and the
// manager's shell on show.
func accountHouse(t *testing.T) (*UI, data.Resident) {
	t.Helper()
	u := newTestUI(t)
	setUpHouse(t, u)
	h, _ := u.store.House()
	r, err := u.store.AddResident(data.System, data.Resident{First: "Paweł", Last: "Kowalczyk", Phase: "Phase 1",
		BedID: h.Beds[0].ID, MoveIn: u.store.Today().AddDays(-40), Sobriety: u.store.Today().AddDays(-60)})
	if err != nil {
		t.Fatal(err)
	}
	u.showShell()
	u.win.Resize(fyne.NewSize(1400, 900))
	return u, r
}

// dialogText is every text shown in dialogs, as one string.
func dialogText(u *UI) string { return strings.Join(overlayTexts(u), "\n") }

func TestAccountabilityRosterShowsAResidentsFigures(t *testing.T) {
	u, r := accountHouse(t)
	today := u.store.Today()
	loc := u.store.Now().Location()
	for d := range 2 {
		day := today
		if w, _ := u.store.House(); true {
			from, _ := w.Week(today)
			day = from.AddDays(d)
		}
		if _, err := u.store.LogOutsideMeeting(data.System, data.OutsideMeeting{ResidentID: r.ID, Pathway: "AA", Name: "Noon group", At: day.At(12, 0, loc)}); err != nil {
			t.Fatal(err)
		}
	}
	meetingSection(t, u, "Accountability")
	all := strings.Join(screenTexts(u), "\n")
	for _, want := range []string{"Paweł K.", "2 of 5", "on time", "1 resident:"} {
		if !strings.Contains(all, want) {
			t.Errorf("the roster does not show %q:\n%s", want, all)
		}
	}
	for _, never := range []string{"failed", "violation", "dirty"} {
		if strings.Contains(strings.ToLower(all), never) {
			t.Errorf("the roster says %q", never)
		}
	}
}

func TestPhaseEditWithABadValueShowsAtTheFieldAndSavesNothing(t *testing.T) {
	u, _ := accountHouse(t)
	before, _ := u.store.Phases()
	meetingSection(t, u, "Settings")
	selectTab(t, u, "Phases")
	test.Tap(findButton(t, u, "Edit…"))
	var days *entry
	top := u.win.Canvas().Overlays().Top()
	walk(top, func(o fyne.CanvasObject) {
		if f, ok := o.(*widget.Form); ok {
			for _, it := range f.Items {
				if it.Text == data.FieldDaysInPhase {
					walk(it.Widget, func(o fyne.CanvasObject) {
						if e, ok := o.(*entry); ok && days == nil {
							days = e
						}
					})
				}
			}
		}
	})
	if days == nil {
		t.Fatal("no Days in phase field in the phase dialog")
	}
	days.SetText("-1")
	test.Tap(findButton(t, u, "Save"))
	if !strings.Contains(dialogText(u), "Cannot be below 0; it could never be met") {
		t.Fatalf("no message at the field:\n%s", dialogText(u))
	}
	after, _ := u.store.Phases()
	if after[0].Criteria.DaysInPhase != before[0].Criteria.DaysInPhase {
		t.Error("the bad value was saved")
	}
	days.SetText("abc")
	test.Tap(findButton(t, u, "Save"))
	if !strings.Contains(dialogText(u), "Enter a whole number") {
		t.Errorf("a word in a number field is not explained:\n%s", dialogText(u))
	}
}

func TestPhaseDeleteRefusedWhileHeldNamesWho(t *testing.T) {
	u, _ := accountHouse(t)
	meetingSection(t, u, "Settings")
	selectTab(t, u, "Phases")
	test.Tap(findButton(t, u, "Edit…")) // Phase 1, which Paweł holds
	test.Tap(findButton(t, u, "Delete phase"))
	test.Tap(findButton(t, u, "Delete"))
	if !strings.Contains(dialogText(u), "Phase 1 is held by Paweł K.") {
		t.Fatalf("the refusal is not at the field:\n%s", dialogText(u))
	}
	if ps, _ := u.store.Phases(); ps[0].Name != "Phase 1" {
		t.Error("the phase was deleted")
	}
}

func TestMoveUpWithNoReasonIsRefusedAtTheField(t *testing.T) {
	u, r := accountHouse(t)
	u.win.SetContent(u.residentsView())
	u.screens.residents.openForm(r)
	if rec := strings.Join(screenTexts(u), "\n"); !strings.Contains(rec, "Phase: Phase 1") {
		t.Fatal("the record does not show the phase's criteria")
	}
	test.Tap(findButton(t, u, "Move up…"))
	if !strings.Contains(dialogText(u), "something to celebrate") {
		t.Errorf("a move up does not say it is something to celebrate:\n%s", dialogText(u))
	}
	test.Tap(findButton(t, u, "Move up"))
	if !strings.Contains(dialogText(u), "Write a short reason") {
		t.Fatalf("no message at the reason:\n%s", dialogText(u))
	}
	if got, _ := u.store.Resident(r.ID); got.Phase != "Phase 1" {
		t.Fatalf("moved without a reason: now %s", got.Phase)
	}
	var reason *entry
	walk(u.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if e, ok := o.(*entry); ok && e.MultiLine && reason == nil {
			reason = e
		}
	})
	reason.SetText("Met every criterion")
	test.Tap(findButton(t, u, "Move up"))
	if got, _ := u.store.Resident(r.ID); got.Phase != "Phase 2" {
		t.Fatalf("not moved with a reason: %s", got.Phase)
	}
	if u.screens.residentForm.phase.Selected != "Phase 2" {
		t.Error("the record's phase field still shows the old phase")
	}
}

func TestTestLogSaysItIsAuditedAndWritesTheEntry(t *testing.T) {
	u, r := accountHouse(t)
	u.manager = data.Manager{ID: "m1", Name: "Ana Núñez"}
	if _, err := u.store.RecordTest(u.actor(), data.DrugTest{ResidentID: r.ID, Date: u.store.Today(), Kind: data.TestBreath, ObservedBy: "Ana", Result: data.ResultNegative}); err != nil {
		t.Fatal(err)
	}
	u.showTestLog(r)
	texts := dialogText(u)
	if !strings.Contains(texts, "written to the audit log") || !strings.Contains(texts, "negative") {
		t.Fatalf("the log does not say it is audited or lacks the test:\n%s", texts)
	}
	es, _, _ := u.store.AuditPage(nil, 50)
	if len(es) == 0 || es[0].Action != "drugtest.view" {
		t.Error("opening the log wrote no audit entry")
	}
}

func TestKioskPartnerShowsOnlyTheirPartnerNeverTestsOrIncidents(t *testing.T) {
	fx := newKioskFixture(t)
	st := fx.u.store
	majo, thanh := fx.rs[0], fx.rs[1]
	if _, err := st.SetPartners(data.System, st.Today(), []data.PartnerGroup{{Members: []string{majo.ID, thanh.ID}}}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.RecordTest(data.System, data.DrugTest{ResidentID: majo.ID, Date: st.Today(), Kind: data.TestUrine, ObservedBy: "Ana", Result: data.ResultPositive, Substances: []string{"buprenorphine"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.SaveIncident(data.System, data.Incident{ResidentID: thanh.ID, Date: st.Today(), Kind: data.IncidentConflict, What: "Argued in the kitchen", Agreement: "Talk it through on Friday"}); err != nil {
		t.Fatal(err)
	}
	fx.openResident(t, 0)
	all := strings.Join(screenTexts(fx.u), "\n")
	if !strings.Contains(all, "Your partner this week: Thanh N.") {
		t.Fatalf("the partner line is missing:\n%s", all)
	}
	check := func(step string) {
		fx.assertKioskSafe(t, step, -1)
		all := strings.Join(screenTexts(fx.u), "\n")
		for _, never := range []string{"buprenorphine", "positive", "negative", "urine", "Argued", "Talk it through", "incident", "agreement", "conflict", "check in with them", " of 5"} {
			if strings.Contains(all, never) {
				t.Errorf("%s: the kiosk shows %q", step, never)
			}
		}
	}
	check("resident page")
	test.Tap(findButton(t, fx.u, "I checked in with my partner"))
	if mp, _ := st.MyPartners(majo.ID); !mp.CheckedInToday {
		t.Fatal("the check-in was not recorded")
	}
	if !strings.Contains(strings.Join(screenTexts(fx.u), "\n"), "Checked in with Thanh N. today") {
		t.Error("no thanks after the check-in")
	}
	check("after the check-in")
}

// The House tab no longer edits phases; saving it keeps the phase records.
func TestHouseTabSaveKeepsThePhases(t *testing.T) {
	u, _ := accountHouse(t)
	if _, err := u.store.SavePhase(data.System, data.Phase{Name: "Phase 4"}); err != nil {
		t.Fatal(err)
	}
	meetingSection(t, u, "Settings")
	if strings.Contains(strings.Join(screenTexts(u), "\n"), "separated by commas") {
		t.Error("the House tab still has the phases field")
	}
	test.Tap(findButton(t, u, "Save house settings"))
	if !hasText(u, "Saved.") {
		t.Fatal("the house settings were not saved")
	}
	ps, _ := u.store.Phases()
	if len(ps) != 4 || ps[3].Name != "Phase 4" {
		t.Errorf("saving the House tab changed the phases: %v", ps)
	}
}

// The roster shows each resident's last eight weeks as a sparkline with
// the share in words beside it, and the whole house's twelve weeks as a
// bar chart with each week's percentage and date.
func TestAccountabilityRosterShowsTrends(t *testing.T) {
	u, r := accountHouse(t)
	h, _ := u.store.House()
	from, _ := h.Week(u.store.Today())
	loc := u.store.Now().Location()
	for w := 1; w <= 3; w++ { // three outside meetings in each of the last three weeks
		for d := range 3 {
			at := from.AddDays(-7*w+d).At(19, 0, loc)
			if _, err := u.store.LogOutsideMeeting(data.System, data.OutsideMeeting{ResidentID: r.ID, Pathway: "AA", Name: "Evening group", At: at}); err != nil {
				t.Fatal(err)
			}
		}
	}
	meetingSection(t, u, "Accountability")
	all := strings.Join(screenTexts(u), "\n")
	for _, want := range []string{"Last 8 weeks", "% met", "Commitments met by the whole house, the last 12 weeks ("} {
		if !strings.Contains(all, want) {
			t.Errorf("the roster does not show %q:\n%s", want, all)
		}
	}
	var charts []*barChart
	walk(u.win.Content(), func(o fyne.CanvasObject) {
		if c, ok := o.(*barChart); ok && len(c.shares) > 0 {
			charts = append(charts, c)
		}
	})
	var house, spark *barChart
	for _, c := range charts {
		if c.withLabels {
			house = c
		} else {
			spark = c
		}
	}
	if house == nil || len(house.shares) != houseWeeks || spark == nil || len(spark.shares) != sparkWeeks {
		t.Fatalf("charts: house %v, sparkline %v", house, spark)
	}
	// Weeks before Paweł moved in count nothing; the weeks with meetings do.
	if spark.shares[0].Of != 0 || spark.shares[sparkWeeks-2].Of == 0 {
		t.Errorf("sparkline weeks: %+v", spark.shares)
	}
	savePNG(t, u.win, "accountability-trends.png")
}
