package report

import (
	"fmt"
	"strconv"
	"strings"

	"porchlight/data"
)

// weeklyMilestones is section 3: this week's and next week's milestones.
func (d *Doc) weeklyMilestones(rep data.WeeklyReport) {
	d.blockHeading("Milestones")
	d.milestoneTable("This week", rep.Milestones.ThisWeek, "No milestones this week.")
	d.milestoneTable("Next week", rep.Milestones.NextWeek, "No milestones next week.")
}

func (d *Doc) milestoneTable(title string, ms []data.WeekMilestone, none string) {
	d.Subheading(title)
	if len(ms) == 0 {
		d.Paragraph(none)
		return
	}
	t := Table{Columns: []Column{{Title: "Date", Width: 1.4}, {Title: "Resident", Width: 3}, {Title: "Milestone", Width: 2}}}
	for _, m := range ms {
		t.Rows = append(t.Rows, []string{m.Milestone.Date.Pretty(), m.Name, m.Milestone.Name})
	}
	d.Table(t)
}

// weeklyMeeting is section 4: the week's house meeting, its roll call,
// motions and action items, and what earlier meetings left open.
func (d *Doc) weeklyMeeting(rep data.WeeklyReport) {
	d.blockHeading("House meeting")
	if len(rep.Meetings) == 0 {
		d.Paragraph("No house meeting was held this week.")
	}
	for _, m := range rep.Meetings {
		d.weekMeeting(m.Meeting, rep.Manager())
	}
	if len(rep.OpenItems) > 0 {
		d.Subheading("Still open from earlier meetings")
		t := Table{Columns: []Column{{Title: "Action", Width: 4.5}, {Title: "Owner", Width: 2.4},
			{Title: "Due", Width: 1.7}, {Title: "From", Width: 1.4}}}
		for _, it := range rep.OpenItems {
			t.Rows = append(t.Rows, []string{it.Text, it.Owner.Name, it.Due.Pretty(), shortDate(it.MeetingDate)})
		}
		d.Table(t)
	}
}

func (d *Doc) weekMeeting(m data.Meeting, manager bool) {
	d.Subheading(m.Label() + " — " + longDate(m.Date))
	d.KeyValues([][2]string{
		{"Chair", orDash(m.Chair.Name)}, {"Secretary", orDash(m.Secretary.Name)},
		{"Attendance", attendanceLine(m)}, {"Minutes", minutesState(m)},
	})
	if len(m.Roll) > 0 {
		cols := []Column{{Title: "Resident", Width: 3}, {Title: "Attendance", Width: 1.3}}
		if manager {
			cols = append(cols, Column{Title: "Reason", Width: 2.6})
		}
		t := Table{Columns: cols}
		for _, a := range m.Roll {
			row := []string{a.Name, a.Status.Label()}
			if manager {
				row = append(row, a.Reason)
			}
			t.Rows = append(t.Rows, row)
		}
		d.Table(t)
	}
	d.weekMotions(m.Motions)
	d.weekActionItems(m.ActionItems)
}

func (d *Doc) weekMotions(ms []data.Motion) {
	d.Subheading("Motions")
	d.motions(ms)
}

func (d *Doc) weekActionItems(items []data.ActionItem) {
	d.Subheading("Action items")
	d.actionItems(items)
}

// weeklyChores is section 5: the week's tally per resident and next week's
// roster, one line per resident.
func (d *Doc) weeklyChores(rep data.WeeklyReport) {
	d.blockHeading("Chores")
	c := rep.Chores
	switch {
	case len(c.Tally) == 0 && c.Made:
		d.Paragraph("A roster was made, but nobody was free for any of its chores.")
	case len(c.Tally) == 0:
		d.Paragraph("No chore roster was made for this week.")
	default:
		d.choreTally(c.Tally)
	}
	d.Subheading("Next week, from " + c.NextWeek.Pretty())
	rows := nextRoster(c.Next)
	if len(rows) == 0 {
		d.Paragraph("Next week's roster is not made yet.")
		return
	}
	t := Table{Columns: []Column{{Title: "Resident", Width: 2.4}, {Title: "Chores", Width: 6}}}
	t.Rows = rows
	d.Table(t)
}

