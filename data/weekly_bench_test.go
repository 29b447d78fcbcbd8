package data

import (
	"fmt"
	"strings"
	"testing"
	"time"

	badger "github.com/dgraph-io/badger/v4"
)

// BenchmarkWeeklyReport gathers one week's manager copy (notes and
// contacts ticked) on a 40-bed house with a year, then ten years, of
// history: every resident signs out and back once a day and logs three
// outside meetings a week, and a resident moves on every four days. The
// cost should follow the week, not the history; what still grows with it
// is the residents' records (moved-out residents are read in full, as every
// resident list in the store is).
//
//	go test ./data -run '^$' -bench WeeklyReport -benchmem
func BenchmarkWeeklyReport(b *testing.B) {
	for _, years := range []int{1, 10} {
		b.Run(fmt.Sprintf("history=%dy", years), func(b *testing.B) {
			st, week := weeklyHistory(b, years)
			q := WeeklyQuery{Week: week, Copy: CopyManager, Sensitive: SensitiveParts{Notes: true, Contacts: true}}
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				rep, err := st.WeeklyReport(q)
				if err != nil {
					b.Fatal(err)
				}
				if rep.Census.Filled != 40 || rep.SignOuts.Outings != 40*7 {
					b.Fatalf("census %d, outings %d", rep.Census.Filled, rep.SignOuts.Outings)
				}
			}
		})
	}
}

// weeklyHistory writes the history straight into the store in large
// transactions (the API's synced writes would take hours) and returns the
// last full week.
func weeklyHistory(b *testing.B, years int) (*Store, Date) {
	now := time.Date(2026, 11, 30, 8, 0, 0, 0, time.Local)
	lines := make([]string, 20)
	for i := range lines {
		lines[i] = fmt.Sprintf("Room %d: A, B", i+1)
	}
	v, err := OpenVault(b.TempDir(), WithKDF(DemoKDF), WithClock(func() time.Time { return now }))
	if err != nil {
		b.Fatal(err)
	}
	h := DefaultHouse()
	h.Name = "Bench House"
	if h.Beds, err = ParseBeds(strings.Join(lines, "\n")); err != nil {
		b.Fatal(err)
	}
	st, _, err := v.Create(h, NewManager{Name: "Sam", Passcode: "long enough", Confirm: "long enough"})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close(); v.Close() })
	if h, err = st.House(); err != nil {
		b.Fatal(err)
	}
	today := st.Today()
	start := today.AddDays(-365 * years)
	w := &benchWriter{st: st}
	var current []Resident
	for i, bed := range h.Beds {
		r := benchResident(i, bed.ID, start)
		current = append(current, r)
	}
	n := len(h.Beds)
	for d := start; d.Before(today); d = d.AddDays(1) {
		day := d.DaysSince(start)
		if day%4 == 3 { // one resident moves on, another takes the bed
			k := (day / 4) % len(current)
			old := current[k]
			old.Status, old.BedID = StatusMovedOut, ""
			old.Stays = []Stay{{MoveIn: old.MoveIn, MoveOut: d, Reason: MoveOutReasons[day%len(MoveOutReasons)], Bed: h.Beds[k].Label()}}
			w.resident(old)
			current[k] = benchResident(n, h.Beds[k].ID, d)
			n++
		}
		for k, r := range current {
			w.day(r, d, k)
		}
	}
	for _, r := range current {
		w.resident(r)
		w.put(pfxBed+r.BedID, r.ID)
	}
	w.flush()
	if w.err != nil {
		b.Fatal(w.err)
	}
	return st, today.WeekStart(h.WeekStart).AddDays(-7)
}

func benchResident(i int, bed string, moveIn Date) Resident {
	return Resident{V: schemaVersion, ID: newID(), First: fmt.Sprintf("First%04d", i), Last: fmt.Sprintf("Last%04d", i),
		BedID: bed, MoveIn: moveIn, Sobriety: moveIn.AddDays(-30), Status: StatusActive, Phase: "Phase 2",
		Phone: "555-0100", Notes: "a private note of a few words"}
}

