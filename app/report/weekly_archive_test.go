package report_test

import (
	"strings"
	"testing"
	"time"

	"porchlight/app/report"
	"porchlight/data"
)

// An ended week's report is made again from the store, not kept as a PDF:
// after later work in another week (a resident moving in, an outside
// meeting, a sign-out, a private note edited) the same week prints the
// same text, on both copies.
func TestEndedWeekRegeneratesTheSameText(t *testing.T) {
	st := weeklyDemo(t)
	before := map[data.ReportCopy]string{}
	for _, c := range []data.ReportCopy{data.CopyHouse, data.CopyManager} {
		before[c] = strings.Join(weeklyPDF(t, st, weeklyOpts(c, report.A4), "before.pdf"), "\f")
	}

	// The week after: Monday 30 Nov, before 08:00.
	h, _ := st.House()
	occ, _ := st.Occupancy()
	var bed string
	for _, b := range h.Beds {
		if occ[b.ID] == "" {
			bed = b.ID
		}
	}
	newcomer, err := st.AddResident(data.System, data.Resident{First: "Zofia", Last: "Wiśniewska", BedID: bed,
		MoveIn: data.NewDate(2026, 11, 30), Sobriety: data.NewDate(2026, 8, 30)})
	if err != nil {
		t.Fatal(err)
	}
	rs, _ := st.ActiveResidents()
	var brooks data.Resident
	for _, r := range rs {
		if r.Last == "Brooks" {
			brooks = r
		}
	}
	if _, err := st.LogOutsideMeeting(data.System, data.OutsideMeeting{ResidentID: brooks.ID, Pathway: data.Pathways[0],
		Name: "Monday Morning Big Book", At: time.Date(2026, 11, 30, 7, 0, 0, 0, time.Local)}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.LogOutsideMeeting(data.System, data.OutsideMeeting{ResidentID: newcomer.ID, Pathway: data.Pathways[0],
		Name: "Monday Morning Big Book", At: time.Date(2026, 11, 30, 7, 0, 0, 0, time.Local)}); err != nil {
		t.Fatal(err)
	}
	brooks, _ = st.Resident(brooks.ID)
	brooks.Notes = "Started the evening job"
	if _, err := st.UpdateResident(data.System, brooks); err != nil {
		t.Fatal(err)
	}
	for _, c := range []data.ReportCopy{data.CopyHouse, data.CopyManager} {
		after := strings.Join(weeklyPDF(t, st, weeklyOpts(c, report.A4), "after.pdf"), "\f")
		if after != before[c] {
			t.Errorf("%s of the ended week changed after later work:\n--- before\n%s\n--- after\n%s", c, before[c], after)
		}
		if strings.Contains(after, "Wiśniewska") {
			t.Errorf("%s names a resident who moved in after the week", c)
		}
	}
	// The week after does show the later work.
	next := weeklyOpts(data.CopyHouse, report.A4)
	next.Week = data.NewDate(2026, 11, 30)
	if txt := strings.Join(weeklyPDF(t, st, next, "next.pdf"), " "); !strings.Contains(txt, "Zofia Wiśniewska") {
		t.Error("the next week's report does not name the resident who moved in")
	}
}

// A sobriety date reset or a phase move after the week does not change the
// ended week's report: both are printed as they stood at the week's end.
// A name corrected since is printed as the record has it now, and the
// report says so.
func TestEndedWeekPrintsRecordsAsTheyWere(t *testing.T) {
	st := weeklyDemo(t)
	before := map[data.ReportCopy]string{}
	for _, c := range []data.ReportCopy{data.CopyHouse, data.CopyManager} {
		before[c] = strings.Join(weeklyPDF(t, st, weeklyOpts(c, report.A4), "before.pdf"), "\f")
	}
	rs, _ := st.ActiveResidents()
	today := st.Today()
	for i, r := range rs[:4] {
		r.Sobriety = today.AddDays(-1 - i) // reset after the week
		if _, err := st.UpdateResident(data.System, r); err != nil {
			t.Fatal(err)
		}
	}
	h, _ := st.House()
	for _, r := range rs[4:8] {
		to := h.Phases[len(h.Phases)-1]
		if r.Phase == to {
			to = h.Phases[0]
		}
		if _, err := st.MovePhase(data.System, r.ID, to, "Reviewed at the house meeting", today); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []data.ReportCopy{data.CopyHouse, data.CopyManager} {
		after := strings.Join(weeklyPDF(t, st, weeklyOpts(c, report.A4), "after.pdf"), "\f")
		if after != before[c] {
			t.Errorf("%s changed after later sobriety and phase edits:\n--- before\n%s\n--- after\n%s", c, before[c], after)
		}
	}

	var jamal data.Resident
	for _, r := range rs {
		if r.First == "Jamal" {
			jamal = r
		}
	}
	jamal, _ = st.Resident(jamal.ID)
	jamal.Last = "Washington-Reyes"
	if _, err := st.UpdateResident(data.System, jamal); err != nil {
		t.Fatal(err)
	}
	txt := strings.Join(strings.Fields(strings.Join(weeklyPDF(t, st, weeklyOpts(data.CopyHouse, report.A4), "renamed.pdf"), " ")), " ")
	if !strings.Contains(txt, "Corrected since this week: the name of Jamal Washington-Reyes (on Monday 30 November 2026)") {
		t.Errorf("the report does not say the name was corrected:\n%s", txt)
	}
}
