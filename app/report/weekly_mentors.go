package report

import (
	"fmt"
	"strconv"

	"porchlight/data"
)

// weeklyMentors is the mentors section: each pairing's check-ins against
// its target and who is still waiting for a mentor. Never what was said.
func (d *Doc) weeklyMentors(rep data.WeeklyReport) {
	m := rep.Mentors
	d.blockHeading("Peer mentors")
	if len(m.Pairs) == 0 && len(m.Waiting) == 0 {
		d.Paragraph("No mentor pairings this week.")
		return
	}
	if len(m.Pairs) > 0 {
		d.Paragraph(fmt.Sprintf("%d of %d pairings met their check-ins this week.", m.Met, len(m.Pairs)))
		cols := []Column{{Title: "Resident", Width: 2.8}, {Title: "Mentor", Width: 2.8},
			{Title: "Check-ins", Width: 1.4, Align: "C"}, {Title: "Asked for", Width: 1.2, Align: "C"}, {Title: "This week", Width: 1.3}}
		if rep.Manager() {
			cols = append(cols, Column{Title: "Follow-up", Width: 1.3})
		}
		t := Table{Columns: cols}
		for _, p := range m.Pairs {
			state := "Met"
			if !p.Met {
				state = "Not yet"
			}
			row := []string{p.Mentee, p.Mentor, strconv.Itoa(p.CheckIns), strconv.Itoa(p.Target), state}
			if rep.Manager() {
				row = append(row, map[bool]string{true: "Asked", false: ""}[p.FollowUp])
			}
			t.Rows = append(t.Rows, row)
		}
		d.Table(t)
	}
	if len(m.Waiting) > 0 {
		d.Subheading("Waiting for a mentor")
		t := Table{Columns: []Column{{Title: "Resident", Width: 4}, {Title: "Days in the house", Width: 1.6, Align: "C"}, {Title: "", Width: 2}}}
		for _, w := range m.Waiting {
			note := ""
			if w.Late {
				note = "past the house's days"
			}
			t.Rows = append(t.Rows, []string{w.Name, strconv.Itoa(w.Days), note})
		}
		d.Table(t)
	}
}