// benchWriter batches raw writes into transactions of a few hundred.
type benchWriter struct {
	st  *Store
	txn *badger.Txn
	n   int
	err error
}

func (w *benchWriter) put(key string, v any) {
	if w.err != nil {
		return
	}
	if w.txn == nil {
		w.txn = w.st.db.NewTransaction(true)
	}
	w.err = putJSON(w.txn, key, v)
	if w.n++; w.n >= 500 {
		w.flush()
	}
}

// resident writes a resident's record with its active-index key, as
// putResident does.
func (w *benchWriter) resident(r Resident) {
	w.put(pfxRes+r.ID, r)
	for _, st := range r.Stays {
		w.put(leftKey(st.MoveOut, r.ID), true)
	}
	if r.Active() {
		w.put(pfxActive+r.ID, true)
	} else if w.err == nil && w.txn != nil {
		w.err = w.txn.Delete([]byte(pfxActive + r.ID))
	}
}

func (w *benchWriter) flush() {
	if w.txn != nil && w.err == nil {
		w.err = w.txn.Commit()
	}
	w.txn, w.n = nil, 0
}

// day writes one resident's outing, and on three days a week an outside
// meeting.
func (w *benchWriter) day(r Resident, d Date, k int) {
	loc := w.st.houseZone()
	out := d.At(9+k%8, k%60, loc)
	e := SignEntry{V: schemaVersion, ID: timeID(out), ResidentID: r.ID, Kind: DestWork, Out: out,
		ExpectedBack: out.Add(8 * time.Hour), In: out.Add(7 * time.Hour)}
	w.put(pfxSign+e.ID, e)
	w.put(pfxSignRes+r.ID+"/"+e.ID, e.ID)
	if int(d.Weekday())%2 == 1 {
		at := d.At(19, 0, loc)
		m := OutsideMeeting{V: schemaVersion, ID: timeID(at), ResidentID: r.ID, Pathway: "AA", Name: "Evening group", At: at}
		w.put(pfxOutsideMtg+m.ID, m)
		w.put(pfxOutsideMtgRes+r.ID+"/"+m.ID, m.ID)
	}
}

// BenchmarkKioskTilesHistory is the kiosk's grid (read on every return to
// it) on the same 40-bed house with one and ten years of residents behind
// it: the active index keeps it to the forty living there.
//
//	go test ./data -run '^$' -bench 'KioskTilesHistory|DashboardHistory' -benchmem
func BenchmarkKioskTilesHistory(b *testing.B) {
	for _, years := range []int{1, 10} {
		b.Run(fmt.Sprintf("history=%dy", years), func(b *testing.B) {
			st, _ := weeklyHistory(b, years)
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				tiles, err := st.KioskTiles()
				if err != nil || len(tiles) != 40 {
					b.Fatalf("%d tiles, %v", len(tiles), err)
				}
			}
		})
	}
}

// BenchmarkGenerateRosterHistory makes next week's chore roster on the same
// 40-bed house with one and ten years of residents behind it.
//
//	go test ./data -run '^$' -bench GenerateRosterHistory -benchmem
func BenchmarkGenerateRosterHistory(b *testing.B) {
	for _, years := range []int{1, 10} {
		b.Run(fmt.Sprintf("history=%dy", years), func(b *testing.B) {
			st, week := weeklyHistory(b, years)
			for i := range 30 {
				c := Chore{Name: fmt.Sprintf("Chore %d", i), Area: "House", Effort: 1 + i%5, Frequency: Weekly,
					Weekday: time.Weekday(i % 7), People: 1, Active: true}
				if i < 10 {
					c.Frequency = Daily
				}
				if _, err := st.AddChore(System, c); err != nil {
					b.Fatal(err)
				}
			}
			next := week.AddDays(7)
			b.ReportAllocs()
			b.ResetTimer()
			for range b.N {
				if _, err := st.GenerateRoster(System, next); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
