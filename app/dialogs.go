package app

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"porchlight/data"
)

// The app's one way to ask for something in a dialog. A formDialog is a
// form that stays open until its action succeeds, so a message lands by
// its field and nothing typed is lost; Enter (in the entries given to
// submitOnEnter) submits, Escape or Cancel cancels, and when the form holds
// typing that was not saved they ask "Discard what you typed?" first.
// confirm asks a yes/no question; showModal shows any other dialog with
// Escape closing it. All of them push their keys on the key stack and do
// nothing if answered after a log-out.

// formDialog is a form in a dialog.
type formDialog struct {
	*form
	u       *UI
	dlg     *dialog.CustomDialog
	ok      *widget.Button
	cancel  *widget.Button
	body    *fyne.Container
	first   fyne.Focusable
	popKeys func()
	shown   bool
	session int
	typed   string // the fields' values when the dialog opened
}

// newFormDialog wraps f in a dialog; onOK runs on the main button (and on
// Enter, where wired) and closes the dialog itself when the work is done.
// extra buttons go left of Cancel.
func (u *UI) newFormDialog(title, okText, intro string, f *form, onOK func(), extra ...fyne.CanvasObject) *formDialog {
	d := &formDialog{form: f, u: u}
	d.ok = widget.NewButtonWithIcon(okText, theme.ConfirmIcon(), func() {
		if u.session != d.session {
			d.close() // left behind by a log-out
			return
		}
		onOK()
	})
	d.ok.Importance = widget.HighImportance
	d.cancel = widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), d.cancelAsk)
	d.body = container.NewVBox()
	if intro != "" {
		l := widget.NewLabel(intro)
		l.Wrapping = fyne.TextWrapWord
		d.body.Add(l)
	}
	d.body.Add(f.Form)
	d.body.Add(f.general)
	d.dlg = dialog.NewCustomWithoutButtons(title, d.body, u.win)
	d.dlg.SetButtons(append(extra, d.cancel, d.ok))
	d.dlg.SetOnClosed(d.closed)
	return d
}

// submit does what the main button does (Enter in a field).
func (d *formDialog) submit() { d.ok.OnTapped() }

// scrollable puts the form in a scroll of the given size, for long forms.
func (d *formDialog) scrollable(size fyne.Size) {
	scroll := container.NewVScroll(container.NewVBox(d.Form, d.general))
	d.form.scroll = scroll
	var top []fyne.CanvasObject
	if len(d.body.Objects) > 2 { // the intro
		top = d.body.Objects[:1]
	}
	d.body.Objects = []fyne.CanvasObject{container.NewBorder(container.NewVBox(top...), nil, nil, nil, scroll)}
	d.dlg.Resize(size)
}

// open shows the dialog width wide (0: as wide as it needs) with the
// keyboard in its first field.
func (d *formDialog) open(width float32) {
	d.session = d.u.session
	d.shown = true
	d.popKeys = d.u.pushKeys(escapeKey(d.cancelAsk))
	d.dlg.Show()
	if width > 0 {
		d.dlg.Resize(fyne.NewSize(width, d.dlg.MinSize().Height))
	}
	d.typed = fieldValues(d.body)
	if d.first != nil {
		d.u.win.Canvas().Focus(d.first)
	}
}

// close hides the dialog without asking: the work is saved, or there was
// nothing to keep.
func (d *formDialog) close() { d.dlg.Hide() }

// closed runs however the dialog went away.
func (d *formDialog) closed() {
	d.shown = false
	if d.popKeys != nil {
		d.popKeys()
	}
}

// cancelAsk closes the dialog, asking first when typing would be lost.
func (d *formDialog) cancelAsk() {
	if !d.unsaved() || d.u.session != d.session {
		d.close()
		return
	}
	d.u.confirm("Discard what you typed?", "The changes in this form have not been saved.", "Discard", "Keep editing", func(discard bool) {
		if discard {
			d.close()
		}
	})
}

// unsaved reports whether any field differs from when the dialog opened.
func (d *formDialog) unsaved() bool { return d.shown && fieldValues(d.body) != d.typed }

// isOpen reports whether the dialog is on show.
func (d *formDialog) isOpen() bool { return d.shown }

