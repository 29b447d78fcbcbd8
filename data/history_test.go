package data

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	badger "github.com/dgraph-io/badger/v4"
)

// historyAt makes a 40-bed house with years of history, its clock stopped
// at now.
func historyAt(t testing.TB, now time.Time, years int, seed uint64) *Store {
	t.Helper()
	v, err := OpenVault(t.TempDir(), WithKDF(DemoKDF), WithBulkLoad(), WithClock(func() time.Time { return now }))
	if err != nil {
		t.Fatal(err)
	}
	st, err := CreateHistoryHouse(v, HistoryOptions{Years: years, Seed: seed})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close(); v.Close() })
	return st
}

// historyCounts counts the records under each key prefix.
func historyCounts(t testing.TB, st *Store) map[string]int {
	t.Helper()
	out := map[string]int{}
	err := st.read(func(txn *badger.Txn) error {
		opts := badger.DefaultIteratorOptions
		opts.PrefetchValues = false
		it := txn.NewIterator(opts)
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			k := string(it.Item().Key())
			if i := strings.IndexByte(k, '/'); i > 0 {
				out[k[:i+1]]++
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// A year of a 40-bed house holds every kind of record the house keeps, in
// believable numbers, and the same seed makes the same house.
func TestGenerateHistory(t *testing.T) {
	now := time.Date(2026, 11, 30, 8, 0, 0, 0, time.Local)
	st := historyAt(t, now, 1, 3)
	n := historyCounts(t, st)
	want := map[string][2]int{ // prefix: at least, at most
		pfxRes: {70, 120}, pfxSign: {14000, 30000}, pfxOutsideMtg: {5000, 9000}, pfxRoster: {2000, 9000},
		"meeting/": {52, 53}, "motion/": {5, 40}, "mship/": {40, 120}, "mchk/": {2000, 6000},
		"partners/": {52, 53}, "pcheck/": {500, 3000}, "incident/": {3, 20}, "dtest/": {150, 220}, "phasechg/": {40, 200},
	}
	for pfx, r := range want {
		if n[pfx] < r[0] || n[pfx] > r[1] {
			t.Errorf("%s: %d records, want %d to %d", pfx, n[pfx], r[0], r[1])
		}
	}
	rs, err := st.Residents()
	if err != nil {
		t.Fatal(err)
	}
	active, late, reasons := 0, 0, map[string]int{}
	for _, r := range rs {
		if r.Active() {
			active++
		} else {
			reasons[r.Stays[len(r.Stays)-1].Reason]++
		}
	}
	if active < HistoryBeds-4 || len(reasons) < 3 {
		t.Errorf("%d living here (want nearly every bed taken), move-out reasons %v", active, reasons)
	}
	log, err := st.SignLog(st.Today().AddDays(-60), st.Today(), "")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range log {
		if e.Late {
			late++
		}
	}
	if late == 0 || late > len(log)/20 {
		t.Errorf("%d of %d sign-ins late in two months", late, len(log))
	}
	roster, err := st.Roster(st.Today().AddDays(-14))
	if err != nil {
		t.Fatal(err)
	}
	tally := map[ChoreStatus]int{}
	for _, a := range roster.Assignments {
		tally[a.Status]++
	}
	if tally[ChoreVerified] == 0 || tally[ChoreMissed] == 0 {
		t.Errorf("a past week's chores: %v", tally)
	}

	// The planners break ties by record IDs, which are random, so who did
	// which chore (and so how many hand-ons the audit log holds) can differ.
	again := historyAt(t, now, 1, 3)
	got := historyCounts(t, again)
	delete(got, pfxAudit)
	delete(n, pfxAudit)
	if fmt.Sprint(got) != fmt.Sprint(n) {
		t.Errorf("the same seed made another house:\n%v\n%v", n, got)
	}
	names := func(st *Store) []byte {
		rs, _ := st.Residents()
		var b bytes.Buffer
		for _, r := range rs {
			json.NewEncoder(&b).Encode([]any{r.First, r.Last, r.MoveIn, r.Stays})
		}
		return b.Bytes()
	}
	if !bytes.Equal(names(st), names(again)) {
		t.Error("the same seed admitted other residents on other days")
	}
}
