package report_test

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"porchlight/app/report"
	"porchlight/data"
)

// Helpers here carry the minutes prefix; the package's own tests have theirs.

var minutesNames = []string{
	"María José Núñez", "Thanh Nguyễn", "Siobhán O'Brien", "Paweł Kowalczyk",
	"Олена Коваленко", "Γιώργος Παπαδόπουλος", "Jamal Washington", "Zoë Lefèvre",
}

func minutesPerson(i int) data.PersonRef {
	return data.PersonRef{ResidentID: fmt.Sprintf("r%d", i), Name: minutesNames[i%len(minutesNames)]}
}

// minutesMeeting is a held house meeting; extra adds that many more
// residents and motions, to make it run over several pages.
func minutesMeeting(extra int) data.Meeting {
	adjourned := data.ClockTime{Hour: 19, Min: 52}
	m := data.Meeting{
		ID: "m1", Number: 12, Kind: data.MeetingHouse, Date: data.NewDate(2025, 3, 9), Place: "Living room",
		Start: data.ClockTime{Hour: 19}, Adjourned: &adjourned, Status: data.MeetingStatusMinutesTaken,
		Chair: minutesPerson(6), Secretary: minutesPerson(2),
	}
	marks := []data.AttendanceStatus{data.AttendPresent, data.AttendLate, data.AttendPresent, data.AttendPresent,
		data.AttendExcused, data.AttendPresent, data.AttendPresent, data.AttendAbsent}
	for i := 0; i < len(minutesNames)+extra; i++ {
		a := data.Attendance{ResidentID: fmt.Sprintf("r%d", i), Name: minutesNames[i%len(minutesNames)], Status: marks[i%len(marks)]}
		if i >= len(minutesNames) {
			a.Name = fmt.Sprintf("Resident %03d", i)
		}
		if a.Status == data.AttendExcused {
			a.Reason = "Working a late shift"
		}
		m.Roll = append(m.Roll, a)
	}
	m.Sections = minutesSections()
	m.Motions = []data.Motion{
		{Type: data.MotionAcceptMinutes, Text: "Accept the minutes of meeting #11", Mover: minutesPerson(0), Seconder: minutesPerson(3),
			For: 6, Rule: data.SimpleMajority, Outcome: data.OutcomePassed},
		{Type: data.MotionSpending, Text: "Buy a second vacuum cleaner", Mover: minutesPerson(6), Seconder: minutesPerson(3),
			For: 4, Against: 1, Abstain: 1, Rule: data.SimpleMajority, Outcome: data.OutcomePassed},
		{Type: data.MotionAdmitMember, Text: "Admit Aoife Ní Bhriain", Mover: minutesPerson(5), Seconder: minutesPerson(1),
			For: 4, Against: 2, Rule: data.FourFifths, Outcome: data.OutcomeFailed},
		{Text: "Paint the porch green", Mover: minutesPerson(1), Seconder: minutesPerson(0), Tabled: true, Outcome: data.OutcomeTabled},
	}
	for i := 0; i < extra; i++ {
		m.Motions = append(m.Motions, data.Motion{Text: fmt.Sprintf("Extra motion %03d about the garden rota", i),
			Mover: minutesPerson(0), Seconder: minutesPerson(1), For: 3, Against: 3, Rule: data.SimpleMajority, Outcome: data.OutcomeFailed})
	}
	m.ActionItems = []data.ActionItem{
		{Text: "Buy the vacuum cleaner and give the receipt to the treasurer", Owner: minutesPerson(3), Due: data.NewDate(2025, 3, 16)},
		{Text: "Call the landlord about the porch light", Owner: minutesPerson(6), Due: data.NewDate(2025, 3, 19), Done: true},
	}
	return m
}

