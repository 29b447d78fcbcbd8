package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
)

// Every tile of a house of up to 16 residents is on screen from a 1024×600
// touch screen to a 1920×1080 monitor, no tile overlaps another, and each
// is a comfortable touch target.
func TestKioskTilesFitTheScreen(t *testing.T) {
	// The space the grid has below the kiosk's header, as measured from
	// the real window at each screen size.
	screens := map[string]fyne.Size{
		"1024x600":  fyne.NewSize(1000, 300),
		"1100x720":  fyne.NewSize(1076, 430),
		"1280x800":  fyne.NewSize(1256, 520),
		"1920x1080": fyne.NewSize(1896, 800),
	}
	for name, area := range screens {
		for n := 1; n <= 16; n++ {
			objs := make([]fyne.CanvasObject, n)
			for i := range objs {
				objs[i] = canvas.NewRectangle(nil)
			}
			g := &tileGrid{}
			g.Layout(objs, area)
			if min := g.MinSize(objs); min.Height > area.Height {
				t.Errorf("%s, %d tiles: the grid needs %v high and would scroll", name, n, min.Height)
			}
			for i, o := range objs {
				p, s := o.Position(), o.Size()
				if p.X < 0 || p.Y < 0 || p.X+s.Width > area.Width+0.5 || p.Y+s.Height > area.Height+0.5 {
					t.Errorf("%s, %d tiles: tile %d at %v size %v is outside %v", name, n, i, p, s, area)
				}
				if s.Height < 48 || s.Width < 48 {
					t.Errorf("%s, %d tiles: tile %d is %v, smaller than a touch target", name, n, i, s)
				}
				for j := 0; j < i; j++ {
					q := objs[j].Position()
					if q.X < p.X+s.Width && p.X < q.X+s.Width && q.Y < p.Y+s.Height && p.Y < q.Y+s.Height {
						t.Errorf("%s, %d tiles: tiles %d and %d overlap", name, n, i, j)
					}
				}
			}
		}
	}
}

// A house too big for the screen scrolls rather than shrinking tiles
// below a touch target.
func TestKioskTilesScrollWhenTooMany(t *testing.T) {
	objs := make([]fyne.CanvasObject, 60)
	for i := range objs {
		objs[i] = canvas.NewRectangle(nil)
	}
	g := &tileGrid{}
	area := fyne.NewSize(1000, 300)
	g.Layout(objs, area)
	if g.MinSize(objs).Height <= area.Height {
		t.Fatal("60 tiles in 1000×300 should need a scroll")
	}
	g.Layout(objs, fyne.NewSize(1000, g.MinSize(objs).Height))
	for i, o := range objs {
		if o.Size().Height < tileMinH || o.Size().Width < tileMinW {
			t.Fatalf("tile %d is %v", i, o.Size())
		}
	}
}