func (d *Doc) choreTally(ts []data.ChoreTally) {
	t := Table{Columns: []Column{{Title: "Resident", Width: 3.4}, {Title: "Assigned", Width: 1.1, Align: "C"},
		{Title: "Done", Width: 1, Align: "C"}, {Title: "Missed", Width: 1, Align: "C"},
		{Title: "Excused", Width: 1.1, Align: "C"}, {Title: "Not ticked", Width: 1.2, Align: "C"}}}
	var sum data.ChoreTally
	for _, x := range ts {
		t.Rows = append(t.Rows, tallyRow(x.Name, x))
		sum.Assigned, sum.Done, sum.Missed = sum.Assigned+x.Assigned, sum.Done+x.Done, sum.Missed+x.Missed
		sum.Excused, sum.NotTicked = sum.Excused+x.Excused, sum.NotTicked+x.NotTicked
	}
	t.Rows = append(t.Rows, tallyRow("All residents", sum))
	d.Table(t)
}

func tallyRow(name string, x data.ChoreTally) []string {
	return []string{name, strconv.Itoa(x.Assigned), strconv.Itoa(x.Done), strconv.Itoa(x.Missed),
		strconv.Itoa(x.Excused), strconv.Itoa(x.NotTicked)}
}

// nextRoster is one row per resident: "Dishes Mon, Thu; Yard and porch Sun".
// Chores nobody is free for are listed last as "Not yet covered".
func nextRoster(cells []data.RosterCell) [][]string {
	type person struct {
		name   string
		chores []string
		days   map[string][]string
	}
	people := map[string]*person{}
	var order []*person
	for _, c := range cells {
		id, name := c.ResidentID, c.Name
		if !c.Covered() {
			id, name = "", "Not yet covered"
		}
		p := people[id]
		if p == nil {
			p = &person{name: name, days: map[string][]string{}}
			people[id] = p
			order = append(order, p)
		}
		if _, ok := p.days[c.Chore]; !ok {
			p.chores = append(p.chores, c.Chore)
		}
		p.days[c.Chore] = append(p.days[c.Chore], c.Day.Weekday().String()[:3])
	}
	var rows [][]string
	var uncovered []string
	for _, p := range order {
		parts := make([]string, len(p.chores))
		for i, ch := range p.chores {
			parts[i] = ch + " " + strings.Join(p.days[ch], ", ")
		}
		if p == people[""] {
			uncovered = []string{p.name, strings.Join(parts, "; ")}
			continue
		}
		rows = append(rows, []string{p.name, strings.Join(parts, "; ")})
	}
	sortRowsByName(rows)
	if uncovered != nil {
		rows = append(rows, uncovered)
	}
	return rows
}

func sortRowsByName(rows [][]string) {
	order := data.NameOrder()
	for i := 1; i < len(rows); i++ {
		for j := i; j > 0 && order(rows[j-1][0], rows[j][0]) > 0; j-- {
			rows[j-1], rows[j] = rows[j], rows[j-1]
		}
	}
}

// weeklyOutside is the outside meetings each resident logged against what
// their phase asks for.
func (d *Doc) weeklyOutside(rep data.WeeklyReport) {
	d.blockHeading("Outside meetings")
	if len(rep.Outside) == 0 {
		d.Paragraph("Nobody lived in the house at the end of the week.")
		return
	}
	t := Table{Columns: []Column{{Title: "Resident", Width: 3.4}, {Title: "Phase", Width: 1.3},
		{Title: "Logged", Width: 1, Align: "C"}, {Title: "Asked for", Width: 1.2, Align: "C"}, {Title: "This week", Width: 1.6}}}
	met := 0
	for _, w := range rep.Outside {
		state := "Met"
		if !w.Met() {
			state = "Not yet"
		} else {
			met++
		}
		t.Rows = append(t.Rows, []string{w.Name, orDash(w.Phase), strconv.Itoa(w.Have), strconv.Itoa(w.Need), state})
	}
	d.Paragraph(fmt.Sprintf("%d of %d residents met their phase's outside meetings this week.", met, len(rep.Outside)))
	d.Table(t)
}

