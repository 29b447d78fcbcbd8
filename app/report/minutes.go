package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"porchlight/data"
)

// Minutes writes the minutes of a meeting: a header with the house, the
// kind of meeting, its number and date; the attendance; every section of
// the agenda; the motions with their votes and outcomes; the action items;
// and any changes made after the minutes were accepted. Every page carries
// "Page n of m" and the confidentiality notice.
func Minutes(w io.Writer, m data.Meeting, house data.House, size PageSize) error {
	d, err := New(Options{Title: m.Label(), Subtitle: minutesSubtitle(m), House: house.Name, Size: size})
	if err != nil {
		return err
	}
	d.minutesSummary(m)
	d.minutesAttendance(m)
	if m.Kind.Business() {
		d.minutesBusiness(m)
	} else {
		d.minutesGroup(m)
	}
	d.minutesAmendments(m)
	if err := d.Err(); err != nil {
		return fmt.Errorf("report: minutes of %s: %w", m.Label(), err)
	}
	return d.Write(w)
}

// noneRecorded stands in for an empty section.
const noneRecorded = "None recorded."

// blockLead is the room, in millimetres, a heading needs below it for the
// start of a table (header and first row) or of a subheaded part, so the
// heading is not left alone at the foot of a page.
const blockLead = 40.0

// blockHeading starts a section whose body is a table or subheaded parts.
func (d *Doc) blockHeading(title string) {
	d.EnsureSpace(blockLead)
	d.Heading(title)
}

// minutesSubtitle is short enough for the running header of later pages.
func minutesSubtitle(m data.Meeting) string { return "Minutes of " + longDate(m.Date) }

// longDate is "Sunday 9 March 2025".
func longDate(d data.Date) string {
	return d.Weekday().String() + " " + strconv.Itoa(d.Day) + " " + d.Month.String() + " " + strconv.Itoa(d.Year)
}

func (d *Doc) minutesSummary(m data.Meeting) {
	var pairs [][2]string
	if m.Title != "" {
		pairs = append(pairs, [2]string{"Kind", m.Kind.Label()})
	}
	pairs = append(pairs, [2]string{"Date", longDate(m.Date)}, [2]string{"Time", minutesTime(m)})
	if m.Place != "" {
		pairs = append(pairs, [2]string{"Place", m.Place})
	}
	for _, p := range []struct {
		role string
		who  data.PersonRef
	}{{"Chair", m.Chair}, {"Secretary", m.Secretary}} {
		if m.Kind.Business() || !p.who.IsZero() {
			pairs = append(pairs, [2]string{p.role, orDash(p.who.Name)})
		}
	}
	pairs = append(pairs, [2]string{"Attendance", attendanceLine(m)}, [2]string{"Minutes", minutesState(m)})
	d.KeyValues(pairs)
}

func minutesTime(m data.Meeting) string {
	s := "Opened " + m.Start.String()
	if m.Adjourned != nil {
		s += ", adjourned " + m.Adjourned.String()
	}
	return s
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return s
}

// attendanceLine is "8 present, 1 late, 1 excused, 1 absent (9 of 11 at the meeting)".
func attendanceLine(m data.Meeting) string {
	counts := map[data.AttendanceStatus]int{}
	for _, a := range m.Roll {
		counts[a.Status]++
	}
	var parts []string
	for _, st := range append(data.AttendanceStatuses, data.AttendUnmarked) {
		if n := counts[st]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, strings.ToLower(st.Label())))
		}
	}
	if len(parts) == 0 {
		return "No roll call"
	}
	return fmt.Sprintf("%s (%d of %d at the meeting)", strings.Join(parts, ", "), m.Present(), len(m.Roll))
}

func minutesState(m data.Meeting) string {
	switch m.Status {
	case data.MeetingStatusAccepted:
		return "Accepted on " + longDate(m.AcceptedOn)
	case data.MeetingStatusMinutesTaken:
		return "Taken; not yet accepted"
	case data.MeetingStatusInProgress:
		return "Draft: the meeting is in progress"
	}
	return "Draft: the meeting has not been held yet"
}

