package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"porchlight/data"
)

// Past meetings (searchable) and the house's decisions (motions searched
// across every meeting), and attendance history per resident.

// historyPage is how many meetings the list reads at a time.
const historyPage = 100

// historyTab lists meetings held, newest first, and the house's
// decisions; one search box filters both.
type historyTab struct {
	p           *meetingsPage
	search      *entry
	count       *widget.Label
	table       *widget.Table
	more        *widget.Button
	limit       int
	all, rows   []data.Meeting
	motionCount *widget.Label
	hits        []data.MotionHit
	motionList  *widget.List
}

type historyColumn struct {
	title string
	width float32
	text  func(data.Meeting) string
}

var historyColumns = []historyColumn{
	{"Date", 130, func(m data.Meeting) string { return m.Date.Pretty() }},
	{"Meeting", 250, func(m data.Meeting) string { return m.Label() }},
	{"Minutes", 130, func(m data.Meeting) string { return string(m.Status) }},
	{"At the meeting", 120, func(m data.Meeting) string { return fmt.Sprintf("%d of %d", m.Present(), len(m.Roll)) }},
	{"Motions", 80, func(m data.Meeting) string { return fmt.Sprint(len(m.Motions)) }},
}

func newHistoryTab(p *meetingsPage) *historyTab {
	h := &historyTab{p: p, limit: historyPage}
	h.search = newEntry("Search meetings and decisions: a date, a name, words of a motion, \"passed\"…")
	h.search.OnChanged = func(string) { h.filter(); h.searchMotions() }
	h.count = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	h.table = widget.NewTable(
		func() (int, int) { return len(h.rows), len(historyColumns) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			if id.Row < len(h.rows) {
				o.(*widget.Label).SetText(historyColumns[id.Col].text(h.rows[id.Row]))
			}
		},
	)
	labelHeader(h.table, len(historyColumns), func(i int) (string, float32) { return historyColumns[i].title, historyColumns[i].width })
	h.table.OnSelected = func(id widget.TableCellID) {
		h.table.UnselectAll()
		if id.Row >= 0 && id.Row < len(h.rows) {
			p.openMeeting(h.rows[id.Row].ID)
		}
	}
	h.more = widget.NewButtonWithIcon("Show older meetings", theme.MoreVerticalIcon(), func() {
		h.limit += historyPage
		h.reload()
	})

	h.motionCount = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	h.motionList = widget.NewList(
		func() int { return len(h.hits) },
		func() fyne.CanvasObject {
			l1 := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			l1.Truncation = fyne.TextTruncateEllipsis
			l2 := widget.NewLabel("")
			l2.Truncation = fyne.TextTruncateEllipsis
			return container.NewVBox(l1, l2)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= len(h.hits) {
				return
			}
			hit := h.hits[i]
			mo := hit.Motion
			lines := o.(*fyne.Container)
			lines.Objects[0].(*widget.Label).SetText(fmt.Sprintf("%s: %s", motionType(mo).Label(), mo.Text))
			votes := mo.Votes()
			if mo.Tabled {
				votes = "tabled"
			}
			lines.Objects[1].(*widget.Label).SetText(fmt.Sprintf("%s · %s · %s · %s", strings.ToUpper(string(mo.Outcome)), hit.Date.Pretty(), hit.MeetingLabel, votes))
		},
	)
	h.motionList.OnSelected = func(i widget.ListItemID) {
		h.motionList.UnselectAll()
		if i >= 0 && i < len(h.hits) {
			p.openMeeting(h.hits[i].MeetingID)
		}
	}
	return h
}

func (h *historyTab) view() fyne.CanvasObject {
	meetings := container.NewBorder(h.count, container.NewHBox(h.more), nil, nil, h.table)
	decisions := container.NewBorder(h.motionCount, nil, nil, nil, h.motionList)
	split := container.NewVSplit(meetings, decisions)
	split.Offset = 0.5
	return container.NewBorder(h.search, nil, nil, nil, split)
}

// reload reads the meetings held up to today, newest first.
func (h *historyTab) reload() {
	ms, err := h.p.u.store.RecentMeetings(h.p.u.store.Today(), h.limit)
	if err != nil {
		h.p.showError(err)
		return
	}
	h.all = ms
	if len(ms) < h.limit {
		h.more.Hide()
	} else {
		h.more.Show()
	}
	h.filter()
	h.searchMotions()
}

