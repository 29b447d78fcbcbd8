package app

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"porchlight/app/report"
	"porchlight/data"
)

// choreHouse sets up a house with three residents who moved in a month
// ago, and shows the Chores section in the window.
func choreHouse(t *testing.T, chores ...data.Chore) (*UI, []data.Resident) {
	t.Helper()
	u := newTestUI(t)
	setUpHouse(t, u)
	for _, c := range chores {
		if _, err := u.store.AddChore(data.System, c); err != nil {
			t.Fatalf("add chore %s: %v", c.Name, err)
		}
	}
	rs := addChoreResidents(t, u)
	showChoresForTest(u)
	return u, rs
}

func addChoreResidents(t *testing.T, u *UI) []data.Resident {
	t.Helper()
	h, _ := u.store.House()
	moveIn := u.store.Today().AddDays(-30)
	var rs []data.Resident
	for i, n := range [][2]string{{"María José", "Núñez"}, {"Thanh", "Nguyễn"}, {"Siobhán", "O'Brien"}} {
		r, err := u.store.AddResident(data.System, data.Resident{First: n[0], Last: n[1], BedID: h.Beds[i].ID, MoveIn: moveIn})
		if err != nil {
			t.Fatal(err)
		}
		rs = append(rs, r)
	}
	return rs
}

func showChoresForTest(u *UI) {
	u.showShell()
	u.win.SetContent(u.choresView())
	u.win.Resize(fyne.NewSize(1100, 720))
}

var (
	testDishes = data.Chore{Name: "Dishes", Area: "Kitchen", Effort: 2, Frequency: data.Daily, People: 1, Active: true,
		Checklist: []string{"Dishwasher run and emptied", "Drying rack cleared"}}
	testYard = data.Chore{Name: "Yard and porch", Effort: 3, Frequency: data.Weekly, Weekday: time.Saturday, People: 2, Active: true}
)

// choreDialogButton finds a button on the dialog on top of the window.
func choreDialogButton(t *testing.T, u *UI, text string) *widget.Button {
	t.Helper()
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("no dialog open; wanted a %q button", text)
	}
	var found *widget.Button
	walk(top, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == text && found == nil {
			found = b
		}
	})
	if found == nil {
		t.Fatalf("the dialog has no %q button", text)
	}
	return found
}

// choreCellOf finds the grid cell (row, column) holding an assignment.
func choreCellOf(t *testing.T, rt *rosterTab, id string) (int, int) {
	t.Helper()
	for i, r := range rt.rows {
		for d, cells := range r.Days {
			for _, c := range cells {
				if c.ID == id {
					return i, d + 1
				}
			}
		}
	}
	t.Fatalf("assignment %s not in the grid", id)
	return 0, 0
}

func TestChoreRosterGenerateAndRegenerateKeepsLocked(t *testing.T) {
	u, _ := choreHouse(t, testDishes, testYard)
	rt := u.screens.chores.roster
	if rt.generate.Text != "Generate roster" {
		t.Fatalf("button = %q before any roster", rt.generate.Text)
	}
	test.Tap(rt.generate)
	today := u.store.Today()
	r, err := u.store.Roster(today)
	if err != nil || len(r.Assignments) != 7+2 {
		t.Fatalf("roster: %d assignments, %v (want 7 dishes + 2 yard)", len(r.Assignments), err)
	}
	if len(r.Uncovered()) != 0 {
		t.Errorf("uncovered: %v", r.Uncovered())
	}
	if len(rt.rows) != 2 || !strings.Contains(rt.status.Text, "9 chores assigned") {
		t.Errorf("grid rows = %d, status = %q", len(rt.rows), rt.status.Text)
	}

	// Lock today's dishes, then regenerate through the confirm dialog.
	var locked data.Assignment
	for _, a := range r.Assignments {
		if a.Day == today && a.Chore == "Dishes" {
			locked = a
		}
	}
	if err := u.store.LockAssignment(u.actor(), locked.ID, true); err != nil {
		t.Fatal(err)
	}
	rt.reload()
	if rt.generate.Text != "Regenerate roster…" {
		t.Fatalf("button = %q with a roster", rt.generate.Text)
	}
	test.Tap(rt.generate)
	if !dialogOpen(u) {
		t.Fatal("regenerating did not ask first")
	}
	test.Tap(choreDialogButton(t, u, "Regenerate"))
	got, err := u.store.Assignment(locked.ID)
	if err != nil || got.ResidentID != locked.ResidentID || !got.Locked {
		t.Fatalf("locked assignment after regenerating: %+v, %v", got, err)
	}
	if !strings.Contains(rt.status.Text, "Roster made") {
		t.Errorf("status = %q", rt.status.Text)
	}
}

