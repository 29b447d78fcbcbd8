package data

import (
	"errors"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
)

// Helpers for the kiosk tests (prefix kt, to stay out of other files' way).

const ktPasscode = "kiosk-passcode"

// ktClock is a settable clock for the store.
type ktClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *ktClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *ktClock) set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = t
}

func (c *ktClock) add(d time.Duration) { c.set(c.now().Add(d)) }

// ktEnv is a real encrypted store in a temp folder with a fixed clock.
type ktEnv struct {
	t     testing.TB
	dir   string
	clk   *ktClock
	loc   *time.Location
	v     *Vault
	st    *Store
	mgr   Actor
	mgrID string
	beds  int
}

func ktLoc(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatalf("load time zone %s: %v", name, err)
	}
	return loc
}

// ktNew creates a house (weeknight curfew 22:00, weekend 23:59) whose clock
// reads start; edit may change the house before it is created.
func ktNew(t testing.TB, start time.Time, edit func(*House)) *ktEnv {
	t.Helper()
	e := &ktEnv{t: t, dir: t.TempDir(), clk: &ktClock{t: start}, loc: start.Location()}
	h := DefaultHouse()
	h.Name = "Kiosk Test House"
	beds, err := ParseBeds("Room 1: A, B, C\nRoom 2: A, B, C\nRoom 3: A, B")
	if err != nil {
		t.Fatal(err)
	}
	h.Beds = beds
	if edit != nil {
		edit(&h)
	}
	e.openVault()
	st, _, err := e.v.Create(h, NewManager{Name: "Morgan Lee", Passcode: ktPasscode, Confirm: ktPasscode})
	if err != nil {
		t.Fatalf("create house: %v", err)
	}
	e.st, e.mgr, e.mgrID = st, ByManager(st.Session()), st.Session().ID
	t.Cleanup(e.close)
	return e
}

func (e *ktEnv) openVault() {
	e.t.Helper()
	v, err := OpenVault(e.dir, WithKDF(KDFParams{Time: 1, Memory: 8 * 1024, Threads: 1}), WithClock(e.clk.now))
	if err != nil {
		e.t.Fatalf("open vault: %v", err)
	}
	e.v = v
}

func (e *ktEnv) close() {
	if e.st != nil {
		e.st.Close()
		e.st = nil
	}
	if e.v != nil {
		e.v.Close()
		e.v = nil
	}
}

// reopen closes and unlocks the store again, as a restart does.
func (e *ktEnv) reopen() {
	e.t.Helper()
	e.close()
	e.openVault()
	st, err := e.v.Unlock(e.mgrID, ktPasscode)
	if err != nil {
		e.t.Fatalf("unlock: %v", err)
	}
	e.st = st
}

// resident adds an active resident in the next free bed.
func (e *ktEnv) resident(first, last, phase string) Resident {
	e.t.Helper()
	h, err := e.st.House()
	if err != nil {
		e.t.Fatal(err)
	}
	today := e.st.Today()
	r, err := e.st.AddResident(e.mgr, Resident{
		First: first, Last: last, Phase: phase, BedID: h.Beds[e.beds].ID,
		MoveIn: today.AddDays(-40), Sobriety: today.AddDays(-29),
	})
	if err != nil {
		e.t.Fatalf("add resident: %v", err)
	}
	e.beds++
	return r
}

// at is a wall-clock time in the env's zone.
func (e *ktEnv) at(y int, m time.Month, d, hh, mm int) time.Time {
	return time.Date(y, m, d, hh, mm, 0, 0, e.loc)
}

// outAndIn signs r out at out and in at in, moving the clock.
func (e *ktEnv) outAndIn(r Resident, out, in time.Time) SignEntry {
	e.t.Helper()
	e.clk.set(out)
	if _, err := e.st.SignOut(KioskActor(r), r.ID, DestWork, "", time.Time{}); err != nil {
		e.t.Fatalf("sign out at %v: %v", out, err)
	}
	e.clk.set(in)
	got, err := e.st.SignIn(KioskActor(r), r.ID)
	if err != nil {
		e.t.Fatalf("sign in at %v: %v", in, err)
	}
	return got
}

// audits returns the audit entries with the given action, oldest first.
func (e *ktEnv) audits(action string) []AuditEntry {
	e.t.Helper()
	all, err := e.st.Audit(time.Time{}, 100000)
	if err != nil {
		e.t.Fatal(err)
	}
	var out []AuditEntry
	for i := len(all) - 1; i >= 0; i-- {
		if all[i].Action == action {
			out = append(out, all[i])
		}
	}
	return out
}

func ktFieldErr(t testing.TB, err error, field string) {
	t.Helper()
	var v ValidationError
	if !errors.As(err, &v) || v.For(field) == "" {
		t.Fatalf("want an error at field %q, got %v", field, err)
	}
}

