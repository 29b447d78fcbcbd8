package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"porchlight/data"
)

// residentForm edits one resident (or adds a new one when r.ID is empty).
type residentForm struct {
	*form
	u      *UI
	r      data.Resident
	house  data.House
	beds   []data.Bed // in the bed select's order
	onDone func(changed bool)

	first, last, preferred, phone  *entry
	moveIn, sobriety               *entry
	bed, phase                     *widget.Select
	pathways                       *checkGrid
	homeGroup, sponsor, sponsorTel *entry
	emName, emRelation, emPhone    *entry
	languages                      *entry
	notes                          *entry
	willing, peerPhone             *widget.Check
	gender                         *entry // only when the house prefers same-gender mentors
	save                           *widget.Button
	typed                          string        // the fields' values as loaded
	pin, pinAgain                  *widget.Entry // a new resident's kiosk PIN
}

// Fields of a new resident's kiosk PIN.
const (
	fieldNewPIN      = "Kiosk PIN"
	fieldNewPINAgain = "Kiosk PIN again"
)

func newResidentForm(u *UI, r data.Resident, onDone func(bool)) *residentForm {
	f := &residentForm{form: newForm(), u: u, r: r, onDone: onDone}
	f.house, _ = u.store.House()
	f.build()
	f.fill()
	f.typed = fieldValues(f.Form)
	return f
}

func (f *residentForm) build() {
	f.first, f.last, f.preferred = newEntry(""), newEntry(""), newEntry("What they like to be called")
	f.phone = newEntry("")
	f.moveIn, f.sobriety = newEntry("YYYY-MM-DD"), newEntry("YYYY-MM-DD")
	f.bed = widget.NewSelect(f.bedOptions(), nil)
	f.phase = widget.NewSelect(append([]string{""}, f.house.Phases...), nil)
	f.pathways = newCheckGrid(data.Pathways, 3)
	f.homeGroup, f.sponsor, f.sponsorTel = newEntry(""), newEntry("Name"), newEntry("Phone")
	f.emName, f.emRelation, f.emPhone = newEntry("Name"), newEntry("e.g. sister"), newEntry("Phone")
	f.languages = newEntry("e.g. Spanish, English")
	f.notes = newArea("", 4)
	f.notes.SetPlaceHolder("Private: managers only. Never shown at the kiosk or printed by default.")
	f.notes.Wrapping = fyne.TextWrapWord

	f.add(data.FieldFirst, f.first)
	f.add(data.FieldLast, f.last)
	f.add("Preferred name", f.preferred)
	f.add("Phone", f.phone)
	f.add(data.FieldBed, f.bed)
	f.addHint(data.FieldMoveIn, "YYYY-MM-DD", f.moveIn)
	f.addHint(data.FieldSobriety, "YYYY-MM-DD; changing it keeps the earlier date in the record", f.sobriety)
	f.add("Recovery pathways", f.pathways.box)
	f.add("Home group", f.homeGroup)
	f.add("Sponsor", container.NewGridWithColumns(2, f.sponsor, f.sponsorTel))
	f.add(data.FieldPhase, f.phase)
	f.add("Emergency contact", container.NewGridWithColumns(3, f.emName, f.emRelation, f.emPhone))
	f.add("Languages", f.languages)
	f.add("Private notes", f.notes)
	if f.r.ID == "" { // a saved resident's PIN is set on the PIN card below the form
		f.pin, f.pinAgain = newPassword("4 to 6 digits"), newPassword("Type it again")
		f.addHint(fieldNewPIN, "Optional: the resident's PIN for the kiosk. They can change it there.", f.pin)
		f.add(fieldNewPINAgain, f.pinAgain)
	}
	f.willing = widget.NewCheck("Willing to mentor", nil)
	f.peerPhone = widget.NewCheck("Other residents may call me", nil)
	f.addHint("Peer support", "Only those who agree are on the printed peer phone list (name, phone, pathways).",
		container.NewHBox(f.willing, f.peerPhone))
	if rules, err := f.u.store.MentorRules(); err == nil && rules.PreferSameGender {
		f.gender = newEntry("Optional, in their words")
		f.addHint("Gender", "Only to suggest a mentor; never shown at the kiosk or on paper.", f.gender)
	}
	f.save = widget.NewButtonWithIcon("Save", theme.DocumentSaveIcon(), f.submit)
	f.save.Importance = widget.HighImportance
	submitOnEnter(f.submit, f.first, f.last, f.preferred, f.phone, f.moveIn, f.sobriety,
		f.homeGroup, f.sponsor, f.sponsorTel, f.emName, f.emRelation, f.emPhone, f.languages)
	if f.gender != nil {
		submitOnEnter(f.submit, f.gender)
	}
}

// bedOptions lists every bed with who is in it, so vacancies show.
func (f *residentForm) bedOptions() []string {
	occ, _ := f.u.store.Occupancy()
	names := map[string]string{}
	if rs, err := f.u.store.ActiveResidents(); err == nil {
		for _, r := range rs {
			names[r.ID] = r.Short()
		}
	}
	var opts []string
	f.beds = f.house.Beds
	for _, b := range f.beds {
		who, taken := occ[b.ID]
		switch {
		case !taken:
			opts = append(opts, b.Label()+" — free")
		case who == f.r.ID:
			opts = append(opts, b.Label()+" — this resident")
		default:
			opts = append(opts, b.Label()+" — "+names[who])
		}
	}
	return opts
}

