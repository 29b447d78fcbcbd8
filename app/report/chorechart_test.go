package report_test

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"porchlight/app/report"
	"porchlight/data"
)

var chartWeek = data.NewDate(2025, 3, 10) // a Monday

var chartPeople = [][2]string{
	{"María José", "Núñez"}, {"Thanh", "Nguyễn"}, {"Siobhán", "O'Brien"}, {"Paweł", "Kowalczyk"},
	{"Олена", "Коваленко"}, {"Γιώργος", "Παπαδόπουλος"}, {"Jamal", "Washington"}, {"Aoife", "Ní Bhriain"},
	{"José Luis", "Peña"}, {"Zoë", "Lefèvre"}, {"Darnell", "Brooks"}, {"Björn", "Åkesson"},
	{"Łukasz", "Wójcik"}, {"İbrahim", "Yılmaz"}, {"João", "Gonçalves"}, {"Сергей", "Иванов"},
}

var chartChoreNames = []string{
	"Kitchen after dinner", "Dishes", "Trash and recycling", "Living room tidy", "Front porch sweep",
	"Upstairs bathroom", "Downstairs bathroom", "Vacuum common rooms", "Mop kitchen floor",
	"Laundry room", "Yard and garden", "Fridge clean-out", "Windows and glass doors",
	"Stairs and hallway", "Grocery run and put-away",
}

// chartHouse makes n residents and k chores (the first third daily, some
// needing two people) and the rotation's roster for chartWeek, with a few
// chores ticked, one missed and one excused.
func chartHouse(n, k int) []data.RosterRow {
	residents := make([]data.Resident, n)
	members := make([]data.RosterMember, n)
	for i := range residents {
		p := chartPeople[i%len(chartPeople)]
		first := p[0]
		if i >= len(chartPeople) {
			first = fmt.Sprintf("%s %d", strings.Fields(p[0])[0], i/len(chartPeople)+1)
		}
		residents[i] = data.Resident{ID: fmt.Sprintf("r%03d", i), First: first, Last: p[1], Status: data.StatusActive}
		members[i] = data.RosterMember{ID: residents[i].ID, Present: []data.Span{{From: chartWeek.AddDays(-100)}}}
	}
	chores := make([]data.Chore, k)
	for i := range chores {
		name := chartChoreNames[i%len(chartChoreNames)]
		if i >= len(chartChoreNames) {
			name = fmt.Sprintf("%s (%d)", name, i/len(chartChoreNames)+1)
		}
		c := data.Chore{ID: fmt.Sprintf("c%03d", i), Name: name, Area: "Ground floor", Effort: 1 + i%5,
			Frequency: data.Weekly, Weekday: time.Weekday(i % 7), People: 1 + i%4/3, Active: true}
		if i < k/3 {
			c.Frequency = data.Daily
		}
		chores[i] = c
	}
	plan := data.PlanRoster(data.RosterInput{Week: chartWeek, Members: members, Chores: chores})
	plan[0].Status, plan[1].Status = data.ChoreDone, data.ChoreVerified
	plan[2].Status = data.ChoreMissed
	plan[3].Excused = "Doctor"
	return data.RosterGridOf(chartWeek, plan, chores, residents)
}

func chartOptions(rows []data.RosterRow, size report.PageSize) report.ChoreChartOptions {
	return report.ChoreChartOptions{
		House: "Maple Street House", Week: chartWeek, Rows: rows, Size: size,
		Printed: time.Date(2025, 3, 9, 18, 0, 0, 0, time.Local),
	}
}

