package app

import (
	"runtime"
	"testing"

	"fyne.io/fyne/v2/test"
)

// BenchmarkKioskPINPad opens a resident's PIN pad by tapping their tile
// and cancels it, through the real widgets, drawing each screen.
func BenchmarkKioskPINPad(b *testing.B) {
	fx := newKioskFixture(b)
	tb := b
	k := fx.u.screens.kiosk
	w := fx.u.win
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		test.Tap(fx.tile(tb, 0))
		w.Canvas().Refresh(w.Content())
		test.Tap(k.pad.keys["cancel"])
		w.Canvas().Refresh(w.Content())
	}
}

// Opening and cancelling the PIN pad 200 times leaves the Go heap where
// it was: nothing is kept per open.
func TestKioskPINPadHoldsNothing(t *testing.T) {
	fx := newKioskFixture(t)
	tb := t
	k := fx.u.screens.kiosk
	cycle := func(n int) {
		for range n {
			test.Tap(fx.tile(tb, 0))
			test.Tap(k.pad.keys["cancel"])
		}
	}
	heap := func() uint64 {
		runtime.GC()
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	cycle(20) // warm the caches
	before := heap()
	cycle(200)
	after := heap()
	t.Logf("heap before %d KB, after 200 opens %d KB", before>>10, after>>10)
	if after > before+2<<20 {
		t.Fatalf("the heap grew by %d KB over 200 opens of the PIN pad", (after-before)>>10)
	}
}
