package data

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// Run both in one go so they share the disk and the moment:
//
//	go test ./data -run '^$' -bench 'KioskSignIn|FsyncBaseline' -benchmem -count 3
//
// The target is a sign-in costing no more than twice the bare fsync.

// BenchmarkKioskSignIn measures one kiosk sign-in written to the real
// encrypted store with SyncWrites on: the open-outing lookup, the lateness
// check and one committed transaction (entry, out-now index, audit entry).
// The sign-out that must come before each sign-in is not timed.
func BenchmarkKioskSignIn(b *testing.B) {
	e := ktNew(b, time.Now(), nil)
	r := e.resident("Bench", "Mark", "Phase 1")
	by := KioskActor(r)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		e.clk.add(time.Second)
		if _, err := e.st.SignOut(by, r.ID, DestWork, "", time.Time{}); err != nil {
			b.Fatal(err)
		}
		e.clk.add(time.Second)
		b.StartTimer()
		if _, err := e.st.SignIn(by, r.ID); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFsyncBaseline is the floor a durable write cannot beat on this
// disk, with a record the size of a sign-in entry in a temp folder like the
// store's:
//
//   - append: write at the end of a file and fsync it (the file grows, so
//     the file system also commits its size), as a plain log would;
//   - overwrite: rewrite the same bytes in place and fsync (no size
//     change): the cheapest fsync there is, and the stricter baseline.
func BenchmarkFsyncBaseline(b *testing.B) {
	b.Run("append", func(b *testing.B) { ktFsyncLoop(b, true) })
	b.Run("overwrite", func(b *testing.B) { ktFsyncLoop(b, false) })
}

func ktFsyncLoop(b *testing.B, appendRec bool) {
	f, err := os.OpenFile(filepath.Join(b.TempDir(), "baseline.log"), os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	rec := make([]byte, 400)
	if _, err := f.Write(rec); err != nil {
		b.Fatal(err)
	}
	if err := f.Sync(); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		off := int64(0)
		if appendRec {
			off = int64(i+1) * int64(len(rec))
		}
		if _, err := f.WriteAt(rec, off); err != nil {
			b.Fatal(err)
		}
		if err := f.Sync(); err != nil {
			b.Fatal(err)
		}
	}
}
