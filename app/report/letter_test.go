package report_test

import (
	"bytes"
	"errors"
	"strconv"
	"strings"
	"testing"

	"porchlight/app/report"
	"porchlight/data"
)

// The progress letter is one page naming the resident, their dates of
// residence, house and outside meetings and phase, signed by the manager;
// days sober only when the resident agreed; nothing else of the record.
func TestProgressLetterSaysOnlyWhatWasAgreed(t *testing.T) {
	st := weeklyDemo(t)
	var r data.Resident
	rs, _ := st.ActiveResidents()
	for _, x := range rs {
		if x.Last == "Brooks" {
			r = x
		}
	}
	opts := report.LetterOptions{Paper: report.A4, Manager: data.DemoManager, Printed: weeklyNow}
	var buf bytes.Buffer
	err := report.ProgressLetter(&buf, st, data.LetterQuery{ResidentID: r.ID}, opts)
	var v data.ValidationError
	if !errors.As(err, &v) || buf.Len() != 0 {
		t.Fatalf("a letter without consent: %v (%d bytes)", err, buf.Len())
	}
	l, _ := st.ProgressLetter(data.LetterQuery{ResidentID: r.ID, Consent: true})
	text := letterText(t, st, data.LetterQuery{ResidentID: r.ID, Consent: true, Recipient: "Officer Dana Kim, County Probation"}, opts, "letter.pdf")
	for _, want := range []string{"Letter of residence", "Maple Street House", "To Officer Dana Kim, County Probation",
		"About " + r.First + " " + r.Last, "since " + strconv.Itoa(r.MoveIn.Day), "Current phase " + r.Phase,
		"Attended " + strconv.Itoa(l.HouseMeetingsAttended) + " of " + strconv.Itoa(l.HouseMeetings) + " house meeting",
		strconv.Itoa(l.OutsideMeetings) + " recovery meetings outside the house", data.DemoManager + ", house manager",
		"Signature and date", "Page 1 of 1", "42 CFR Part 2"} {
		if !strings.Contains(text, want) {
			t.Errorf("the letter lacks %q:\n%s", want, text)
		}
	}
	for _, never := range []string{"Days sober", "sober,", r.Phone, "evening job", "drug", "test", "incident"} {
		if never != "" && strings.Contains(strings.ToLower(text), strings.ToLower(never)) {
			t.Errorf("the letter says %q without the resident's agreement:\n%s", never, text)
		}
	}
	text = letterText(t, st, data.LetterQuery{ResidentID: r.ID, Consent: true, IncludeSober: true}, opts, "letter-sober.pdf")
	if want := "Days sober " + strconv.Itoa(data.DaysSober(r.Sobriety, l.Date)) + " days"; !strings.Contains(text, want) ||
		!strings.Contains(text, "To whom it may concern") {
		t.Errorf("the letter with days sober lacks %q:\n%s", want, text)
	}
	letterText(t, st, data.LetterQuery{ResidentID: r.ID, Consent: true, IncludeSober: true}, report.LetterOptions{Paper: report.Letter,
		Manager: data.DemoManager, Printed: weeklyNow}, "letter-us.pdf")
}

// A resident who has moved on gets a letter for the stay that ended.
func TestProgressLetterForAResidentWhoMovedOn(t *testing.T) {
	st := weeklyDemo(t)
	all, _ := st.Residents()
	for _, x := range all {
		if x.Last != "Ferreira" {
			continue
		}
		text := letterText(t, st, data.LetterQuery{ResidentID: x.ID, Consent: true},
			report.LetterOptions{Paper: report.A4, Manager: data.DemoManager, Printed: weeklyNow}, "letter-moved.pdf")
		for _, want := range []string{"lived at Maple Street House", "from 1 October 2026 to 26 November 2026", "(56 days)"} {
			if !strings.Contains(text, want) {
				t.Errorf("the moved-on letter lacks %q:\n%s", want, text)
			}
		}
		if strings.Contains(text, "Returned to use") || strings.Contains(text, "Current phase") {
			t.Errorf("the moved-on letter says too much:\n%s", text)
		}
	}
}

// letterText prints a letter and returns its text, words single-spaced.
func letterText(t *testing.T, st *data.Store, q data.LetterQuery, opts report.LetterOptions, name string) string {
	t.Helper()
	var buf bytes.Buffer
	if err := report.ProgressLetter(&buf, st, q, opts); err != nil {
		t.Fatal(err)
	}
	pages := weeklyText(t, buf.Bytes(), name)
	if len(pages) != 1 {
		t.Errorf("%s has %d pages", name, len(pages))
	}
	return strings.Join(strings.Fields(strings.Join(pages, " ")), " ")
}
