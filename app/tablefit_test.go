package app

import (
	"fmt"
	"image/png"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"porchlight/data"
)

// cutLabels lists the labels under root whose text does not fit the room
// they are given: a line wider than the label, or wrapped lines taller.
func cutLabels(root fyne.CanvasObject) []string {
	var cut []string
	walk(root, func(o fyne.CanvasObject) {
		l, ok := o.(*widget.Label)
		if !ok || !l.Visible() || l.Text == "" || l.Size().Width == 0 {
			return
		}
		size := l.Size()
		switch {
		case l.Truncation != fyne.TextTruncateOff:
			if fyne.MeasureText(l.Text, theme.TextSize(), l.TextStyle).Width+2*theme.InnerPadding() > size.Width+0.5 {
				cut = append(cut, l.Text)
			}
		case l.Wrapping == fyne.TextWrapOff:
			if fyne.MeasureText(l.Text, theme.TextSize(), l.TextStyle).Width+2*theme.InnerPadding() > size.Width+0.5 {
				cut = append(cut, l.Text)
			}
		default:
			if l.MinSize().Height > size.Height+0.5 {
				cut = append(cut, l.Text)
			}
		}
	})
	return cut
}

// savePNG writes what the window shows, to look at: set PORCHLIGHT_SHOTS.
func savePNG(t *testing.T, w fyne.Window, name string) {
	dir := os.Getenv("PORCHLIGHT_SHOTS")
	if dir == "" {
		return
	}
	f, err := os.Create(dir + "/" + name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, w.Canvas().Capture()); err != nil {
		t.Fatal(err)
	}
}

// The sign-in log's places and statuses wrap in a narrow window instead
// of ending in "…", and a wide window gives them their room on one line.
func TestSignoutsLogWrapsInsteadOfCutting(t *testing.T) {
	fx := newKioskFixture(t)
	st := fx.u.store
	where := "Noon SMART group at the Community Center on Elm Street"
	for i, r := range fx.rs {
		if _, err := st.SignOut(data.KioskActor(r), r.ID, data.DestMeeting, where, time.Time{}); err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			*fx.clk = fx.clk.Add(time.Hour)
			if _, err := st.SignIn(data.KioskActor(r), r.ID); err != nil {
				t.Fatal(err)
			}
		}
	}
	p := fx.signouts(t)
	p.tabs.SelectIndex(1)
	for _, size := range []fyne.Size{{Width: 760, Height: 600}, {Width: 1400, Height: 720}} {
		fx.u.win.Resize(size)
		if len(p.entries) != len(fx.rs) {
			t.Fatalf("%d entries in the log, want %d", len(p.entries), len(fx.rs))
		}
		if cut := cutLabels(p.logTable); len(cut) > 0 {
			t.Errorf("at %v the log cuts %q", size, cut)
		}
		seen := strings.Join(textsIn(p.logTable), "\n")
		if !strings.Contains(seen, "Meeting ("+where+")") {
			t.Errorf("at %v the log does not show the whole place: %q", size, seen)
		}
		savePNG(t, fx.u.win, fmt.Sprintf("signin-log-%.0f.png", size.Width))
	}
	// wide: one line a row
	line := p.logFit.height("X", 0)
	for r, got := range p.logFit.rowsH {
		if got > line+0.5 {
			t.Errorf("row %d is %v tall in a wide window, one line is %v", r, got, line)
		}
	}
}

// A resident's outside meetings, who is out and the passes wrap in a
// narrow window: the meeting's name and who verified it are never cut.
func TestSignoutsListsWrapInsteadOfCutting(t *testing.T) {
	fx := newKioskFixture(t)
	st := fx.u.store
	r := fx.rs[0]
	name := "Big Book Step Study, St. Brigid's Parish Hall, Elm Street"
	m := data.OutsideMeeting{ResidentID: r.ID, Pathway: "AA", Name: name, At: fx.clk.Add(-time.Hour), Verifier: "Linda Kowalczyk-Abernathy"}
	if _, err := st.LogOutsideMeeting(data.KioskActor(r), m); err != nil {
		t.Fatal(err)
	}
	if _, err := st.SignOut(data.KioskActor(fx.rs[1]), fx.rs[1].ID, data.DestMeeting, name, time.Time{}); err != nil {
		t.Fatal(err)
	}
	fx.u.win.Resize(fyne.NewSize(700, 600))
	p := fx.signouts(t)
	if cut := cutLabels(p.outList); len(cut) > 0 {
		t.Errorf("who is out cuts %q", cut)
	}
	if !strings.Contains(strings.Join(textsIn(p.outList), "\n"), name) {
		t.Errorf("who is out does not show %q", name)
	}
	savePNG(t, fx.u.win, "signouts-out-700.png")
	p.tabs.SelectIndex(3)
	row := slices.IndexFunc(p.weeks, func(w data.OutsideMeetingWeek) bool { return w.ResidentID == r.ID })
	p.mtgTable.Select(widget.TableCellID{Row: row, Col: 0})
	seen := strings.Join(textsIn(p.mtgDetail), "\n")
	if !strings.Contains(seen, name) || !strings.Contains(seen, "verified by Linda Kowalczyk-Abernathy") {
		t.Errorf("the meeting's detail shows %q", seen)
	}
	for _, o := range []fyne.CanvasObject{p.mtgDetail, p.mtgTable} {
		if cut := cutLabels(o); len(cut) > 0 {
			t.Errorf("outside meetings cut %q", cut)
		}
	}
	savePNG(t, fx.u.win, "signouts-meetings-700.png")
}

