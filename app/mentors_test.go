package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"porchlight/data"
)

// mentorsFixture is the kiosk fixture's house (Majo, Thanh, Paweł) with
// the manager's Mentors section on show.
func mentorsFixture(t *testing.T) (*kioskFixture, *mentorsPage) {
	t.Helper()
	fx := newKioskFixture(t)
	fx.u.win.Resize(fyne.NewSize(1100, 720))
	fx.u.showShell()
	meetingSection(t, fx.u, "Mentors")
	p := fx.u.screens.mentors
	if p == nil {
		t.Fatal("the Mentors section is not on show")
	}
	return fx, p
}

// selectBoardRow selects a resident's row on the Pairs tab.
func selectBoardRow(t *testing.T, p *mentorsPage, r data.Resident) {
	t.Helper()
	for i, row := range p.pairs.rows {
		if row.Resident.ID == r.ID {
			p.pairs.table.Select(widget.TableCellID{Row: i, Col: 0})
			return
		}
	}
	t.Fatalf("%s is not on the board", r.Short())
}

// boardText is every cell of the Pairs tab's row for r, as shown.
func boardText(p *mentorsPage, r data.Resident) string {
	for _, row := range p.pairs.rows {
		if row.Resident.ID == r.ID {
			var cells []string
			for _, c := range mentorColumns {
				cells = append(cells, c.text(row, p.pairs.today))
			}
			return strings.Join(cells, " | ")
		}
	}
	return ""
}

// dialogTexts is every text on the dialogs over the window.
func dialogTexts(u *UI) string {
	var out []string
	for _, o := range u.win.Canvas().Overlays().List() {
		out = append(out, textsIn(o)...)
	}
	return strings.Join(out, "\n")
}

// openAssignFor selects a resident and opens the choose-a-mentor dialog.
func openAssignFor(t *testing.T, fx *kioskFixture, p *mentorsPage, r data.Resident) *assignMentorDialog {
	t.Helper()
	selectBoardRow(t, p, r)
	if p.pairs.choose.Disabled() || p.pairs.choose.Text != "Choose a mentor…" {
		t.Fatalf("choose button: %q disabled=%v", p.pairs.choose.Text, p.pairs.choose.Disabled())
	}
	test.Tap(p.pairs.choose)
	a := fx.u.screens.mentorAssign
	if a == nil || !a.isOpen() {
		t.Fatal("the choose-a-mentor dialog did not open")
	}
	return a
}

// pickMentor taps the Choose button of a suggested mentor.
func pickMentor(t *testing.T, a *assignMentorDialog, mentor data.Resident) {
	t.Helper()
	for i, s := range a.sugg {
		if s.Mentor.ID == mentor.ID {
			test.Tap(a.picks[i])
			if a.picks[i].Text != "Chosen" {
				t.Fatalf("the chosen mentor's button says %q", a.picks[i].Text)
			}
			return
		}
	}
	t.Fatalf("%s is not suggested", mentor.Short())
}

func TestMentorAssignFromSuggestions(t *testing.T) {
	fx, p := mentorsFixture(t)
	majo, pawel := fx.rs[0], fx.rs[2]
	if got := boardText(p, pawel); !strings.Contains(got, "No mentor yet · 30 days in the house") {
		t.Fatalf("Paweł's row: %q", got)
	}
	a := openAssignFor(t, fx, p, pawel)
	texts := dialogTexts(fx.u)
	for _, want := range []string{"1. ", "Majo N.", "Thanh N.", "Has room (0 of 2)", "Not in the same room",
		"Caution: Has not said they are willing to mentor"} {
		if !strings.Contains(texts, want) {
			t.Errorf("the dialog does not show %q:\n%s", want, texts)
		}
	}
	if a.date.Text != fx.u.store.Today().String() {
		t.Errorf("start date %q, want today", a.date.Text)
	}
	pickMentor(t, a, majo)
	test.Tap(a.ok)
	if a.isOpen() {
		t.Fatalf("dialog still open: %q %q", a.errorFor(data.FieldMentor), a.general.Text)
	}
	m, ok, err := fx.u.store.CurrentMentor(pawel.ID)
	if err != nil || !ok || m.MentorID != majo.ID {
		t.Fatalf("Paweł's mentor: %+v %v %v", m, ok, err)
	}
	if len(m.RulesNotMet) == 0 {
		t.Error("the cautions accepted were not kept with the pairing")
	}
	if got := p.pairs.status.Text; got != "Majo N. is now Paweł K.'s mentor." {
		t.Errorf("status %q", got)
	}
	if got := boardText(p, pawel); !strings.Contains(got, "Majo N.") || !strings.Contains(got, "0 of 3") || strings.Contains(got, "No mentor yet") {
		t.Errorf("Paweł's row after assigning: %q", got)
	}
	if p.pairs.choose.Text != "Change mentor…" || p.pairs.checkIn.Disabled() || p.pairs.end.Disabled() {
		t.Errorf("row actions after assigning: %q checkIn disabled=%v", p.pairs.choose.Text, p.pairs.checkIn.Disabled())
	}
}

