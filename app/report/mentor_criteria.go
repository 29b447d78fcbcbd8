package report

import (
	"fmt"
	"io"
	"strings"
	"time"

	"porchlight/data"
)

// MentorCriteriaOptions is what the Mentor criteria sheet prints.
type MentorCriteriaOptions struct {
	House   data.House // its name and phases
	Rules   data.MentorRules
	Size    PageSize
	Printed time.Time // the print date in the footer; now if zero
	Notice  string    // the footer notice; DefaultNotice if empty
}

// MentorCriteria writes the house's written criteria for house mentors on
// one page for the house binder: who may mentor, what a pairing is
// expected to do, the house's further expectations, and a line for the
// date the house adopted them. It holds no resident's name.
func MentorCriteria(w io.Writer, opts MentorCriteriaOptions) error {
	d, err := New(Options{
		Title: "Mentor criteria", Subtitle: "House mentors", House: opts.House.Name,
		Size: opts.Size, Printed: opts.Printed, Notice: opts.Notice,
	})
	if err != nil {
		return err
	}
	r := opts.Rules
	d.Paragraph("A house mentor is a resident further along in recovery who walks alongside a newer " +
		"resident: checking in, listening, going to meetings together and helping with everyday things. " +
		"A house mentor is not a 12-step sponsor; every resident keeps their own sponsor and recovery supports.")
	d.Heading("Who may mentor")
	d.Table(Table{
		Columns: []Column{{Title: "Criterion", Width: 1}, {Title: "This house asks", Width: 2}},
		Rows:    criteriaRows(r),
	})
	d.Paragraph("The house manager may still pair a mentor who does not meet every criterion, " +
		"when that is best for the resident; the reason is kept with the pairing.")
	d.Heading("What the house expects of a pairing")
	d.Paragraph(menteeLine(opts.House, r))
	d.Table(Table{
		Columns: []Column{{Title: "Mentee's phase", Width: 1.2}, {Title: "Check-ins a week", Width: 1, Align: "C"},
			{Title: "A check-in is overdue after", Width: 1.4}},
		Rows: targetRows(opts.House, r),
	})
	d.Paragraph("A check-in may be in person, by phone, by video or by text. The house notes the date, " +
		"how long it took and the kind of support (listening, meeting together, step or program work, " +
		"practical help) — never what was said. Either person may ask to be re-matched at any time, " +
		"without giving a reason. When either moves out, the pairing ends and the house finds a new mentor.")
	if note := strings.TrimSpace(r.Note); note != "" {
		d.Heading("Other expectations")
		d.Paragraph(note)
	}
	d.Space(4)
	d.KeyValues([][2]string{
		{"Adopted by the house on", "______________________"},
		{"House manager", "______________________"},
	})
	if err := d.Err(); err != nil {
		return fmt.Errorf("report: mentor criteria: %w", err)
	}
	return d.Write(w)
}

func criteriaRows(r data.MentorRules) [][]string {
	sober := "No minimum"
	if r.MinDaysSober > 0 {
		sober = fmt.Sprintf("At least %d days", r.MinDaysSober)
	}
	phase := "Any phase"
	if r.MinPhase != "" {
		phase = r.MinPhase + " or later"
	}
	weeks := "No minimum"
	if r.MinWeeksInHouse > 0 {
		weeks = fmt.Sprintf("At least %d %s", r.MinWeeksInHouse, pluralWord(r.MinWeeksInHouse, "week"))
	}
	willing := "Not asked"
	if r.RequireWilling {
		willing = "Has said they are willing to mentor (noted on their record)"
	}
	return [][]string{
		{"Time sober", sober},
		{"Phase", phase},
		{"Time in the house", weeks},
		{"Willing", willing},
		{"Mentees at once", fmt.Sprintf("At most %d", r.Capacity)},
	}
}

// menteeLine says who has a mentor and how soon.
func menteeLine(h data.House, r data.MentorRules) string {
	who := "Every resident"
	if len(r.MenteePhases) > 0 && len(r.MenteePhases) < len(h.Phases) {
		who = "Every resident in " + joinAnd(r.MenteePhases)
	}
	return fmt.Sprintf("%s has a house mentor within %d %s of moving in, one mentor at a time.",
		who, r.MentorWithinDays, pluralWord(r.MentorWithinDays, "day"))
}

func targetRows(h data.House, r data.MentorRules) [][]string {
	var rows [][]string
	for _, p := range h.Phases {
		if !r.NeedsMentor(p) {
			continue
		}
		n, gap := r.Target(p), r.ExpectedGap(p)
		over := "—"
		if gap > 0 {
			over = fmt.Sprintf("%d %s without one", gap, pluralWord(gap, "day"))
		}
		rows = append(rows, []string{p, fmt.Sprint(n), over})
	}
	return rows
}

func pluralWord(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

// joinAnd is "a", "a and b", "a, b and c".
func joinAnd(xs []string) string {
	switch len(xs) {
	case 0:
		return ""
	case 1:
		return xs[0]
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " and " + xs[len(xs)-1]
}
