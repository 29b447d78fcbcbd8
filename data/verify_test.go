package data

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	badger "github.com/dgraph-io/badger/v4"
)

func TestDemoYearsIsConsistent(t *testing.T) {
	now := time.Date(2026, 3, 18, 10, 0, 0, 0, time.Local)
	v, err := OpenVault(t.TempDir(), WithKDF(DemoKDF), WithBulkLoad(), WithClock(func() time.Time { return now }))
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	st, err := CreateDemoYears(v, 2, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("2 years of demo history in %v", time.Since(start))
	t.Cleanup(func() { st.Close(); v.Close() })
	rep, err := st.CheckStore(nil)
	if err != nil {
		t.Fatal(err)
	}
	if !rep.OK() {
		t.Fatalf("problems: %v", rep.Problems)
	}
	if rep.Kinds["sign"] < 500 || rep.Kinds["meeting"] < 90 || rep.Kinds["roster"] < 1000 {
		t.Errorf("too little history: %v", rep.Kinds)
	}
	signs, err := st.ExportSignOuts(NewDate(2024, 1, 1), NewDate(2025, 12, 31))
	if err != nil {
		t.Fatal(err)
	}
	if len(signs.Rows) < 300 {
		t.Errorf("sign-outs of 2024-2025: %d rows", len(signs.Rows))
	}
	ms, err := st.Meetings(NewDate(2024, 5, 1), NewDate(2024, 5, 31))
	if err != nil || len(ms) < 4 {
		t.Fatalf("house meetings of May 2024: %d, %v", len(ms), err)
	}
	if ms[0].Number >= ms[len(ms)-1].Number {
		t.Errorf("meetings numbered out of date order: %d then %d", ms[0].Number, ms[len(ms)-1].Number)
	}
}

func TestCheckStoreFindsBrokenIndexes(t *testing.T) {
	st := demoAt(t, time.Date(2026, 3, 18, 10, 0, 0, 0, time.Local))
	rep, err := st.CheckStore(nil)
	if err != nil || !rep.OK() {
		t.Fatalf("fresh demo: %v %v", err, rep.Problems)
	}
	rs, _ := st.ActiveResidents()
	// Break three things behind the store's back: a bed index pointing
	// nowhere, a resident's record that does not decode, a lost out-now key.
	err = st.db.Update(func(txn *badger.Txn) error {
		if err := txn.Set([]byte(pfxBed+rs[0].BedID), []byte(`"nobody"`)); err != nil {
			return err
		}
		if err := txn.Set([]byte(pfxRes+rs[1].ID), []byte(`{"first": 12`)); err != nil {
			return err
		}
		it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte(pfxOutNow)})
		defer it.Close()
		it.Rewind()
		if !it.Valid() {
			t.Fatal("the demo has nobody out")
		}
		return txn.Delete(it.Item().KeyCopy(nil))
	})
	if err != nil {
		t.Fatal(err)
	}
	rep, err = st.CheckStore(nil)
	if err != nil {
		t.Fatal(err)
	}
	var all []string
	for _, p := range rep.Problems {
		all = append(all, p.String())
	}
	got := strings.Join(all, "\n")
	for _, want := range []string{
		"bed/" + rs[0].BedID + ": is held by a resident who is not on record",
		"res/" + rs[1].ID + ": does not decode",
		"is open, but the who-is-out index does not list it",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("report lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, rs[0].First) {
		t.Error("the report names a resident")
	}
}

// A store too large to check at every open is checked in the background
// once it is open: a damaged table is found and named.
func TestVerifyRecordsFindsDamageAfterOpen(t *testing.T) {
	now := time.Date(2026, 3, 18, 10, 0, 0, 0, time.Local)
	dir := t.TempDir()
	v, err := OpenVault(dir, WithKDF(DemoKDF), WithClock(func() time.Time { return now }))
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	st, err := CreateDemo(v)
	if err != nil {
		t.Fatal(err)
	}
	mgr := st.Session().ID
	st.Close() // the records go from memory into tables
	tables, _ := filepath.Glob(filepath.Join(dir, "db", "*.sst"))
	if len(tables) == 0 {
		t.Fatal("no tables to damage")
	}
	if err := flipAt(0.5, 0).do(tables[0]); err != nil {
		t.Fatal(err)
	}
	v.verifyBelow = 1 // as if the store were large: not checked at open
	if st, err = v.Unlock(mgr, DemoPasscode); err != nil {
		t.Fatalf("open without the check: %v", err)
	}
	defer st.Close()
	var de *DamageError
	if err := st.VerifyRecords(); !errors.As(err, &de) {
		t.Fatalf("damage found in the background: %v", err)
	}
}

// The full check runs once a day: due until it passes, then not until the
// next day.
func TestVerifyRecordsOnceADay(t *testing.T) {
	now := time.Date(2026, 3, 18, 10, 0, 0, 0, time.Local)
	clock := now
	v, err := OpenVault(t.TempDir(), WithKDF(DemoKDF), WithClock(func() time.Time { return clock }))
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	st, err := CreateDemo(v)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if !st.VerifyDue() {
		t.Fatal("a new store's check is not due")
	}
	if err := st.VerifyRecords(); err != nil {
		t.Fatal(err)
	}
	if st.VerifyDue() {
		t.Fatal("due again the same day")
	}
	clock = now.Add(24 * time.Hour)
	if !st.VerifyDue() {
		t.Fatal("not due the next day")
	}
}
