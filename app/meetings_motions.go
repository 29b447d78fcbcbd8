package app

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"porchlight/data"
)

// Motions and action items of a meeting: the lists on the meeting screen
// and the dialogs that add and edit them. Adding one saves the meeting.

// --- motions list -------------------------------------------------------------

func (e *meetingEditor) motionsTab() fyne.CanvasObject {
	e.addMotion = widget.NewButtonWithIcon("Add motion…", theme.ContentAddIcon(), func() { e.openMotion(-1, data.Motion{Type: data.MotionGeneral}) })
	e.addMotion.Importance = widget.HighImportance
	e.motionList = widget.NewList(
		func() int { return len(e.m.Motions) },
		func() fyne.CanvasObject {
			l1 := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			l1.Truncation = fyne.TextTruncateEllipsis
			l2 := widget.NewLabel("")
			l2.Truncation = fyne.TextTruncateEllipsis
			out := widget.NewLabelWithStyle("PASSED", fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
			return container.NewBorder(nil, nil, nil, out, container.NewVBox(l1, l2))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= len(e.m.Motions) {
				return
			}
			mo := e.m.Motions[i]
			row := o.(*fyne.Container)
			lines := row.Objects[0].(*fyne.Container)
			lines.Objects[0].(*widget.Label).SetText(fmt.Sprintf("%d. %s: %s", i+1, motionType(mo).Label(), mo.Text))
			lines.Objects[1].(*widget.Label).SetText(e.motionDetail(mo))
			out := row.Objects[1].(*widget.Label)
			oc := e.outcome(mo)
			out.SetText(strings.ToUpper(string(oc)))
			out.Importance = outcomeImportance(oc)
			out.Refresh()
		},
	)
	e.motionList.OnSelected = func(i widget.ListItemID) {
		e.motionList.UnselectAll()
		if i >= 0 && i < len(e.m.Motions) && !e.readOnly() {
			e.openMotion(i, e.m.Motions[i])
		}
	}
	e.motionsEmpty = quietLabel("No motions yet.")
	rules := widget.NewLabel(e.rulesText())
	rules.Wrapping = fyne.TextWrapWord
	top := container.NewVBox(container.NewHBox(e.addMotion), rules)
	return container.NewBorder(top, nil, nil, nil, container.NewStack(e.motionList, container.NewVBox(e.motionsEmpty)))
}

// rulesText says how the house decides: "Passed by simple majority; admit a new member: at least 4/5 of votes cast; …".
func (e *meetingEditor) rulesText() string {
	parts := []string{"Decided by " + e.settings.RuleFor(data.MotionGeneral).String()}
	for _, t := range data.MotionTypes {
		if r := e.settings.RuleFor(t); r != e.settings.RuleFor(data.MotionGeneral) {
			parts = append(parts, strings.ToLower(t.Label())+": "+r.String())
		}
	}
	return strings.Join(parts, "; ") + ". Only residents marked present or late move, second and vote."
}

// quietLabel is a quiet note, e.g. shown over an empty list.
func quietLabel(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Importance = widget.LowImportance
	l.Wrapping = fyne.TextWrapWord
	return l
}

func motionType(mo data.Motion) data.MotionType {
	if mo.Type == "" {
		return data.MotionGeneral
	}
	return mo.Type
}

// ruleOf is the rule a motion is counted by: its own, or the house's for its type.
func (e *meetingEditor) ruleOf(mo data.Motion) data.VoteRule {
	if !mo.Rule.IsZero() {
		return mo.Rule
	}
	return e.settings.RuleFor(motionType(mo))
}

// outcome is the motion's outcome with the roll as it is now.
func (e *meetingEditor) outcome(mo data.Motion) data.Outcome {
	mo.Rule = e.ruleOf(mo)
	return mo.Decide(e.m.Present())
}

func (e *meetingEditor) motionDetail(mo data.Motion) string {
	s := fmt.Sprintf("Moved by %s, seconded by %s", orNobody(mo.Mover.Name), orNobody(mo.Seconder.Name))
	if mo.Tabled {
		return s + " · tabled to a later meeting"
	}
	return s + " · " + mo.Votes() + " · " + e.ruleOf(mo).String()
}

func orNobody(s string) string {
	if strings.TrimSpace(s) == "" {
		return "nobody"
	}
	return s
}

func outcomeImportance(o data.Outcome) widget.Importance {
	switch o {
	case data.OutcomePassed:
		return widget.SuccessImportance
	case data.OutcomeFailed:
		return widget.DangerImportance
	}
	return widget.WarningImportance
}

// --- motion dialog -------------------------------------------------------------

// motionForm adds a motion to a meeting, or edits one (index >= 0).
type motionForm struct {
	*formDialog
	e                   *meetingEditor
	index               int
	mo                  data.Motion
	there               personChoice // residents at the meeting, and anyone already named
	kind                *widget.Select
	text                *entry
	mover, seconder     *widget.Select
	forV, against, abst *entry
	tabled              *widget.Check
	outcome             *widget.Label
	del                 *widget.Button
}

// fieldTabled names the tabled check in the motion dialog.
const fieldTabled = "Tabled"

// openMotion opens the motion dialog: index -1 adds mo, otherwise edits
// the motion at index.
func (e *meetingEditor) openMotion(index int, mo data.Motion) {
	if e.readOnly() {
		return
	}
	f := newForm()
	m := &motionForm{e: e, index: index, mo: mo}
	for _, a := range e.m.Roll {
		if a.Status.There() {
			m.there.add(data.PersonRef{ResidentID: a.ResidentID, Name: a.Name})
		}
	}
	for _, p := range []data.PersonRef{mo.Mover, mo.Seconder} {
		if !p.IsZero() && m.there.index(p) < 0 {
			m.there.add(p)
		}
	}
	var kinds []string
	for _, t := range data.MotionTypes {
		kinds = append(kinds, t.Label())
	}
	m.kind = widget.NewSelect(kinds, nil)
	m.text = newArea("What the motion proposes", 3)
	m.mover = widget.NewSelect(m.there.names, nil)
	m.seconder = widget.NewSelect(m.there.names, nil)
	m.mover.PlaceHolder, m.seconder.PlaceHolder = "Who moved it", "Who seconded it"
	m.forV, m.against, m.abst = newEntry("0"), newEntry("0"), newEntry("0")
	m.tabled = widget.NewCheck("Put off to a later meeting instead of a vote", nil)
	m.outcome = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	m.outcome.Wrapping = fyne.TextWrapWord
	m.fill()

	votes := container.NewHBox(
		widget.NewLabel("For"), numberBox(m.forV),
		widget.NewLabel("Against"), numberBox(m.against),
		widget.NewLabel("Abstaining"), numberBox(m.abst))
	f.add(data.FieldMotionType, m.kind)
	f.add(data.FieldMotionText, m.text)
	f.add(data.FieldMover, m.mover)
	f.add(data.FieldSeconder, m.seconder)
	f.addHint(data.FieldVotes, fmt.Sprintf("%d residents are at the meeting (present or late)", e.m.Present()), votes)
	f.add(fieldTabled, m.tabled)
	f.add("Outcome", m.outcome)

	title, ok := "Add a motion", "Add motion"
	var extra []fyne.CanvasObject
	if index >= 0 {
		title, ok = fmt.Sprintf("Motion %d", index+1), "Save motion"
		m.del = widget.NewButtonWithIcon("Delete", theme.DeleteIcon(), m.confirmDelete)
		extra = append(extra, m.del)
	}
	m.formDialog = e.u.newFormDialog(title, ok, "", f, m.submit, extra...)
	submitOnEnter(m.submit, &m.forV.Entry, &m.against.Entry, &m.abst.Entry)
	for _, w := range []*entry{m.forV, m.against, m.abst} {
		w.OnChanged = func(string) { m.showOutcome() }
	}
	m.kind.OnChanged = func(string) { m.showOutcome() }
	m.tabled.OnChanged = func(bool) { m.showOutcome() }
	m.showOutcome()
	e.motion = m
	m.first = m.text
	m.open(640)
}

// numberBox is an entry sized for a number.
func numberBox(e *entry) fyne.CanvasObject {
	return container.NewGridWrap(fyne.NewSize(70, e.MinSize().Height), e)
}

func (m *motionForm) fill() {
	mo := m.mo
	for i, t := range data.MotionTypes {
		if t == motionType(mo) {
			m.kind.SetSelectedIndex(i)
		}
	}
	m.text.SetText(mo.Text)
	m.there.selectPerson(m.mover, mo.Mover)
	m.there.selectPerson(m.seconder, mo.Seconder)
	if m.index >= 0 {
		m.forV.SetText(strconv.Itoa(mo.For))
		m.against.SetText(strconv.Itoa(mo.Against))
		m.abst.SetText(strconv.Itoa(mo.Abstain))
	}
	m.tabled.SetChecked(mo.Tabled)
}

// voteCount reads a vote count; blank is 0.
func voteCount(v *data.ValidationError, what, text string) int {
	text = strings.TrimSpace(text)
	if text == "" {
		return 0
	}
	n, err := strconv.Atoi(text)
	if err != nil {
		*v = append(*v, data.FieldError{Field: data.FieldVotes, Msg: fmt.Sprintf("%q is not a number of votes %s; enter a whole number", text, what)})
	}
	return n
}

// values reads the dialog; typos in the counts come back as field errors.
func (m *motionForm) values() (data.Motion, data.ValidationError) {
	var v data.ValidationError
	mo := m.mo
	if i := m.kind.SelectedIndex(); i >= 0 {
		if t := data.MotionTypes[i]; t != motionType(m.mo) {
			mo.Type, mo.Rule = t, data.VoteRule{} // the new type's rule applies
		}
	}
	mo.Text = m.text.Text
	mo.Mover = m.there.selected(m.mover)
	mo.Seconder = m.there.selected(m.seconder)
	mo.For = voteCount(&v, "for", m.forV.Text)
	mo.Against = voteCount(&v, "against", m.against.Text)
	mo.Abstain = voteCount(&v, "abstaining", m.abst.Text)
	mo.Tabled = m.tabled.Checked
	return mo, v
}

// showOutcome says, as the counts are typed, whether the motion passes.
func (m *motionForm) showOutcome() {
	mo, v := m.values()
	switch {
	case mo.Tabled:
		m.outcome.SetText("Tabled: carried to the next business meeting as old business.")
		m.outcome.Importance = widget.WarningImportance
	case len(v) > 0:
		m.outcome.SetText("—")
		m.outcome.Importance = widget.MediumImportance
	case m.e.m.CheckMotion(mo).For(data.FieldVotes) != "":
		m.outcome.SetText("Check the vote counts.")
		m.outcome.Importance = widget.MediumImportance
	case strings.TrimSpace(m.forV.Text+m.against.Text+m.abst.Text) == "":
		m.outcome.SetText(fmt.Sprintf("Enter the votes; the motion needs %s.", m.e.ruleOf(mo)))
		m.outcome.Importance = widget.MediumImportance
	default:
		rule := m.e.ruleOf(mo)
		oc := m.e.outcome(mo)
		m.outcome.SetText(fmt.Sprintf("%s by %s: %s", strings.ToUpper(string(oc)), rule, mo.Votes()))
		m.outcome.Importance = outcomeImportance(oc)
	}
	m.outcome.Refresh()
}

// submit checks the motion against the roll call; a good motion goes into
// the meeting, which is saved.
func (m *motionForm) submit() {
	mo, v := m.values()
	if len(v) == 0 {
		v = m.e.m.CheckMotion(mo)
	}
	if m.show(v.Err()) {
		return
	}
	m.e.m.Motions = withItem(m.e.m.Motions, m.index, mo)
	m.e.commitList(m.close, len(m.e.tabs.Items)-2)
}

func (m *motionForm) confirmDelete() {
	m.e.u.confirm("Delete motion", fmt.Sprintf("Delete motion %d, \"%s\", from the minutes?", m.index+1, m.mo.Text), "Delete", "Keep it", func(ok bool) {
		if !ok {
			return
		}
		m.e.m.Motions = slices.Delete(slices.Clone(m.e.m.Motions), m.index, m.index+1)
		m.e.commitList(m.close, -1)
	})
}

// --- action items -------------------------------------------------------------

func (e *meetingEditor) itemsTab() fyne.CanvasObject {
	e.addItem = widget.NewButtonWithIcon("Add action item…", theme.ContentAddIcon(), func() {
		e.openItem(-1, data.ActionItem{Due: e.m.Date.AddDays(7)})
	})
	e.itemList = widget.NewList(
		func() int { return len(e.m.ActionItems) },
		func() fyne.CanvasObject {
			l1 := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			l1.Truncation = fyne.TextTruncateEllipsis
			l2 := widget.NewLabel("")
			l2.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, widget.NewCheck("Done", nil), widget.NewButtonWithIcon("Edit", theme.DocumentCreateIcon(), nil), container.NewVBox(l1, l2))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= len(e.m.ActionItems) {
				return
			}
			it := e.m.ActionItems[i]
			row := o.(*fyne.Container)
			lines := row.Objects[0].(*fyne.Container)
			lines.Objects[0].(*widget.Label).SetText(it.Text)
			lines.Objects[1].(*widget.Label).SetText(e.itemDetail(it))
			done := row.Objects[1].(*widget.Check)
			done.OnChanged = nil
			done.SetChecked(it.Done)
			done.OnChanged = func(b bool) { e.m.ActionItems[i].Done = b; e.changed(); e.itemList.RefreshItem(i) }
			edit := row.Objects[2].(*widget.Button)
			edit.OnTapped = func() { e.openItem(i, e.m.ActionItems[i]) }
			if e.readOnly() || !it.DoneOn.IsZero() { // done and saved: done for good
				done.Disable()
			} else {
				done.Enable()
			}
			if e.readOnly() {
				edit.Disable()
			} else {
				edit.Enable()
			}
		},
	)
	e.itemList.OnSelected = func(i widget.ListItemID) {
		e.itemList.UnselectAll()
		if i >= 0 && i < len(e.m.ActionItems) && !e.readOnly() {
			e.openItem(i, e.m.ActionItems[i])
		}
	}
	e.itemsEmpty = quietLabel("No action items yet.")
	hint := widget.NewLabel("Open items are carried to the old business of every later house meeting until they are done.")
	hint.Wrapping = fyne.TextWrapWord
	top := container.NewVBox(container.NewHBox(e.addItem), hint)
	return container.NewBorder(top, nil, nil, nil, container.NewStack(e.itemList, container.NewVBox(e.itemsEmpty)))
}