func minutesSections() data.MeetingSections {
	return data.MeetingSections{
		Reading:     "The Oxford House Traditions 1 to 3, read by Zoë Lefèvre.",
		LastMinutes: data.LastMinutes{MeetingID: "m0", Number: 11, Date: data.NewDate(2025, 3, 2), Note: "One correction: the date of the clean-up."},
		OfficerReports: []data.OfficerReport{
			{Office: data.OfficePresident, Name: "Jamal Washington", Text: "The house is full; two applications are waiting."},
			{Office: data.OfficeTreasurer, Name: "Paweł Kowalczyk", Text: "Balance $412.50 after the electricity bill."},
		},
		ChoreReport: "Last week: all chores done; recycling late on Tuesday.\nNext week: Kitchen – María José Núñez; Bathrooms – Thanh Nguyễn.",
		Milestones:  "Siobhán O'Brien: 1 year on Wed 12 Mar 2025\nΓιώργος Παπαδόπουλος: 30 days on Fri 14 Mar 2025",
		OldBusiness: data.OldBusiness{Carried: []data.CarriedItem{
			{Kind: data.CarriedActionItem, Text: "Fix the back door lock", Owner: minutesPerson(6), FromNumber: 11, Due: data.NewDate(2025, 3, 5), Done: true},
			{Kind: data.CarriedTabledMotion, Text: "Get a house cat", Owner: minutesPerson(1), FromNumber: 10},
		}},
		NewBusiness: "The vacuum cleaner in the hall closet broke. The porch light has been out since Thursday.",
	}
}