// --- kiosk view models -------------------------------------------------

// TestKioskTileShowsOnlyKioskFields guards the grid's view model: a new
// field here must be something anyone at the door may see.
func TestKioskTileShowsOnlyKioskFields(t *testing.T) {
	want := []string{"HasPIN", "LockedUntil", "Name", "Out", "ResidentID"}
	var got []string
	typ := reflect.TypeOf(KioskTile{})
	for i := 0; i < typ.NumField(); i++ {
		got = append(got, typ.Field(i).Name)
	}
	sort.Strings(got)
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("KioskTile fields = %v, want only %v", got, want)
	}
}

func TestKioskTiles(t *testing.T) {
	e := ktNew(t, time.Date(2025, time.June, 10, 15, 0, 0, 0, time.UTC), nil)
	maria := e.resident("María José", "Núñez", "Phase 1")
	maria.Preferred = "Majo"
	maria.Notes = "private note"
	if _, err := e.st.UpdateResident(e.mgr, maria); err != nil {
		t.Fatal(err)
	}
	thanh := e.resident("Thanh", "Nguyễn", "Phase 2")
	gone := e.resident("Kenji", "Watanabe", "Phase 2")
	if err := e.st.MoveOut(e.mgr, gone.ID, e.st.Today(), "Completed program"); err != nil {
		t.Fatal(err)
	}
	if err := e.st.SetPIN(e.mgr, maria.ID, "2580"); err != nil {
		t.Fatal(err)
	}
	if _, err := e.st.SignOut(KioskActor(maria), maria.ID, DestErrand, "", time.Time{}); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < PINMaxTries; i++ {
		_ = e.st.CheckPIN(maria.ID, "0000")
	}
	tiles, err := e.st.KioskTiles()
	if err != nil {
		t.Fatal(err)
	}
	// by last name: Nguyễn before Núñez
	want := []KioskTile{
		{ResidentID: thanh.ID, Name: "Thanh N."},
		{ResidentID: maria.ID, Name: "Majo N.", Out: true, HasPIN: true, LockedUntil: e.clk.now().Add(5 * time.Minute)},
	}
	if len(tiles) != len(want) {
		t.Fatalf("tiles = %+v, want %+v", tiles, want)
	}
	for i := range want {
		if tiles[i].ResidentID != want[i].ResidentID || tiles[i].Name != want[i].Name || tiles[i].Out != want[i].Out ||
			tiles[i].HasPIN != want[i].HasPIN || !tiles[i].LockedUntil.Equal(want[i].LockedUntil) {
			t.Errorf("tile %d = %+v, want %+v", i, tiles[i], want[i])
		}
	}
	if !tiles[1].Locked(e.clk.now()) || tiles[1].Locked(e.clk.now().Add(5*time.Minute)) {
		t.Error("Locked should hold for five minutes")
	}
}

func TestMyWeek(t *testing.T) {
	// Wednesday 11 June 2025; the house week runs Monday 9 to Sunday 15.
	e := ktNew(t, time.Date(2025, time.June, 11, 18, 0, 0, 0, ktLoc(t, "America/New_York")), nil)
	me := e.resident("Paweł", "Kowalczyk", "Phase 2")
	other := e.resident("Jamal", "Washington", "Phase 1")
	e.outAndIn(me, e.at(2025, 6, 8, 19, 0), e.at(2025, 6, 8, 21, 0)) // last week
	e.outAndIn(me, e.at(2025, 6, 9, 19, 0), e.at(2025, 6, 9, 22, 30))
	e.outAndIn(other, e.at(2025, 6, 10, 19, 0), e.at(2025, 6, 10, 20, 0))
	e.clk.set(e.at(2025, 6, 11, 17, 0))
	if _, err := e.st.SignOut(KioskActor(me), me.ID, DestMeeting, "", time.Time{}); err != nil {
		t.Fatal(err)
	}
	for _, d := range []int{8, 10} {
		m := OutsideMeeting{ResidentID: me.ID, Pathway: "SMART Recovery", Name: "Wednesday SMART", At: e.at(2025, 6, d, 12, 0)}
		if _, err := e.st.LogOutsideMeeting(KioskActor(me), m); err != nil {
			t.Fatal(err)
		}
	}
	e.clk.set(e.at(2025, 6, 11, 18, 0))
	w, err := e.st.MyWeek(me.ID, e.st.Today())
	if err != nil {
		t.Fatal(err)
	}
	if w.Name != "Paweł K." || w.DaysSober != 29 || !w.HasSobrietyDate || w.NextMilestone.Name != "30 days" {
		t.Errorf("my week header = %q, %d days, next %q", w.Name, w.DaysSober, w.NextMilestone.Name)
	}
	if w.WeekStart != NewDate(2025, 6, 9) || w.WeekEnd != NewDate(2025, 6, 15) {
		t.Errorf("week = %v..%v", w.WeekStart, w.WeekEnd)
	}
	if len(w.SignOuts) != 2 || !w.SignOuts[0].Late || !w.SignOuts[1].In.IsZero() || !w.Out {
		t.Errorf("my sign-outs = %+v (out %v), want Monday's late one and today's open one", w.SignOuts, w.Out)
	}
	if w.MeetingsHave != 1 || w.MeetingsNeed != 3 || len(w.Meetings) != 1 {
		t.Errorf("meetings = %d of %d, want 1 of 3", w.MeetingsHave, w.MeetingsNeed)
	}
	if !w.CurfewTonight.Equal(e.at(2025, 6, 11, 22, 0)) {
		t.Errorf("curfew tonight = %v", w.CurfewTonight)
	}
}

