package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"porchlight/data"
)

// WeeklyOptions is one print of the weekly house report.
type WeeklyOptions struct {
	Week       data.Date           // any day of the week; weeks start on the house's first day
	Copy       data.ReportCopy     // house (posted on the board) or manager
	Paper      PageSize            // A4 or Letter
	Sensitive  data.SensitiveParts // manager copy: the sensitive parts ticked for this print
	PreparedBy string              // who prints it, e.g. the manager at the desk
	By         data.Actor          // who prints it, for the audit of what the manager copy opens
	Printed    time.Time           // the print time shown; now if zero
}

// Query is what the report asks the store for.
func (o WeeklyOptions) Query() data.WeeklyQuery {
	return data.WeeklyQuery{Week: o.Week, Copy: o.Copy, Sensitive: o.Sensitive, By: o.By}
}

// Weekly gathers the week's report from the store and writes it as a PDF.
func Weekly(w io.Writer, st *data.Store, opts WeeklyOptions) error {
	rep, err := st.WeeklyReport(opts.Query())
	if err != nil {
		return err
	}
	return WriteWeekly(w, rep, opts)
}

// WriteWeekly writes a gathered weekly report as a PDF: the header of
// every page names the house, the week, the copy, who prepared it and when
// it was printed; the footer carries "Page n of m" and the copy's
// confidentiality notice. The copy printed is rep's (opts.Copy is what was
// asked of the store).
func WriteWeekly(w io.Writer, rep data.WeeklyReport, opts WeeklyOptions) error {
	if opts.Printed.IsZero() {
		opts.Printed = time.Now()
	}
	d, err := New(Options{
		Title: "Weekly house report", Subtitle: WeekLabel(rep.From, rep.To), House: rep.House,
		Size: opts.Paper, Notice: WeeklyNotice(rep.Copy, rep.House), Printed: opts.Printed,
		Byline: weeklyByline(rep.Copy, opts),
	})
	if err != nil {
		return err
	}
	for _, s := range weeklySections() {
		if s.managerOnly && !rep.Manager() {
			continue
		}
		s.draw(d, rep)
	}
	if err := d.Err(); err != nil {
		return fmt.Errorf("report: weekly report for %s: %w", rep.From, err)
	}
	return d.Write(w)
}

// weeklySection is one section of the weekly report. Add a section by
// appending it to weeklySections.
type weeklySection struct {
	managerOnly bool
	draw        func(d *Doc, rep data.WeeklyReport)
}

// weeklySections are the report's sections in print order.
func weeklySections() []weeklySection {
	return []weeklySection{
		{draw: (*Doc).weeklyCensus},
		{draw: (*Doc).weeklyMilestones},
		{draw: (*Doc).weeklyMeeting},
		{draw: (*Doc).weeklyChores},
		{draw: (*Doc).weeklyOutside},
		{draw: (*Doc).weeklyMentors},
		{draw: (*Doc).weeklyAccountability},
		{draw: (*Doc).weeklySignOuts},
		{managerOnly: true, draw: (*Doc).weeklyNotes},
		{managerOnly: true, draw: (*Doc).weeklyContacts},
		{draw: (*Doc).weeklyCorrections},
		{draw: (*Doc).weeklySignatures},
	}
}

// ManagerNotice is the manager copy's footer: a redisclosure notice in the
// manner of 42 CFR Part 2.
const ManagerNotice = "CONFIDENTIAL — MANAGER COPY. This report holds information about residents in recovery, " +
	"disclosed to you from records kept confidential in the manner of 42 CFR Part 2. Do not disclose it further, " +
	"in whole or in part, without the written consent of each resident it names or as the law otherwise permits. " +
	"A general authorization to release information is not enough. Keep it locked away; shred it when no longer needed."

// WeeklyNotice is the footer notice of a copy of the weekly report.
func WeeklyNotice(c data.ReportCopy, house string) string {
	if c == data.CopyManager {
		return ManagerNotice
	}
	return "For residents of " + strings.TrimSpace(house) + ". Do not copy or remove."
}

// weeklyByline is "House copy · Prepared by Sam Rivera · Printed 30 Nov 2026, 08:00".
func weeklyByline(c data.ReportCopy, opts WeeklyOptions) string {
	parts := []string{c.String()}
	if p := strings.TrimSpace(opts.PreparedBy); p != "" {
		parts = append(parts, "Prepared by "+p)
	}
	parts = append(parts, "Printed "+opts.Printed.Format("2 Jan 2006, 15:04"))
	return strings.Join(parts, " · ")
}

// WeekLabel is "Mon 23 – Sun 29 Nov 2026", naming the month and year once
// when the week stays within them.
func WeekLabel(from, to data.Date) string {
	day := func(d data.Date) string { return d.Weekday().String()[:3] + " " + strconv.Itoa(d.Day) }
	month := func(d data.Date) string { return d.Month.String()[:3] }
	year := func(d data.Date) string { return strconv.Itoa(d.Year) }
	switch {
	case from.Year != to.Year:
		return day(from) + " " + month(from) + " " + year(from) + " – " + day(to) + " " + month(to) + " " + year(to)
	case from.Month != to.Month:
		return day(from) + " " + month(from) + " – " + day(to) + " " + month(to) + " " + year(to)
	}
	return day(from) + " – " + day(to) + " " + month(to) + " " + year(to)
}

// shortDate is "23 Nov".
func shortDate(d data.Date) string { return strconv.Itoa(d.Day) + " " + d.Month.String()[:3] }
