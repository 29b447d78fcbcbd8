package report_test

import (
	"strings"
	"testing"

	"porchlight/app/report"
	"porchlight/data"
)

// The demo's incident (Thanh, curfew, 26 Nov) and tests (24, 27, 29 Nov)
// fall in the printed week.
const (
	demoIncidentWhat = "Came in an hour"
	demoTestResult   = "buprenorphine"
)

func flatPages(pages []string) string {
	return strings.Join(strings.Fields(strings.Join(pages, "\n")), " ")
}

func TestWeeklyAccountabilityHouseCopyHasCountsOnly(t *testing.T) {
	st := weeklyDemo(t)
	opts := weeklyOpts(data.CopyHouse, report.A4)
	opts.Sensitive = data.SensitiveParts{Incidents: true} // ignored on the house copy
	all := flatPages(weeklyPDF(t, st, opts, "weekly-accountability-house.pdf"))
	for _, want := range []string{"Accountability", "on track,", "to check in with. Commitments met:", "partner group"} {
		if !strings.Contains(all, want) {
			t.Errorf("house copy lacks %q", want)
		}
	}
	for _, never := range []string{demoIncidentWhat, demoTestResult, "negative", "Suboxone", "Incidents this week",
		"Drug and alcohol tests", "Open follow-ups", "Each resident's week", "Call or text the house manager"} {
		if strings.Contains(all, never) {
			t.Errorf("house copy prints %q", never)
		}
	}
}

func TestWeeklyAccountabilityManagerCopyLeavesDetailsOffUnlessTicked(t *testing.T) {
	st := weeklyDemo(t)
	all := flatPages(weeklyPDF(t, st, weeklyOpts(data.CopyManager, report.A4), "weekly-accountability-manager.pdf"))
	for _, want := range []string{"Each resident's week", "Incidents this week", "curfew", "Open follow-ups",
		"3 tests recorded this week. Results are left off this print.", "Details are left off this print."} {
		if !strings.Contains(all, want) {
			t.Errorf("manager copy lacks %q", want)
		}
	}
	for _, never := range []string{demoIncidentWhat, demoTestResult, "Suboxone"} {
		if strings.Contains(all, never) {
			t.Errorf("manager copy without the tick prints %q", never)
		}
	}
	if audits := testViews(t, st); audits != 0 {
		t.Errorf("the test log was opened %d times without the tick", audits)
	}

	opts := weeklyOpts(data.CopyManager, report.A4)
	opts.Sensitive.Incidents = true
	opts.By = data.Actor{Kind: data.ActorManager, ID: "m1", Name: data.DemoManager}
	all = flatPages(weeklyPDF(t, st, opts, "weekly-accountability-sensitive.pdf"))
	for _, want := range []string{demoIncidentWhat, "positive for buprenorphine, as prescribed", "written to the audit log"} {
		if !strings.Contains(all, want) {
			t.Errorf("ticked manager copy lacks %q", want)
		}
	}
	if audits := testViews(t, st); audits != 1 {
		t.Errorf("opening the results for the print wrote %d audit entries, want 1", audits)
	}
}

// testViews counts the audit log's openings of test results.
func testViews(t *testing.T, st *data.Store) int {
	t.Helper()
	es, _, err := st.AuditPage(nil, 1000)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range es {
		if e.Action == "drugtest.view" {
			n++
		}
	}
	return n
}
