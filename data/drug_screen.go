package data

// The drug and alcohol test log: manager-only and sensitive. Reading it
// writes an audit entry naming who looked, like a records room's sign-out
// sheet. It never reaches the kiosk, and never paper unless a manager
// includes it for that print. A resident on medication-assisted recovery
// can have prescribed medications recorded, so an expected positive reads
// "as prescribed".
//
// (The file is not called drug_test.go: Go would take that for a test.)
//
// Keys:
//
//	dtest/<residentID>/<YYYYMMDD><ts><rand>   DrugTest, one resident's in date order
//	dtestday/<YYYYMMDD>/<id>                  -> "<residentID>/<id>": by date
//	rx/<residentID>                           []Prescription

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	badger "github.com/dgraph-io/badger/v4"
)

const (
	pfxDrugTest    = "dtest/"
	pfxDrugTestDay = "dtestday/"
	pfxRx          = "rx/"
)

// TestKind is how a sample was taken.
type TestKind string

// Test kinds.
const (
	TestUrine  TestKind = "urine"
	TestSaliva TestKind = "saliva"
	TestBreath TestKind = "breath"
)

// TestKinds lists the kinds in the form's order.
var TestKinds = []TestKind{TestUrine, TestSaliva, TestBreath}

// TestResult is what a test showed.
type TestResult string

// Test results.
const (
	ResultNegative TestResult = "negative"
	ResultPositive TestResult = "positive" // with the substances named
	ResultDilute   TestResult = "dilute"
	ResultRefused  TestResult = "refused"
	ResultNotDone  TestResult = "not done" // with the reason
)

// TestResults lists the results in the form's order.
var TestResults = []TestResult{ResultNegative, ResultPositive, ResultDilute, ResultRefused, ResultNotDone}

// Field names of the test form.
const (
	FieldTestDate       = "Test date"
	FieldTestKind       = "Kind of test"
	FieldObservedBy     = "Observed by"
	FieldTestResult     = "Result"
	FieldSubstances     = "Substances"
	FieldNotDoneReason  = "Reason not done"
	FieldTestNotes      = "Notes"
	FieldMedication     = "Medication"
	FieldTestedResident = "Resident"
)

// DrugTest is one drug or alcohol test. Result and everything after it is
// sensitive.
type DrugTest struct {
	V          int        `json:"v"`
	ID         string     `json:"id"`
	ResidentID string     `json:"resident_id"`
	Date       Date       `json:"date"`
	Kind       TestKind   `json:"kind"`
	ObservedBy string     `json:"observed_by"`
	Result     TestResult `json:"result" sensitive:"true"`
	Substances []string   `json:"substances,omitempty" sensitive:"true"`
	Reason     string     `json:"reason,omitempty" sensitive:"true"` // why not done
	Notes      string     `json:"notes,omitempty" sensitive:"true"`
	By         Actor      `json:"by"`
	At         time.Time  `json:"at"`
}

// Redacted is the test without its result or notes.
func (t DrugTest) Redacted() DrugTest { return Redact(t) }

// Prescription is a prescribed medication and what it shows as on a test.
type Prescription struct {
	Medication string   `json:"medication"`
	Shows      []string `json:"shows"` // substances, e.g. "buprenorphine"
}

// AsPrescribed reports whether a positive result shows only substances the
// resident is prescribed.
func (t DrugTest) AsPrescribed(rx []Prescription) bool {
	if t.Result != ResultPositive || len(t.Substances) == 0 {
		return false
	}
	for _, sub := range t.Substances {
		if !prescribed(rx, sub) {
			return false
		}
	}
	return true
}

func prescribed(rx []Prescription, substance string) bool {
	for _, p := range rx {
		for _, s := range p.Shows {
			if strings.EqualFold(s, substance) {
				return true
			}
		}
	}
	return false
}

// Reading is the result in words for the manager's log: "negative",
// "positive for buprenorphine, as prescribed", "not done: resident at work".
func (t DrugTest) Reading(rx []Prescription) string {
	switch t.Result {
	case ResultPositive:
		s := "positive for " + strings.Join(t.Substances, ", ")
		if t.AsPrescribed(rx) {
			s += ", as prescribed"
		}
		return s
	case ResultNotDone:
		return "not done: " + t.Reason
	}
	return string(t.Result)
}

func (t *DrugTest) tidy() {
	t.ObservedBy, t.Reason, t.Notes = tidyText(t.ObservedBy), tidyText(t.Reason), tidyLong(t.Notes)
	var subs []string
	for _, s := range t.Substances {
		if s = tidyText(s); s != "" && !slices.Contains(subs, s) {
			subs = append(subs, s)
		}
	}
	t.Substances = subs
	if t.Result != ResultPositive {
		t.Substances = nil
	}
	if t.Result != ResultNotDone {
		t.Reason = ""
	}
}

func (t DrugTest) validate(r Resident, today Date) ValidationError {
	var v ValidationError
	checkRecordDate(&v, FieldTestDate, t.Date, r, today)
	if !slices.Contains(TestKinds, t.Kind) {
		v.add(FieldTestKind, "choose urine, saliva or breath")
	}
	if t.ObservedBy == "" {
		v.add(FieldObservedBy, "enter who observed the test")
	}
	switch {
	case !slices.Contains(TestResults, t.Result):
		v.add(FieldTestResult, "choose the result")
	case t.Result == ResultPositive && len(t.Substances) == 0:
		v.add(FieldSubstances, "name what it showed")
	case t.Result == ResultNotDone && t.Reason == "":
		v.add(FieldNotDoneReason, "say why it was not done")
	}
	if utf8.RuneCountInString(t.Notes) > maxIncidentText {
		v.add(FieldTestNotes, fmt.Sprintf("keep it under %d characters", maxIncidentText))
	}
	return v
}

