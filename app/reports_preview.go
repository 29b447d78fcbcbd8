package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"porchlight/app/report"
	"porchlight/data"
)

// The report's preview: what the chosen copy will print, drawn on screen
// from the same gathered week the PDF is drawn from (data.WeeklyReport),
// section by section, so a manager reads it before anything is printed.
// A house copy's preview holds only what the house copy holds.

// showPreview opens the preview of the report the screen is set to.
func (p *reportsPage) showPreview() {
	rep, err := p.u.store.WeeklyReport(p.options().Query())
	if err != nil {
		p.u.showProblem("No preview", err)
		return
	}
	text := widget.NewRichTextFromMarkdown(reportPreview(rep))
	text.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom("Preview: "+rep.Copy.String()+", "+report.WeekLabel(rep.From, rep.To), "Close",
		container.NewVScroll(text), p.u.win)
	p.u.showModal(d, fyne.NewSize(760, 560))
}

// reportPreview is the week's report as Markdown.
func reportPreview(rep data.WeeklyReport) string {
	var b strings.Builder
	line := func(format string, a ...any) { fmt.Fprintf(&b, format+"\n", a...) }
	c := rep.Census
	line("## Census")
	line("- Beds filled: %d of %d%s", c.Filled, c.Beds, freeBeds(c.Free))
	for _, m := range c.MoveIns {
		line("- Moved in: %s, %s", md(m.Name), m.Date.Pretty())
	}
	for _, m := range c.MoveOuts {
		line("- Moved out: %s, %s%s", md(m.Name), m.Date.Pretty(), reason(m.Reason))
	}
	line("## Milestones")
	if len(rep.Milestones.ThisWeek)+len(rep.Milestones.NextWeek) == 0 {
		line("None this week or next.")
	}
	for _, m := range rep.Milestones.ThisWeek {
		line("- %s: %s, %s", md(m.Name), m.Milestone.Name, m.Milestone.Date.Pretty())
	}
	for _, m := range rep.Milestones.NextWeek {
		line("- Next week — %s: %s, %s", md(m.Name), m.Milestone.Name, m.Milestone.Date.Pretty())
	}
	line("## House meeting")
	if len(rep.Meetings) == 0 {
		line("No house meeting was held this week.")
	}
	for _, m := range rep.Meetings {
		line("- %s · chair %s · secretary %s · %d present or late", m.Date.Pretty(), md(m.Chair.Name), md(m.Secretary.Name), m.Present())
		for _, mo := range m.Motions {
			line("- Motion: %s — %s (%s)", md(mo.Text), mo.Outcome, mo.Votes())
		}
	}
	line("## Chores")
	line("%s.", sentence(data.SumTallies(rep.Chores.Tally).Summary()))
	for _, t := range rep.Chores.Tally {
		line("- %s: %d of %d done, %d missed, %d excused", md(t.Name), t.Done, t.Assigned, t.Missed, t.Excused)
	}
	line("## Outside meetings")
	for _, w := range rep.Outside {
		line("- %s: %d of %d", md(w.Name), w.Have, w.Need)
	}
	line("## Peer mentors")
	line("%d of %d pairings met their check-ins; %d waiting for a mentor.", rep.Mentors.Met, len(rep.Mentors.Pairs), len(rep.Mentors.Waiting))
	for _, p := range rep.Mentors.Pairs {
		line("- %s with %s: %d of %d check-ins", md(p.Mentee), md(p.Mentor), p.CheckIns, p.Target)
	}
	a := rep.Accountability
	line("## Accountability")
	line("%d residents: %d on track, %d to check in with; %d of %d commitments met.", a.Residents, a.OnTrack, a.CheckIn, a.Met, a.Of)
	for _, cel := range a.Celebrations {
		line("- %s", md(cel))
	}
	s := rep.SignOuts
	line("## Sign-outs")
	line("%d outings · %d back later than expected · %d past curfew · %d overnight passes", s.Outings, s.BackLate, s.PastCurfew, s.Passes)
	if len(rep.Notes) > 0 {
		line("## Private notes (this print only)")
		for _, n := range rep.Notes {
			line("- %s: %s", md(n.Name), md(n.Note))
		}
	}
	if len(rep.Contacts) > 0 {
		line("## Contacts (this print only)")
		for _, ct := range rep.Contacts {
			line("- %s: %s", md(ct.Name), md(ct.Phone))
		}
	}
	return b.String()
}

func freeBeds(free []string) string {
	if len(free) == 0 {
		return ""
	}
	return " (free: " + strings.Join(free, ", ") + ")"
}

func reason(r string) string {
	if r == "" {
		return ""
	}
	return " — " + md(r)
}

// md keeps a name or a note from being read as Markdown.
func md(s string) string {
	return strings.NewReplacer(`\`, `\\`, `*`, `\*`, `_`, `\_`, "`", "\\`", `#`, `\#`, `[`, `\[`, `]`, `\]`).Replace(s)
}