func (d *Doc) minutesAttendance(m data.Meeting) {
	d.blockHeading("Attendance")
	if len(m.Roll) == 0 {
		d.Paragraph(noneRecorded)
		return
	}
	t := Table{Columns: []Column{{Title: "Resident", Width: 3}, {Title: "Attendance", Width: 1.3}, {Title: "Note", Width: 3}}}
	for _, a := range m.Roll {
		t.Rows = append(t.Rows, []string{a.Name, a.Status.Label(), a.Reason})
	}
	d.Table(t)
}

// minutesBusiness sets the agenda of a house business or emergency meeting.
func (d *Doc) minutesBusiness(m data.Meeting) {
	s := m.Sections
	d.section("Reading", s.Reading)
	d.minutesLastMinutes(m)
	d.minutesOfficerReports(s.OfficerReports)
	d.section("Chore coordinator's report", s.ChoreReport)
	d.section("Milestones to celebrate", s.Milestones)
	d.minutesOldBusiness(s.OldBusiness)
	d.section("New business", s.NewBusiness)
	d.minutesMotions(m.Motions)
	d.minutesActionItems(m.ActionItems)
	if strings.TrimSpace(s.Notes) != "" {
		d.section("Other notes", s.Notes)
	}
}

// minutesGroup sets the notes of a support group or 12-step or SMART
// meeting; motions and action items only when it had any.
func (d *Doc) minutesGroup(m data.Meeting) {
	s := m.Sections
	d.section("Reading", s.Reading)
	d.section("Milestones to celebrate", s.Milestones)
	d.section("Notes", s.Notes)
	if len(m.Motions) > 0 {
		d.minutesMotions(m.Motions)
	}
	if len(m.ActionItems) > 0 {
		d.minutesActionItems(m.ActionItems)
	}
}

// section is a heading and its free text.
func (d *Doc) section(title, text string) {
	d.Heading(title)
	if strings.TrimSpace(text) == "" {
		text = noneRecorded
	}
	d.Paragraph(strings.TrimSpace(text))
}

func (d *Doc) minutesLastMinutes(m data.Meeting) {
	last := m.Sections.LastMinutes
	d.Heading("Last meeting's minutes")
	if last.MeetingID == "" {
		d.Paragraph(joinLines("No earlier minutes to accept.", last.Note))
		return
	}
	what := fmt.Sprintf("Minutes of meeting #%d (%s): ", last.Number, last.Date.Pretty())
	if mo, ok := acceptMotion(m.Motions); ok {
		what += "motion to accept " + strings.ToLower(string(mo.Outcome)) + ", " + mo.Votes() + "."
	} else {
		what += "no motion to accept them at this meeting."
	}
	d.Paragraph(joinLines(what, last.Note))
}

func acceptMotion(ms []data.Motion) (data.Motion, bool) {
	for _, mo := range ms {
		if mo.Type == data.MotionAcceptMinutes {
			return mo, true
		}
	}
	return data.Motion{}, false
}

