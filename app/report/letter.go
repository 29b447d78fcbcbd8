package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"porchlight/data"
)

// The resident's progress letter: one page for a court, a probation
// officer or an employer, written only with the resident's consent, saying
// only what data.ProgressLetter gathered for it.

// LetterNotice is the letter's footer: a redisclosure notice, since the
// letter is disclosed with the resident's consent.
const LetterNotice = "CONFIDENTIAL. This letter was written with the resident's consent, from records kept " +
	"confidential in the manner of 42 CFR Part 2, for the person it is addressed to. Do not disclose it " +
	"further without the resident's written consent or as the law otherwise permits."

// LetterOptions is one print of a progress letter.
type LetterOptions struct {
	Paper   PageSize
	Manager string    // the house manager who signs it
	Printed time.Time // now if zero
}

// ProgressLetter writes a resident's progress letter as a one-page PDF.
func ProgressLetter(w io.Writer, st *data.Store, q data.LetterQuery, opts LetterOptions) error {
	l, err := st.ProgressLetter(q)
	if err != nil {
		return err
	}
	return WriteProgressLetter(w, l, opts)
}

// WriteProgressLetter writes a gathered progress letter.
func WriteProgressLetter(w io.Writer, l data.ProgressLetter, opts LetterOptions) error {
	d, err := New(Options{Title: "Letter of residence", Subtitle: strings.TrimSpace(l.Address), House: l.House,
		Size: opts.Paper, Notice: LetterNotice, Printed: opts.Printed})
	if err != nil {
		return err
	}
	to := l.Recipient
	if to == "" {
		to = "To whom it may concern"
	}
	d.KeyValues([][2]string{{"Date", letterDate(l.Date)}, {"To", to}, {"About", l.Resident}})
	d.Space(2)
	d.Paragraph(letterOpening(l))
	d.KeyValues(letterFacts(l))
	d.Paragraph("This letter is based on the house's own records and was written with " + l.Resident +
		"'s consent. Please contact the house manager with any questions.")
	d.Space(14)
	d.letterSignature(opts.Manager)
	if err := d.Err(); err != nil {
		return fmt.Errorf("report: progress letter: %w", err)
	}
	if n := d.pdf.PageCount(); n != 1 {
		return fmt.Errorf("report: the progress letter ran to %d pages", n)
	}
	return d.Write(w)
}

// letterOpening is the first sentence: who lives, or lived, where.
func letterOpening(l data.ProgressLetter) string {
	where := l.House
	if a := strings.TrimSpace(l.Address); a != "" {
		where += ", " + a
	}
	if l.Residing() {
		return fmt.Sprintf("I write to confirm that %s has lived at %s, a sober-living house, since %s.",
			l.Resident, where, letterDate(l.Stay.MoveIn))
	}
	return fmt.Sprintf("I write to confirm that %s lived at %s, a sober-living house, from %s to %s.",
		l.Resident, where, letterDate(l.Stay.MoveIn), letterDate(l.Stay.MoveOut))
}

// letterFacts are the letter's lines: residence, phase, days sober when
// agreed, meetings.
func letterFacts(l data.ProgressLetter) [][2]string {
	end := l.Date
	stay := "Since " + letterDate(l.Stay.MoveIn)
	if !l.Residing() {
		end = l.Stay.MoveOut
		stay = letterDate(l.Stay.MoveIn) + " to " + letterDate(l.Stay.MoveOut)
	}
	stay += " (" + plural(end.DaysSince(l.Stay.MoveIn), "day") + ")"
	facts := [][2]string{{"Residence", stay}}
	if len(l.Earlier) > 0 {
		var earlier []string
		for _, st := range l.Earlier {
			earlier = append(earlier, letterDate(st.MoveIn)+" to "+letterDate(st.MoveOut))
		}
		facts = append(facts, [2]string{"Earlier residence", strings.Join(earlier, "; ")})
	}
	if l.Phase != "" {
		facts = append(facts, [2]string{"Current phase", l.Phase})
	}
	if l.IncludeSober {
		facts = append(facts, [2]string{"Days sober", plural(l.DaysSober, "day") + ", since " + letterDate(l.SoberSince)})
	}
	meetings := "No house meeting attendance on record for this stay"
	if l.HouseMeetings > 0 {
		meetings = fmt.Sprintf("Attended %d of %s during this stay", l.HouseMeetingsAttended, plural(l.HouseMeetings, "house meeting"))
	}
	facts = append(facts, [2]string{"House meetings", meetings},
		[2]string{"Outside meetings", plural(l.OutsideMeetings, "recovery meeting") + " outside the house logged during this stay"})
	return facts
}

// letterSignature is the manager's signature line with their name under it.
func (d *Doc) letterSignature(manager string) {
	w := d.Width() * 0.5
	y := d.pdf.GetY()
	d.drawColor(colText)
	d.pdf.SetLineWidth(0.3)
	d.pdf.Line(marginX, y, marginX+w, y)
	d.pdf.SetXY(marginX, y+1)
	d.font("", bodyFontPt)
	d.textColor(colText)
	name := strings.TrimSpace(manager)
	if name == "" {
		name = "House manager"
	} else {
		name += ", house manager"
	}
	d.pdf.CellFormat(w, bodyLineH, d.fit(clean(name), w), "", 1, "L", false, 0, "")
	d.pdf.SetX(marginX)
	d.textColor(colMuted)
	d.pdf.CellFormat(w, bodyLineH, "Signature and date", "", 1, "L", false, 0, "")
}

// letterDate is "30 November 2026".
func letterDate(d data.Date) string {
	return strconv.Itoa(d.Day) + " " + d.Month.String() + " " + strconv.Itoa(d.Year)
}

// plural is "1 day", "3 days".
func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return strconv.Itoa(n) + " " + what + "s"
}