func (f *residentForm) fill() {
	r := f.r
	f.first.SetText(r.First)
	f.last.SetText(r.Last)
	f.preferred.SetText(r.Preferred)
	f.phone.SetText(r.Phone)
	for i, b := range f.beds {
		if b.ID == r.BedID {
			f.bed.SetSelectedIndex(i)
		}
	}
	if r.ID == "" {
		f.moveIn.SetText(f.u.store.Today().String())
	} else {
		f.moveIn.SetText(r.MoveIn.String())
	}
	f.sobriety.SetText(r.Sobriety.String())
	f.pathways.SetSelected(r.Pathways)
	f.homeGroup.SetText(r.HomeGroup)
	f.sponsor.SetText(r.Sponsor.Name)
	f.sponsorTel.SetText(r.Sponsor.Phone)
	f.phase.SetSelected(r.Phase)
	if r.ID == "" && r.Phase == "" && len(f.house.Phases) > 0 {
		f.phase.SetSelected(f.house.Phases[0]) // a new resident starts in the first phase
	}
	f.emName.SetText(r.Emergency.Name)
	f.emRelation.SetText(r.Emergency.Relation)
	f.emPhone.SetText(r.Emergency.Phone)
	f.languages.SetText(strings.Join(r.Languages, ", "))
	f.notes.SetText(r.Notes)
	f.willing.SetChecked(r.MentorWilling)
	f.peerPhone.SetChecked(r.PeerPhoneList)
	if f.gender != nil {
		f.gender.SetText(r.Gender)
	}
	if !r.Active() && r.ID != "" {
		f.bed.Disable()
	}
}

// values reads the form; date typos come back as field errors.
func (f *residentForm) values() (data.Resident, data.ValidationError) {
	var v data.ValidationError
	r := f.r
	r.First, r.Last, r.Preferred, r.Phone = f.first.Text, f.last.Text, f.preferred.Text, f.phone.Text
	r.MoveIn = parseDateField(&v, data.FieldMoveIn, strings.TrimSpace(f.moveIn.Text), true)
	r.Sobriety = parseDateField(&v, data.FieldSobriety, strings.TrimSpace(f.sobriety.Text), false)
	if i := f.bed.SelectedIndex(); i >= 0 && i < len(f.beds) {
		r.BedID = f.beds[i].ID
	}
	r.Pathways = f.pathways.Selected()
	r.HomeGroup = f.homeGroup.Text
	r.Sponsor = data.Contact{Name: f.sponsor.Text, Phone: f.sponsorTel.Text}
	r.Phase = f.phase.Selected
	r.Emergency = data.Contact{Name: f.emName.Text, Relation: f.emRelation.Text, Phone: f.emPhone.Text}
	r.Languages = splitComma(f.languages.Text)
	r.Notes = f.notes.Text
	r.MentorWilling, r.PeerPhoneList = f.willing.Checked, f.peerPhone.Checked
	if f.gender != nil {
		r.Gender = f.gender.Text
	}
	return r, v
}

// submit validates, warns about a duplicate name, then saves.
func (f *residentForm) submit() {
	r, v := f.values()
	v = append(v, f.pinProblems()...)
	if len(v) > 0 {
		f.show(v)
		return
	}
	same, _ := f.u.store.SameName(r)
	if len(same) == 0 {
		f.store(r)
		return
	}
	msg := fmt.Sprintf("There is already a resident named %s %s (%s). Save anyway?", same[0].First, same[0].Last, same[0].Status)
	f.u.confirm("Same name", msg, "Save anyway", "Go back", func(ok bool) {
		if ok {
			f.store(r)
		}
	})
}

func (f *residentForm) store(r data.Resident) {
	var err error
	if r.ID == "" {
		var saved data.Resident
		if saved, err = f.u.store.AddResident(f.u.actor(), r); err == nil && f.pin != nil && f.pin.Text != "" {
			if err = f.u.store.SetPIN(f.u.actor(), saved.ID, f.pin.Text); err != nil {
				err = fmt.Errorf("%s is saved, but the PIN was not: %w; set it on their record", saved.Display(), err)
			}
		}
	} else {
		_, err = f.u.store.UpdateResident(f.u.actor(), r)
	}
	if f.show(err) {
		return
	}
	f.onDone(true)
}

// pinProblems checks a new resident's optional PIN before anything is
// saved, so a mistyped PIN never leaves a resident saved without one.
func (f *residentForm) pinProblems() data.ValidationError {
	var v data.ValidationError
	if f.pin == nil || (f.pin.Text == "" && f.pinAgain.Text == "") {
		return v
	}
	if err := data.ValidatePIN(f.pin.Text); err != nil {
		return append(v, data.FieldError{Field: fieldNewPIN, Msg: err.Error()})
	}
	if f.pin.Text != f.pinAgain.Text {
		v = append(v, data.FieldError{Field: fieldNewPINAgain, Msg: "the two PINs do not match"})
	}
	return v
}

