package data

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// Every print is logged, newest first, with an audit entry that names the
// week and copy but nothing sensitive; a resident cannot log one.
func TestReportLogKeepsPrintsNewestFirst(t *testing.T) {
	now := weeklyNow
	v, err := OpenVault(t.TempDir(), WithKDF(DemoKDF), WithClock(func() time.Time { return now }))
	if err != nil {
		t.Fatal(err)
	}
	st, err := CreateDemo(v)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close(); v.Close() })
	sam := Actor{Kind: ActorManager, ID: "m1", Name: "Sam Rivera"}
	week := NewDate(2026, 11, 23)
	now = now.Add(time.Minute) // after the demo's own entries
	if _, err := st.LogReportPrint(sam, ReportPrint{Kind: ReportWeekly, Week: week, Copy: CopyHouse, How: ReportPrinted,
		Printer: "Office", Paper: "A4"}); err != nil {
		t.Fatal(err)
	}
	now = now.Add(time.Minute)
	if _, err := st.LogReportPrint(sam, ReportPrint{Kind: ReportWeekly, Week: week, Copy: CopyManager,
		Sensitive: SensitiveParts{Notes: true}, How: ReportSaved, Paper: "US Letter"}); err != nil {
		t.Fatal(err)
	}
	rs, _ := st.ActiveResidents()
	now = now.Add(time.Minute)
	if _, err := st.LogReportPrint(sam, ReportPrint{Kind: ReportLetter, ResidentID: rs[0].ID, Recipient: "County Probation",
		How: ReportSaved, Paper: "A4"}); err != nil {
		t.Fatal(err)
	}
	got, err := st.ReportPrints(10)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || got[0].Kind != ReportLetter || got[1].Copy != CopyManager || got[2].Printer != "Office" {
		t.Fatalf("report log: %+v", got)
	}
	if got[1].By.Name != "Sam Rivera" || !got[1].At.Equal(weeklyNow.Add(2*time.Minute)) || !got[1].Sensitive.Notes || got[1].Week != week {
		t.Errorf("the manager copy's line: %+v", got[1])
	}
	if two, _ := st.ReportPrints(2); len(two) != 2 || two[0].ID != got[0].ID {
		t.Errorf("ReportPrints(2): %+v", two)
	}
	audit, _ := st.Audit(time.Time{}, 3)
	if len(audit) != 3 || audit[0].Action != "report.saved" || !strings.HasPrefix(audit[0].Subject, "progress letter for ") ||
		audit[2].Subject != "weekly report 2026-11-23, house copy" || audit[2].Action != "report.printed" {
		t.Errorf("audit: %+v", audit)
	}
	if _, err := st.LogReportPrint(KioskActor(rs[0]), ReportPrint{Kind: ReportWeekly, Week: week, How: ReportSaved}); !errors.Is(err, ErrManagerOnly) {
		t.Errorf("a resident logged a print: %v", err)
	}
	if _, err := st.LogReportPrint(sam, ReportPrint{Kind: ReportWeekly, How: ReportSaved}); err == nil {
		t.Error("a weekly print without a week was logged")
	}
}

// The default week is this week from its last day on, else the week before.
func TestDefaultReportWeek(t *testing.T) {
	h := DefaultHouse()
	h.WeekStart = time.Monday
	for _, c := range []struct{ today, want Date }{
		{NewDate(2026, 11, 29), NewDate(2026, 11, 23)}, // Sunday: the week has ended
		{NewDate(2026, 11, 30), NewDate(2026, 11, 23)}, // Monday: last week
		{NewDate(2026, 11, 28), NewDate(2026, 11, 16)}, // Saturday: the week before
	} {
		if got := h.DefaultReportWeek(c.today); got != c.want {
			t.Errorf("DefaultReportWeek(%s) = %s, want %s", c.today, got, c.want)
		}
	}
	h.WeekStart = time.Sunday
	if got := h.DefaultReportWeek(NewDate(2026, 11, 28)); got != NewDate(2026, 11, 22) {
		t.Errorf("a Sunday-to-Saturday house on Saturday: %s", got)
	}
}
