package app

import "fyne.io/fyne/v2"

// The window's keyboard, as one stack. The screen on show owns the bottom
// layer (the kiosk's PIN pad, a form's Escape-to-cancel); each dialog
// pushes a layer when it opens and pops it when it closes, so the key goes
// to whatever is on top and the screen's own handling comes back by itself.
// Nothing else sets the canvas's OnTypedKey.

// keyStack holds the layers, innermost last.
type keyStack struct {
	layers []*keyLayer
}

// keyLayer is one screen's or dialog's key handler.
type keyLayer struct{ fn func(*fyne.KeyEvent) }

// installKeys routes the window's typed keys through the stack; New calls
// it once.
func (u *UI) installKeys() {
	u.win.Canvas().SetOnTypedKey(u.keys.dispatch)
}

// dispatch gives a key to the handler on top.
func (k *keyStack) dispatch(ev *fyne.KeyEvent) {
	if n := len(k.layers); n > 0 && k.layers[n-1].fn != nil {
		k.layers[n-1].fn(ev)
	}
}

// setScreenKeys makes fn the screen's key handler, dropping every layer a
// dialog left (a new screen has no dialogs over it). fn may be nil.
func (u *UI) setScreenKeys(fn func(*fyne.KeyEvent)) {
	u.keys.layers = []*keyLayer{{fn: fn}}
}

// onEscape makes Escape on the screen call fn (nil: nothing).
func (u *UI) onEscape(fn func()) {
	u.setScreenKeys(escapeKey(fn))
}

// pushKeys puts fn on top until pop is called. pop is safe to call more
// than once and after the stack was reset by a new screen.
func (u *UI) pushKeys(fn func(*fyne.KeyEvent)) (pop func()) {
	l := &keyLayer{fn: fn}
	u.keys.layers = append(u.keys.layers, l)
	return func() {
		for i, x := range u.keys.layers {
			if x == l {
				u.keys.layers = append(u.keys.layers[:i], u.keys.layers[i+1:]...)
				return
			}
		}
	}
}

// escapeKey is a handler that calls fn on Escape.
func escapeKey(fn func()) func(*fyne.KeyEvent) {
	if fn == nil {
		return nil
	}
	return func(k *fyne.KeyEvent) {
		if k.Name == fyne.KeyEscape {
			fn()
		}
	}
}
