package data

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// Ten years of a house, measured: every benchmark here runs on the same
// 40-bed house new, after one year and after ten (HistoryStore), so a
// screen's cost can be read against the history behind it. All of them:
//
//	go test ./data -run '^$' -bench History -benchmem
//
// Making the houses takes about a minute before the first result.

// historyEach runs fn as a sub-benchmark on each length of history.
func historyEach(b *testing.B, fn func(b *testing.B, f *HistoryFixture)) {
	for _, l := range historyLengths {
		b.Run(l.name, func(b *testing.B) {
			f := HistoryStore(b, l.years)
			b.ReportAllocs()
			b.ResetTimer()
			fn(b, f)
		})
	}
}

// BenchmarkHistoryOpen opens the store and reads the kiosk's grid: what
// the app does between the passcode (argon2id, deliberately slow, not
// timed here: the key is already derived) and the first kiosk frame. The
// open checks every table's checksums while the tables are under 256 MB.
func BenchmarkHistoryOpen(b *testing.B) {
	historyEach(b, func(b *testing.B, f *HistoryFixture) {
		key := f.Store.dataKey
		f.Store.Close()
		f.Store = nil
		for range b.N {
			st, err := openStore(f.Vault, key)
			if err != nil {
				b.Fatal(err)
			}
			if tiles, err := st.KioskTiles(); err != nil || len(tiles) < HistoryBeds-4 {
				b.Fatalf("%d tiles, %v", len(tiles), err)
			}
			st.Close()
		}
		b.StopTimer()
		if err := f.reopen(); err != nil {
			b.Fatal(err)
		}
	})
}