func TestMentorRefusedAssignmentShowsItsMessageAndSavesNothing(t *testing.T) {
	fx, p := mentorsFixture(t)
	majo, pawel := fx.rs[0], fx.rs[2]
	a := openAssignFor(t, fx, p, pawel)
	test.Tap(a.ok)
	if got := a.errorFor(data.FieldMentor); got != "Choose a mentor from the list" {
		t.Errorf("no choice: message %q", got)
	}
	pickMentor(t, a, majo)
	a.date.SetText("2099-01-01")
	test.Tap(a.ok)
	if !a.isOpen() {
		t.Fatal("the dialog closed on a refused assignment")
	}
	if got := a.errorFor(data.FieldMentorStart); !strings.Contains(got, "cannot be in the future") {
		t.Errorf("future start: message %q", got)
	}
	if a.date.Text != "2099-01-01" || a.picks[0].Text == "" {
		t.Error("what was typed was lost")
	}
	if act, _ := fx.u.store.ActiveMentorships(); len(act) != 0 {
		t.Errorf("a refused assignment saved %d pairings", len(act))
	}
}

func TestMentorRulesCapacityZeroAtTheField(t *testing.T) {
	fx, p := mentorsFixture(t)
	p.tabs.SelectIndex(mentorTabRules)
	r := p.rules
	if r.capacity.Text != "2" {
		t.Fatalf("capacity shows %q, want the default 2", r.capacity.Text)
	}
	r.capacity.SetText("0")
	r.sober.SetText("sixty")
	r.save()
	if got := r.errorFor(data.FieldMinDaysSober); got != "Enter a whole number" {
		t.Errorf("days sober message %q", got)
	}
	r.sober.SetText("60")
	r.save()
	if got := r.errorFor(data.FieldCapacity); got != "A mentor has room for 1 to 10 mentees" {
		t.Errorf("capacity message %q", got)
	}
	if r.capacity.Text != "0" || r.sober.Text != "60" {
		t.Error("what was typed was lost")
	}
	saved, _ := fx.u.store.MentorRules()
	if saved.Capacity != 2 || saved.MinDaysSober != 90 {
		t.Errorf("refused rules were saved: %+v", saved)
	}
	r.capacity.SetText("3")
	r.save()
	if saved, _ = fx.u.store.MentorRules(); saved.Capacity != 3 || saved.MinDaysSober != 60 {
		t.Errorf("rules not saved: %+v", saved)
	}
	if !strings.HasPrefix(r.saved.Text, "Saved.") {
		t.Errorf("saved line %q", r.saved.Text)
	}
}