func minutesWrite(t *testing.T, m data.Meeting, size report.PageSize, name string) (string, int) {
	t.Helper()
	var buf bytes.Buffer
	house := data.House{Name: "Maple Street House"}
	if err := report.Minutes(&buf, m, house, size); err != nil {
		t.Fatalf("Minutes: %v", err)
	}
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("PORCHLIGHT_REPORT_DIR"); dir != "" {
		if err := os.WriteFile(filepath.Join(dir, name), buf.Bytes(), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	text := minutesTool(t, "pdftotext", "-layout", "-enc", "UTF-8", path, "-")
	return text, strings.Count(strings.TrimRight(text, "\f"), "\f") + 1
}

func minutesTool(t *testing.T, tool string, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath(tool); err != nil {
		t.Fatalf("%s not found: install poppler-utils", tool)
	}
	out, err := exec.Command(tool, args...).Output()
	if err != nil {
		t.Fatalf("%s: %v", tool, err)
	}
	return string(out)
}

func TestMinutesHoldAttendanceMotionsAndItems(t *testing.T) {
	for _, size := range []report.PageSize{report.A4, report.Letter} {
		t.Run(size.String(), func(t *testing.T) {
			text, pages := minutesWrite(t, minutesMeeting(0), size, "minutes-"+size.String()+".pdf")
			minutesCheckFrame(t, text, pages)
			flat := strings.Join(strings.Fields(text), " ")
			for _, want := range []string{
				"House business meeting #12", "Sunday 9 March 2025", "Maple Street House", "Living room",
				"Chair Jamal Washington", "Secretary Siobhán O'Brien",
				"5 present, 1 late, 1 excused, 1 absent (6 of 8 at the meeting)", "Working a late shift",
				"Traditions 1 to 3", "motion to accept passed, 6 for, 0 against, 0 abstaining",
				"President — Jamal Washington", "Balance $412.50", "recycling late on Tuesday",
				"Γιώργος Παπαδόπουλος: 30 days", "Fix the back door lock", "Tabled motion: Get a house cat",
				"The porch light has been out", "Call the landlord about the porch light",
				"at least 4/5 of", "Opened 19:00, adjourned 19:52",
			} {
				if !strings.Contains(flat, want) {
					t.Errorf("no %q in the minutes", want)
				}
			}
			for _, name := range minutesNames {
				if !strings.Contains(text, name) {
					t.Errorf("name %q missing", name)
				}
			}
			minutesCheckRow(t, text, `Buy a second vacuum cleaner\s+Jamal Washington\s+4\s+1\s+1\s+Passed`)
			minutesCheckRow(t, text, `Admit Aoife Ní Bhriain\s+Γιώργος Παπαδόπουλος\s+4\s+2\s+0\s+Failed`)
			minutesCheckRow(t, text, `Paint the porch green\s+Thanh Nguyễn\s+–\s+–\s+–\s+Tabled`)
			minutesCheckRow(t, text, `Олена Коваленко\s+Excused\s+Working a late shift`)
			minutesCheckRow(t, text, `Buy the vacuum cleaner and give the receipt.*Paweł Kowalczyk\s+Sun 16 Mar 2025`)
		})
	}
}

// minutesCheckFrame checks "Page n of m", the notice and the house on every page.
func minutesCheckFrame(t *testing.T, text string, pages int) {
	t.Helper()
	for i, page := range strings.Split(strings.TrimRight(text, "\f"), "\f") {
		flat := strings.Join(strings.Fields(page), " ")
		if want := fmt.Sprintf("Page %d of %d", i+1, pages); !strings.Contains(flat, want) {
			t.Errorf("page %d: no %q", i+1, want)
		}
		if !strings.Contains(flat, report.DefaultNotice) || !strings.Contains(flat, "Maple Street House") {
			t.Errorf("page %d: no confidentiality notice or house", i+1)
		}
	}
}

func minutesCheckRow(t *testing.T, text, pattern string) {
	t.Helper()
	if !regexp.MustCompile(pattern).MatchString(text) {
		t.Errorf("no line matching %q", pattern)
	}
}

func TestMinutesLongMeetingBreaksPages(t *testing.T) {
	m := minutesMeeting(40)
	m.Status = data.MeetingStatusAccepted
	m.AcceptedOn = data.NewDate(2025, 3, 16)
	m.Amendments = []data.Amendment{{At: time.Date(2025, 3, 20, 10, 5, 0, 0, time.UTC), By: "Sam Rivera", Reason: "Vote count of motion 2 corrected"}}
	text, pages := minutesWrite(t, m, report.A4, "minutes-long.pdf")
	if pages < 3 {
		t.Fatalf("a meeting with 48 residents and 44 motions fits on %d pages", pages)
	}
	minutesCheckFrame(t, text, pages)
	for _, want := range []string{"Page 2 of", "Resident 047", "Extra motion 039", "Accepted on Sunday 16 March 2025",
		"Vote count of motion 2 corrected", "Changed after the minutes were accepted"} {
		if !strings.Contains(text, want) {
			t.Errorf("no %q in the long minutes", want)
		}
	}
}

func TestMinutesSupportGroup(t *testing.T) {
	m := data.Meeting{ID: "g1", Number: 3, Kind: data.MeetingPeerSupport, Title: "Wednesday peer support",
		Date: data.NewDate(2025, 3, 12), Start: data.ClockTime{Hour: 19, Min: 30}, Status: data.MeetingStatusInProgress,
		Roll:     []data.Attendance{{ResidentID: "r1", Name: "Thanh Nguyễn", Status: data.AttendPresent}, {ResidentID: "r2", Name: "Zoë Lefèvre"}},
		Sections: data.MeetingSections{Reading: "Daily reflection", Notes: "Topic: asking for help."},
	}
	text, _ := minutesWrite(t, m, report.Letter, "minutes-group.pdf")
	flat := strings.Join(strings.Fields(text), " ")
	for _, want := range []string{"Wednesday peer support #3", "Topic: asking for help.", "1 present, 1 not marked",
		"Draft: the meeting is in progress", "Not marked"} {
		if !strings.Contains(flat, want) {
			t.Errorf("no %q in the group minutes", want)
		}
	}
	for _, unwanted := range []string{"Motions", "Old business", "Officers' reports"} {
		if strings.Contains(flat, unwanted) {
			t.Errorf("support group minutes print %q", unwanted)
		}
	}
}
