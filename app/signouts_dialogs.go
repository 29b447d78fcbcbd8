package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"porchlight/data"
)

// signoutFieldResident is the resident choice of the sign-out dialogs.
const signoutFieldResident = "Resident"

// signoutDialog is the section's form dialog. save does the work and
// reports whether it succeeded; on a mistake the dialog stays open with
// what was typed and the message at the field.
type signoutDialog struct {
	*formDialog
	save    func() bool
	entries []*entry // Enter in any of them saves
}

// newDialog opens a form dialog; build adds its fields and sets save.
func (p *signoutsPage) newDialog(title, confirm string, intro string, size fyne.Size, build func(d *signoutDialog)) *signoutDialog {
	d := &signoutDialog{}
	f := newForm()
	d.formDialog = p.u.newFormDialog(title, confirm, intro, f, func() {
		if d.save() {
			d.close()
		}
	})
	build(d)
	for _, e := range d.entries {
		submitOnEnter(d.submit, e)
	}
	d.scrollable(size)
	d.open(0)
	return d
}

func (d *signoutDialog) entry(name, placeholder, hint, text string) *entry {
	e := newEntry(placeholder)
	e.SetText(text)
	d.entries = append(d.entries, e)
	d.addHint(name, hint, e)
	return e
}

func (d *signoutDialog) choice(name string, options []string) *widget.Select {
	s := widget.NewSelect(options, nil)
	d.add(name, s)
	return s
}

// destinationOptions are the destinations as the select shows them.
func destinationOptions() []string {
	var out []string
	for _, d := range data.Destinations {
		out = append(out, destLabel(d))
	}
	return out
}

// openMissed adds an outing nobody signed, with a reason.
func (p *signoutsPage) openMissed() {
	loc := p.u.store.Now().Location()
	labels, ids := p.residentOptions(true)
	p.newDialog("Add a missed entry", "Add", "For an outing nobody signed on the kiosk. The reason is kept with the entry and in the audit log.",
		fyne.NewSize(620, 520), func(d *signoutDialog) {
			who := d.choice(signoutFieldResident, labels)
			if id := p.logResident(); id != "" {
				for i, x := range ids {
					if x == id {
						who.SetSelectedIndex(i)
					}
				}
			}
			dest := d.choice(data.FieldDestination, destinationOptions())
			where := d.entry(data.FieldWhere, "A few words (needed for Other)", "", "")
			out := d.entry(data.FieldSignedOut, "YYYY-MM-DD HH:MM", "When they left", p.logDay.String()+" ")
			in := d.entry(data.FieldSignedIn, "YYYY-MM-DD HH:MM", "Leave empty if they are still out", "")
			reason := d.entry(data.FieldReason, "e.g. forgot to sign out; confirmed by phone", "", "")
			d.save = func() bool {
				var v data.ValidationError
				i := who.SelectedIndex()
				if i < 0 {
					v = append(v, data.FieldError{Field: signoutFieldResident, Msg: "choose the resident"})
				}
				var kind data.Destination
				if j := dest.SelectedIndex(); j >= 0 {
					kind = data.Destinations[j]
				}
				o := parseDateTimeField(&v, data.FieldSignedOut, out.Text, true, loc)
				n := parseDateTimeField(&v, data.FieldSignedIn, in.Text, false, loc)
				if d.show(v.Err()) {
					return false
				}
				_, err := p.u.store.AddMissedEntry(p.u.actor(), ids[i], kind, where.Text, o, n, reason.Text)
				if d.show(err) {
					return false
				}
				p.reloadLog()
				p.reloadOut()
				return true
			}
		})
}