// pair makes mentor mentor mentee from ten days ago.
func pair(t *testing.T, fx *kioskFixture, mentee, mentor int) data.Mentorship {
	t.Helper()
	st := fx.u.store
	m, err := st.AssignMentor(data.System, fx.rs[mentee].ID, fx.rs[mentor].ID, st.Today().AddDays(-10))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// assertKioskMentorSafe is assertKioskSafe for a page that may name the
// resident's own mentor or mentees (allowed), but nobody else.
func assertKioskMentorSafe(t *testing.T, fx *kioskFixture, step string, allowed ...int) {
	t.Helper()
	fx.assertKioskSafe(t, step, -1)
	all := strings.Join(screenTexts(fx.u), "\n")
	for i, r := range fx.rs {
		ok := false
		for _, a := range allowed {
			ok = ok || a == i
		}
		if !ok && strings.Contains(all, r.FirstName()) {
			t.Errorf("%s: the page shows %s", step, r.Short())
		}
	}
	for _, secret := range []string{"PRIVATE", "47 min", "family"} {
		if strings.Contains(all, secret) {
			t.Errorf("%s: the page shows %q", step, secret)
		}
	}
}

func TestKioskMenteeLogsACheckIn(t *testing.T) {
	fx := newKioskFixture(t)
	m := pair(t, fx, 0, 1) // Thanh mentors Majo
	kr := fx.openResident(t, 0)
	if kr.mentorLine == nil || kr.mentorLine.Text != "Your mentor: Thanh N. · no check-in yet" {
		t.Fatalf("mentor line: %+v", kr.mentorLine)
	}
	assertKioskMentorSafe(t, fx, "Majo's page", 0, 1)
	test.Tap(kr.checkInBtn)
	c := fx.u.screens.kioskCheckIn
	if c == nil || fx.kiosk(t).shown != kioskActionPage {
		t.Fatal("the check-in page did not open")
	}
	assertKioskMentorSafe(t, fx, "check-in page", 0, 1)
	if hasText(fx.u, "Private note") {
		t.Error("the kiosk offers a private note")
	}
	test.Tap(c.submit) // no kind chosen yet
	if got := c.errorFor(data.FieldCheckInKind); got != "Choose how you checked in" {
		t.Errorf("no kind: %q", got)
	}
	test.Tap(c.days[fx.u.store.Today().AddDays(-1)])
	test.Tap(c.kinds[data.ByPhone])
	test.Tap(c.supports[data.SupportListening])
	test.Tap(c.follow)
	test.Type(c.minutes, "25")
	test.Tap(c.submit)
	k := fx.kiosk(t)
	if k.confirm == nil || k.confirm.title.Text != "Check-in logged" {
		t.Fatalf("no confirmation (page %q, errors %q)", k.shown, c.general.Text)
	}
	if d := k.confirm.detail.Text; !strings.Contains(d, "This week: 1 of 3 check-ins.") || !strings.Contains(d, "manager will check in with you") {
		t.Errorf("confirmation %q", d)
	}
	cs, _ := fx.u.store.CheckIns(m.ID)
	if len(cs) != 1 {
		t.Fatalf("%d check-ins saved", len(cs))
	}
	got := cs[0]
	if got.Kind != data.ByPhone || got.Minutes != 25 || !got.FollowUp || got.Date != fx.u.store.Today().AddDays(-1) ||
		len(got.Support) != 1 || got.LoggedBy.Kind != data.ActorResident || got.LoggedBy.ID != fx.rs[0].ID {
		t.Errorf("saved %+v", got)
	}
	kr = fx.openResidentAgain(t, 0)
	if kr.mentorLine.Text != "Your mentor: Thanh N. · last check-in yesterday" {
		t.Errorf("mentor line after: %q", kr.mentorLine.Text)
	}
}

// openResidentAgain goes back to the grid and opens resident i's page.
func (fx *kioskFixture) openResidentAgain(t *testing.T, i int) *kioskResident {
	t.Helper()
	fx.kiosk(t).showGrid()
	return fx.openResident(t, i)
}

func TestKioskMentorNeverShowsNotesOrOthersCheckIns(t *testing.T) {
	fx := newKioskFixture(t)
	st := fx.u.store
	majo := pair(t, fx, 0, 1)  // Thanh mentors Majo
	pawel := pair(t, fx, 2, 0) // Majo mentors Paweł
	for _, c := range []data.CheckIn{
		{MentorshipID: majo.ID, Kind: data.InPerson, Minutes: 47, Note: "PRIVATE NOTE: about Majo's family"},
		{MentorshipID: pawel.ID, Kind: data.ByText, Minutes: 47, Note: "PRIVATE NOTE: about Paweł"},
	} {
		c.Date = st.Today().AddDays(-2)
		if _, err := st.LogCheckIn(data.System, c); err != nil {
			t.Fatal(err)
		}
	}
	// Thanh, Majo's mentor: sees Majo's first name and last check-in only.
	kr := fx.openResident(t, 1)
	if got := kr.mentorLine.Text; got != "You mentor Majo · last check-in 2 days ago" {
		t.Errorf("Thanh's mentor line %q", got)
	}
	assertKioskMentorSafe(t, fx, "Thanh's page", 1, 0)
	test.Tap(kr.checkInBtn) // one pairing: straight to it
	c := fx.u.screens.kioskCheckIn
	if c == nil || c.mentorshipID != majo.ID || !c.asMentor {
		t.Fatalf("the check-in page is not for Majo: %+v", c)
	}
	assertKioskMentorSafe(t, fx, "Thanh's check-in for Majo", 1, 0)
	test.Tap(c.kinds[data.InPerson])
	test.Tap(c.submit)
	if k := fx.kiosk(t); k.confirm == nil || k.confirm.title.Text != "Check-in logged" {
		t.Fatal("the mentor's check-in was not logged")
	}
	assertKioskMentorSafe(t, fx, "Thanh's confirmation", 1, 0)
	// Majo: her mentor and her mentee, asked who it was with.
	kr = fx.openResidentAgain(t, 0)
	want := "Your mentor: Thanh N. · last check-in today\nYou mentor Paweł · last check-in 2 days ago"
	if kr.mentorLine.Text != want {
		t.Errorf("Majo's mentor line %q", kr.mentorLine.Text)
	}
	test.Tap(kr.checkInBtn)
	texts := strings.Join(screenTexts(fx.u), "\n")
	if !strings.Contains(texts, "Who was the check-in with?") || !strings.Contains(texts, "Thanh N., your mentor") ||
		!strings.Contains(texts, "Paweł, whom you mentor") {
		t.Errorf("the chooser shows:\n%s", texts)
	}
	assertKioskMentorSafe(t, fx, "Majo's chooser", 0, 1, 2)
}