func (e *meetingEditor) itemDetail(it data.ActionItem) string {
	s := orNobody(it.Owner.Name) + " · due " + it.Due.Pretty()
	switch {
	case it.Done && !it.DoneOn.IsZero():
		s += " · done on " + it.DoneOn.Pretty()
	case it.Done:
		s += " · done"
	case it.Overdue(e.u.store.Today()):
		s += " · overdue"
	}
	return s
}

// actionItemForm adds or edits an action item.
type actionItemForm struct {
	*formDialog
	e     *meetingEditor
	index int
	it    data.ActionItem
	who   personChoice
	text  *entry
	owner *widget.Select
	due   *entry
}

func (e *meetingEditor) openItem(index int, it data.ActionItem) {
	if e.readOnly() {
		return
	}
	f := newForm()
	a := &actionItemForm{e: e, index: index, it: it, who: e.u.residentChoice(it.Owner)}
	a.text = newArea("What is to be done", 2)
	a.text.SetText(it.Text)
	a.owner = widget.NewSelect(a.who.names, nil)
	a.owner.PlaceHolder = "Who will do it"
	a.who.selectPerson(a.owner, it.Owner)
	a.due = newEntry("YYYY-MM-DD")
	a.due.SetText(it.Due.String())
	f.add(data.FieldItemText, a.text)
	f.add(data.FieldItemOwner, a.owner)
	f.add(data.FieldItemDue, a.due)
	title, ok := "Add an action item", "Add action item"
	var extra []fyne.CanvasObject
	if index >= 0 {
		title, ok = "Action item", "Save action item"
		extra = append(extra, widget.NewButtonWithIcon("Delete", theme.DeleteIcon(), a.confirmDelete))
	}
	a.formDialog = e.u.newFormDialog(title, ok, "", f, a.submit, extra...)
	submitOnEnter(a.submit, &a.due.Entry)
	e.item = a
	a.first = a.text
	a.open(560)
}