// openCorrect fixes the times of an entry, with a reason; the original
// is kept.
func (p *signoutsPage) openCorrect(e data.SignEntry) {
	loc := p.u.store.Now().Location()
	intro := fmt.Sprintf("%s · %s · out %s. The original stays in the record; the corrected version is shown from now on.",
		p.name(e.ResidentID, ""), destText(e.Kind, e.Where), dateTimeText(e.Out))
	p.newDialog("Correct an entry", "Save correction", intro, fyne.NewSize(620, 440), func(d *signoutDialog) {
		out := d.entry(data.FieldSignedOut, "YYYY-MM-DD HH:MM", "", dateTimeText(e.Out))
		in := d.entry(data.FieldSignedIn, "YYYY-MM-DD HH:MM", "Leave empty if they are still out", dateTimeText(e.In))
		reason := d.entry(data.FieldReason, "Why the entry changes", "", "")
		d.save = func() bool {
			var v data.ValidationError
			o := parseDateTimeField(&v, data.FieldSignedOut, out.Text, true, loc)
			n := parseDateTimeField(&v, data.FieldSignedIn, in.Text, false, loc)
			if d.show(v.Err()) {
				return false
			}
			_, err := p.u.store.CorrectEntry(p.u.actor(), e.ID, o, n, reason.Text)
			if d.show(err) {
				return false
			}
			p.reloadLog()
			p.reloadOut()
			return true
		}
	})
}

// openVersions shows every version of an entry, the original first.
func (p *signoutsPage) openVersions(e data.SignEntry) {
	vs, err := p.u.store.SignEntryVersions(e.ID)
	if err != nil {
		p.u.showProblem("That did not work", err)
		return
	}
	lines := make([]string, len(vs))
	for i, v := range vs {
		lines[i] = versionLine(i, v)
	}
	list := widget.NewList(
		func() int { return len(lines) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Wrapping = fyne.TextWrapWord
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(lines[i]) },
	)
	for i := range lines {
		list.SetItemHeight(i, 90)
	}
	title := fmt.Sprintf("Versions of %s's entry", p.name(e.ResidentID, ""))
	d := dialog.NewCustom(title, "Close", list, p.u.win)
	d.Resize(fyne.NewSize(720, 420))
	d.Show()
}

// versionLine describes one version: its times, status, who and why.
func versionLine(i int, v data.SignEntry) string {
	label := "Original"
	if i > 0 {
		label = fmt.Sprintf("Correction %d", i)
	}
	if v.Missed && i == 0 {
		label = "Added by a manager"
	}
	in := "still out"
	if !v.In.IsZero() {
		in = "in " + dateTimeText(v.In)
	}
	parts := []string{label, "out " + dateTimeText(v.Out), in, entryStatus(v), "signed out by " + v.OutBy.String()}
	if v.Reason != "" {
		parts = append(parts, "reason: "+v.Reason)
	}
	if v.Current() {
		parts = append(parts, "current")
	}
	return strings.Join(parts, " · ")
}

// openPass adds an overnight pass.
func (p *signoutsPage) openPass() {
	loc := p.u.store.Now().Location()
	labels, ids := p.residentOptions(false)
	today := p.u.store.Today()
	p.newDialog("Add an overnight pass", "Add pass", "Within the pass, curfew does not apply to the resident.", fyne.NewSize(620, 480), func(d *signoutDialog) {
		who := d.choice(signoutFieldResident, labels)
		if i := p.passWho.SelectedIndex() - 1; i >= 0 {
			who.SetSelectedIndex(i)
		}
		from := d.entry(data.FieldPassFrom, "YYYY-MM-DD HH:MM", "", today.String()+" 18:00")
		to := d.entry(data.FieldPassTo, "YYYY-MM-DD HH:MM", "", today.AddDays(1).String()+" 12:00")
		where := d.entry(data.FieldPassWhere, "e.g. at her sister's in Oakland", "", "")
		approved := d.entry(data.FieldApprovedBy, "", "", p.u.manager.Name)
		d.save = func() bool {
			var v data.ValidationError
			i := who.SelectedIndex()
			if i < 0 {
				v = append(v, data.FieldError{Field: signoutFieldResident, Msg: "choose the resident"})
			}
			f := parseDateTimeField(&v, data.FieldPassFrom, from.Text, true, loc)
			t := parseDateTimeField(&v, data.FieldPassTo, to.Text, true, loc)
			if d.show(v.Err()) {
				return false
			}
			_, err := p.u.store.AddPass(p.u.actor(), ids[i], f, t, where.Text, approved.Text)
			if d.show(err) {
				return false
			}
			p.reloadPasses()
			p.reloadOut()
			return true
		}
	})
}
