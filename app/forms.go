package app

import (
	"errors"
	"unicode"
	"unicode/utf8"

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
	general *widget.Label
}

func newForm() *form {
	f := &form{Form: widget.NewForm(), errs: map[string]*widget.Label{}}
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
	f.Form.AppendItem(&widget.FormItem{Text: name, Widget: container.NewVBox(w, e), HintText: hint})
}

// submitOnEnter makes Enter in each entry call fn.
func submitOnEnter(fn func(), entries ...*widget.Entry) {
	for _, e := range entries {
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

// sentence starts a message with a capital letter.
func sentence(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
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
		return true
	}
	f.setError("", err.Error())
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

// onEscape makes Escape in the window call fn, until replaced.
func (u *UI) onEscape(fn func()) {
	u.win.Canvas().SetOnTypedKey(func(k *fyne.KeyEvent) {
		if k.Name == fyne.KeyEscape && fn != nil {
			fn()
		}
	})
}

// parseDateField parses an optional date entry, reporting into v.
func parseDateField(v *data.ValidationError, field, text string, required bool) data.Date {
	if text == "" && !required {
		return data.Date{}
	}
	d, err := data.ParseDate(text)
	if err != nil {
		*v = append(*v, data.FieldError{Field: field, Msg: err.Error()})
	}
	return d
}

// newEntry is a single-line entry with a placeholder.
func newEntry(placeholder string) *widget.Entry {
	e := widget.NewEntry()
	e.SetPlaceHolder(placeholder)
	return e
}

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

// textArea is a multi-line entry in which Tab moves to the next field, as
// in every other field, instead of typing a tab character.
type textArea struct{ widget.Entry }

func newTextArea() *textArea {
	e := &textArea{}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.ExtendBaseWidget(e)
	return e
}

// AcceptsTab lets Tab leave the field.
func (e *textArea) AcceptsTab() bool { return false }