// BenchmarkHistoryDashboard makes the store reads of the manager's
// dashboard (app/dashboard.go and its cards), in the order it makes them.
func BenchmarkHistoryDashboard(b *testing.B) {
	historyEach(b, func(b *testing.B, f *HistoryFixture) {
		for range b.N {
			if err := dashboardReads(f.Store); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func dashboardReads(st *Store) error {
	today, now := st.Today(), st.Now()
	h, err := st.House()
	if err != nil {
		return err
	}
	from, to := h.Week(today)
	steps := []func() error{
		func() error { _, err := st.Occupancy(); return err },
		func() error { _, err := st.OutNow(); return err },
		func() error { _, err := st.MilestonesIn(from, to); return err },
		func() error { _, _, err := st.NextMeeting(now); return err },
		func() error { _, err := st.Roster(today); return err },
		func() error { _, err := st.Roster(from.AddDays(7)); return err },
		func() error { _, err := st.NoMentorYet(); return err },
		func() error { _, err := st.OverdueMentorships(today); return err },
		func() error { _, err := st.OpenFollowUps(today); return err },
		func() error { return readyToMoveUp(st, today) },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

// readyToMoveUp is the accountability card's read: each resident's
// advancement.
func readyToMoveUp(st *Store, today Date) error {
	rs, err := st.ActiveResidents()
	if err != nil {
		return err
	}
	mentors := st.Mentors()
	for _, r := range rs {
		if _, err := st.Advancement(r.ID, today, mentors); err != nil {
			return err
		}
	}
	return nil
}

// BenchmarkHistoryResidentsList is the Residents section as it opens
// ("Living here"): the residents in the house, sorted by name. Choosing
// "Moved out" or "Everyone" reads everyone who ever lived there, and that
// grows with the years (BenchmarkHistoryResidentsEveryone).
func BenchmarkHistoryResidentsList(b *testing.B) {
	historyEach(b, func(b *testing.B, f *HistoryFixture) {
		for range b.N {
			if rs, err := f.Store.ActiveResidents(); err != nil || len(rs) < HistoryBeds-4 {
				b.Fatalf("%d residents, %v", len(rs), err)
			}
		}
	})
}

// BenchmarkHistoryResidentsEveryone is the Residents section showing
// everyone who ever lived in the house.
func BenchmarkHistoryResidentsEveryone(b *testing.B) {
	historyEach(b, func(b *testing.B, f *HistoryFixture) {
		for range b.N {
			if _, err := f.Store.Residents(); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkHistoryAccountability is the week's accountability roster.
func BenchmarkHistoryAccountability(b *testing.B) {
	historyEach(b, func(b *testing.B, f *HistoryFixture) {
		today := f.Store.Today()
		for range b.N {
			if _, err := f.Store.AccountabilityRoster(today, f.Store.Mentors()); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkHistoryRoster makes next week's chore roster (made again each
// time, as the manager's "Make again" does).
func BenchmarkHistoryRoster(b *testing.B) {
	historyEach(b, func(b *testing.B, f *HistoryFixture) {
		h, err := f.Store.House()
		if err != nil {
			b.Fatal(err)
		}
		from, _ := h.Week(f.Store.Today())
		for range b.N {
			if _, err := f.Store.GenerateRoster(System, from.AddDays(7)); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkHistoryVerify is the check of every record a large store gets
// in the background once open and then daily (it is too slow to keep the
// kiosk waiting for it at open).
func BenchmarkHistoryVerify(b *testing.B) {
	historyEach(b, func(b *testing.B, f *HistoryFixture) {
		for range b.N {
			if err := f.Store.VerifyRecords(); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkHistoryHousekeeping is the nightly value-log GC (Housekeeping)
// and reports the store's size: as written, and after the GC and a full
// compaction with the store closed (what stays on disk). Records are small
// enough to live in Badger's tables, so the value log holds next to nothing
// and its GC returns at once; replaced records go in Badger's own
// background compactions.
func BenchmarkHistoryHousekeeping(b *testing.B) {
	historyEach(b, func(b *testing.B, f *HistoryFixture) {
		for range b.N {
			if err := f.Store.Housekeeping(); err != nil {
				b.Fatal(err)
			}
		}
		b.StopTimer()
		if err := f.Store.db.Flatten(2); err != nil {
			b.Fatal(err)
		}
		f.Store.Close()
		f.Vault.Close()
		f.Store, f.Vault = nil, nil
		b.ReportMetric(f.MBMade, "MB-written")
		b.ReportMetric(dirMB(f.Dir), "MB-after-gc")
		if err := f.reopen(); err != nil {
			b.Fatal(err)
		}
	})
}

// BenchmarkHistoryKioskSignIn is a resident signing out and back in at the
// kiosk (two synced commits), beside its floor: two appends to a plain
// file, each fsynced; and on ten years while the background check of every
// record (VerifyRecords) runs over and over. It runs last of the store
// benchmarks: its thousands of sign-outs today would weigh on this week's
// screens. The clock moves a second a step and is put back.
func BenchmarkHistoryKioskSignIn(b *testing.B) {
	historyEach(b, historySignIns)
	b.Run("history=10y-while-checking", func(b *testing.B) {
		f := HistoryStore(b, 10)
		stop := make(chan struct{})
		done := make(chan int)
		go func() {
			n := 0
			for {
				select {
				case <-stop:
					done <- n
					return
				default:
					if err := f.Store.VerifyRecords(); err != nil {
						b.Error(err)
					}
					n++
				}
			}
		}()
		b.ReportAllocs()
		b.ResetTimer()
		historySignIns(b, f)
		b.StopTimer()
		close(stop)
		b.ReportMetric(float64(<-done), "checks")
	})
	b.Run("baseline=2-fsyncs", func(b *testing.B) {
		f, err := os.OpenFile(filepath.Join(b.TempDir(), "baseline.log"), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
		if err != nil {
			b.Fatal(err)
		}
		defer f.Close()
		rec := make([]byte, 400) // about a sign entry with its index and audit entry
		for range 2 * b.N {
			if _, err := f.Write(rec); err != nil {
				b.Fatal(err)
			}
			if err := f.Sync(); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func historySignIns(b *testing.B, f *HistoryFixture) {
	rs, err := f.Store.ActiveResidents()
	if err != nil {
		b.Fatal(err)
	}
	r := rs[0]
	defer f.clock.Store(f.clock.Load())
	for range b.N {
		f.Tick(time.Second)
		if _, err := f.Store.SignOut(KioskActor(r), r.ID, DestErrand, "", time.Time{}); err != nil {
			b.Fatal(err)
		}
		f.Tick(time.Second)
		if _, err := f.Store.SignIn(KioskActor(r), r.ID); err != nil {
			b.Fatal(err)
		}
	}
}