// cancel leaves the form; when it holds typing that was not saved, it
// asks first.
func (f *residentForm) cancel() {
	if fieldValues(f.Form) == f.typed {
		f.onDone(false)
		return
	}
	f.u.confirm("Discard what you typed?", "The changes to this resident have not been saved.", "Discard", "Keep editing", func(discard bool) {
		if discard {
			f.onDone(false)
		}
	})
}

func (f *residentForm) view() fyne.CanvasObject {
	title := "New resident"
	if f.r.ID != "" {
		title = f.r.Display()
	}
	back := widget.NewButtonWithIcon("Back to list", theme.NavigateBackIcon(), f.cancel)
	actions := container.NewHBox(f.save, widget.NewButton("Cancel", f.cancel))
	if f.r.ID != "" && f.r.Active() {
		actions.Add(widget.NewButton("Move out…", f.moveOut))
	}
	if f.r.ID != "" && !f.r.Active() {
		actions.Add(widget.NewButton("Readmit…", f.readmit))
	}
	top := container.NewVBox(container.NewHBox(back), heading(title), f.summary())
	body := container.NewVBox(f.weekCard(), f.accountabilityCard(), f.Form, f.general, actions, f.mentorCard(), f.pinCard(), f.history())
	f.scroll = container.NewVScroll(body)
	return container.NewBorder(top, nil, nil, nil, f.scroll)
}

// summary shows days sober and the next milestone for a saved resident.
func (f *residentForm) summary() fyne.CanvasObject {
	r := f.r
	if r.ID == "" {
		return widget.NewLabel("Required: first name, last name, bed and move-in date. Everything else can wait.")
	}
	if !r.Active() {
		return widget.NewLabel("Moved out. The record and its history are kept.")
	}
	if r.Sobriety.IsZero() {
		return widget.NewLabel("No sobriety date recorded.")
	}
	today := f.u.store.Today()
	m := data.NextMilestone(r.Sobriety, today)
	when := m.Date.Pretty()
	if m.Date == today {
		when = "today!"
	}
	return widget.NewLabel(fmt.Sprintf("%d days sober · next milestone: %s, %s", data.DaysSober(r.Sobriety, today), m.Name, when))
}

// history lists earlier stays and earlier sobriety dates.
func (f *residentForm) history() fyne.CanvasObject {
	var lines []string
	for _, s := range f.r.Stays {
		lines = append(lines, fmt.Sprintf("Stay %s to %s, %s (%s)", s.MoveIn, s.MoveOut, s.Bed, s.Reason))
	}
	for _, c := range f.r.EarlierSobriety {
		lines = append(lines, fmt.Sprintf("Earlier sobriety date %s (changed %s)", c.Was, c.ChangedOn))
	}
	if len(lines) == 0 {
		return container.NewVBox()
	}
	l := widget.NewLabel(strings.Join(lines, "\n"))
	return widget.NewCard("History", "", l)
}

// moveOut asks for the date and reason, then frees the bed.
func (f *residentForm) moveOut() {
	mf := newForm()
	date := newEntry("YYYY-MM-DD")
	date.SetText(f.u.store.Today().String())
	reason := widget.NewSelect(data.MoveOutReasons, nil)
	mf.add(data.FieldMoveOut, date)
	mf.add(data.FieldReason, reason)
	var d *formDialog
	d = f.u.newFormDialog("Move out "+f.r.Display(), "Move out", "Moving out frees the bed. The record and its history stay.", mf, func() {
		var v data.ValidationError
		day := parseDateField(&v, data.FieldMoveOut, strings.TrimSpace(date.Text), true)
		err := v.Err()
		if err == nil {
			err = f.u.store.MoveOut(f.u.actor(), f.r.ID, day, reason.Selected)
		}
		if mf.show(err) {
			return // the dialog stays, with what was typed and the message
		}
		d.close()
		f.onDone(true)
	})
	submitOnEnter(d.submit, date)
	d.first = date
	d.open(480)
}

// readmit asks for a free bed and a move-in date.
func (f *residentForm) readmit() {
	mf := newForm()
	date := newEntry("YYYY-MM-DD")
	date.SetText(f.u.store.Today().String())
	bed := widget.NewSelect(f.bedOptions(), nil)
	mf.add(data.FieldBed, bed)
	mf.add(data.FieldMoveIn, date)
	var d *formDialog
	d = f.u.newFormDialog("Readmit "+f.r.Display(), "Readmit", "", mf, func() {
		var v data.ValidationError
		day := parseDateField(&v, data.FieldMoveIn, strings.TrimSpace(date.Text), true)
		bedID := ""
		if i := bed.SelectedIndex(); i >= 0 {
			bedID = f.beds[i].ID
		}
		err := v.Err()
		if err == nil {
			_, err = f.u.store.Readmit(f.u.actor(), f.r.ID, bedID, day)
		}
		if mf.show(err) {
			return
		}
		d.close()
		f.onDone(true)
	})
	submitOnEnter(d.submit, date)
	d.first = date
	d.open(480)
}
