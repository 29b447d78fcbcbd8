package data

import (
	"fmt"
	"math/rand"
	"testing"
	"time"
)

// benchRosterHouse is 40 residents, 30 chores (a third daily, some for two
// people) and the rotation's own rosters for the 52 weeks before week.
func benchRosterHouse(tb testing.TB, week Date) RosterInput {
	tb.Helper()
	r := rand.New(rand.NewSource(52))
	in := RosterInput{Week: week, Window: DefaultWindowWeeks}
	for i := range 40 {
		in.Members = append(in.Members, RosterMember{ID: fmt.Sprintf("res%03d", i), Present: []Span{{From: week.AddDays(-400)}}})
	}
	for i := range 30 {
		c := Chore{ID: fmt.Sprintf("chore%02d", i), Name: fmt.Sprintf("Chore %d", i), Effort: 1 + r.Intn(5),
			Frequency: Weekly, Weekday: time.Weekday(r.Intn(7)), People: 1 + i%5/4, Active: true}
		if i%3 == 0 {
			c.Frequency = Daily
		}
		in.Chores = append(in.Chores, c)
	}
	for w := 52; w > 0; w-- {
		past := in
		past.Week = week.AddDays(-7 * w)
		in.History = append(in.History, PlanRoster(past)...)
	}
	return in
}

// BenchmarkGenerateRoster times the rotation itself: 40 residents, 30
// chores, 52 weeks of history handed in (of which the window's count).
func BenchmarkGenerateRoster(b *testing.B) {
	in := benchRosterHouse(b, NewDate(2025, 3, 10))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		PlanRoster(in)
	}
	b.ReportMetric(float64(len(PlanRoster(in))), "assignments")
}

// BenchmarkGenerateRosterStore times Store.GenerateRoster for the same
// house in the encrypted Badger store holding 52 weeks of rosters: reading
// the window, planning, and writing the week with its audit entry (synced).
func BenchmarkGenerateRosterStore(b *testing.B) {
	h := benchStoreHouse(b)
	week := h.st.Today().WeekStart(time.Monday)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := h.st.GenerateRoster(h.manager, week); err != nil {
			b.Fatal(err)
		}
	}
}

// benchStoreHouse fills a store with 40 residents, 30 chores and 52 weeks
// of rosters, made week by week as the house would.
func benchStoreHouse(b *testing.B) *choreHouse {
	b.Helper()
	now := time.Date(2024, 3, 4, 9, 0, 0, 0, time.Local)
	h := &choreHouse{now: &now}
	v, err := OpenVault(b.TempDir(), WithKDF(KDFParams{Time: 1, Memory: 8 * 1024, Threads: 1}), WithClock(func() time.Time { return *h.now }))
	if err != nil {
		b.Fatal(err)
	}
	house := DefaultHouse()
	house.Name = "Bench House"
	if house.Beds, err = ParseBeds(benchBeds(40)); err != nil {
		b.Fatal(err)
	}
	st, _, err := v.Create(house, NewManager{Name: "Sam Rivera", Passcode: "porchlight", Confirm: "porchlight"})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close(); v.Close() })
	h.st, h.manager = st, ByManager(st.Session())
	house, _ = st.House()
	in := benchRosterHouse(b, st.Today())
	for i := range in.Members {
		h.addResident(b, fmt.Sprintf("Resident%02d Test", i), house.Beds[i].ID, st.Today().AddDays(-30))
	}
	for _, c := range in.Chores {
		if _, err := st.AddChore(h.manager, c); err != nil {
			b.Fatal(err)
		}
	}
	for range 52 {
		if _, err := st.GenerateRoster(h.manager, st.Today()); err != nil {
			b.Fatal(err)
		}
		*h.now = h.now.AddDate(0, 0, 7)
	}
	return h
}

func benchBeds(n int) string {
	s := ""
	for i := range n {
		s += fmt.Sprintf("Room %d\n", i+1)
	}
	return s
}
