package data

import (
	"testing"
	"time"
)

// The cached house follows every change to the house and its phases, and
// what a caller changes in its copy never reaches the next reader.
func TestHouseCacheFollowsChanges(t *testing.T) {
	st := emptyHouseAt(t, time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC), "Room 1: A, B")
	h, err := st.House()
	if err != nil {
		t.Fatal(err)
	}
	h.Beds[0].Room, h.Phases[0], h.PhaseRules[0].Name = "Scribbled", "Scribbled", "Scribbled"
	h.OutsideMeetings = map[string]int{"x": 9}
	again, _ := st.House()
	if again.Beds[0].Room != "Room 1" || again.Phases[0] == "Scribbled" || again.PhaseRules[0].Name == "Scribbled" {
		t.Fatalf("a caller's change reached the cache: %+v", again)
	}

	again.Name = "Renamed House"
	if err := st.SaveHouse(System, again); err != nil {
		t.Fatal(err)
	}
	if got, _ := st.House(); got.Name != "Renamed House" {
		t.Fatalf("house name after save = %q", got.Name)
	}

	p := again.PhaseRules[0]
	p.OutsideMeetings = 7
	if _, err := st.SavePhase(System, p); err != nil {
		t.Fatal(err)
	}
	if got, _ := st.House(); got.PhaseRules[0].OutsideMeetings != 7 {
		t.Fatalf("phase rule after save = %+v", got.PhaseRules[0])
	}
	added, err := st.SavePhase(System, Phase{Name: "Alumni", Order: 99})
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := st.House(); got.Phases[len(got.Phases)-1] != "Alumni" {
		t.Fatalf("phases after adding one = %v", got.Phases)
	}
	if err := st.DeletePhase(System, added.ID); err != nil {
		t.Fatal(err)
	}
	if got, _ := st.House(); got.Phases[len(got.Phases)-1] == "Alumni" {
		t.Fatalf("phases after deleting one = %v", got.Phases)
	}
}
