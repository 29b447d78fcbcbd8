package data

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// The history benchmarks (history_bench_test.go) read one generated house
// per length of history for the whole run: ten years take about 40 seconds
// to write, so each length is made once per test binary and kept until
// TestMain ends. "new" is the baseline: the same 40-bed house on its first
// day, every bed just taken.

// historyLengths are the sub-benchmarks every history benchmark runs.
var historyLengths = []struct {
	name  string
	years int
}{{"history=new", 0}, {"history=1y", 1}, {"history=10y", 10}}

// historyNow is the fixtures' today: a Monday morning.
var historyNow = time.Date(2026, 11, 30, 8, 0, 0, 0, time.Local)

// HistoryFixture is one generated house, unlocked with synced writes as the
// app opens it. Its clock starts at historyNow and moves only when a
// benchmark moves it.
type HistoryFixture struct {
	Years   int
	Dir     string
	Vault   *Vault
	Store   *Store
	clock   atomic.Int64 // unix nanos
	MBMade  float64      // on disk right after it was written and closed
	Managed string       // the manager's ID, to unlock again
}

// Tick moves the fixture's clock on by d.
func (f *HistoryFixture) Tick(d time.Duration) { f.clock.Add(int64(d)) }

func (f *HistoryFixture) now() time.Time { return time.Unix(0, f.clock.Load()).In(time.Local) }

var historyFixtures struct {
	sync.Mutex
	byYears map[int]*HistoryFixture
}

// HistoryStore returns the generated house with years of history (0: a new
// house), making it on first use.
func HistoryStore(tb testing.TB, years int) *HistoryFixture {
	tb.Helper()
	historyFixtures.Lock()
	defer historyFixtures.Unlock()
	if f := historyFixtures.byYears[years]; f != nil {
		return f
	}
	f, err := makeHistoryFixture(years)
	if err != nil {
		tb.Fatal(err)
	}
	if historyFixtures.byYears == nil {
		historyFixtures.byYears = map[int]*HistoryFixture{}
	}
	historyFixtures.byYears[years] = f
	return f
}

func makeHistoryFixture(years int) (*HistoryFixture, error) {
	dir, err := os.MkdirTemp("", "porchlight-history-")
	if err != nil {
		return nil, err
	}
	f := &HistoryFixture{Years: years, Dir: dir}
	f.clock.Store(historyNow.UnixNano())
	v, err := OpenVault(dir, WithKDF(DemoKDF), WithBulkLoad(), WithClock(f.now))
	if err != nil {
		return nil, err
	}
	st, err := CreateHistoryHouse(v, HistoryOptions{Years: years, Seed: 11})
	if err != nil {
		return nil, fmt.Errorf("make %d years of history: %w", years, err)
	}
	f.Managed = st.Session().ID
	st.Close()
	v.Close()
	f.MBMade = dirMB(dir)
	return f, f.reopen()
}

// reopen unlocks the house the way the app does: synced writes.
func (f *HistoryFixture) reopen() error {
	if f.Vault != nil {
		f.Vault.Close()
	}
	v, err := OpenVault(f.Dir, WithKDF(DemoKDF), WithClock(f.now))
	if err != nil {
		return err
	}
	st, err := v.Unlock(f.Managed, DemoPasscode)
	if err != nil {
		v.Close()
		return err
	}
	f.Vault, f.Store = v, st
	return nil
}

func (f *HistoryFixture) close() {
	if f.Store != nil {
		f.Store.Close()
	}
	if f.Vault != nil {
		f.Vault.Close()
	}
	os.RemoveAll(f.Dir)
}

// dirMB is the size of a folder's files in megabytes.
func dirMB(dir string) float64 {
	var n int64
	filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if info, err := d.Info(); err == nil {
				n += info.Size()
			}
		}
		return nil
	})
	return float64(n) / (1 << 20)
}

// TestMain removes the generated houses when the run ends.
func TestMain(m *testing.M) {
	code := m.Run()
	for _, f := range historyFixtures.byYears {
		f.close()
	}
	os.Exit(code)
}
