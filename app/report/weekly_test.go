package report_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"porchlight/app/report"
	"porchlight/data"
)

// weeklyNow is the Monday after the week the tests print (Mon 23 – Sun 29
// Nov 2026): the demo's last house meeting, last roster and a late return
// fall in it.
var weeklyNow = time.Date(2026, 11, 30, 8, 0, 0, 0, time.Local)

// Sensitive text put in the demo house, which only the manager copy may print.
const (
	weeklyNote        = "Asked for help finding an evening job"
	weeklyMoveOutWhy  = "Returned to use"
	weeklyLeaverPhone = "555-0177"
)

// weeklyDemo opens the demo house with a resident who moved out in the
// week for a sensitive reason, and a private note on another.
func weeklyDemo(t testing.TB) *data.Store {
	t.Helper()
	v, err := data.OpenVault(t.TempDir(), data.WithKDF(data.DemoKDF), data.WithClock(func() time.Time { return weeklyNow }))
	if err != nil {
		t.Fatal(err)
	}
	st, err := data.CreateDemo(v)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close(); v.Close() })
	h, _ := st.House()
	occ, _ := st.Occupancy()
	var bed string
	for _, b := range h.Beds {
		if occ[b.ID] == "" {
			bed = b.ID
			break
		}
	}
	r, err := st.AddResident(data.System, data.Resident{First: "Ignacio", Last: "Ferreira", BedID: bed,
		MoveIn: data.NewDate(2026, 10, 1), Sobriety: data.NewDate(2026, 9, 1), Phone: weeklyLeaverPhone})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.MoveOut(data.System, r.ID, data.NewDate(2026, 11, 26), weeklyMoveOutWhy); err != nil {
		t.Fatal(err)
	}
	rs, _ := st.ActiveResidents()
	for _, x := range rs {
		if x.Last == "Brooks" {
			x.Notes = weeklyNote
			if _, err := st.UpdateResident(data.System, x); err != nil {
				t.Fatal(err)
			}
		}
	}
	return st
}

// weeklyPDF prints the week and returns the text of each page.
func weeklyPDF(t *testing.T, st *data.Store, opts report.WeeklyOptions, name string) []string {
	t.Helper()
	var buf bytes.Buffer
	if err := report.Weekly(&buf, st, opts); err != nil {
		t.Fatalf("Weekly: %v", err)
	}
	return weeklyText(t, buf.Bytes(), name)
}

