package app

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"porchlight/app/report"
	"porchlight/data"
)

// The Mentors section's Rules tab: the house's written criteria for who
// may mentor and what a pairing is expected to do, saved with messages at
// the fields, and the two papers: the Mentor criteria sheet for the binder
// and the consented peer phone list.

// noPhase is the minimum-phase choice meaning "no rule".
const noPhase = "Any phase"

// mentorRulesTab edits data.MentorRules.
type mentorRulesTab struct {
	*form
	p        *mentorsPage
	house    data.House
	rules    data.MentorRules
	sober    *entry
	phase    *widget.Select
	weeks    *entry
	willing  *widget.Check
	capacity *entry
	perPhase map[string]*entry
	perOther *entry
	within   *entry
	mentees  *checkGrid
	gender   *widget.Check
	note     *entry
	saved    *widget.Label
	box      *fyne.Container
}

func newMentorRulesTab(p *mentorsPage) *mentorRulesTab {
	return &mentorRulesTab{p: p, box: container.NewStack()}
}

func (t *mentorRulesTab) view() fyne.CanvasObject { return t.box }

// reload builds the form anew from the saved rules.
func (t *mentorRulesTab) reload() {
	st := t.p.u.store
	h, err := st.House()
	if err == nil {
		t.rules, err = st.MentorRules()
	}
	if err != nil {
		t.box.Objects = []fyne.CanvasObject{errorCard("Mentor rules", err)}
		t.box.Refresh()
		return
	}
	t.house = h
	t.build()
	t.fill()
}

func (t *mentorRulesTab) build() {
	t.form = newForm()
	t.sober, t.weeks, t.capacity = newEntry("0: no rule"), newEntry("0: no rule"), newEntry("2")
	t.phase = widget.NewSelect(append([]string{noPhase}, t.house.Phases...), nil)
	t.willing = widget.NewCheck("They have said they are willing (ticked on their record)", nil)
	t.perPhase = map[string]*entry{}
	grid := container.NewGridWithColumns(4)
	for _, ph := range t.house.Phases {
		e := newEntry("0")
		t.perPhase[ph] = e
		grid.Add(container.NewBorder(nil, nil, widget.NewLabel(ph), nil, e))
	}
	t.perOther = newEntry("1")
	grid.Add(container.NewBorder(nil, nil, widget.NewLabel("No phase"), nil, t.perOther))
	t.within = newEntry("14")
	t.mentees = newCheckGrid(t.house.Phases, 4)
	t.gender = widget.NewCheck("Prefer a mentor of the same gender (asks for an optional gender on each record)", nil)
	t.note = newArea("Anything else the house expects of mentors; printed on the sheet.", 3)
	t.add(data.FieldMinDaysSober, t.sober)
	t.add(data.FieldMinPhase, t.phase)
	t.add(data.FieldMinWeeks, t.weeks)
	t.add("Willing", t.willing)
	t.addHint(data.FieldCapacity, "1 to 10. Lowering it ends no pairing; it only stops new ones.", t.capacity)
	t.addHint(data.FieldCheckinsPerWeek, "By the mentee's phase. A pairing is overdue after 7 ÷ this many days without one.", grid)
	t.addHint(data.FieldMentorWithin, "After this many days without one, \"No mentor yet\" is flagged.", t.within)
	t.addHint(data.FieldMenteePhases, "None ticked: every phase.", t.mentees.box)
	t.add("Same gender", t.gender)
	t.add(data.FieldRulesNote, t.note)
	save := widget.NewButtonWithIcon("Save mentor rules", theme.DocumentSaveIcon(), t.save)
	save.Importance = widget.HighImportance
	criteria := widget.NewButtonWithIcon("Print mentor criteria…", theme.DocumentPrintIcon(), t.printCriteria)
	phones := widget.NewButtonWithIcon("Print peer phone list…", theme.DocumentPrintIcon(), t.printPhones)
	t.saved = widget.NewLabel("")
	t.saved.Wrapping = fyne.TextWrapWord
	submitOnEnter(t.save, t.sober, t.weeks, t.capacity, t.perOther, t.within)
	for _, e := range t.perPhase {
		submitOnEnter(t.save, e)
	}
	intro := widget.NewLabel("The house's written criteria for house mentors. A criterion not met is a caution when choosing a mentor, never a block; only the most mentees at once is a limit.")
	intro.Wrapping = fyne.TextWrapWord
	actions := container.NewHBox(save, criteria, phones)
	t.scroll = container.NewVScroll(container.NewVBox(intro, t.Form, t.general, actions, t.saved))
	t.box.Objects = []fyne.CanvasObject{t.scroll}
	t.box.Refresh()
}

