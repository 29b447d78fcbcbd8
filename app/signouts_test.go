package app

import (
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"porchlight/data"
)

// signouts logs the fixture's manager in and opens the Sign-outs section.
func (fx *kioskFixture) signouts(t *testing.T) *signoutsPage {
	t.Helper()
	fx.u.manager = fx.u.store.Session()
	if ms, err := fx.u.store.Managers(); err == nil && len(ms) > 0 {
		fx.u.manager = ms[0]
	}
	fx.u.showShell()
	fx.u.setContent(fx.u.signoutsView())
	p := fx.u.screens.signouts
	if p == nil {
		t.Fatal("Sign-outs section not built")
	}
	return p
}

// listTexts lists the texts of n rows.
func listTexts(n func() int, text func(i int) string) []string {
	var out []string
	for i := 0; i < n(); i++ {
		out = append(out, text(i))
	}
	return out
}

func TestSignoutsOutNowPastCurfewStandsOut(t *testing.T) {
	fx := newKioskFixture(t)
	st := fx.u.store
	*fx.clk = fx.clk.Add(7 * time.Hour) // 21:00
	if _, err := st.SignOut(data.KioskActor(fx.rs[0]), fx.rs[0].ID, data.DestWork, "Harbor Diner", time.Time{}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.SignOut(data.KioskActor(fx.rs[1]), fx.rs[1].ID, data.DestMeeting, "", fx.clk.Add(30*time.Minute)); err != nil {
		t.Fatal(err)
	}
	*fx.clk = fx.clk.Add(90 * time.Minute) // 22:30, curfew 22:00
	p := fx.signouts(t)
	if len(p.outs) != 2 {
		t.Fatalf("out now = %d, want 2", len(p.outs))
	}
	for _, o := range p.outs {
		line := p.outingLine(o)
		if !strings.Contains(line, "PAST CURFEW (22:00)") || outingImportance(o) != widget.DangerImportance {
			t.Errorf("past curfew does not stand out: %q", line)
		}
	}
	lines := strings.Join(listTexts(func() int { return len(p.outs) }, func(i int) string { return p.outingLine(p.outs[i]) }), "\n")
	if !strings.Contains(lines, `María José "Majo" Núñez · Work (Harbor Diner)`) {
		t.Errorf("manager lines should have the full name: %q", lines)
	}

	// An overnight pass for Thanh takes him off the past-curfew list.
	from := fx.clk.Add(-3 * time.Hour)
	if _, err := st.AddPass(fx.u.actor(), fx.rs[1].ID, from, from.Add(20*time.Hour), "Mother's house", ""); err != nil {
		t.Fatal(err)
	}
	card := fx.u.outNowCard().(*widget.Card)
	if card.Subtitle != "2 signed out · 1 past curfew" {
		t.Errorf("dashboard card subtitle = %q", card.Subtitle)
	}
	fx.u.setContent(card)
	if !hasText(fx.u, "Majo N. · back by 22:00 · PAST CURFEW") || !hasText(fx.u, "Work (Harbor Diner) · out since") || !hasText(fx.u, "on an overnight pass") {
		t.Errorf("dashboard card texts: %q", screenTexts(fx.u))
	}
}

func TestSignoutsLogCorrectKeepsOriginal(t *testing.T) {
	fx := newKioskFixture(t)
	st := fx.u.store
	r := fx.rs[0]
	if _, err := st.SignOut(data.KioskActor(r), r.ID, data.DestErrand, "Pharmacy", time.Time{}); err != nil {
		t.Fatal(err)
	}
	*fx.clk = fx.clk.Add(time.Hour)
	if _, err := st.SignIn(data.KioskActor(r), r.ID); err != nil {
		t.Fatal(err)
	}
	p := fx.signouts(t)
	if len(p.entries) != 1 || p.correct.Disabled() == false {
		t.Fatalf("log: %d entries, Correct enabled before a selection: %v", len(p.entries), !p.correct.Disabled())
	}
	p.logTable.Select(widget.TableCellID{Row: 0, Col: 1})
	if p.correct.Disabled() {
		t.Fatal("Correct stays disabled with a line selected")
	}
	test.Tap(p.correct)
	u := fx.u
	typeIn(t, u, data.FieldSignedIn, "2025-03-11 14:30")
	test.Tap(findButton(t, u, "Save correction"))
	if !dialogOpen(u) || messageAt(t, u, data.FieldReason) == "" {
		t.Fatal("a correction without a reason was saved")
	}
	typeIn(t, u, data.FieldSignedIn, "2025-03-11 25:30")
	typeIn(t, u, data.FieldReason, "came back earlier; seen by staff")
	test.Tap(findButton(t, u, "Save correction"))
	if !dialogOpen(u) || messageAt(t, u, data.FieldSignedIn) == "" {
		t.Fatal("an impossible time was accepted")
	}
	typeIn(t, u, data.FieldSignedIn, "2025-03-11 14:30")
	test.Tap(findButton(t, u, "Save correction"))
	if dialogOpen(u) {
		t.Fatalf("correction refused: %q", messageAt(t, u, data.FieldSignedIn))
	}
	if len(p.entries) != 1 || p.entries[0].In.Format("15:04") != "14:30" || !strings.Contains(entryStatus(p.entries[0]), "corrected") {
		t.Fatalf("log after correction: %+v", p.entries)
	}
	p.openVersions(p.entries[0])
	versions := strings.Join(textsIn(u.win.Canvas().Overlays().Top()), "\n")
	if !strings.Contains(versions, "Original") || !strings.Contains(versions, "15:00") || !strings.Contains(versions, "came back earlier") {
		t.Fatalf("versions = %q", versions)
	}

	// Filter by resident and by week.
	_, ids := p.residentOptions(true)
	for i, id := range ids {
		p.logWho.SetSelectedIndex(i + 1)
		want := 0
		if id == r.ID {
			want = 1
		}
		if len(p.entries) != want || p.logResident() != id {
			t.Fatalf("filtered by %s: %d entries, want %d", p.names[id], len(p.entries), want)
		}
	}
	p.logWho.SetSelected(everyoneOpt)
	p.logMode.SetSelected(logByWeek)
	if !strings.Contains(p.logRange.Text, "Mon 10 Mar 2025 to Sun 16 Mar 2025") || len(p.entries) != 1 {
		t.Fatalf("week: %q, %d entries", p.logRange.Text, len(p.entries))
	}
	p.moveLog(-1)
	if len(p.entries) != 0 {
		t.Fatalf("last week shows %d entries", len(p.entries))
	}
}

func TestSignoutsAddMissedEntryAndPass(t *testing.T) {
	fx := newKioskFixture(t)
	p := fx.signouts(t)
	u := fx.u
	p.openMissed()
	field[*widget.Select](t, u, signoutFieldResident).SetSelectedIndex(0)
	field[*widget.Select](t, u, data.FieldDestination).SetSelected("Family")
	typeIn(t, u, data.FieldSignedOut, "yesterday")
	typeIn(t, u, data.FieldReason, "forgot to sign; called the house")
	test.Tap(findButton(t, u, "Add"))
	if !dialogOpen(u) || messageAt(t, u, data.FieldSignedOut) == "" {
		t.Fatal("a bad sign-out time was accepted")
	}
	typeIn(t, u, data.FieldSignedOut, "2025-03-11 09:00")
	typeIn(t, u, data.FieldSignedIn, "2025-03-11 11:15")
	test.Tap(findButton(t, u, "Add"))
	if dialogOpen(u) {
		t.Fatal("missed entry refused")
	}
	if len(p.entries) != 1 || !p.entries[0].Missed || !strings.Contains(entryStatus(p.entries[0]), "added by a manager") {
		t.Fatalf("log = %+v", p.entries)
	}

	p.openPass()
	field[*widget.Select](t, u, signoutFieldResident).SetSelectedIndex(1)
	typeIn(t, u, data.FieldPassWhere, "")
	test.Tap(findButton(t, u, "Add pass"))
	if !dialogOpen(u) || messageAt(t, u, data.FieldPassWhere) == "" {
		t.Fatal("a pass without a place was accepted")
	}
	typeIn(t, u, data.FieldPassTo, "2025-03-10 12:00")
	typeIn(t, u, data.FieldPassWhere, "Sister's in Oakland")
	test.Tap(findButton(t, u, "Add pass"))
	if !dialogOpen(u) || messageAt(t, u, data.FieldPassTo) == "" {
		t.Fatal("a pass ending before it starts was accepted")
	}
	typeIn(t, u, data.FieldPassTo, "2025-03-12 12:00")
	test.Tap(findButton(t, u, "Add pass"))
	if dialogOpen(u) {
		t.Fatal("pass refused")
	}
	if len(p.passes) != 1 || !strings.Contains(p.passLine(p.passes[0]), "Sister's in Oakland") ||
		!strings.Contains(p.passLine(p.passes[0]), "approved by Ana Núñez") {
		t.Fatalf("passes = %q", listTexts(func() int { return len(p.passes) }, func(i int) string { return p.passLine(p.passes[i]) }))
	}
	p.passList.Select(0)
	if p.cancelPass.Disabled() {
		t.Fatal("Cancel pass disabled with a pass selected")
	}
	if err := fx.u.store.CancelPass(fx.u.actor(), p.passes[0].ResidentID, p.passes[0].ID); err != nil {
		t.Fatal(err)
	}
	p.reloadPasses()
	if len(p.passes) != 0 {
		t.Fatalf("pass still listed after cancel")
	}
}

func TestSignoutsOutsideMeetingsAgainstRule(t *testing.T) {
	fx := newKioskFixture(t)
	st := fx.u.store
	r := fx.rs[0]
	for i, v := range []string{"Linda K.", ""} {
		m := data.OutsideMeeting{ResidentID: r.ID, Pathway: "AA", Name: "Step Study", At: fx.clk.Add(-time.Duration(i+1) * time.Hour), Verifier: v}
		if _, err := st.LogOutsideMeeting(data.KioskActor(r), m); err != nil {
			t.Fatal(err)
		}
	}
	p := fx.signouts(t)
	row := -1
	for i, w := range p.weeks {
		if w.ResidentID == r.ID {
			row = i
		}
	}
	if row < 0 {
		t.Fatal("resident missing from the outside-meetings table")
	}
	if got, _ := p.meetingCell(p.weeks[row], 2); got != "2 of 5" {
		t.Errorf("count = %q, want 2 of 5", got)
	}
	if got, imp := p.meetingCell(p.weeks[row], 3); got != "3 short" || imp != widget.WarningImportance {
		t.Errorf("status = %q", got)
	}
	p.mtgTable.Select(widget.TableCellID{Row: row, Col: 0})
	ms := p.detailMeetings()
	if len(ms) != 2 {
		t.Fatalf("detail = %d meetings", len(ms))
	}
	var lines []string
	for _, m := range ms {
		lines = append(lines, p.meetingDetail(m))
	}
	joined := strings.Join(lines, "\n")
	if !strings.Contains(joined, "verified by Linda K.") || !strings.Contains(joined, "not verified") || !strings.Contains(joined, "logged at the kiosk") {
		t.Errorf("detail = %q", joined)
	}
}

// The section shows in the manager's navigation after Residents.
func TestSignoutsSectionInNavigation(t *testing.T) {
	fx := newKioskFixture(t)
	var titles []string
	for _, s := range fx.u.sections() {
		titles = append(titles, s.title)
	}
	got := strings.Join(titles, ",")
	if !strings.Contains(got, "Residents,Sign-outs") {
		t.Errorf("sections = %s", got)
	}
}

func TestSignoutsDialogClosesOnEscapeFromAField(t *testing.T) {
	fx := newKioskFixture(t)
	p := fx.signouts(t)
	before := fx.u.win.Canvas().OnTypedKey()
	p.openPass()
	where := field[*entry](t, fx.u, data.FieldPassWhere)
	fx.u.win.Canvas().Focus(where)
	test.Type(where, "Half typed")
	if fx.u.win.Canvas().Overlays().Top() == nil {
		t.Fatal("the pass dialog is not on screen")
	}
	where.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	// Something was typed, so Escape asks before throwing it away.
	if !slices.Contains(textsIn(fx.u.win.Canvas().Overlays().Top()), "Discard what you typed?") {
		t.Fatal("Escape with typing in the form did not ask before discarding it")
	}
	test.Tap(findButton(t, fx.u, "Discard"))
	if fx.u.win.Canvas().Overlays().Top() != nil {
		t.Fatal("Escape in a field did not close the pass dialog")
	}
	if passes, _ := fx.u.store.Passes("", fx.u.store.Today().AddDays(-30), fx.u.store.Today().AddDays(30)); len(passes) != 0 {
		t.Fatal("Escape saved a pass")
	}
	if (fx.u.win.Canvas().OnTypedKey() == nil) != (before == nil) {
		t.Error("the window's own Escape handling did not come back")
	}
}