// values reads the dialog and checks it as the store will.
func (a *actionItemForm) values() (data.ActionItem, data.ValidationError) {
	var v data.ValidationError
	it := a.it
	it.Text = strings.TrimSpace(a.text.Text)
	it.Owner = a.who.selected(a.owner)
	if it.Text == "" {
		v = append(v, data.FieldError{Field: data.FieldItemText, Msg: "write what is to be done"})
	}
	if it.Owner.IsZero() {
		v = append(v, data.FieldError{Field: data.FieldItemOwner, Msg: "choose who will do it"})
	}
	it.Due = parseDateField(&v, data.FieldItemDue, strings.TrimSpace(a.due.Text), true)
	if len(v) == 0 && it.Due.Before(a.e.m.Date) {
		v = append(v, data.FieldError{Field: data.FieldItemDue, Msg: "the due date is before the meeting (" + a.e.m.Date.Pretty() + ")"})
	}
	return it, v
}

func (a *actionItemForm) submit() {
	it, v := a.values()
	if a.show(v.Err()) {
		return
	}
	a.e.m.ActionItems = withItem(a.e.m.ActionItems, a.index, it)
	a.e.commitList(a.close, len(a.e.tabs.Items)-1)
}

func (a *actionItemForm) confirmDelete() {
	a.e.u.confirm("Delete action item", fmt.Sprintf("Delete \"%s\" from the minutes?", a.it.Text), "Delete", "Keep it", func(ok bool) {
		if !ok {
			return
		}
		a.e.m.ActionItems = slices.Delete(slices.Clone(a.e.m.ActionItems), a.index, a.index+1)
		a.e.commitList(a.close, -1)
	})
}

// withItem returns a copy of xs with x at i, or with x appended when i is
// not an index of xs (a new item).
func withItem[T any](xs []T, i int, x T) []T {
	out := slices.Clone(xs)
	if i >= 0 && i < len(out) {
		out[i] = x
		return out
	}
	return append(out, x)
}

// commitList finishes a change to the motions or action items: the dialog
// closes, the tab (when tab >= 0) shows, and the meeting is saved at once.
func (e *meetingEditor) commitList(closeDialog func(), tab int) {
	e.changed()
	closeDialog()
	if tab >= 0 {
		e.tabs.SelectIndex(tab)
	}
	e.save()
	e.refresh()
}