func joinLines(lines ...string) string {
	var out []string
	for _, l := range lines {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

func (d *Doc) minutesOfficerReports(rs []data.OfficerReport) {
	d.blockHeading("Officers' reports")
	if len(rs) == 0 {
		d.Paragraph(noneRecorded)
		return
	}
	for _, r := range rs {
		d.Subheading(r.Office.Label() + " — " + orDash(r.Name))
		d.Paragraph(orText(r.Text, noneRecorded))
	}
}

func orText(s, alt string) string {
	if strings.TrimSpace(s) == "" {
		return alt
	}
	return strings.TrimSpace(s)
}

func (d *Doc) minutesOldBusiness(ob data.OldBusiness) {
	d.blockHeading("Old business")
	if len(ob.Carried) > 0 {
		t := Table{Columns: []Column{{Title: "Item", Width: 4}, {Title: "From", Width: 0.9}, {Title: "Owner / mover", Width: 2.4},
			{Title: "Due", Width: 1.8}, {Title: "Now", Width: 1.1}}}
		for _, c := range ob.Carried {
			t.Rows = append(t.Rows, []string{carriedText(c), "#" + strconv.Itoa(c.FromNumber), c.Owner.Name, c.Due.Pretty(), carriedState(c)})
		}
		d.Table(t)
	}
	if strings.TrimSpace(ob.Notes) != "" || len(ob.Carried) == 0 {
		d.Paragraph(orText(ob.Notes, noneRecorded))
	}
}

func carriedText(c data.CarriedItem) string {
	s := c.Text
	if c.Kind == data.CarriedTabledMotion {
		s = "Tabled motion: " + s
	}
	return joinLines(s, c.Note)
}

func carriedState(c data.CarriedItem) string {
	switch {
	case c.Done && c.Kind == data.CarriedTabledMotion:
		return "Taken up"
	case c.Done:
		return "Done"
	}
	return "Open"
}

func (d *Doc) minutesMotions(ms []data.Motion) {
	d.blockHeading("Motions")
	d.motions(ms)
}

// motions is the table of a meeting's motions, shared by the minutes and
// the weekly report.
func (d *Doc) motions(ms []data.Motion) {
	if len(ms) == 0 {
		d.Paragraph("No motions.")
		return
	}
	t := Table{Columns: []Column{
		{Title: "#", Width: 0.45, Align: "C"}, {Title: "Motion", Width: 4.1}, {Title: "Moved / seconded", Width: 2.8},
		{Title: "For", Width: 0.8, Align: "C"}, {Title: "Against", Width: 1.1, Align: "C"},
		{Title: "Abstain", Width: 1.1, Align: "C"}, {Title: "Outcome", Width: 1.2},
	}}
	for i, mo := range ms {
		t.Rows = append(t.Rows, motionRow(i, mo))
	}
	d.Table(t)
}

func motionRow(i int, mo data.Motion) []string {
	kind := mo.Type
	if kind == "" {
		kind = data.MotionGeneral
	}
	detail := kind.Label()
	if !mo.Rule.IsZero() {
		detail += " · " + mo.Rule.String()
	}
	votes := []string{strconv.Itoa(mo.For), strconv.Itoa(mo.Against), strconv.Itoa(mo.Abstain)}
	if mo.Tabled {
		votes = []string{"–", "–", "–"}
	}
	return append([]string{strconv.Itoa(i + 1), mo.Text + "\n" + detail, mo.Mover.Name + "\n" + mo.Seconder.Name},
		append(votes, outcomeLabel(mo.Outcome))...)
}

func outcomeLabel(o data.Outcome) string {
	if o == "" {
		return "—"
	}
	return strings.ToUpper(string(o[:1])) + string(o[1:])
}

func (d *Doc) minutesActionItems(items []data.ActionItem) {
	d.blockHeading("Action items")
	d.actionItems(items)
}

// actionItems is the table of a meeting's action items, shared by the
// minutes and the weekly report.
func (d *Doc) actionItems(items []data.ActionItem) {
	if len(items) == 0 {
		d.Paragraph("No action items.")
		return
	}
	t := Table{Columns: []Column{{Title: "Action", Width: 4.5}, {Title: "Owner", Width: 2.4},
		{Title: "Due", Width: 1.7}, {Title: "Done", Width: 0.7, Align: "C"}}}
	for _, it := range items {
		box := CheckboxEmpty
		if it.Done {
			box = CheckboxTicked
		}
		t.Rows = append(t.Rows, []string{it.Text, it.Owner.Name, it.Due.Pretty(), box})
	}
	d.Table(t)
}

func (d *Doc) minutesAmendments(m data.Meeting) {
	if len(m.Amendments) == 0 {
		return
	}
	d.blockHeading("Changed after the minutes were accepted")
	t := Table{Columns: []Column{{Title: "When", Width: 1.6}, {Title: "By", Width: 1.6}, {Title: "Reason", Width: 4}}}
	for _, a := range m.Amendments {
		t.Rows = append(t.Rows, []string{a.At.Format("2 Jan 2006 15:04"), a.By, a.Reason})
	}
	d.Table(t)
}
