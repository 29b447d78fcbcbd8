package app

import (
	"errors"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"porchlight/data"
)

// form lays fields out in a label/field grid with an error line under each
// field, so a message from validation appears where the person can fix it.
// Enter in any single-line entry submits; Escape cancels (see onEscape).
type form struct {
	*widget.Form
	errs    map[string]*widget.Label
	fields  map[string]fyne.CanvasObject
	order   []string
	general *widget.Label
	// scroll, when the form sits in one, is scrolled to show the field
	// that gets the keyboard and the first field with a message.
	scroll *container.Scroll
}

func newForm() *form {
	f := &form{Form: widget.NewForm(), errs: map[string]*widget.Label{}, fields: map[string]fyne.CanvasObject{}}
	f.general = errorLabel()
	return f
}

// errorLabel is red wrapping text, hidden while empty.
func errorLabel() *widget.Label {
	l := widget.NewLabel("")
	l.Importance = widget.DangerImportance
	l.Wrapping = fyne.TextWrapWord
	l.Hide()
	return l
}

// add appends a field named as data's FieldError names it.
func (f *form) add(name string, w fyne.CanvasObject) { f.addHint(name, "", w) }

// addHint appends a field with a hint shown under it.
func (f *form) addHint(name, hint string, w fyne.CanvasObject) {
	e := errorLabel()
	f.errs[name] = e
	f.fields[name] = w
	f.order = append(f.order, name)
	if en, ok := w.(*entry); ok {
		en.onFocus = func() { f.reveal(en) }
	}
	box := container.NewVBox(w, e)
	if hint != "" {
		box = container.NewVBox(w, hintLabel(hint), e)
	}
	f.Form.AppendItem(&widget.FormItem{Text: name, Widget: box})
}

// hintLabel is the help under a field, in the text's own colour and
// size (italic, to tell it from what is typed), wrapping to the field's
// width. Fyne's FormItem.HintText draws one line, small and in the
// placeholder grey, which is hard to read and cut where it is long.
func hintLabel(hint string) *widget.Label {
	l := widget.NewLabelWithStyle(hint, fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	l.Wrapping = fyne.TextWrapWord
	return l
}

// reveal scrolls the form's scroll, if it has one, so o is in view.
func (f *form) reveal(o fyne.CanvasObject) {
	if f.scroll != nil {
		scrollIntoView(f.scroll, o)
	}
}

// revealFirstError scrolls to the first field, in form order, showing a
// message.
func (f *form) revealFirstError() {
	for _, name := range f.order {
		if f.errs[name].Text != "" {
			f.reveal(f.fields[name])
			return
		}
	}
	f.reveal(f.general)
}

// submitOnEnter makes Enter in each single-line entry call fn.
func submitOnEnter(fn func(), entries ...fyne.CanvasObject) {
	for _, o := range entries {
		var e *widget.Entry
		switch w := o.(type) {
		case *entry:
			e = &w.Entry
		case *widget.Entry:
			e = w
		default:
			continue
		}
		if !e.MultiLine {
			e.OnSubmitted = func(string) { fn() }
		}
	}
}

// clear hides every error.
func (f *form) clear() {
	for _, l := range f.errs {
		l.SetText("")
		l.Hide()
	}
	f.general.SetText("")
	f.general.Hide()
}

// setError shows msg under a field (or in the general line).
func (f *form) setError(field, msg string) {
	l, ok := f.errs[field]
	if !ok {
		l = f.general
	}
	l.SetText(sentence(msg))
	l.Show()
}

// show displays err: field by field for a ValidationError, in the general
// line otherwise. It returns false when err is nil.
func (f *form) show(err error) bool {
	f.clear()
	if err == nil {
		return false
	}
	var v data.ValidationError
	if errors.As(err, &v) {
		for _, fe := range v {
			if l, ok := f.errs[fe.Field]; ok && l.Text != "" {
				continue // the first, most specific message stays
			}
			f.setError(fe.Field, fe.Msg)
		}
		f.revealFirstError()
		return true
	}
	f.setError("", err.Error())
	f.revealFirstError()
	return true
}

// hasErrors reports whether any field shows an error.
func (f *form) hasErrors() bool {
	for _, l := range f.errs {
		if l.Text != "" {
			return true
		}
	}
	return f.general.Text != ""
}

// errorFor returns the message shown under a field (for tests).
func (f *form) errorFor(field string) string {
	if l, ok := f.errs[field]; ok {
		return l.Text
	}
	return ""
}

// entry is the text entry of every form: Escape reaches the window's
// Escape handler (cancel, back) instead of being swallowed by the focused
// field, and Tab always moves on, in a multi-line entry too.
type entry struct {
	widget.Entry
	onFocus func() // the form scrolls the field into view
}

// newEntry is a single-line entry with a placeholder.
func newEntry(placeholder string) *entry {
	e := &entry{}
	e.ExtendBaseWidget(e)
	e.SetPlaceHolder(placeholder)
	return e
}

// newArea is a multi-line, word-wrapping entry showing rows lines.
func newArea(placeholder string, rows int) *entry {
	e := newEntry(placeholder)
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.SetMinRowsVisible(rows)
	return e
}

// TypedKey passes Escape to the window's key handler.
func (e *entry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape {
		if c := fyne.CurrentApp().Driver().CanvasForObject(e); c != nil && c.OnTypedKey() != nil {
			c.OnTypedKey()(k)
			return
		}
	}
	e.Entry.TypedKey(k)
}

// FocusGained scrolls the field into view (Tab may land below the fold).
func (e *entry) FocusGained() {
	e.Entry.FocusGained()
	if e.onFocus != nil {
		e.onFocus()
	}
}

// AcceptsTab lets Tab leave the field.
func (e *entry) AcceptsTab() bool { return false }

// newPassword is a password entry with a placeholder.
func newPassword(placeholder string) *widget.Entry {
	e := widget.NewPasswordEntry()
	e.SetPlaceHolder(placeholder)
	return e
}

// heading is a large bold title.
func heading(text string) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.SizeName = theme.SizeNameHeadingText
	return l
}

// checkGrid is a set of checkboxes laid out in columns, for choices with
// many options (a horizontal CheckGroup runs off the side of the window).
type checkGrid struct {
	box    *fyne.Container // what goes on screen
	checks []*widget.Check
}

func newCheckGrid(options []string, cols int) *checkGrid {
	g := &checkGrid{box: container.NewGridWithColumns(cols)}
	for _, o := range options {
		c := widget.NewCheck(o, nil)
		g.checks = append(g.checks, c)
		g.box.Add(c)
	}
	return g
}

// Selected lists the ticked options in their order.
func (g *checkGrid) Selected() []string {
	var out []string
	for _, c := range g.checks {
		if c.Checked {
			out = append(out, c.Text)
		}
	}
	return out
}

// SetSelected ticks exactly the given options.
func (g *checkGrid) SetSelected(sel []string) {
	for _, c := range g.checks {
		c.SetChecked(slices.Contains(sel, c.Text))
	}
}

// labelHeader gives a table a bold header row and sets its column widths;
// col(i) returns column i's title and width.
func labelHeader(t *widget.Table, n int, col func(i int) (string, float32)) {
	t.ShowHeaderRow = true
	t.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 && id.Col < n {
			title, _ := col(id.Col)
			o.(*widget.Label).SetText(title)
		}
	}
	for i := range n {
		_, w := col(i)
		t.SetColumnWidth(i, w)
	}
}