func (t *mentorRulesTab) fill() {
	r := t.rules
	t.sober.SetText(strconv.Itoa(r.MinDaysSober))
	t.phase.SetSelected(noPhase)
	if r.MinPhase != "" {
		t.phase.SetSelected(r.MinPhase)
	}
	t.weeks.SetText(strconv.Itoa(r.MinWeeksInHouse))
	t.willing.SetChecked(r.RequireWilling)
	t.capacity.SetText(strconv.Itoa(r.Capacity))
	for ph, e := range t.perPhase {
		e.SetText(strconv.Itoa(r.Target(ph)))
	}
	t.perOther.SetText(strconv.Itoa(r.DefaultCheckins))
	t.within.SetText(strconv.Itoa(r.MentorWithinDays))
	t.mentees.SetSelected(r.MenteePhases)
	t.gender.SetChecked(r.PreferSameGender)
	t.note.SetText(r.Note)
}

// number reads a whole number field into v.
func number(v *data.ValidationError, field, text string) int {
	n, err := strconv.Atoi(strings.TrimSpace(text))
	if err != nil {
		*v = append(*v, data.FieldError{Field: field, Msg: "enter a whole number"})
	}
	return n
}

// values reads the form; a field that is not a number comes back as a
// message at that field.
func (t *mentorRulesTab) values() (data.MentorRules, data.ValidationError) {
	var v data.ValidationError
	r := t.rules
	r.MinDaysSober = number(&v, data.FieldMinDaysSober, t.sober.Text)
	r.MinPhase = ""
	if t.phase.Selected != noPhase {
		r.MinPhase = t.phase.Selected
	}
	r.MinWeeksInHouse = number(&v, data.FieldMinWeeks, t.weeks.Text)
	r.RequireWilling = t.willing.Checked
	r.Capacity = number(&v, data.FieldCapacity, t.capacity.Text)
	r.CheckinsPerWeek = map[string]int{}
	for _, ph := range t.house.Phases {
		r.CheckinsPerWeek[ph] = number(&v, data.FieldCheckinsPerWeek, t.perPhase[ph].Text)
	}
	r.DefaultCheckins = number(&v, data.FieldCheckinsPerWeek, t.perOther.Text)
	r.MentorWithinDays = number(&v, data.FieldMentorWithin, t.within.Text)
	r.MenteePhases = t.mentees.Selected()
	r.PreferSameGender = t.gender.Checked
	r.Note = t.note.Text
	return r, v
}

func (t *mentorRulesTab) save() {
	r, v := t.values()
	if t.show(v.Err()) {
		t.saved.SetText("")
		return
	}
	saved, err := t.p.u.store.SaveMentorRules(t.p.u.actor(), r)
	if t.show(err) {
		t.saved.SetText("")
		return
	}
	t.rules = saved
	t.saved.SetText("Saved. New suggestions and this week's targets use these rules.")
}

// askPaper asks which paper, then writes, opens and names the PDF.
func (t *mentorRulesTab) askPaper(title, intro, what string, write func(report.PageSize) (string, error)) {
	t.p.u.askPaper(title, intro, what, &t.p.paper, func(path string) { t.saved.SetText(what + " saved to " + path + ".") }, write)
}

// printCriteria prints the saved rules as the Mentor criteria sheet.
func (t *mentorRulesTab) printCriteria() {
	t.askPaper("Print mentor criteria",
		"The saved rules on one page for the house binder; it names no resident. Save first if you changed them.",
		"Mentor criteria", func(size report.PageSize) (string, error) {
			st := t.p.u.store
			rules, err := st.MentorRules()
			if err != nil {
				return "", err
			}
			return writePrintPDF("mentor-criteria.pdf", func(w io.Writer) error {
				return report.MentorCriteria(w, report.MentorCriteriaOptions{House: t.house, Rules: rules, Size: size, Printed: st.Now()})
			})
		})
}

// printPhones prints the peer phone list: only residents who agreed.
func (t *mentorRulesTab) printPhones() {
	st := t.p.u.store
	contacts, err := st.PeerPhoneList()
	if err != nil {
		t.p.u.showProblem("Could not read the peer phone list", err)
		return
	}
	intro := fmt.Sprintf("Lists only the residents who ticked \"Other residents may call me\" on their record (%d now). "+
		"Keep it in the house; delete the file once printed.", len(contacts))
	t.askPaper("Print peer phone list", intro, "Peer phone list", func(size report.PageSize) (string, error) {
		today := st.Today()
		return writePrintPDF("peer-phone-list-"+today.String()+".pdf", func(w io.Writer) error {
			return report.PeerPhones(w, report.PeerPhonesOptions{House: t.house.Name, Date: today, Contacts: contacts, Size: size, Printed: st.Now()})
		})
	})
}