// TestMyWeekShowsOnlyOwnRecords checks the kiosk's view models carry no
// field that could hold another resident's data or a manager's notes.
func TestMyWeekShowsOnlyOwnRecords(t *testing.T) {
	for _, typ := range []reflect.Type{reflect.TypeOf(MyWeek{}), reflect.TypeOf(MySignOut{})} {
		for i := 0; i < typ.NumField(); i++ {
			f := typ.Field(i)
			if f.Type == reflect.TypeOf(Resident{}) || f.Type == reflect.TypeOf([]Resident{}) ||
				strings.Contains(f.Name, "Note") || f.Type == reflect.TypeOf(Actor{}) {
				t.Errorf("%s.%s could show more than the kiosk may", typ.Name(), f.Name)
			}
		}
	}
}

func TestKioskIdle(t *testing.T) {
	if got := (House{}).KioskIdle(); got != DefaultKioskIdle {
		t.Errorf("zero setting = %v, want %v", got, DefaultKioskIdle)
	}
	if got := (House{KioskIdleSeconds: 45}).KioskIdle(); got != 45*time.Second {
		t.Errorf("45 s setting = %v", got)
	}
}

func TestDemoKiosk(t *testing.T) {
	clk := &ktClock{t: time.Date(2025, time.June, 11, 15, 0, 0, 0, ktLoc(t, "America/New_York"))}
	v, err := OpenVault(t.TempDir(), WithKDF(DemoKDF), WithClock(clk.now))
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	st, err := CreateDemo(v)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	rs, err := demoKioskResidents(st)
	if err != nil {
		t.Fatal(err)
	}
	if has, _ := st.HasPIN(rs[0].ID); !has { // until the demo calls it itself
		if err := seedDemoKiosk(st); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.CheckPIN(rs[0].ID, "0110"); err != nil {
		t.Errorf("first demo resident's PIN 0110: %v", err)
	}
	if err := st.CheckPIN(rs[len(rs)-1].ID, "0121"); err != nil {
		t.Errorf("last demo resident's PIN 0121: %v", err)
	}
	out, err := st.OutNow()
	if err != nil || len(out) != 2 {
		t.Fatalf("out now = %+v, %v; want two", out, err)
	}
	log, err := st.SignLog(st.Today().AddDays(-1), st.Today(), rs[2].ID)
	if err != nil || len(log) != 1 || !log[0].Late {
		t.Fatalf("last night's log = %+v, %v; want one late sign-in", log, err)
	}
	w, err := st.MeetingsInWeek(rs[0].ID, NewDate(2025, 6, 9))
	if err != nil || w.Have != 2 {
		t.Fatalf("demo meetings = %+v, %v", w, err)
	}
}

// The kiosk's tiles come in the one name order of every list: by last
// name, then first, by collation, so Łucja Łukasiewicz sorts with the Ls,
// not after Zoë.
func TestKioskTilesInTheResidentsOrder(t *testing.T) {
	st := emptyHouseAt(t, time.Date(2026, 3, 10, 12, 0, 0, 0, time.Local), "Room 1: A, B, C, D")
	h, _ := st.House()
	people := []Resident{
		{First: "Zoë", Last: "Zielińska"},
		{First: "Łucja", Last: "Łukasiewicz"},
		{First: "Ana", Last: "Lopez"},
		{First: "Émile", Last: "Martin"},
	}
	for i, p := range people {
		p.BedID, p.MoveIn = h.Beds[i].ID, st.Today()
		if _, err := st.AddResident(System, p); err != nil {
			t.Fatal(err)
		}
	}
	tiles, err := st.KioskTiles()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, tl := range tiles {
		got = append(got, tl.Name)
	}
	want := []string{"Ana L.", "Łucja Ł.", "Émile M.", "Zoë Z."}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Fatalf("tiles %q, want %q", got, want)
	}
}
