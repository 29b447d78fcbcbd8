package report

import (
	"fmt"
	"strings"

	"porchlight/data"
)

// weeklyAccountability is the accountability section: how many residents
// are on track, the share of commitments met, partner groups and the moves
// up to celebrate. The manager copy adds each resident's week, phase moves
// with their reasons and open follow-ups; incident details and test
// results only when the manager ticked "Incidents and tests" for the print.
// The house copy never names a resident beside a figure.
func (d *Doc) weeklyAccountability(rep data.WeeklyReport) {
	a := rep.Accountability
	d.blockHeading("Accountability")
	if a.Residents == 0 {
		d.Paragraph("Nobody lived in the house this week.")
		return
	}
	d.Paragraph(accountSummary(a))
	if len(a.Celebrations) > 0 {
		d.Subheading("Moves up to celebrate")
		d.Paragraph(strings.Join(a.Celebrations, "\n"))
	}
	if !rep.Manager() {
		return
	}
	d.accountRows(a)
	d.accountMoves(a)
	d.accountFollowUps(a)
	d.accountIncidents(a, rep.Sensitive.Incidents)
	d.accountTests(a, rep.Sensitive.Incidents)
}

// accountSummary is the section's counts in a sentence or two.
func accountSummary(a data.WeekAccountability) string {
	s := fmt.Sprintf("%s on track, %d to check in with. Commitments met: %d of %d",
		plural(a.OnTrack, "resident"), a.CheckIn, a.Met, a.Of)
	if a.Of > 0 {
		s += fmt.Sprintf(" (%d%%)", a.Met*100/a.Of)
	}
	s += ". " + plural(a.PartnerGroups, "partner group") + " this week."
	return s
}

func (d *Doc) accountRows(a data.WeekAccountability) {
	if len(a.Rows) == 0 {
		return
	}
	d.Subheading("Each resident's week")
	t := Table{Columns: []Column{{Title: "Resident", Width: 1.6}, {Title: "Outside", Width: 0.9, Align: "C"},
		{Title: "House meeting", Width: 1.1}, {Title: "Chores", Width: 1.3}, {Title: "Curfew", Width: 0.8},
		{Title: "Mentor", Width: 0.8, Align: "C"}, {Title: "Partner", Width: 1}, {Title: "This week", Width: 1.4}}}
	for _, r := range a.Rows {
		status := string(r.Status)
		if at := r.AgreementsText(); at != "" {
			status += "; " + at
		}
		t.Rows = append(t.Rows, []string{a.Name(r.ResidentID), r.Meetings.Text, r.HouseMeeting.Text, r.Chores.Text,
			r.Curfew.Text, r.Mentor.Text, r.Partner.Text, status})
	}
	d.Table(t)
}

func (d *Doc) accountMoves(a data.WeekAccountability) {
	if len(a.PhaseChanges) == 0 {
		return
	}
	d.Subheading("Phase moves")
	t := Table{Columns: []Column{{Title: "Date", Width: 0.8}, {Title: "Resident", Width: 1.5}, {Title: "From", Width: 1}, {Title: "To", Width: 1}, {Title: "Reason", Width: 3}}}
	for _, c := range a.PhaseChanges {
		t.Rows = append(t.Rows, []string{shortDate(c.On), a.Name(c.ResidentID), c.From, c.To, c.Reason})
	}
	d.Table(t)
}

func (d *Doc) accountFollowUps(a data.WeekAccountability) {
	if len(a.FollowUps) == 0 {
		return
	}
	d.Subheading("Open follow-ups")
	t := Table{Columns: []Column{{Title: "Resident", Width: 2}, {Title: "About", Width: 1.5}, {Title: "Follow up by", Width: 1.5}}}
	for _, f := range a.FollowUps {
		due := "no date set"
		if !f.Due.IsZero() {
			due = shortDate(f.Due)
			if f.Overdue {
				due += " (past)"
			}
		}
		t.Rows = append(t.Rows, []string{a.Name(f.ResidentID), string(f.Kind), due})
	}
	d.Table(t)
}

func (d *Doc) accountIncidents(a data.WeekAccountability, details bool) {
	if len(a.Incidents) == 0 {
		return
	}
	d.Subheading("Incidents this week")
	cols := []Column{{Title: "Date", Width: 0.8}, {Title: "Resident", Width: 1.6}, {Title: "About", Width: 1.1}, {Title: "", Width: 1}}
	if details {
		cols = append(cols, Column{Title: "What happened", Width: 2.4}, Column{Title: "Agreed actions", Width: 2.2})
	}
	t := Table{Columns: cols}
	for _, i := range a.Incidents {
		state := "open"
		if i.Resolved {
			state = "resolved"
		}
		row := []string{shortDate(i.Date), a.Name(i.ResidentID), string(i.Kind), state}
		if details {
			row = append(row, i.What, i.Agreement)
		}
		t.Rows = append(t.Rows, row)
	}
	d.Table(t)
	if !details {
		d.Paragraph("Details are left off this print. Tick \"Incidents and tests\" to include them.")
	}
}

func (d *Doc) accountTests(a data.WeekAccountability, results bool) {
	if a.TestsDone == 0 {
		return
	}
	d.Subheading("Drug and alcohol tests")
	if !results {
		d.Paragraph(plural(a.TestsDone, "test") + " recorded this week. Results are left off this print.")
		return
	}
	t := Table{Columns: []Column{{Title: "Date", Width: 0.8}, {Title: "Resident", Width: 1.8}, {Title: "Kind", Width: 0.8}, {Title: "Observed by", Width: 1.4}, {Title: "Result", Width: 2.6}}}
	for _, dt := range a.Tests {
		x := dt.Test
		t.Rows = append(t.Rows, []string{shortDate(x.Date), a.Name(x.ResidentID), string(x.Kind), x.ObservedBy, x.Reading(dt.Prescriptions)})
	}
	d.Table(t)
	d.Paragraph("Opening these results for this print was written to the audit log.")
}