// weeklySignOuts is section 8: late returns, curfew and overnight passes.
// Nothing of where anyone went is printed.
func (d *Doc) weeklySignOuts(rep data.WeeklyReport) {
	s := rep.SignOuts
	d.blockHeading("Sign-outs")
	d.KeyValues([][2]string{
		{"Outings signed out", strconv.Itoa(s.Outings)},
		{"Back later than expected", strconv.Itoa(s.BackLate)},
		{"Out past curfew", strconv.Itoa(s.PastCurfew)},
		{"Overnight passes", strconv.Itoa(s.Passes)},
		{"Still out at the week's end", strconv.Itoa(s.StillOut)},
	})
	if len(s.Lines) == 0 {
		return
	}
	t := Table{Columns: []Column{{Title: "Resident", Width: 3.4}, {Title: "Outings", Width: 1, Align: "C"},
		{Title: "Back later than expected", Width: 1.6, Align: "C"}, {Title: "Past curfew", Width: 1.2, Align: "C"},
		{Title: "Overnight passes", Width: 1.3, Align: "C"}}}
	for _, l := range s.Lines {
		t.Rows = append(t.Rows, []string{l.Name, strconv.Itoa(l.Outings), strconv.Itoa(l.BackLate),
			strconv.Itoa(l.PastCurfew), strconv.Itoa(l.Passes)})
	}
	d.Table(t)
}

// weeklyNotes prints residents' private notes (manager copy, when ticked).
func (d *Doc) weeklyNotes(rep data.WeeklyReport) {
	if !rep.Sensitive.Notes {
		return
	}
	d.blockHeading("Private notes")
	if len(rep.Notes) == 0 {
		d.Paragraph("No resident has a private note.")
		return
	}
	t := Table{Columns: []Column{{Title: "Resident", Width: 2.4}, {Title: "Note", Width: 6}}}
	for _, n := range rep.Notes {
		t.Rows = append(t.Rows, []string{n.Name, n.Note})
	}
	d.Table(t)
}

// weeklyContacts prints residents' phone numbers (manager copy, when ticked).
func (d *Doc) weeklyContacts(rep data.WeeklyReport) {
	if !rep.Sensitive.Contacts || len(rep.Contacts) == 0 {
		return
	}
	d.blockHeading("Contacts")
	t := Table{Columns: []Column{{Title: "Resident", Width: 2.4}, {Title: "Phone", Width: 1.3},
		{Title: "Sponsor", Width: 2.3}, {Title: "Emergency contact", Width: 3.3}}}
	for _, c := range rep.Contacts {
		t.Rows = append(t.Rows, []string{c.Name, orDash(c.Phone), contactText(c.Sponsor), contactText(c.Emergency)})
	}
	d.Table(t)
}

func contactText(c data.Contact) string {
	var parts []string
	for _, s := range []string{c.Name, c.Relation, c.Phone} {
		if s = strings.TrimSpace(s); s != "" {
			parts = append(parts, s)
		}
	}
	return orDash(strings.Join(parts, ", "))
}

// weeklyCorrections says which records were corrected since the week in a
// way the report cannot print as they were (names); sobriety dates and
// phases are printed as they stood at the week's end.
func (d *Doc) weeklyCorrections(rep data.WeeklyReport) {
	if len(rep.Corrections) == 0 {
		return
	}
	var parts []string
	for _, c := range rep.Corrections {
		parts = append(parts, fmt.Sprintf("the %s of %s (on %s)", c.What, c.Name, longDate(c.On)))
	}
	d.Paragraph("Corrected since this week: " + strings.Join(parts, "; ") +
		". Names are printed as the records have them now; everything else as it stood at the week's end.")
}

// signatureH is the height of the signature row: room to sign, the line
// and its caption.
const signatureH = 14.0

// weeklySignatures is section 10: the house manager's signature and, in a
// peer-run house, the president's, side by side.
func (d *Doc) weeklySignatures(rep data.WeeklyReport) {
	roles := []string{"House manager — signature and date"}
	if !rep.President.IsZero() {
		roles = append(roles, "House president, "+rep.President.Name+" — signature and date")
	}
	d.EnsureSpace(signatureH + headingLineH + 8)
	d.Heading("Signatures")
	slot := d.Width() / float64(len(roles))
	y := d.pdf.GetY() + signatureH - 5
	for i, role := range roles {
		x := marginX + float64(i)*slot
		w := slot - 8
		if i == len(roles)-1 {
			w = slot
		}
		if len(roles) == 1 {
			w = slot * 0.6
		}
		d.drawColor(colText)
		d.pdf.SetLineWidth(0.3)
		d.pdf.Line(x, y, x+w, y)
		d.font("", 8.5)
		d.textColor(colMuted)
		d.pdf.SetXY(x, y+0.8)
		d.pdf.CellFormat(w, 4, d.fit(role, w), "", 0, "L", false, 0, "")
	}
	d.pdf.SetXY(marginX, y+5)
}