// filter applies the search words to the meetings read.
func (h *historyTab) filter() {
	h.rows = h.rows[:0]
	for _, m := range h.all {
		if matches(h.search.Text, meetingSearchText(m)...) {
			h.rows = append(h.rows, m)
		}
	}
	switch {
	case len(h.all) == 0:
		h.count.SetText("Meetings: none held yet. Start one from the Schedule tab.")
	case strings.TrimSpace(h.search.Text) == "":
		h.count.SetText(fmt.Sprintf("Meetings: %s, newest first. Open one to read, print or correct its minutes.", countNoun(len(h.rows), "meeting")))
	default:
		h.count.SetText(fmt.Sprintf("Meetings: %d of %d match", len(h.rows), len(h.all)))
		if len(h.rows) == 1 {
			h.count.SetText(fmt.Sprintf("Meetings: 1 of %d matches", len(h.all)))
		}
	}
	h.table.Refresh()
}

// meetingSearchText is what the meeting search looks in.
func meetingSearchText(m data.Meeting) []string {
	out := []string{m.Date.String(), m.Date.Pretty(), m.Label(), m.Kind.Label(), m.Place,
		m.Chair.Name, m.Secretary.Name, string(m.Status), m.Sections.NewBusiness}
	for _, mo := range m.Motions {
		out = append(out, mo.Text)
	}
	for _, it := range m.ActionItems {
		out = append(out, it.Text, it.Owner.Name)
	}
	return out
}

// countMatches is "1 motion matches", "3 motions match".
func countMatches(n int, one string) string {
	if n == 1 {
		return "1 " + one + " matches"
	}
	return countNoun(n, one) + " match"
}

// countNoun is "1 meeting", "3 meetings".

// searchMotions finds the decisions matching the motion search.
func (h *historyTab) searchMotions() {
	q := strings.TrimSpace(h.search.Text)
	hits, err := h.p.u.store.SearchMotions(q)
	if err != nil {
		h.motionCount.SetText(err.Error())
		return
	}
	h.hits = hits
	switch {
	case len(hits) == 0 && q == "":
		h.motionCount.SetText("Decisions: no motions recorded yet.")
	case len(hits) == 0:
		h.motionCount.SetText("Decisions: no motion matches.")
	case q == "":
		h.motionCount.SetText(fmt.Sprintf("Decisions: %s of every meeting, newest first", countNoun(len(hits), "motion")))
	default:
		h.motionCount.SetText(fmt.Sprintf("Decisions: %s", countMatches(len(hits), "motion")))
	}
	h.motionList.Refresh()
}

// --- attendance -----------------------------------------------------------------

// attendanceTab counts each resident's marks at required meetings over a
// span of weeks, and lists one resident's marks at every meeting.
type attendanceTab struct {
	p         *meetingsPage
	weeks     *widget.Select
	rows      []attendanceRow
	table     *widget.Table
	note      *widget.Label
	histTitle *widget.Label
	history   []data.AttendanceRecord
	histList  *widget.List
	from, to  data.Date
}

type attendanceRow struct {
	r   data.Resident
	sum data.AttendanceSummary
}

var attendanceSpans = []struct {
	label string
	weeks int
}{{"Last 4 weeks", 4}, {"Last 8 weeks", 8}, {"Last 13 weeks", 13}, {"Last 26 weeks", 26}, {"Last 52 weeks", 52}}

var attendanceColumns = []struct {
	title string
	width float32
	text  func(attendanceRow) string
}{
	{"Resident", 220, func(x attendanceRow) string { return x.r.Display() }},
	{"Meetings", 90, func(x attendanceRow) string { return fmt.Sprint(x.sum.Meetings) }},
	{"Present", 80, func(x attendanceRow) string { return fmt.Sprint(x.sum.Present) }},
	{"Late", 60, func(x attendanceRow) string { return fmt.Sprint(x.sum.Late) }},
	{"Excused", 80, func(x attendanceRow) string { return fmt.Sprint(x.sum.Excused) }},
	{"Absent (unexcused)", 150, func(x attendanceRow) string { return fmt.Sprint(x.sum.Absent) }},
	{"Attended", 90, func(x attendanceRow) string {
		if x.sum.Meetings == 0 {
			return "—"
		}
		return fmt.Sprintf("%d%%", 100*x.sum.Attended()/x.sum.Meetings)
	}},
}