// RecordTest adds a test to the log. Managers only.
func (s *Store) RecordTest(by Actor, t DrugTest) (DrugTest, error) {
	if err := requireStaff(by); err != nil {
		return DrugTest{}, err
	}
	r, err := s.Resident(t.ResidentID)
	if err != nil {
		return DrugTest{}, ValidationError{{FieldTestedResident, "choose the resident"}}
	}
	t.tidy()
	if v := t.validate(r, s.Today()); len(v) > 0 {
		return DrugTest{}, v
	}
	t.V, t.ID, t.By, t.At = schemaVersion, dateKey(t.Date)+timeID(s.now()), by, s.now()
	err = s.write(by, "drugtest.add", r.Short(), func(txn *badger.Txn) error {
		if err := putJSON(txn, pfxDrugTest+t.ResidentID+"/"+t.ID, t); err != nil {
			return err
		}
		return putJSON(txn, pfxDrugTestDay+dateKey(t.Date)+"/"+t.ID, t.ResidentID+"/"+t.ID)
	})
	if err != nil {
		return DrugTest{}, err
	}
	return t, nil
}

// TestLog is a resident's tests with their prescriptions, for the manager.
type TestLog struct {
	Tests         []DrugTest // oldest first
	Prescriptions []Prescription
}

// DrugTests opens a resident's test log. Managers only; each opening is
// written to the audit log (who looked, when).
func (s *Store) DrugTests(by Actor, residentID string) (TestLog, error) {
	if err := requireStaff(by); err != nil {
		return TestLog{}, err
	}
	r, err := s.Resident(residentID)
	if err != nil {
		return TestLog{}, err
	}
	var log TestLog
	err = s.write(by, "drugtest.view", r.Short(), func(txn *badger.Txn) error {
		if err := scanJSON(txn, pfxDrugTest+r.ID+"/", func(t DrugTest) error { log.Tests = append(log.Tests, t); return nil }); err != nil {
			return err
		}
		log.Prescriptions, err = readRx(txn, r.ID)
		return err
	})
	if err != nil {
		return TestLog{}, fmt.Errorf("open test log: %w", err)
	}
	return log, nil
}

// DatedTest is a test with the resident's prescriptions, for a report.
type DatedTest struct {
	Test          DrugTest
	Prescriptions []Prescription
}

// DrugTestsIn opens every test dated within [from, to] (the manager's copy
// of the weekly report, when a manager includes them). Audited like
// DrugTests.
func (s *Store) DrugTestsIn(by Actor, from, to Date) ([]DatedTest, error) {
	if err := requireStaff(by); err != nil {
		return nil, err
	}
	var out []DatedTest
	err := s.write(by, "drugtest.view", "tests "+from.Pretty()+" to "+to.Pretty(), func(txn *badger.Txn) error {
		return scanTestDays(txn, from, to, func(t DrugTest) error {
			rx, err := readRx(txn, t.ResidentID)
			out = append(out, DatedTest{Test: t, Prescriptions: rx})
			return err
		})
	})
	if err != nil {
		return nil, fmt.Errorf("open test log: %w", err)
	}
	return out, nil
}

func scanTestDays(txn *badger.Txn, from, to Date, fn func(DrugTest) error) error {
	lo, hi := dateRange(pfxDrugTestDay, from, to)
	return keyRangeJSON(txn, pfxDrugTestDay, lo, hi, false, func(_ string, ref string) (bool, error) {
		var t DrugTest
		if err := getJSON(txn, pfxDrugTest+ref, &t); err != nil {
			return false, err
		}
		return true, fn(t)
	})
}

// testCount counts the tests dated within [from, to] without reading
// their results (the house copy shows only how many).
func testCount(txn *badger.Txn, from, to Date) (int, error) {
	n := 0
	lo, hi := dateRange(pfxDrugTestDay, from, to)
	err := keyRangeJSON(txn, pfxDrugTestDay, lo, hi, false, func(string, string) (bool, error) { n++; return true, nil })
	return n, err
}

func readRx(txn *badger.Txn, residentID string) ([]Prescription, error) {
	var rx []Prescription
	if err := getJSON(txn, pfxRx+residentID, &rx); err != nil && !errors.Is(err, ErrNotFound) {
		return nil, err
	}
	return rx, nil
}

// SetPrescriptions records a resident's prescribed medications (replacing
// the list). Managers only.
func (s *Store) SetPrescriptions(by Actor, residentID string, rx []Prescription) error {
	if err := requireStaff(by); err != nil {
		return err
	}
	r, err := s.Resident(residentID)
	if err != nil {
		return err
	}
	var clean []Prescription
	for _, p := range rx {
		p.Medication = tidyText(p.Medication)
		var shows []string
		for _, x := range p.Shows {
			if x = tidyText(x); x != "" {
				shows = append(shows, x)
			}
		}
		p.Shows = shows
		if p.Medication == "" && len(p.Shows) == 0 {
			continue
		}
		if p.Medication == "" || len(p.Shows) == 0 {
			return ValidationError{{FieldMedication, "name the medication and what it shows as on a test"}}
		}
		clean = append(clean, p)
	}
	return s.write(by, "drugtest.prescriptions", r.Short(), func(txn *badger.Txn) error {
		return putJSON(txn, pfxRx+r.ID, clean)
	})
}
