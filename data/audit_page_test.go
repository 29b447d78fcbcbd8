package data

import (
	"testing"
	"time"
)

func TestAuditPageSkipsNothingWrittenInTheSameInstant(t *testing.T) {
	now := time.Date(2025, 3, 12, 10, 0, 0, 0, time.UTC) // a clock that never moves
	st := emptyHouseAt(t, now, "Room 1: A, B, C, D, E, F, G")
	house, _ := st.House()
	for i := range 7 {
		if _, err := st.AddResident(System, Resident{First: "R", Last: string(rune('A' + i)), BedID: house.Beds[i].ID, MoveIn: st.Today()}); err != nil {
			t.Fatal(err)
		}
	}
	all, _, err := st.AuditPage(nil, 100)
	if err != nil || len(all) != 8 { // setup + 7 residents
		t.Fatalf("all: %d entries, %v", len(all), err)
	}
	var paged []AuditEntry
	var cur AuditCursor
	for pages := 0; ; pages++ {
		es, next, err := st.AuditPage(cur, 3)
		if err != nil {
			t.Fatal(err)
		}
		paged = append(paged, es...)
		if next == nil {
			break
		}
		if pages > 5 {
			t.Fatal("paging does not end")
		}
		cur = next
	}
	if len(paged) != len(all) {
		t.Fatalf("paged %d entries, want %d", len(paged), len(all))
	}
	for i := range all {
		if paged[i].Action != all[i].Action || paged[i].Subject != all[i].Subject {
			t.Errorf("entry %d: %+v, want %+v", i, paged[i], all[i])
		}
	}
}
