package data

import (
	"testing"
	"time"

	badger "github.com/dgraph-io/badger/v4"
)

// Fuzz targets for the write APIs: whatever a caller hands in, either the
// write is refused or the saved record reads back, and the list it belongs
// to still loads. Run one with, e.g.:
//
//	go test ./data -run '^$' -fuzz FuzzResidentRecord -fuzztime 30s
//
// Plain `go test` runs each target over its seed corpus (the f.Add lines).

var fuzzNow = time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)

func FuzzResidentRecord(f *testing.F) {
	f.Add("Ana", "Núñez", 2025, 2, 29, 2026, 1, 5)  // 29 Feb in a non-leap year
	f.Add("Bo", "Li", 2026, 0, 0, 2026, 3, 1)       // day 0, month 0
	f.Add("Cy", "O'Brien", -5, 13, 32, 2026, 3, 1)  // a negative year, month 13, day 32
	f.Add("Dee", "Łukasz", 2024, 2, 29, 2026, 3, 9) // a real 29 Feb
	f.Add("", "", 0, 0, 0, 0, 0, 0)
	f.Fuzz(func(t *testing.T, first, last string, sy, sm, sd, my, mm, md int) {
		st := emptyHouseAt(t, fuzzNow, "Room 1: A")
		h, _ := st.House()
		r := Resident{First: first, Last: last, BedID: h.Beds[0].ID,
			Sobriety: Date{Year: sy, Month: time.Month(sm), Day: sd},
			MoveIn:   Date{Year: my, Month: time.Month(mm), Day: md}}
		saved, err := st.AddResident(System, r)
		rs, lerr := st.Residents()
		if lerr != nil {
			t.Fatalf("the residents list no longer loads after %+v: %v", r, lerr)
		}
		if err != nil {
			if len(rs) != 0 {
				t.Fatalf("a refused resident was saved: %v", err)
			}
			return
		}
		back, err := st.Resident(saved.ID)
		if err != nil || back.Sobriety != saved.Sobriety || back.MoveIn != saved.MoveIn || back.First != saved.First {
			t.Fatalf("saved %+v, read back %+v (%v)", saved, back, err)
		}
	})
}

func FuzzHouseCurfew(f *testing.F) {
	f.Add(25, 61, 23, 0)
	f.Add(-1, 0, 0, -1)
	f.Add(22, 30, 23, 59)
	f.Fuzz(func(t *testing.T, wh, wm, eh, em int) {
		st := emptyHouseAt(t, fuzzNow, "Room 1: A")
		h, err := st.House()
		if err != nil {
			t.Fatal(err)
		}
		h.CurfewWeeknight = ClockTime{Hour: wh, Min: wm}
		h.CurfewWeekend = ClockTime{Hour: eh, Min: em}
		saveErr := st.SaveHouse(System, h)
		back, err := st.House()
		if err != nil {
			t.Fatalf("the house no longer loads after curfews %v, %v: %v", h.CurfewWeeknight, h.CurfewWeekend, err)
		}
		if saveErr == nil && (back.CurfewWeeknight != h.CurfewWeeknight || back.CurfewWeekend != h.CurfewWeekend) {
			t.Fatalf("saved %v/%v, read back %v/%v", h.CurfewWeeknight, h.CurfewWeekend, back.CurfewWeeknight, back.CurfewWeekend)
		}
		// and the house can always be repaired with good values
		back.CurfewWeeknight, back.CurfewWeekend = ClockTime{Hour: 22}, ClockTime{Hour: 23, Min: 59}
		if err := st.SaveHouse(System, back); err != nil {
			t.Fatalf("a good curfew cannot be saved after a bad one: %v", err)
		}
	})
}

func FuzzMeetingSchedule(f *testing.F) {
	f.Add(99, 99, 2026, 13, 1, 3)
	f.Add(19, 30, 2026, 3, 12, 3)
	f.Add(24, 0, 0, 0, 0, 9)
	f.Fuzz(func(t *testing.T, hh, mm, y, mo, d, weekday int) {
		st := emptyHouseAt(t, fuzzNow, "Room 1: A")
		sc := MeetingSchedule{Kind: MeetingHouse, Weekday: time.Weekday(weekday),
			Start: ClockTime{Hour: hh, Min: mm}, Once: Date{Year: y, Month: time.Month(mo), Day: d}}
		_, saveErr := st.SaveMeetingSchedule(System, sc)
		all, err := st.MeetingSchedules()
		if err != nil {
			t.Fatalf("the schedules no longer load after %+v: %v", sc, err)
		}
		if saveErr != nil && len(all) != 0 {
			t.Fatalf("a refused schedule was saved: %v", saveErr)
		}
	})
}

// A record that cannot be read is left out of its list, not allowed to
// stop the whole list from loading.
func TestOneUnreadableRecordDoesNotStopTheList(t *testing.T) {
	st := emptyHouseAt(t, fuzzNow, "Room 1: A, B")
	h, _ := st.House()
	ok, err := st.AddResident(System, Resident{First: "Ana", Last: "Lopez", BedID: h.Beds[0].ID, MoveIn: NewDate(2026, 3, 1)})
	if err != nil {
		t.Fatal(err)
	}
	err = st.db.Update(func(txn *badger.Txn) error {
		return txn.Set([]byte(pfxRes+"broken"), []byte(`{"id":"broken","sobriety":"2025-02-29"}`))
	})
	if err != nil {
		t.Fatal(err)
	}
	rs, err := st.Residents()
	if err != nil || len(rs) != 1 || rs[0].ID != ok.ID {
		t.Fatalf("residents with one unreadable record: %v, %v", rs, err)
	}
}
