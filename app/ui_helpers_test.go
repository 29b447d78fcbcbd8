package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Finding what a person sees: a form field by the label beside it and the
// message under it, in the dialog on top (or the window when none is).

// topRoot is the dialog on top, or the window's content.
func topRoot(u *UI) fyne.CanvasObject {
	if top := u.win.Canvas().Overlays().Top(); top != nil {
		return top
	}
	return u.win.Content()
}

// formItem finds the form row labelled label.
func formItem(t *testing.T, u *UI, label string) *widget.FormItem {
	t.Helper()
	var found *widget.FormItem
	walk(topRoot(u), func(o fyne.CanvasObject) {
		if f, ok := o.(*widget.Form); ok && found == nil {
			for _, it := range f.Items {
				if it.Text == label {
					found = it
				}
			}
		}
	})
	if found == nil {
		t.Fatalf("no field labelled %q on screen", label)
	}
	return found
}

// field returns the widget of the form row labelled label.
func field[W fyne.CanvasObject](t *testing.T, u *UI, label string) W {
	t.Helper()
	var found W
	var got bool
	walk(formItem(t, u, label).Widget, func(o fyne.CanvasObject) {
		if w, ok := o.(W); ok && !got {
			found, got = w, true
		}
	})
	if !got {
		t.Fatalf("the field %q holds no %T", label, found)
	}
	return found
}

// typeIn replaces the text of the entry labelled label, as a person
// selecting it all and typing would.
func typeIn(t *testing.T, u *UI, label, text string) {
	t.Helper()
	field[*entry](t, u, label).SetText(text)
}

// messageAt is the message shown under the field labelled label.
func messageAt(t *testing.T, u *UI, label string) string {
	t.Helper()
	var msg string
	walk(formItem(t, u, label).Widget, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && l.Importance == widget.DangerImportance && l.Visible() {
			msg = l.Text
		}
	})
	return msg
}

// dialogOpen reports whether a dialog is on show.
func dialogOpen(u *UI) bool { return u.win.Canvas().Overlays().Top() != nil }