func TestChoreRosterErrorsAreExplained(t *testing.T) {
	u := newTestUI(t)
	setUpHouse(t, u)
	big := data.Chore{Name: "Deep clean", Effort: 5, Frequency: data.Weekly, Weekday: time.Sunday, People: 4, Active: true}
	if _, err := u.store.AddChore(data.System, big); err != nil {
		t.Fatal(err)
	}
	showChoresForTest(u)
	rt := u.screens.chores.roster
	test.Tap(rt.generate)
	if !strings.Contains(rt.problem, "Nobody lives in the house") {
		t.Errorf("no residents: problem = %q", rt.problem)
	}
	addChoreResidents(t, u)
	test.Tap(rt.generate)
	if !strings.Contains(rt.problem, "Deep clean needs 4 people but only 3 residents") {
		t.Errorf("too few residents: problem = %q", rt.problem)
	}
	if r, _ := u.store.Roster(u.store.Today()); len(r.Assignments) != 0 {
		t.Errorf("a failed generation saved %d assignments", len(r.Assignments))
	}
	// The dialog offers to change the chore.
	test.Tap(choreDialogButton(t, u, "Change Deep clean"))
	if f := u.screens.choreForm; f == nil || f.name.Text != "Deep clean" {
		t.Fatal("the chore's form did not open")
	}
}

func TestChoreSwapThroughTheGrid(t *testing.T) {
	u, _ := choreHouse(t, testDishes, testYard)
	rt := u.screens.chores.roster
	test.Tap(rt.generate)
	// Saturday's yard needs two people: swap its first seat with a dishes
	// day held by the resident not on the yard.
	var first, other data.RosterCell
	for _, c := range rt.cells {
		if c.Chore == "Yard and porch" && c.Seat == 0 {
			first = c
		}
	}
	for _, c := range rt.cells {
		if c.Chore == "Dishes" && c.ResidentID != first.ResidentID && other.ID == "" {
			if !slices.Contains(choreSeatsOn(rt, "Yard and porch"), c.ResidentID) {
				other = c
			}
		}
	}
	if first.ID == "" || other.ID == "" {
		t.Fatalf("no pair to swap: %+v %+v", first, other)
	}
	row, col := choreCellOf(t, rt, first.ID)
	rt.table.Select(widget.TableCellID{Row: row, Col: col})
	if rt.cell == nil || len(rt.cell.seats) != 2 {
		t.Fatal("selecting the cell did not show its two seats")
	}
	test.Tap(rt.cell.seats[0].swap)
	s := rt.swap
	if s == nil {
		t.Fatal("no swap dialog")
	}
	test.Type(s.search, strings.ToLower(other.Day.Weekday().String()[:3])+" dishes")
	pick := -1
	for i, c := range s.shown {
		if c.ID == other.ID {
			pick = i
		}
	}
	if pick < 0 {
		t.Fatalf("%s not offered among %d", other.ID, len(s.shown))
	}
	s.list.Select(pick)
	test.Tap(s.ok)
	a, _ := u.store.Assignment(first.ID)
	b, _ := u.store.Assignment(other.ID)
	if a.ResidentID != other.ResidentID || b.ResidentID != first.ResidentID {
		t.Fatalf("not swapped: yard %s (was %s), dishes %s (was %s)", a.ResidentID, first.ResidentID, b.ResidentID, other.ResidentID)
	}
	if !strings.HasPrefix(rt.status.Text, "Swapped:") {
		t.Errorf("status = %q", rt.status.Text)
	}
}

func choreSeatsOn(rt *rosterTab, chore string) []string {
	var out []string
	for _, c := range rt.cells {
		if c.Chore == chore {
			out = append(out, c.ResidentID)
		}
	}
	return out
}