// An empty chore list says so without its table's header drawn over the
// words (issue 14: "No chores yet…" overlapped the header); the mentors'
// "Needs attention" wraps instead of ending in "…".
func TestEmptyListsAndMentorFlagsAreReadable(t *testing.T) {
	u, _ := choreHouse(t)
	lt := u.screens.chores.list
	u.screens.chores.selectTab(choreTabList)
	if !lt.empty.Visible() || lt.table.Visible() {
		t.Errorf("empty chore list: message shown %v, table (and header) shown %v", lt.empty.Visible(), lt.table.Visible())
	}
	if _, err := u.store.AddChore(data.System, testDishes); err != nil {
		t.Fatal(err)
	}
	lt.reload()
	if lt.empty.Visible() || !lt.table.Visible() {
		t.Errorf("a chore on the list: message shown %v, table shown %v", lt.empty.Visible(), lt.table.Visible())
	}
	u.win.Resize(fyne.NewSize(900, 500))
	u.showShell()
	u.setContent(u.mentorsView())
	savePNG(t, u.win, "mentors-900.png")
	flags := 0
	for _, s := range textsIn(u.win.Content()) {
		if strings.HasPrefix(s, "No mentor yet") {
			flags++
		}
	}
	if flags < 3 {
		t.Errorf("%d residents flagged as without a mentor, want 3", flags)
	}
	if cut := cutLabels(u.win.Content()); len(cut) > 0 {
		t.Errorf("the mentors' screen cuts %q", cut)
	}
}

// The residents list widens its name column for a long name instead of
// cutting it.
func TestResidentListFitsLongNames(t *testing.T) {
	u := newTestUI(t)
	setUpHouse(t, u)
	h, _ := u.store.House()
	today := u.store.Today()
	if _, err := u.store.AddResident(data.System, data.Resident{First: "Γιώργος", Last: "Παπαδόπουλος", Preferred: "George",
		BedID: h.Beds[0].ID, MoveIn: today}); err != nil {
		t.Fatal(err)
	}
	u.showShell()
	u.win.Resize(fyne.NewSize(1100, 720))
	u.goToSection("Residents")
	if cut := cutLabels(u.win.Content()); len(cut) > 0 {
		t.Errorf("cut in the residents list: %q", cut)
	}
	savePNG(t, u.win, "residents-long-name.png")
}

// The incidents list gives a long name and a past follow-up date their
// room instead of ending them in "…".
func TestIncidentListWrapsInsteadOfCutting(t *testing.T) {
	u := newTestUI(t)
	setUpHouse(t, u)
	h, _ := u.store.House()
	today := u.store.Today()
	r, err := u.store.AddResident(data.System, data.Resident{First: "María José", Last: "Núñez-Wiśniewska", Preferred: "Majo",
		BedID: h.Beds[0].ID, MoveIn: today.AddDays(-40)})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := u.store.SaveIncident(data.System, data.Incident{ResidentID: r.ID, Date: today.AddDays(-10), Kind: data.IncidentCurfew,
		What: "Came in late.", Agreement: "Call before curfew.", FollowUp: today.AddDays(-2)}); err != nil {
		t.Fatal(err)
	}
	u.showShell()
	u.win.Resize(fyne.NewSize(1100, 720))
	tab := newIncidentsTab(u)
	u.win.SetContent(tab.view())
	u.win.Resize(fyne.NewSize(900, 600))
	tab.reload()
	if len(tab.list) != 1 {
		t.Fatalf("%d incidents shown", len(tab.list))
	}
	if cut := cutLabels(tab.table); len(cut) > 0 {
		t.Errorf("cut in the incidents list: %q", cut)
	}
	savePNG(t, u.win, "incidents.png")
}
