package data

import (
	"strings"
	"testing"
	"time"

	badger "github.com/dgraph-io/badger/v4"
)

// The active index follows every change of who lives here, and a store
// written before the index existed gets it when it opens.
func TestActiveIndexFollowsMovesAndMigrates(t *testing.T) {
	now := time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)
	st := emptyHouseAt(t, now, "Room 1: A, B, C")
	h, _ := st.House()
	var ids []string
	for i, n := range []string{"Ana", "Bo", "Cy"} {
		r, err := st.AddResident(System, Resident{First: n, Last: "Lopez", BedID: h.Beds[i].ID, MoveIn: NewDate(2026, 3, 1)})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, r.ID)
	}
	active := func() int {
		rs, err := st.ActiveResidents()
		if err != nil {
			t.Fatal(err)
		}
		return len(rs)
	}
	if err := st.MoveOut(System, ids[1], NewDate(2026, 3, 9), MoveOutReasons[0]); err != nil {
		t.Fatal(err)
	}
	if n := active(); n != 2 {
		t.Fatalf("%d active after a move-out, want 2", n)
	}
	if _, err := st.Readmit(System, ids[1], h.Beds[1].ID, NewDate(2026, 3, 10)); err != nil {
		t.Fatal(err)
	}
	if n := active(); n != 3 {
		t.Fatalf("%d active after readmitting, want 3", n)
	}
	// A store from before the index: no index keys, version 2.
	err := st.db.Update(func(txn *badger.Txn) error {
		for _, id := range ids {
			if err := txn.Delete([]byte(pfxActive + id)); err != nil {
				return err
			}
		}
		return putJSON(txn, keyVersion, 2)
	})
	if err != nil {
		t.Fatal(err)
	}
	if n := active(); n != 0 {
		t.Fatalf("the test store still has %d indexed", n)
	}
	if err := st.migrate(); err != nil {
		t.Fatal(err)
	}
	if n := active(); n != 3 {
		t.Fatalf("%d active after the migration, want 3", n)
	}
	if v, _ := st.SchemaVersion(); v != schemaVersion {
		t.Fatalf("version %d after the migration", v)
	}
}

// residentsSince finds the living and those who left on or after a day,
// and a store from before the left index gets it when it opens.
func TestResidentsSinceReadsTheIndexes(t *testing.T) {
	now := time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)
	st := emptyHouseAt(t, now, "Room 1: A, B, C")
	h, _ := st.House()
	ids := map[string]string{}
	for i, n := range []string{"Ana", "Bo", "Cy"} {
		r, err := st.AddResident(System, Resident{First: n, Last: "Lopez", BedID: h.Beds[i].ID, MoveIn: NewDate(2026, 1, 1)})
		if err != nil {
			t.Fatal(err)
		}
		ids[n] = r.ID
	}
	if err := st.MoveOut(System, ids["Bo"], NewDate(2026, 2, 1), MoveOutReasons[0]); err != nil {
		t.Fatal(err)
	}
	if err := st.MoveOut(System, ids["Cy"], NewDate(2026, 3, 1), MoveOutReasons[0]); err != nil {
		t.Fatal(err)
	}
	names := func(from Date) string {
		rs, err := st.residentsSince(from)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, r := range rs {
			out = append(out, r.First)
		}
		return strings.Join(out, ",")
	}
	if got := names(NewDate(2026, 2, 15)); got != "Ana,Cy" {
		t.Errorf("since 15 Feb: %s, want Ana,Cy", got)
	}
	if got := names(NewDate(2026, 2, 1)); got != "Ana,Bo,Cy" {
		t.Errorf("since 1 Feb (Bo's last day): %s", got)
	}
	err := st.db.Update(func(txn *badger.Txn) error {
		if err := txn.Delete([]byte(leftKey(NewDate(2026, 3, 1), ids["Cy"]))); err != nil {
			return err
		}
		return putJSON(txn, keyVersion, 3)
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.migrate(); err != nil {
		t.Fatal(err)
	}
	if got := names(NewDate(2026, 2, 15)); got != "Ana,Cy" {
		t.Errorf("after the migration: %s, want Ana,Cy", got)
	}
}

// Housekeeping runs on a store with replaced records and leaves every
// record readable.
func TestHousekeepingKeepsEveryRecord(t *testing.T) {
	st := emptyHouseAt(t, time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC), "Room 1: A")
	h, _ := st.House()
	r, err := st.AddResident(System, Resident{First: "Ana", Last: "Lopez", BedID: h.Beds[0].ID, MoveIn: NewDate(2026, 3, 1)})
	if err != nil {
		t.Fatal(err)
	}
	for i := range 50 {
		r.Notes = strings.Repeat("x", 100+i)
		if r, err = st.UpdateResident(System, r); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.Housekeeping(); err != nil {
		t.Fatalf("housekeeping: %v", err)
	}
	back, err := st.Resident(r.ID)
	if err != nil || back.Notes != r.Notes {
		t.Fatalf("after housekeeping: %v, notes %d chars", err, len(back.Notes))
	}
}