func weeklyText(t *testing.T, pdf []byte, name string) []string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("PORCHLIGHT_REPORT_DIR"); dir != "" {
		if err := os.WriteFile(filepath.Join(dir, name), pdf, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	text := minutesTool(t, "pdftotext", "-layout", "-enc", "UTF-8", path, "-")
	return strings.Split(strings.TrimRight(text, "\f"), "\f")
}

func weeklyOpts(c data.ReportCopy, paper report.PageSize) report.WeeklyOptions {
	return report.WeeklyOptions{Week: data.NewDate(2026, 11, 25), Copy: c, Paper: paper,
		PreparedBy: data.DemoManager, Printed: weeklyNow}
}

var weeklyHeadings = []string{"Census", "Milestones", "House meeting", "Chores", "Outside meetings", "Peer mentors", "Sign-outs", "Signatures"}

// weeklyCheckCommon checks what both copies print: the frame on every
// page, every heading, every resident's full name, the motion.
func weeklyCheckCommon(t *testing.T, st *data.Store, pages []string, copyName, notice string) {
	t.Helper()
	all := strings.Join(pages, "\n")
	flat := strings.Join(strings.Fields(all), " ")
	for i, p := range pages {
		pf := strings.Join(strings.Fields(p), " ")
		for _, want := range []string{"Mon 23 – Sun 29 Nov 2026", "Maple Street House", copyName,
			"Prepared by " + data.DemoManager, "Printed 30 Nov 2026, 08:00", fmt.Sprintf("Page %d of %d", i+1, len(pages))} {
			if !strings.Contains(pf, want) {
				t.Errorf("page %d lacks %q:\n%s", i+1, want, p)
			}
		}
		if !strings.Contains(pf, notice) {
			t.Errorf("page %d lacks the notice %q", i+1, notice)
		}
	}
	for _, h := range weeklyHeadings {
		if !regexp.MustCompile(`(?m)^\s*` + regexp.QuoteMeta(h) + `\s*$`).MatchString(all) {
			t.Errorf("no heading %q", h)
		}
	}
	// DESIGN.md's names: the manager's paper has the full legal name with
	// the preferred one in quotes; the house copy the name the house uses.
	rs, _ := st.ActiveResidents()
	for _, r := range rs {
		name := data.HouseName(r)
		if copyName == "Manager copy" {
			name = r.Display()
		}
		if !strings.Contains(all, name) {
			t.Errorf("resident %q missing", name)
		}
	}
	for _, want := range []string{"Buy a second vacuum cleaner", "Passed", "Call the landlord about the porch light",
		"Chair Jamal Washington", "Secretary Siobhán O'Brien", "Ignacio Ferreira", "90 days"} {
		if !strings.Contains(flat, want) {
			t.Errorf("report lacks %q", want)
		}
	}
}

func TestWeeklyHouseCopyHoldsNothingSensitive(t *testing.T) {
	st := weeklyDemo(t)
	for _, paper := range []report.PageSize{report.A4, report.Letter} {
		opts := weeklyOpts(data.CopyHouse, paper)
		opts.Sensitive = data.SensitiveParts{Notes: true, Contacts: true} // ignored on the house copy
		pages := weeklyPDF(t, st, opts, "weekly-house-"+paper.String()+".pdf")
		weeklyCheckCommon(t, st, pages, "House copy", "For residents of Maple Street House. Do not copy or remove.")
		all := strings.Join(pages, "\n")
		for _, bad := range []string{weeklyNote, weeklyMoveOutWhy, "Working a late shift", "Private notes", "Contacts", "Manager copy", "42 CFR"} {
			if strings.Contains(all, bad) {
				t.Errorf("%s house copy holds %q", paper, bad)
			}
		}
		if m := regexp.MustCompile(`\d{3}-\d{4}`).FindString(all); m != "" {
			t.Errorf("%s house copy holds a phone number %q", paper, m)
		}
		if regexp.MustCompile(`(?i)drug|incident`).MatchString(all) {
			t.Errorf("%s house copy mentions drug tests or incidents", paper)
		}
		if !strings.Contains(all, "Moved out: Moved on") {
			t.Errorf("%s house copy lacks the allowed move-out reason", paper)
		}
	}
}

func TestWeeklyManagerCopy(t *testing.T) {
	st := weeklyDemo(t)
	opts := weeklyOpts(data.CopyManager, report.A4)
	pages := weeklyPDF(t, st, opts, "weekly-manager-unticked.pdf")
	weeklyCheckCommon(t, st, pages, "Manager copy", "42 CFR Part 2")
	all := strings.Join(pages, "\n")
	for _, want := range []string{"Moved out: " + weeklyMoveOutWhy, "Working a late shift"} {
		if !strings.Contains(all, want) {
			t.Errorf("manager copy lacks %q", want)
		}
	}
	if strings.Contains(all, weeklyNote) || strings.Contains(all, "555-01") {
		t.Error("manager copy prints notes or phones nobody ticked")
	}
	opts.Sensitive = data.SensitiveParts{Notes: true, Contacts: true}
	pages = weeklyPDF(t, st, opts, "weekly-manager.pdf")
	all = strings.Join(strings.Fields(strings.Join(pages, "\n")), " ")
	for _, want := range []string{"Private notes", weeklyNote, "Contacts", "555-0110", "Family contact, Sibling, 555-0188"} {
		if !strings.Contains(all, want) {
			t.Errorf("ticked manager copy lacks %q", want)
		}
	}
}

// TestWeeklyLongWeekBreaksPages prints a 40-bed house with long names from
// memory: tables run over pages with their header repeated, and every page
// keeps the report's header.
func TestWeeklyLongWeekBreaksPages(t *testing.T) {
	rep := weeklyBigReport(40)
	var buf bytes.Buffer
	if err := report.WriteWeekly(&buf, rep, weeklyOpts(data.CopyHouse, report.Letter)); err != nil {
		t.Fatal(err)
	}
	pages := weeklyText(t, buf.Bytes(), "weekly-long.pdf")
	if len(pages) < 3 {
		t.Fatalf("%d pages for 40 residents, want the tables to run over several", len(pages))
	}
	all := strings.Join(pages, "\n")
	for i := 0; i < 40; i++ {
		// A long name wraps in its cell: each word is there, none cut.
		for _, word := range strings.Fields(weeklyBigName(i)) {
			if !strings.Contains(all, word) {
				t.Errorf("resident %d: %q missing", i, word)
			}
		}
	}
	for i, p := range pages[1:] {
		if !strings.Contains(p, "Weekly house report — Mon 23 – Sun 29 Nov 2026") || !strings.Contains(p, "House copy · Prepared by") {
			t.Errorf("page %d lacks the running header:\n%s", i+2, p)
		}
	}
	// The residents table starts on page 1 and goes on with its header.
	repeated := 0
	for _, p := range pages[1:] {
		if regexp.MustCompile(`Resident\s+Bed\s+Phase\s+Moved in`).MatchString(p) {
			repeated++
		}
	}
	if repeated == 0 {
		t.Error("the residents table's header is not repeated on a later page")
	}
}

func weeklyBigName(i int) string {
	first := []string{"María José", "Thanh", "Γιώργος", "Олена", "Paweł", "Siobhán", "Bartholomew-Alexander"}[i%7]
	last := []string{"Núñez-Villanueva de la Cruz", "Nguyễn", "Παπαδόπουλος", "Коваленко", "Kowalczyk", "O'Brien", "Featherstonehaugh"}[(i/7)%7]
	return fmt.Sprintf("%s %s %d", first, last, i+1)
}

func weeklyBigReport(n int) data.WeeklyReport {
	from := data.NewDate(2026, 11, 23)
	rep := data.WeeklyReport{House: "Maple Street House", From: from, To: from.AddDays(6), Copy: data.CopyHouse}
	rep.Census = data.WeekCensus{Beds: n, Filled: n}
	for i := 0; i < n; i++ {
		name := weeklyBigName(i)
		rep.Census.Residents = append(rep.Census.Residents, data.CensusLine{Name: name, Bed: fmt.Sprintf("Room %d – Bed A", i+1), Phase: "Phase 2", MoveIn: from.AddDays(-i * 9)})
		rep.Chores.Tally = append(rep.Chores.Tally, data.ChoreTally{ResidentID: name, Name: name, Assigned: 3, Done: 2, Missed: i % 2, Excused: 1 - i%2})
		rep.Outside = append(rep.Outside, data.OutsideMeetingWeek{Name: name, Phase: "Phase 2", Have: i % 5, Need: 3})
	}
	for w := 0; w < data.OccupancyWeeks; w++ {
		rep.Census.Occupancy = append(rep.Census.Occupancy, data.WeekOccupancy{Week: from.AddDays(-7 * (data.OccupancyWeeks - 1 - w)), Filled: n - w%4, Beds: n})
	}
	rep.Chores.NextWeek = from.AddDays(7)
	return rep
}

// BenchmarkWeeklyReportRender renders the 40-resident report from memory.
func BenchmarkWeeklyReportRender(b *testing.B) {
	rep := weeklyBigReport(40)
	opts := weeklyOpts(data.CopyManager, report.A4)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		var buf bytes.Buffer
		if err := report.WriteWeekly(&buf, rep, opts); err != nil {
			b.Fatal(err)
		}
	}
}

func TestWeekLabel(t *testing.T) {
	d := data.NewDate
	for _, c := range []struct {
		from data.Date
		want string
	}{
		{d(2026, 11, 23), "Mon 23 – Sun 29 Nov 2026"},
		{d(2026, 11, 30), "Mon 30 Nov – Sun 6 Dec 2026"},
		{d(2026, 12, 28), "Mon 28 Dec 2026 – Sun 3 Jan 2027"},
	} {
		if got := report.WeekLabel(c.from, c.from.AddDays(6)); got != c.want {
			t.Errorf("WeekLabel(%s) = %q, want %q", c.from, got, c.want)
		}
	}
}
