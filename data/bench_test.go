package data_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"porchlight/data"
)

// fndBigHouse is a house with n beds, two to a room.
func fndBigHouse(t testing.TB, n int) data.House {
	t.Helper()
	var lines []string
	for room := 1; 2*(room-1) < n; room++ {
		if 2*room <= n {
			lines = append(lines, fmt.Sprintf("Room %d: A, B", room))
		} else {
			lines = append(lines, fmt.Sprintf("Room %d: A", room))
		}
	}
	h := fndHouse(t, strings.Join(lines, "\n"))
	if len(h.Beds) != n {
		t.Fatalf("house has %d beds, want %d", len(h.Beds), n)
	}
	return h
}

// BenchmarkAddResident measures admitting one resident on a real encrypted
// store with synced writes: validation, bed index, record and audit entry
// in one transaction. The timer stops while each resident moves out again
// so the bed is free for the next.
func BenchmarkAddResident(b *testing.B) {
	e := fndCreateHouse(b, fndBigHouse(b, 20))
	beds := fndBeds(b, e.store)
	today := e.store.Today()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r, err := e.store.AddResident(e.by(), data.Resident{
			First: "Resident", Last: fmt.Sprintf("Number %d", i), BedID: beds[i%len(beds)].ID,
			MoveIn: today, Sobriety: today.AddDays(-i % 400), Phone: "555-0100",
			Notes: "a short private note", Phase: "Phase 1", Pathways: []string{"AA"},
		})
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		if err := e.store.MoveOut(e.by(), r.ID, today, "Completed program"); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
}

// BenchmarkResidentsList measures listing a full house of 200 residents,
// as the Residents screen does on open.
func BenchmarkResidentsList(b *testing.B) {
	const n = 200
	e := fndCreateHouse(b, fndBigHouse(b, n))
	beds := fndBeds(b, e.store)
	today := e.store.Today()
	for i := 0; i < n; i++ {
		_, err := e.store.AddResident(e.by(), data.Resident{
			First: fmt.Sprintf("First%03d", i), Last: fmt.Sprintf("Last%03d", n-i), BedID: beds[i].ID,
			MoveIn: today.AddDays(-i), Sobriety: today.AddDays(-2 * i), Phone: "555-0100",
			Notes: strings.Repeat("note ", 20), Phase: "Phase 2", Pathways: []string{"NA", "SMART Recovery"},
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		rs, err := e.store.Residents()
		if err != nil {
			b.Fatal(err)
		}
		if len(rs) != n {
			b.Fatalf("%d residents, want %d", len(rs), n)
		}
	}
}

func TestDemoHouse(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "demo")
	clock := newFndClock()
	v, err := data.OpenVault(dir, data.WithKDF(data.DemoKDF), data.WithClock(clock.Now))
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	st, err := data.CreateDemo(v)
	if err != nil {
		t.Fatalf("CreateDemo: %v", err)
	}
	check := func(st *data.Store) {
		t.Helper()
		active, err := st.ActiveResidents()
		if err != nil {
			t.Fatal(err)
		}
		if len(active) < 10 || len(active) > 14 {
			t.Fatalf("%d active residents, want about 12", len(active))
		}
		all, _ := st.Residents()
		if len(all) <= len(active) {
			t.Errorf("no moved-out resident in the demo history (%d residents, %d active)", len(all), len(active))
		}
		names := map[string]bool{}
		for _, r := range all {
			names[r.First+" "+r.Last] = true
		}
		for _, want := range []string{"María José Núñez", "Thanh Nguyễn", "Олена Коваленко", "Γιώργος Παπαδόπουλος", "Björn Åkesson", "Siobhán O'Brien", "Paweł Kowalczyk"} {
			if !names[want] {
				t.Errorf("demo resident %q missing or mangled; have %v", want, names)
			}
		}
		occ, _ := st.Occupancy()
		if len(occ) != len(active) {
			t.Errorf("%d beds filled for %d active residents", len(occ), len(active))
		}
		h, _ := st.House()
		if len(h.Beds) < len(active) {
			t.Errorf("%d beds for %d residents", len(h.Beds), len(active))
		}
	}
	check(st)
	if ls := v.Logins(); len(ls) != 2 || ls[0].Name != data.DemoManager {
		t.Errorf("demo logins = %+v", ls)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	// The demo passcode unlocks it again, with everything intact.
	st, err = v.Unlock(v.Logins()[0].ID, data.DemoPasscode)
	if err != nil {
		t.Fatalf("Unlock demo: %v", err)
	}
	defer st.Close()
	check(st)
	// This week's celebrations come out of the demo data too.
	h, _ := st.House()
	from, to := h.Week(st.Today())
	if _, err := st.MilestonesIn(from, to); err != nil {
		t.Fatalf("MilestonesIn: %v", err)
	}
}
