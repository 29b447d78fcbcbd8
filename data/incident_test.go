package data

import (
	"errors"
	"strings"
	"testing"
)

func TestIncidentsAndFollowUps(t *testing.T) {
	st := emptyHouseAt(t, acctNow, "Room 1: A, B")
	r := addResidentAt(t, st, "Jamal", "Washington", "Phase 1", 20, 40)
	today := st.Today()
	var v ValidationError
	_, err := st.SaveIncident(System, Incident{ResidentID: r.ID, Date: today.AddDays(-21), Kind: "yelling"})
	if !errors.As(err, &v) || v.For(FieldIncidentDate) == "" || v.For(FieldIncidentKind) == "" || v.For(FieldIncidentWhat) == "" {
		t.Fatalf("bad incident: %v", err)
	}
	if !strings.Contains(v.For(FieldIncidentDate), "before Jamal W. moved in") {
		t.Errorf("date message = %q", v.For(FieldIncidentDate))
	}
	if _, err := st.SaveIncident(KioskActor(r), Incident{}); !errors.Is(err, ErrManagerOnly) {
		t.Errorf("resident recorded an incident: %v", err)
	}
	i, err := st.SaveIncident(System, Incident{ResidentID: r.ID, Date: today.AddDays(-3), Kind: IncidentCurfew,
		What: "Came in at 01:10 without calling", Agreement: "Call the house if running late", FollowUp: today.AddDays(-1)})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.SaveIncident(System, Incident{ResidentID: r.ID, Date: today, Kind: IncidentConflict, What: "Words over the kitchen"}); err != nil {
		t.Fatal(err)
	}
	fu, err := st.OpenFollowUps(today)
	if err != nil || len(fu) != 2 {
		t.Fatalf("follow-ups = %+v (%v)", fu, err)
	}
	if fu[0].IncidentID != i.ID || !fu[0].Overdue || fu[0].Name != "Jamal W." || !fu[1].Due.IsZero() {
		t.Errorf("follow-ups out of order or wrong: %+v", fu)
	}
	if _, err := st.ResolveIncident(System, i.ID, today, "Calls now"); err != nil {
		t.Fatal(err)
	}
	if fu, _ := st.OpenFollowUps(today); len(fu) != 1 {
		t.Errorf("resolved incident still open: %+v", fu)
	}
	got, _ := st.Incident(System, i.ID)
	if red := got.Redacted(); red.What != "" || red.Agreement != "" || red.ResolvedNote != "" || red.Kind != IncidentCurfew || red.Date != got.Date {
		t.Errorf("redacted = %+v", red)
	}
	if f := SensitiveFields[Incident](); strings.Join(f, ",") != "What,Agreement,ResolvedNote" {
		t.Errorf("sensitive fields = %v", f)
	}
	week, _ := st.IncidentsIn(System, NewDate(2025, 6, 9), NewDate(2025, 6, 15))
	if len(week) != 2 {
		t.Errorf("incidents this week = %d, want 2", len(week))
	}
}

func TestDrugTestLog(t *testing.T) {
	st := emptyHouseAt(t, acctNow, "Room 1: A, B")
	r := addResidentAt(t, st, "Siobhán", "O'Brien", "Phase 1", 20, 40)
	today := st.Today()
	var v ValidationError
	_, err := st.RecordTest(System, DrugTest{ResidentID: r.ID, Date: today.AddDays(-30), Kind: TestUrine, Result: ResultPositive})
	if !errors.As(err, &v) || v.For(FieldTestDate) == "" || v.For(FieldObservedBy) == "" || v.For(FieldSubstances) == "" {
		t.Fatalf("bad test: %v", err)
	}
	if _, err := st.RecordTest(System, DrugTest{ResidentID: r.ID, Date: today, Kind: TestSaliva, ObservedBy: "Sam", Result: ResultNotDone}); !errors.As(err, &v) || v.For(FieldNotDoneReason) == "" {
		t.Errorf("not done without a reason: %v", err)
	}
	if err := st.SetPrescriptions(System, r.ID, []Prescription{{Medication: "Suboxone", Shows: []string{"buprenorphine"}}}); err != nil {
		t.Fatal(err)
	}
	for _, dt := range []DrugTest{
		{ResidentID: r.ID, Date: today.AddDays(-7), Kind: TestUrine, ObservedBy: "Sam", Result: ResultPositive, Substances: []string{"Buprenorphine"}},
		{ResidentID: r.ID, Date: today.AddDays(-2), Kind: TestBreath, ObservedBy: "Sam", Result: ResultNegative},
		{ResidentID: r.ID, Date: today, Kind: TestUrine, ObservedBy: "Dana", Result: ResultPositive, Substances: []string{"buprenorphine", "fentanyl"}},
	} {
		if _, err := st.RecordTest(System, dt); err != nil {
			t.Fatal(err)
		}
	}
	before := strings.Count(auditActions(t, st), "drugtest.view")
	if _, err := st.DrugTests(KioskActor(r), r.ID); !errors.Is(err, ErrManagerOnly) {
		t.Errorf("a resident opened the test log: %v", err)
	}
	log, err := st.DrugTests(System, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	if after := strings.Count(auditActions(t, st), "drugtest.view"); after != before+1 {
		t.Errorf("viewing the log wrote %d audit entries, want 1", after-before)
	}
	var readings []string
	for _, x := range log.Tests {
		readings = append(readings, x.Reading(log.Prescriptions))
	}
	want := "positive for Buprenorphine, as prescribed|negative|positive for buprenorphine, fentanyl"
	if strings.Join(readings, "|") != want {
		t.Errorf("readings = %q, want %q", strings.Join(readings, "|"), want)
	}
	if red := log.Tests[0].Redacted(); red.Result != "" || red.Substances != nil || red.Kind != TestUrine {
		t.Errorf("redacted test = %+v", red)
	}
	es, _ := st.Audit(acctNow.AddDate(1, 0, 0), 200)
	for _, e := range es {
		if strings.Contains(strings.ToLower(e.Subject), "fentanyl") || strings.Contains(strings.ToLower(e.Subject), "positive") {
			t.Errorf("audit entry carries a result: %+v", e)
		}
	}
}