func TestChoreSwapWithMovedOutResidentIsRefused(t *testing.T) {
	u, rs := choreHouse(t, testDishes)
	rt := u.screens.chores.roster
	test.Tap(rt.prev) // last week: every day past, so moving out hands nothing on
	test.Tap(rt.generate)
	var mine, theirs data.RosterCell
	for _, c := range rt.cells {
		switch {
		case c.ResidentID == rs[0].ID && mine.ID == "":
			mine = c
		case c.ResidentID == rs[1].ID && theirs.ID == "":
			theirs = c
		}
	}
	if mine.ID == "" || theirs.ID == "" {
		t.Fatal("last week's roster lacks the two residents")
	}
	if err := u.store.MoveOut(data.System, rs[1].ID, u.store.Today(), data.MoveOutReasons[0]); err != nil {
		t.Fatal(err)
	}
	rt.reload()
	row, col := choreCellOf(t, rt, mine.ID)
	rt.open(row, col)
	test.Tap(rt.cell.seats[0].swap)
	s := rt.swap
	for i, c := range s.shown {
		if c.ID == theirs.ID {
			if !strings.Contains(s.text(c), "(moved out)") {
				t.Errorf("candidate not marked moved out: %q", s.text(c))
			}
			s.list.Select(i)
		}
	}
	test.Tap(s.ok)
	if !strings.Contains(s.errMsg.Text, "has moved out") {
		t.Errorf("error = %q", s.errMsg.Text)
	}
	a, _ := u.store.Assignment(mine.ID)
	if a.ResidentID != rs[0].ID {
		t.Error("the refused swap changed the roster")
	}
}

func TestChoreExcuseNeedsReasonAtTheField(t *testing.T) {
	u, _ := choreHouse(t, testDishes)
	rt := u.screens.chores.roster
	test.Tap(rt.generate)
	c := rt.cells[len(rt.cells)-1]
	rt.open(choreCellOf(t, rt, c.ID))
	test.Tap(rt.cell.seats[0].excuse)
	test.Tap(findButton(t, u, "Excuse"))
	if got := messageAt(t, u, data.FieldExcuseReason); got == "" {
		t.Fatal("no error under the reason")
	}
	if a, _ := u.store.Assignment(c.ID); a.Excused != "" {
		t.Fatal("excused without a reason")
	}
}

func TestChoreKioskTickDone(t *testing.T) {
	u, rs := choreHouse(t, testDishes)
	test.Tap(u.screens.chores.roster.generate)
	today := u.store.Today()
	r, _ := u.store.Roster(today)
	var todays data.Assignment
	for _, a := range r.Assignments {
		if a.Day == today {
			todays = a
		}
	}
	var res data.Resident
	for _, x := range rs {
		if x.ID == todays.ResidentID {
			res = x
		}
	}
	var msg string
	panel := u.kioskChoresPanel(res, func(m string) { msg = m })
	w := test.NewWindow(panel)
	defer w.Close()
	w.Resize(fyne.NewSize(900, 1400))
	p := u.screens.myChores
	if len(p.items) == 0 {
		t.Fatal("the panel lists no chores")
	}
	// Nothing about anyone else.
	walk(w.Content(), func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok {
			for _, x := range rs {
				if x.ID != res.ID && (strings.Contains(l.Text, x.Last) || strings.Contains(l.Text, x.First)) {
					t.Errorf("the panel shows another resident: %q", l.Text)
				}
			}
		}
	})
	btn := p.buttons[todays.ID]
	if btn == nil {
		t.Fatalf("no Done button for today's chore (%d buttons)", len(p.buttons))
	}
	for id := range p.buttons {
		if a, _ := u.store.Assignment(id); a.Day.After(today) {
			t.Errorf("a Done button for %s, a day still to come", a.Label())
		}
	}
	test.Tap(btn)
	a, _ := u.store.Assignment(todays.ID)
	if a.Status != data.ChoreDone {
		t.Fatalf("status = %s after tapping Done", a.Status)
	}
	if msg != "Marked done: Dishes" {
		t.Errorf("done message = %q", msg)
	}
	if p.buttons[todays.ID] != nil {
		t.Error("the Done button is still offered after ticking")
	}
}