// chartWrite writes the chart to a file (kept in $PORCHLIGHT_REPORT_DIR
// when set) and returns its path.
func chartWrite(t *testing.T, opts report.ChoreChartOptions, name string) string {
	t.Helper()
	dir := os.Getenv("PORCHLIGHT_REPORT_DIR")
	if dir == "" {
		dir = t.TempDir()
	}
	path := filepath.Join(dir, name+".pdf")
	var buf bytes.Buffer
	if err := report.ChoreChart(&buf, opts); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func chartTool(t *testing.T, tool string, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath(tool); err != nil {
		t.Skipf("%s not installed (poppler-utils)", tool)
	}
	out, err := exec.Command(tool, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s: %v\n%s", tool, err, out)
	}
	return string(out)
}

var chartSpaces = regexp.MustCompile(`\s+`)

func TestChoreChartSixteenBedsFitOnePage(t *testing.T) {
	rows := chartHouse(16, 15)
	for _, size := range []report.PageSize{report.A4, report.Letter} {
		t.Run(size.String(), func(t *testing.T) {
			path := chartWrite(t, chartOptions(rows, size), "chorechart-16x15-"+size.String())
			info := chartTool(t, "pdfinfo", path)
			if !regexp.MustCompile(`(?m)^Pages:\s+1$`).MatchString(info) {
				t.Fatalf("not one page:\n%s", info)
			}
			checkLandscape(t, info)
			text := chartSpaces.ReplaceAllString(chartTool(t, "pdftotext", path, "-"), " ")
			checkChartText(t, text, rows)
			for _, want := range []string{"Chore chart", "Week of Monday 10 March 2025", "CONFIDENTIAL", "Page 1 of 1", "Mon 10 Mar", "Sun 16 Mar"} {
				if !strings.Contains(text, want) {
					t.Errorf("chart lacks %q", want)
				}
			}
		})
	}
}

func checkLandscape(t *testing.T, info string) {
	t.Helper()
	m := regexp.MustCompile(`Page size:\s+([\d.]+) x ([\d.]+)`).FindStringSubmatch(info)
	if m == nil {
		t.Fatalf("no page size:\n%s", info)
	}
	w, _ := strconv.ParseFloat(m[1], 64)
	h, _ := strconv.ParseFloat(m[2], 64)
	if w <= h {
		t.Fatalf("not landscape: %s x %s", m[1], m[2])
	}
}

// checkChartText finds every chore and every assigned resident's name.
func checkChartText(t *testing.T, text string, rows []data.RosterRow) {
	t.Helper()
	for _, r := range rows {
		if !strings.Contains(text, r.Chore.Name) {
			t.Errorf("chore %q missing", r.Chore.Name)
		}
		for _, cells := range r.Days {
			for _, c := range cells {
				if c.Covered() && !strings.Contains(text, c.Short) {
					t.Errorf("%s's name %q missing", r.Chore.Name, c.Short)
				}
			}
		}
	}
	for _, want := range []string{"missed", "excused"} {
		if !strings.Contains(text, want) {
			t.Errorf("chart does not show a chore %s", want)
		}
	}
}

func TestChoreChartBigHouseBreaksPages(t *testing.T) {
	rows := chartHouse(40, 30)
	path := chartWrite(t, chartOptions(rows, report.Letter), "chorechart-40x30-Letter")
	pages := chartTool(t, "pdfinfo", path)
	n := regexp.MustCompile(`(?m)^Pages:\s+(\d+)$`).FindStringSubmatch(pages)
	if n == nil {
		t.Fatalf("no page count:\n%s", pages)
	}
	text := chartTool(t, "pdftotext", path, "-")
	for _, page := range strings.Split(strings.TrimRight(text, "\f"), "\f") {
		page = chartSpaces.ReplaceAllString(page, " ")
		if !strings.Contains(page, "Mon 10 Mar") || !strings.Contains(page, "Page ") || !strings.Contains(page, "CONFIDENTIAL") {
			t.Errorf("a page lacks the day header or the frame: %.200s", page)
		}
	}
	checkChartText(t, chartSpaces.ReplaceAllString(text, " "), rows)
	t.Logf("40 residents x 30 chores: %s pages", n[1])
}

func TestChoreChartOddInput(t *testing.T) {
	rows := chartHouse(4, 5)
	rows[0].Days[0][0].Short = "Ana 🙂 R."
	rows[0].Chore.Name = strings.Repeat("A very long chore name ", 6)
	rows[1].Days[2] = append(rows[1].Days[2], data.RosterCell{}) // a seat nobody could take
	var buf bytes.Buffer
	if err := report.ChoreChart(&buf, chartOptions(rows, report.A4)); err != nil {
		t.Fatal(err)
	}
	if err := report.ChoreChart(&buf, chartOptions(nil, report.A4)); err != nil {
		t.Fatalf("empty chart: %v", err)
	}
	if err := report.ChoreChart(io.Discard, report.ChoreChartOptions{Size: report.PageSize(9)}); err == nil {
		t.Fatal("an unknown paper size was accepted")
	}
}

func BenchmarkChoreChartPDF(b *testing.B) {
	rows := chartHouse(40, 30)
	opts := chartOptions(rows, report.A4)
	b.ReportAllocs()
	for b.Loop() {
		if err := report.ChoreChart(io.Discard, opts); err != nil {
			b.Fatal(err)
		}
	}
}

func TestChoreCoordinatorReport(t *testing.T) {
	var cells []data.RosterCell
	for _, r := range chartHouse(16, 15) {
		for _, day := range r.Days {
			cells = append(cells, day...)
		}
	}
	rep := data.CoordinatorReport{Week: chartWeek, Chores: cells, NextWeek: chartWeek.AddDays(7), Next: cells}
	rep.Tally = data.TallyChores(cells)
	path := filepath.Join(t.TempDir(), "coordinator.pdf")
	if dir := os.Getenv("PORCHLIGHT_REPORT_DIR"); dir != "" {
		path = filepath.Join(dir, "coordinator.pdf")
	}
	var buf bytes.Buffer
	if err := report.ChoreCoordinatorPDF(&buf, "Maple Street House", rep, report.A4, time.Date(2025, 3, 16, 19, 0, 0, 0, time.Local)); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	text := chartSpaces.ReplaceAllString(chartTool(t, "pdftotext", path, "-"), " ")
	for _, c := range cells {
		for _, want := range []string{c.Name, c.Chore} {
			if !strings.Contains(text, want) {
				t.Errorf("coordinator's report lacks %q", want)
			}
		}
	}
	for _, want := range []string{rep.Total().Summary(), "verified by a manager", "Next week: Week of Monday 17 March 2025", "✗", "✓", "CONFIDENTIAL"} {
		if !strings.Contains(text, want) {
			t.Errorf("coordinator's report lacks %q", want)
		}
	}
}

// Full names wrap to two lines before anything is cut: the family name of
// a long name is on the chart whole.
func TestChoreChartFullNamesWrapNotCut(t *testing.T) {
	rows := chartHouse(16, 12)
	long := "Søren Kierkegaard-Andersen"
	rows[0].Days[0][0].Name = long
	for d := range rows[0].Days {
		for k := range rows[0].Days[d] {
			rows[0].Days[d][k].Name = long
		}
	}
	opts := chartOptions(rows, report.A4)
	opts.FullNames = true
	text := chartTool(t, "pdftotext", "-layout", chartWrite(t, opts, "chart-fullnames"), "-")
	// on two lines, broken at the hyphen
	if !strings.Contains(text, "Søren Kierkegaard-") || !strings.Contains(text, "Andersen") {
		t.Fatalf("the long name is not whole over two lines:\n%s", text)
	}
	if strings.Contains(text, "Kierk…") || strings.Contains(text, "Ander…") {
		t.Fatal("a full name is cut with an ellipsis")
	}
}
