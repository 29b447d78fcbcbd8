package data

import (
	"strings"
	"testing"
	"time"
)

// TestDemoAccountability checks the demo house shows every part of
// accountability, and the weekly report's section keeps sensitive details
// off unless asked.
func TestDemoAccountability(t *testing.T) {
	st := demoAt(t, time.Date(2025, 6, 12, 15, 0, 0, 0, time.Local))
	rs, _ := st.ActiveResidents()
	ready := 0
	for _, r := range rs {
		a, err := st.Advancement(r.ID, st.Today(), nil)
		if err != nil {
			t.Fatal(err)
		}
		if a.Ready() {
			ready++
		}
	}
	if ready == 0 {
		t.Error("no demo resident is ready to move up")
	}
	house, err := st.AccountabilityWeek(System, st.Today(), AccountabilityOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if house.Residents != len(rs) || house.PartnerGroups == 0 || house.Rows != nil || house.Incidents != nil {
		t.Errorf("house copy = %+v", house)
	}
	if _, err := st.SaveIncident(System, Incident{ResidentID: rs[0].ID, Date: st.Today(), Kind: IncidentConflict, What: "Raised voices in the kitchen"}); err != nil {
		t.Fatal(err)
	}
	mgr, err := st.AccountabilityWeek(System, st.Today(), AccountabilityOptions{ManagerCopy: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(mgr.Rows) != len(rs) || mgr.OpenAgreements != 1 || len(mgr.FollowUps) != 2 || len(mgr.Incidents) == 0 || mgr.TestsDone == 0 || mgr.Tests != nil {
		t.Errorf("manager copy: rows %d agreements %d follow-ups %d tests %d/%d", len(mgr.Rows), mgr.OpenAgreements, len(mgr.FollowUps), mgr.TestsDone, len(mgr.Tests))
	}
	for _, i := range mgr.Incidents {
		if i.What != "" || i.Agreement != "" {
			t.Errorf("incident details in the default manager copy: %+v", i)
		}
	}
	if n := strings.Count(auditActions(t, st), "drugtest.view"); n != 0 {
		t.Errorf("default copy opened the test log %d times", n)
	}
	full, err := st.AccountabilityWeek(System, st.Today(), AccountabilityOptions{ManagerCopy: true, IncludeSensitive: true})
	if err != nil {
		t.Fatal(err)
	}
	if full.Incidents[len(full.Incidents)-1].What != "Raised voices in the kitchen" {
		t.Error("the sensitive copy left the incident's details off")
	}
	if len(full.Tests) != full.TestsDone || len(full.Tests) == 0 {
		t.Errorf("sensitive copy tests = %d of %d", len(full.Tests), full.TestsDone)
	}
	if n := strings.Count(auditActions(t, st), "drugtest.view"); n != 1 {
		t.Errorf("sensitive copy wrote %d view entries, want 1", n)
	}
	if _, err := st.AccountabilityWeek(KioskActor(rs[0]), st.Today(), AccountabilityOptions{ManagerCopy: true}); err == nil {
		t.Error("a resident got the manager copy")
	}
}