func TestChoreBadInputShowsAtFieldAndSavesNothing(t *testing.T) {
	u, _ := choreHouse(t)
	p := u.screens.chores
	p.selectTab(choreTabList)
	test.Tap(p.list.add)
	f := u.screens.choreForm
	if f == nil {
		t.Fatal("no chore form")
	}
	test.Type(f.area, "Kitchen")
	f.checklist.SetText("Counters wiped\n\nFloor swept")
	test.Type(f.people, "two")
	test.Tap(f.save)
	if got := f.errorFor(data.FieldPeople); !strings.Contains(got, "number") {
		t.Errorf("people error = %q", got)
	}
	f.people.SetText("1")
	test.Tap(f.save)
	if got := f.errorFor(data.FieldChoreName); !strings.Contains(got, "name") {
		t.Errorf("name error = %q", got)
	}
	if got := f.errorFor(data.FieldEffort); !strings.Contains(got, "1") || !strings.Contains(got, "5") {
		t.Errorf("effort error = %q", got)
	}
	if got := f.errorFor(data.FieldWeekday); got == "" {
		t.Error("no error under the day of a weekly chore with none chosen")
	}
	if cs, _ := u.store.Chores(); len(cs) != 0 {
		t.Fatalf("saved %d chores despite errors", len(cs))
	}
	if f.area.Text != "Kitchen" || !strings.Contains(f.checklist.Text, "Floor swept") {
		t.Error("typed text lost after an error")
	}

	// Too many people for the house: at the field.
	test.Type(f.name, "Kitchen after dinner")
	f.effort.SetSelectedIndex(2)
	f.often.SetSelected(choreDaily)
	f.people.SetText("9")
	test.Tap(f.save)
	if got := f.errorFor(data.FieldPeople); !strings.Contains(got, "only 3 residents") {
		t.Errorf("people error = %q", got)
	}
	f.people.SetText("1")
	f.name.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // Enter saves
	cs, _ := u.store.Chores()
	if len(cs) != 1 || cs[0].Effort != 3 || cs[0].Frequency != data.Daily || len(cs[0].Checklist) != 2 {
		t.Fatalf("chores = %+v", cs)
	}
	if u.screens.choreForm != nil || len(p.list.chores) != 1 {
		t.Error("the list did not come back with the new chore")
	}
}

func TestChoreDeleteAsksFirst(t *testing.T) {
	u, _ := choreHouse(t, testDishes)
	p := u.screens.chores
	p.selectTab(choreTabList)
	p.list.table.Select(widget.TableCellID{Row: 0, Col: 0})
	f := u.screens.choreForm
	test.Tap(f.del)
	if cs, _ := u.store.Chores(); len(cs) != 1 {
		t.Fatal("deleted without asking")
	}
	test.Tap(choreDialogButton(t, u, "Delete"))
	if cs, _ := u.store.Chores(); len(cs) != 0 {
		t.Fatal("not deleted after confirming")
	}
}

func TestChoreSettingsWindowAtTheField(t *testing.T) {
	u, _ := choreHouse(t)
	p := u.screens.chores
	p.selectTab(choreTabSettings)
	s := p.settings
	s.window.SetText("99")
	test.Tap(s.save)
	if got := s.errorFor(data.FieldWindowWeeks); !strings.Contains(got, "26") {
		t.Errorf("window error = %q", got)
	}
	s.window.SetText("4")
	s.passes.SetChecked(false)
	test.Tap(s.save)
	cs, _ := u.store.ChoreSettings()
	if cs.WindowWeeks != 4 || cs.ExcuseOvernightPass || !cs.ExcuseNewResidents {
		t.Errorf("settings = %+v", cs)
	}
}

func TestChoreChartPrintedFromTheRoster(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) not installed")
	}
	u, rs := choreHouse(t, testDishes, testYard)
	rt := u.screens.chores.roster
	test.Tap(rt.generate)
	test.Tap(rt.print)
	test.Tap(findButton(t, u, "Save and open"))
	path := strings.TrimSuffix(strings.TrimPrefix(rt.status.Text, "Chore chart saved to "), ". Delete it once printed: it names residents.")
	t.Cleanup(func() { os.Remove(path) })
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v (status %q)", path, err, rt.status.Text)
	}
	text := string(out)
	for _, want := range []string{"Chore chart", "Dishes", "Yard and porch", rs[0].Short(), rs[1].Short(), rs[2].Short()} {
		if !strings.Contains(text, want) {
			t.Errorf("chart lacks %q", want)
		}
	}
	if fi, err := os.Stat(path); err == nil && fi.Mode().Perm() != 0o600 {
		t.Errorf("chart is readable by others: %v", fi.Mode())
	}
}

