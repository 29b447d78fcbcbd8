package app

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"porchlight/data"
)

// Long, realistic values for the tables below: names from several
// languages and places as a house writes them.
const (
	longName  = "María José Núñez-Wiśniewska"
	longPlace = "Noon SMART Recovery group at the Community Center on Elm Street"
)

// assertNothingCut fails when a label under root ends in "…" or is
// clipped, and when want is not shown whole.
func assertNothingCut(t *testing.T, what string, root fyne.CanvasObject, want ...string) {
	t.Helper()
	if cut := cutLabels(root); len(cut) > 0 {
		t.Errorf("%s cuts %q", what, cut)
	}
	seen := strings.Join(textsIn(root), "\n")
	for _, w := range want {
		if !strings.Contains(seen, w) {
			t.Errorf("%s does not show %q whole", what, w)
		}
	}
}

// "Accountability" in the navigation is whole at an 800 px window.
func TestNavigationTitlesFitAt800(t *testing.T) {
	u, _ := choreHouse(t)
	u.win.Resize(fyne.NewSize(800, 600))
	u.showShell()
	for _, sec := range []string{"Dashboard", "Meetings", "Chores", "Accountability"} {
		u.goToSection(sec)
		assertNothingCut(t, "the navigation beside "+sec, u.screens.shell.nav, "Accountability")
		savePNG(t, u.win, "nav-800-"+sec+".png")
	}
}

// The chore list wraps a long chore and its area instead of ending them
// in "…".
func TestChoreListWrapsInsteadOfCutting(t *testing.T) {
	chore := data.Chore{Name: "Deep-clean the downstairs kitchen, fridge and both ovens", Area: "Kitchen and back porch by the laundry room",
		Effort: 3, People: 2, Frequency: data.Weekly, Weekday: time.Saturday, Active: true}
	u, _ := choreHouse(t, chore)
	lt := u.screens.chores.list
	u.screens.chores.selectTab(choreTabList)
	for _, size := range []fyne.Size{{Width: 800, Height: 600}, {Width: 1400, Height: 720}} {
		u.win.Resize(size)
		assertNothingCut(t, "the chore list", lt.table, chore.Name, chore.Area)
		savePNG(t, u.win, "chore-list-"+sizeName(size)+".png")
	}
}

func sizeName(s fyne.Size) string { return fmt.Sprintf("%.0f", s.Width) }

// The officers' table wraps a long name instead of ending it in "…".
func TestOfficersWrapInsteadOfCutting(t *testing.T) {
	u := meetingHouse(t)
	p := u.screens.meetings
	today := u.store.Today()
	o := data.Officer{Office: data.OfficePresident, Person: data.PersonRef{Name: longName}, TermStart: today, TermEnd: today.AddMonths(6).AddDays(-1)}
	if _, fe, err := u.store.SaveOfficer(data.System, o); err != nil || len(fe) > 0 {
		t.Fatal(err, fe)
	}
	p.officers.reload()
	selectTabNamed(t, u.win.Content(), "Officers")
	for _, size := range []fyne.Size{{Width: 800, Height: 600}, {Width: 1400, Height: 720}} {
		u.win.Resize(size)
		assertNothingCut(t, "the officers", p.officers.table, longName)
		savePNG(t, u.win, "officers-"+sizeName(size)+".png")
	}
}

// selectTabNamed selects the tab of that title in the first tab container
// under root that has one.
func selectTabNamed(t *testing.T, root fyne.CanvasObject, title string) {
	t.Helper()
	found := false
	walk(root, func(o fyne.CanvasObject) {
		if tabs, ok := o.(*container.AppTabs); ok && !found {
			for _, it := range tabs.Items {
				if it.Text == title {
					tabs.Select(it)
					found = true
				}
			}
		}
	})
	if !found {
		t.Fatalf("no tab %q", title)
	}
}

// The incidents' table wraps a resident's name instead of ending it in
// "…"; tapping a row opens the whole record (showIncident).
func TestIncidentsWrapInsteadOfCutting(t *testing.T) {
	u, rs := choreHouse(t)
	today := u.store.Today()
	if _, err := u.store.SaveIncident(data.System, data.Incident{ResidentID: rs[0].ID, Date: today.AddDays(-3), Kind: data.IncidentHouseRule,
		What: "Left the back door open after curfew", FollowUp: today.AddDays(-1)}); err != nil {
		t.Fatal(err)
	}
	u.showShell()
	u.goToSection("Accountability")
	selectTabNamed(t, u.win.Content(), "Incidents")
	for _, size := range []fyne.Size{{Width: 800, Height: 600}, {Width: 1400, Height: 720}} {
		u.win.Resize(size)
		var tab *widget.Table
		walk(u.win.Content(), func(o fyne.CanvasObject) {
			if tb, ok := o.(*widget.Table); ok && tb.Visible() && tab == nil {
				tab = tb
			}
		})
		if tab == nil {
			t.Fatal("no incidents table")
		}
		assertNothingCut(t, "the incidents", tab, rs[0].Display(), "house rule")
		savePNG(t, u.win, "incidents-"+sizeName(size)+".png")
	}
}
