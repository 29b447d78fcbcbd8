package data

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	badger "github.com/dgraph-io/badger/v4"
)

// TestPhaseMigrationFromVersion1 writes a store in the version-1 layout
// (phase rules as maps on the house record, no phase records), reopens it
// and finds the phases as records that the kiosk's curfew and the outside
// meeting count read.
func TestPhaseMigrationFromVersion1(t *testing.T) {
	now := time.Date(2025, 6, 12, 12, 0, 0, 0, time.UTC)
	dir := t.TempDir()
	v, err := OpenVault(dir, WithKDF(DemoKDF), WithClock(func() time.Time { return now }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { v.Close() })
	h := DefaultHouse()
	h.Name = "Old House"
	h.Beds, _ = ParseBeds("Room 1: A, B")
	st, _, err := v.Create(h, NewManager{Name: "Sam", Passcode: "long enough", Confirm: "long enough"})
	if err != nil {
		t.Fatal(err)
	}
	mgr := st.Session()
	hh, _ := st.House()
	r, err := st.AddResident(System, Resident{First: "Björn", Last: "Åkesson", Phase: "Phase 3", BedID: hh.Beds[0].ID, MoveIn: NewDate(2025, 1, 1)})
	if err != nil {
		t.Fatal(err)
	}
	writeVersion1Layout(t, st)
	st.Close()

	st, err = v.Unlock(mgr.ID, "long enough")
	if err != nil {
		t.Fatalf("reopen old store: %v", err)
	}
	defer st.Close()
	if ver, _ := st.SchemaVersion(); ver != schemaVersion {
		t.Fatalf("version after migration = %d, want %d", ver, schemaVersion)
	}
	phases, err := st.Phases()
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, p := range phases {
		names = append(names, p.Name)
	}
	if strings.Join(names, ",") != "Phase 1,Phase 2,Phase 3" {
		t.Fatalf("phases after migration = %v", names)
	}
	if phases[0].OutsideMeetings != 5 || phases[2].OutsideMeetings != 2 || phases[2].OwnCurfew != true {
		t.Errorf("rules not carried over: %+v", phases)
	}
	h2, err := st.House()
	if err != nil {
		t.Fatal(err)
	}
	if h2.PhaseCurfews != nil || h2.OutsideMeetings != nil {
		t.Error("the old maps are still on the house record")
	}
	if c := h2.CurfewFor("Phase 3", NewDate(2025, 6, 12)); c != (ClockTime{23, 30}) {
		t.Errorf("phase 3 weeknight curfew = %v, want 23:30 from the old map", c)
	}
	mw, err := st.MeetingsInWeek(r.ID, NewDate(2025, 6, 9))
	if err != nil || mw.Need != 2 {
		t.Errorf("outside meetings needed = %d (%v), want 2 from the old map", mw.Need, err)
	}
}

// writeVersion1Layout rewrites st's house in the version-1 layout.
func writeVersion1Layout(t *testing.T, st *Store) {
	t.Helper()
	err := st.db.Update(func(txn *badger.Txn) error {
		h, err := readHouse(txn)
		if err != nil {
			return err
		}
		for _, p := range h.PhaseRules {
			if err := txn.Delete([]byte(pfxPhase + p.ID)); err != nil {
				return err
			}
		}
		old := map[string]any{
			"v": 1, "name": h.Name, "address": h.Address, "beds": h.Beds,
			"curfew_weeknight": "22:00", "curfew_weekend": "23:59", "week_start": 1,
			"phases": []string{"Phase 1", "Phase 2", "Phase 3"}, "idle_minutes": 10,
			"phase_curfews":    map[string]any{"Phase 3": map[string]string{"weeknight": "23:30", "weekend": "01:00"}},
			"outside_meetings": map[string]int{"Phase 1": 5, "Phase 2": 3, "Phase 3": 2},
		}
		b, _ := json.Marshal(old)
		if err := txn.Set([]byte(keyHouse), b); err != nil {
			return err
		}
		return putJSON(txn, keyVersion, 1)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestPhaseValidationAndDelete(t *testing.T) {
	st := emptyHouseAt(t, time.Date(2025, 6, 12, 12, 0, 0, 0, time.UTC), "Room 1: A, B")
	h, _ := st.House()
	_, err := st.SavePhase(System, Phase{Name: "Phase 4", Criteria: Criteria{DaysInPhase: -1, MeetingsWeeksMet: 5, MeetingsWeeks: 4}})
	var v ValidationError
	if !errors.As(err, &v) || v.For(FieldDaysInPhase) == "" || v.For(FieldMeetingsWeeksMet) == "" {
		t.Fatalf("impossible criteria: %v", err)
	}
	if _, err := st.SavePhase(System, Phase{Name: "phase 1"}); !errors.As(err, &v) || v.For(FieldPhaseName) == "" {
		t.Errorf("duplicate name accepted: %v", err)
	}
	p4, err := st.SavePhase(System, Phase{Name: "Phase 4", Criteria: Criteria{DaysSober: 10}})
	if err != nil {
		t.Fatal(err)
	}
	if p4.Order != 3 {
		t.Errorf("new phase order = %d, want 3 (last)", p4.Order)
	}
	p3, _ := h.PhaseNamed("Phase 3")
	p3.Criteria.DaysSober = 90
	if _, err := st.SavePhase(System, p3); err != nil {
		t.Fatal(err)
	}
	ps, _ := st.Phases()
	if w := PhaseWarnings(p4, ps); len(w) == 0 || !strings.Contains(w[0], "fewer days sober") {
		t.Errorf("later phase with lower requirement not warned: %v", w)
	}
	r, err := st.AddResident(System, Resident{First: "Zoë", Last: "Lefèvre", Phase: "Phase 4", BedID: h.Beds[0].ID, MoveIn: NewDate(2025, 6, 1)})
	if err != nil {
		t.Fatal(err)
	}
	err = st.DeletePhase(System, p4.ID)
	if !errors.As(err, &v) || !strings.Contains(err.Error(), "Zoë L.") {
		t.Fatalf("deleting a held phase: %v, want refused naming Zoë L.", err)
	}
	p4.Name = "Phase Four"
	if _, err := st.SavePhase(System, p4); err != nil {
		t.Fatal(err)
	}
	if got, _ := st.Resident(r.ID); got.Phase != "Phase Four" {
		t.Errorf("rename did not follow to the resident: %q", got.Phase)
	}
	// The settings screen's comma list cannot drop a held phase either.
	h, _ = st.House()
	h.Phases = []string{"Phase 1", "Phase 2", "Phase 3"}
	if err := st.SaveHouse(System, h); err == nil {
		t.Error("settings dropped a phase a resident holds")
	}
	h.Phases = []string{"Phase Four", "Phase 1", "Phase 2", "Phase 3", "Phase 5"}
	if err := st.SaveHouse(System, h); err != nil {
		t.Fatal(err)
	}
	h, _ = st.House()
	if strings.Join(h.Phases, ",") != "Phase Four,Phase 1,Phase 2,Phase 3,Phase 5" {
		t.Errorf("phases after settings save = %v", h.Phases)
	}
	if p, _ := h.PhaseNamed("Phase 1"); p.OutsideMeetings != 5 {
		t.Errorf("phase 1 lost its rules on reorder: %+v", p)
	}
}

func TestPassAllowance(t *testing.T) {
	st := emptyHouseAt(t, acctNow, "Room 1: A, B")
	h, _ := st.House()
	p1, _ := h.PhaseNamed("Phase 1")
	p1.OvernightPasses = 2
	if _, err := st.SavePhase(System, p1); err != nil {
		t.Fatal(err)
	}
	r := addResidentAt(t, st, "Aoife", "Ní Bhriain", "Phase 1", 60, 90)
	if _, err := st.AddPass(System, r.ID, time.Date(2025, 6, 13, 18, 0, 0, 0, time.UTC), time.Date(2025, 6, 14, 18, 0, 0, 0, time.UTC), "Family", "Sam"); err != nil {
		t.Fatal(err)
	}
	used, allowed, err := st.PassAllowance(r.ID, st.Today())
	if err != nil || used != 1 || allowed != 2 {
		t.Errorf("allowance = %d of %d (%v), want 1 of 2", used, allowed, err)
	}
	if used, _, _ := st.PassAllowance(r.ID, NewDate(2025, 7, 1)); used != 0 {
		t.Errorf("July used = %d, want 0", used)
	}
}