func newAttendanceTab(p *meetingsPage) *attendanceTab {
	a := &attendanceTab{p: p}
	var spans []string
	for _, s := range attendanceSpans {
		spans = append(spans, s.label)
	}
	a.weeks = widget.NewSelect(spans, func(string) { a.reload() })
	a.weeks.SetSelectedIndex(1) // eight weeks
	a.note = widget.NewLabel("")
	a.table = widget.NewTable(
		func() (int, int) { return len(a.rows), len(attendanceColumns) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			if id.Row < len(a.rows) {
				l := o.(*widget.Label)
				l.SetText(attendanceColumns[id.Col].text(a.rows[id.Row]))
				l.Importance = widget.MediumImportance
				if id.Col == 5 && a.rows[id.Row].sum.Absent > 0 {
					l.Importance = widget.DangerImportance
				}
				l.Refresh()
			}
		},
	)
	labelHeader(a.table, len(attendanceColumns), func(i int) (string, float32) { return attendanceColumns[i].title, attendanceColumns[i].width })
	a.table.OnSelected = func(id widget.TableCellID) {
		if id.Row >= 0 && id.Row < len(a.rows) {
			a.showHistory(a.rows[id.Row].r)
		}
	}
	a.histTitle = widget.NewLabelWithStyle("Choose a resident to see their marks at every meeting.", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	a.histList = widget.NewList(
		func() int { return len(a.history) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= len(a.history) {
				return
			}
			r := a.history[i]
			s := fmt.Sprintf("%s · %s · %s", r.Date.Pretty(), r.MeetingLabel, r.Status.Label())
			if r.Reason != "" {
				s += ": " + r.Reason
			}
			o.(*widget.Label).SetText(s)
		},
	)
	a.histList.OnSelected = func(i widget.ListItemID) {
		a.histList.UnselectAll()
		if i >= 0 && i < len(a.history) {
			p.openMeeting(a.history[i].MeetingID)
		}
	}
	return a
}

func (a *attendanceTab) view() fyne.CanvasObject {
	top := container.NewBorder(nil, nil, a.weeks, nil, a.note)
	split := container.NewVSplit(a.table, container.NewBorder(a.histTitle, nil, nil, nil, a.histList))
	split.Offset = 0.6
	return container.NewBorder(top, nil, nil, nil, split)
}

// span is the chosen period, ending today.
func (a *attendanceTab) span() (data.Date, data.Date) {
	weeks := 8
	if i := a.weeks.SelectedIndex(); i >= 0 {
		weeks = attendanceSpans[i].weeks
	}
	to := a.p.u.store.Today()
	return to.AddDays(-7*weeks + 1), to
}

// reload counts every active resident's marks over the span.
func (a *attendanceTab) reload() {
	if a.p.u.store == nil || a.table == nil {
		return
	}
	a.from, a.to = a.span()
	rs, err := a.p.u.store.ActiveResidents()
	if err != nil {
		a.note.SetText(err.Error())
		return
	}
	a.rows = a.rows[:0]
	for _, r := range rs {
		sum, err := a.p.u.store.AttendanceSummary(r.ID, a.from, a.to)
		if err != nil {
			a.note.SetText(err.Error())
			return
		}
		a.rows = append(a.rows, attendanceRow{r: r, sum: sum})
	}
	a.note.SetText(fmt.Sprintf("Required meetings from %s to %s. Unexcused absences count against the resident's week.", a.from.Pretty(), a.to.Pretty()))
	a.table.Refresh()
	a.history = nil
	a.histList.Refresh()
}

// showHistory lists one resident's marks at meetings of every kind.
func (a *attendanceTab) showHistory(r data.Resident) {
	recs, err := a.p.u.store.AttendanceHistory(r.ID, a.from, a.to)
	if err != nil {
		a.histTitle.SetText(err.Error())
		return
	}
	// newest first
	for i, j := 0, len(recs)-1; i < j; i, j = i+1, j-1 {
		recs[i], recs[j] = recs[j], recs[i]
	}
	a.history = recs
	title := fmt.Sprintf("%s: marked at %s of every kind, %s to %s", r.Display(), countNoun(len(recs), "meeting"), a.from.Pretty(), a.to.Pretty())
	if len(recs) == 0 {
		title = fmt.Sprintf("%s: not on the roll of any meeting from %s to %s", r.Display(), a.from.Pretty(), a.to.Pretty())
	}
	a.histTitle.SetText(title)
	a.histList.Refresh()
}
