package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"porchlight/data"
)

// PartnerSheetOptions is what the week's partner sheet prints.
type PartnerSheetOptions struct {
	House    string
	From, To data.Date // the house week
	// Groups are the week's partners, each by the names the house uses
	// ("Majo N."), two or three to a group.
	Groups [][]string
	// NotPaired are residents left out this week, by name only: why (a
	// pass, moving in) is nobody else's business.
	NotPaired []string
	Size      PageSize
	Printed   time.Time // the print date in the footer; now if zero
	Notice    string    // the footer notice; DefaultNotice if empty
}

// PartnerSheet writes the week's accountability partners for the house's
// board: each group with a box a day to tick when they checked in, for a
// house that keeps the sheet beside (or instead of) the kiosk.
func PartnerSheet(w io.Writer, opts PartnerSheetOptions) error {
	d, err := New(Options{
		Title: "Accountability partners", Subtitle: WeekLabel(opts.From, opts.To), House: opts.House,
		Size: opts.Size, Printed: opts.Printed, Notice: opts.Notice,
	})
	if err != nil {
		return err
	}
	d.Paragraph("Check in with your partner every day: a call, a walk, a few words in the kitchen. " +
		"Tick the day here, or tap \"I checked in with my partner\" at the kiosk.")
	if len(opts.Groups) == 0 {
		d.Paragraph("No partners were made for this week.")
	} else {
		cols := []Column{{Title: "Partners", Width: 3}}
		for day := opts.From; !day.After(opts.To); day = day.AddDays(1) {
			cols = append(cols, Column{Title: day.Weekday().String()[:3] + " " + strconv.Itoa(day.Day), Width: 0.7, Align: "C"})
		}
		rows := make([][]string, len(opts.Groups))
		for i, g := range opts.Groups {
			rows[i] = make([]string, len(cols))
			rows[i][0] = joinNames(g) + "\n " // two lines: room to tick
		}
		d.Table(Table{Columns: cols, Rows: rows})
	}
	if len(opts.NotPaired) > 0 {
		d.Paragraph("Not paired this week: " + strings.TrimSuffix(joinNames(opts.NotPaired), ".") + ".")
	}
	if err := d.Err(); err != nil {
		return fmt.Errorf("report: partner sheet: %w", err)
	}
	return d.Write(w)
}

// joinNames is "A", "A and B", "A, B and C".
func joinNames(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	out := names[0]
	for _, n := range names[1 : len(names)-1] {
		out += ", " + n
	}
	return out + " and " + names[len(names)-1]
}