func TestChoreCoordinatorReportView(t *testing.T) {
	u, _ := choreHouse(t, testDishes)
	rt := u.screens.chores.roster
	test.Tap(rt.prev)
	test.Tap(rt.generate)
	for _, c := range rt.cells {
		if c.Day.Weekday() == time.Wednesday {
			if err := u.store.MarkChoreMissed(u.actor(), c.ID, "sink full"); err != nil {
				t.Fatal(err)
			}
		} else if err := u.store.VerifyChore(u.actor(), c.ID); err != nil {
			t.Fatal(err)
		}
	}
	p := u.screens.chores
	p.selectTab(choreTabReport)
	rep := p.report
	rep.week = rt.week
	rep.reload()
	if len(rep.past) != 3 || !strings.Contains(rep.summary.Text, "6 of 7 chores done") || !strings.Contains(rep.summary.Text, "1 missed") {
		t.Fatalf("report: %d rows, summary %q", len(rep.past), rep.summary.Text)
	}
	all := ""
	for _, r := range rep.past {
		all += r.chores + "\n"
	}
	if !strings.Contains(all, "Wed MISSED") || strings.Contains(all, "sink full") {
		t.Errorf("past chores:\n%s", all)
	}
	// every row is as tall as its wrapped chores, in a narrow window too
	for _, w := range []float32{920, 640} {
		u.win.Resize(fyne.NewSize(w, 720))
		for _, tb := range []fyne.CanvasObject{rep.pastTbl, rep.nextTbl} {
			if cut := cutLabels(tb); len(cut) > 0 {
				t.Errorf("%.0f wide, the report cuts %q", w, cut)
			}
		}
		savePNG(t, u.win, fmt.Sprintf("coordinator-%.0f.png", w))
	}
}

// A new house's first roster says why slots are empty: everyone moved in
// this week and the house's rule leaves newcomers off their first week.
func TestChoreFirstWeekSaysWhyNobodyIsFree(t *testing.T) {
	u, _ := choreHouse(t, testDishes)
	rt := u.screens.chores.roster
	h, _ := u.store.House()
	rs, _ := u.store.ActiveResidents()
	for _, r := range rs {
		r.MoveIn = u.store.Today().WeekStart(h.WeekStart)
		if _, err := u.store.UpdateResident(u.actor(), r); err != nil {
			t.Fatal(err)
		}
	}
	test.Tap(rt.generate)
	if dialogOpen(u) {
		test.Tap(choreDialogButton(t, u, "Regenerate"))
	}
	if !strings.Contains(rt.status.Text, "Everyone moved in this week") || !strings.Contains(rt.status.Text, "Rotation settings") {
		t.Fatalf("status = %q", rt.status.Text)
	}
	// The coordinator's report does not say no roster was made, and the
	// minutes' text ends with no heading over nothing.
	rep, err := u.store.CoordinatorReport(rt.week)
	if err != nil {
		t.Fatal(err)
	}
	if got := choreSummary(rep); !strings.Contains(got, "A roster was made, but nobody was free") {
		t.Errorf("report summary = %q", got)
	}
	rep.Next = rep.Chores // next week made the same way: every seat empty
	if text := strings.TrimSpace(rep.Text()); strings.HasSuffix(text, ":") || strings.Contains(text, "no chore roster was made") {
		t.Errorf("minutes' chore text:\n%s", text)
	}
	var buf bytes.Buffer
	if err := report.ChoreCoordinatorPDF(&buf, "Cedar House", rep, report.Letter, u.store.Now()); err != nil {
		t.Fatal(err)
	}
}

// "Nobody free" in the grid takes two lines where one would cut it, on a
// desk screen and on a small one; no name in the grid ends in "…".
func TestChoreRosterNobodyFreeIsNotCut(t *testing.T) {
	u, _ := choreHouse(t, testDishes)
	rt := u.screens.chores.roster
	h, _ := u.store.House()
	rs, _ := u.store.ActiveResidents()
	for _, r := range rs {
		r.MoveIn = u.store.Today().WeekStart(h.WeekStart)
		if _, err := u.store.UpdateResident(u.actor(), r); err != nil {
			t.Fatal(err)
		}
	}
	test.Tap(rt.generate)
	// the section's width beside the navigation, in windows 1100 and 1024 wide
	for _, size := range []fyne.Size{{Width: 920, Height: 720}, {Width: 844, Height: 600}} {
		u.win.Resize(size)
		var texts []string
		walk(rt.table, func(o fyne.CanvasObject) {
			if c, ok := o.(*canvas.Text); ok && c.Visible() && c.Text != "" {
				texts = append(texts, c.Text)
			}
		})
		all := strings.Join(texts, "\n")
		if strings.Contains(all, "…") {
			t.Errorf("at %v the grid cuts: %q", size, texts)
		}
		if !strings.Contains(all, "Nobody") || !strings.Contains(all, "free") {
			t.Errorf("at %v the grid does not say Nobody free: %q", size, texts)
		}
		savePNG(t, u.win, fmt.Sprintf("roster-nobody-%.0f.png", size.Width))
	}
}
