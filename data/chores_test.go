package data

import (
	"errors"
	"fmt"
	"testing"
	"time"
)

// choreHouse is a real encrypted store in a temporary folder, with a clock
// the test can move, for the chore tests.
type choreHouse struct {
	st        *Store
	now       *time.Time
	residents []Resident
	manager   Actor
}

// choreTestNow is a Wednesday: the house week runs Monday 3 to Sunday 9
// March 2025.
var choreTestNow = time.Date(2025, 3, 5, 10, 0, 0, 0, time.Local)

func newChoreHouse(t *testing.T, names ...string) *choreHouse {
	t.Helper()
	now := choreTestNow
	h := &choreHouse{now: &now}
	v, err := OpenVault(t.TempDir(), WithKDF(KDFParams{Time: 1, Memory: 8 * 1024, Threads: 1}),
		WithClock(func() time.Time { return *h.now }))
	if err != nil {
		t.Fatal(err)
	}
	house := DefaultHouse()
	house.Name = "Test House"
	if house.Beds, err = ParseBeds("Room 1: A, B, C, D, E, F, G, H\nRoom 2: A, B, C, D, E, F, G, H"); err != nil {
		t.Fatal(err)
	}
	st, _, err := v.Create(house, NewManager{Name: "Sam Rivera", Passcode: "porchlight", Confirm: "porchlight"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close(); v.Close() })
	h.st, h.manager = st, ByManager(st.Session())
	if house, err = st.House(); err != nil {
		t.Fatal(err)
	}
	for i, n := range names {
		h.addResident(t, n, house.Beds[i].ID, st.Today().AddDays(-60))
	}
	return h
}

func (h *choreHouse) addResident(t testing.TB, name, bed string, moveIn Date) Resident {
	t.Helper()
	var first, last string
	if _, err := fmt.Sscan(name, &first, &last); err != nil {
		t.Fatalf("name %q: %v", name, err)
	}
	r, err := h.st.AddResident(System, Resident{First: first, Last: last, BedID: bed, MoveIn: moveIn})
	if err != nil {
		t.Fatal(err)
	}
	h.residents = append(h.residents, r)
	return r
}

func (h *choreHouse) addChore(t *testing.T, c Chore) Chore {
	t.Helper()
	c.Active = true
	c, err := h.st.AddChore(h.manager, c)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func fieldMsg(t *testing.T, err error, field string) string {
	t.Helper()
	var v ValidationError
	if !errors.As(err, &v) {
		t.Fatalf("want a ValidationError for %s, got %v", field, err)
	}
	msg := v.For(field)
	if msg == "" {
		t.Fatalf("want a message for %s, got %v", field, err)
	}
	return msg
}

func TestChoreValidation(t *testing.T) {
	h := newChoreHouse(t, "Ana Núñez", "Thanh Nguyễn")
	cases := []struct {
		name  string
		chore Chore
		field string
	}{
		{"no name", Chore{Name: "  ", Effort: 2, Frequency: Daily, People: 1}, FieldChoreName},
		{"effort 0", Chore{Name: "Dishes", Effort: 0, Frequency: Daily, People: 1}, FieldEffort},
		{"effort 6", Chore{Name: "Dishes", Effort: 6, Frequency: Daily, People: 1}, FieldEffort},
		{"no frequency", Chore{Name: "Dishes", Effort: 2, People: 1}, FieldFrequency},
		{"bad weekday", Chore{Name: "Dishes", Effort: 2, Frequency: Weekly, Weekday: 9, People: 1}, FieldWeekday},
		{"no people", Chore{Name: "Dishes", Effort: 2, Frequency: Daily, People: 0}, FieldPeople},
		{"more people than residents", Chore{Name: "Yard", Effort: 2, Frequency: Daily, People: 3}, FieldPeople},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			c.chore.Active = true
			_, err := h.st.AddChore(h.manager, c.chore)
			t.Logf("%s: %s", c.field, fieldMsg(t, err, c.field))
		})
	}
	if cs, _ := h.st.Chores(); len(cs) != 0 {
		t.Fatalf("refused chores were saved: %v", cs)
	}
	_, err := h.st.AddChore(h.manager, Chore{Name: "Yard", Effort: 2, Frequency: Daily, People: 3, Active: true})
	if msg := fieldMsg(t, err, FieldPeople); msg != "it needs 3 people but only 2 residents live in the house" {
		t.Errorf("people message: %q", msg)
	}
}

func TestChoreCRUD(t *testing.T) {
	h := newChoreHouse(t, "Ana Núñez", "Thanh Nguyễn")
	c := h.addChore(t, Chore{Name: " Upstairs   bathroom ", Area: "Upstairs", Effort: 4, Frequency: Weekly,
		Weekday: time.Saturday, People: 1, Checklist: []string{" Toilet ", "", "Mirror"}})
	if c.Name != "Upstairs bathroom" || len(c.Checklist) != 2 || c.ID == "" {
		t.Fatalf("saved chore not tidied: %+v", c)
	}
	if _, err := h.st.AddChore(h.manager, Chore{Name: "upstairs BATHROOM", Effort: 1, Frequency: Daily, People: 1}); err == nil {
		t.Fatal("a second chore with the same name was accepted")
	}
	c.Effort = 5
	if _, err := h.st.UpdateChore(h.manager, c); err != nil {
		t.Fatal(err)
	}
	got, err := h.st.Chore(c.ID)
	if err != nil || got.Effort != 5 || got.Schedule() != "Saturdays" {
		t.Fatalf("after update: %+v, %v", got, err)
	}
	c.Effort = 9
	if _, err := h.st.UpdateChore(h.manager, c); err == nil {
		t.Fatal("update with effort 9 accepted")
	}
	if got, _ := h.st.Chore(c.ID); got.Effort != 5 {
		t.Fatalf("refused update changed the chore: %+v", got)
	}
	if err := h.st.DeleteChore(h.manager, c.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := h.st.Chore(c.ID); !errors.Is(err, ErrNotFound) {
		t.Fatalf("deleted chore still there: %v", err)
	}
	if _, err := h.st.UpdateChore(h.manager, c); !errors.Is(err, ErrNotFound) {
		t.Fatalf("update of a deleted chore: %v", err)
	}
}

func TestChoreSettings(t *testing.T) {
	h := newChoreHouse(t)
	cs, err := h.st.ChoreSettings()
	if err != nil || cs != DefaultChoreSettings() {
		t.Fatalf("defaults: %+v, %v", cs, err)
	}
	if err := h.st.SaveChoreSettings(h.manager, ChoreSettings{WindowWeeks: 0}); err == nil {
		t.Fatal("window of 0 weeks accepted")
	}
	want := ChoreSettings{ExcuseNewResidents: false, ExcuseOvernightPass: true, WindowWeeks: 4}
	if err := h.st.SaveChoreSettings(h.manager, want); err != nil {
		t.Fatal(err)
	}
	if got, _ := h.st.ChoreSettings(); got.WindowWeeks != 4 || got.ExcuseNewResidents {
		t.Fatalf("saved settings: %+v", got)
	}
}