// showModal shows a dialog whose Escape closes it; the screen below gets
// its keys back when it closes. size (if not zero) is the least size.
func (u *UI) showModal(d dialog.Dialog, size fyne.Size) {
	pop := u.pushKeys(escapeKey(d.Hide))
	d.SetOnClosed(pop)
	d.Show()
	if size.Width > 0 {
		d.Resize(size.Max(d.MinSize()))
	}
}

// confirm asks a question with two answers; Enter gives the first,
// Escape the second.
func (u *UI) confirm(title, msg, yes, no string, fn func(bool)) {
	session := u.session
	var pop func()
	d := dialog.NewConfirm(title, msg, func(ok bool) {
		pop()
		if u.session != session {
			return // left behind by a log-out: answer nothing
		}
		fn(ok)
	}, u.win)
	d.SetConfirmText(yes)
	d.SetDismissText(no)
	pop = u.pushKeys(func(k *fyne.KeyEvent) {
		switch k.Name {
		case fyne.KeyEscape:
			d.Hide()
		case fyne.KeyReturn, fyne.KeyEnter:
			d.Confirm()
		}
	})
	u.win.Canvas().Unfocus()
	d.Show()
}

// confirmAction asks before doing something that cannot be undone; fn runs
// on okText. The dialog is returned so tests can find its buttons.
func (u *UI) confirmAction(title, msg, okText string, fn func()) *dialog.ConfirmDialog {
	l := widget.NewLabel(msg)
	l.Wrapping = fyne.TextWrapWord
	session := u.session
	d := dialog.NewCustomConfirm(title, okText, "Cancel", l, func(ok bool) {
		if ok && u.session == session {
			fn()
		}
	}, u.win)
	u.showModal(d, fyne.NewSize(520, 0))
	return d
}

// showProblem shows an error that belongs to no field, worded as a sentence.
func (u *UI) showProblem(title string, err error) { u.showInfo(title, problemText(err)) }

// showInfo shows a message in words that wrap, with OK (Enter or Escape
// close it too). Fyne's own information dialog draws a faded icon behind
// the text, which overlaps longer messages.
func (u *UI) showInfo(title, msg string) {
	l := widget.NewLabel(msg)
	l.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(title, "OK", l, u.win)
	pop := u.pushKeys(func(k *fyne.KeyEvent) {
		switch k.Name {
		case fyne.KeyEscape, fyne.KeyReturn, fyne.KeyEnter:
			d.Hide()
		}
	})
	d.SetOnClosed(pop)
	d.Show()
	d.Resize(fyne.NewSize(480, d.MinSize().Height))
}

// problemText is an error as a sentence, without the data layer's
// "make the chore roster: " style prefixes when a known error is inside.
func problemText(err error) string {
	var few *data.TooFewResidentsError
	var v data.ValidationError
	switch {
	case errors.As(err, &few):
		return sentence(few.Error()) + "."
	case errors.As(err, &v):
		var msgs []string
		for _, fe := range v {
			msgs = append(msgs, sentence(fe.Msg))
		}
		return strings.Join(msgs, ". ") + "."
	}
	msg := sentence(err.Error())
	if !strings.HasSuffix(msg, ".") {
		msg += "."
	}
	return msg
}

// fieldValues is what the fields under o hold, as one string, so a change
// anywhere shows as a different string.
func fieldValues(o fyne.CanvasObject) string {
	var b strings.Builder
	visit(o, func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *entry:
			fmt.Fprintf(&b, "e%q;", w.Text)
		case *widget.Entry:
			fmt.Fprintf(&b, "e%q;", w.Text)
		case *widget.Select:
			fmt.Fprintf(&b, "s%q;", w.Selected)
		case *widget.Check:
			fmt.Fprintf(&b, "c%t;", w.Checked)
		case *widget.RadioGroup:
			fmt.Fprintf(&b, "r%q;", w.Selected)
		}
	})
	return b.String()
}

// visit calls fn for o and everything laid out inside it: containers,
// form items and cards. Widgets' own insides are not visited.
func visit(o fyne.CanvasObject, fn func(fyne.CanvasObject)) {
	if o == nil {
		return
	}
	fn(o)
	switch c := o.(type) {
	case *fyne.Container:
		for _, child := range c.Objects {
			visit(child, fn)
		}
	case *widget.Form:
		for _, it := range c.Items {
			visit(it.Widget, fn)
		}
	case *widget.Card:
		visit(c.Content, fn)
	case *container.Scroll:
		visit(c.Content, fn)
	}
}
