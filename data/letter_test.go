package data

import (
	"errors"
	"testing"
	"time"
)

// The progress letter needs the resident's consent, prints days sober only
// when they agree to it, and counts the house meetings and outside
// meetings of their stay from the meeting records themselves.
func TestProgressLetter(t *testing.T) {
	st := weeklyDemo(t)
	rs, _ := st.ActiveResidents()
	var r Resident
	for _, x := range rs {
		if x.Last == "Brooks" {
			r = x
		}
	}
	_, err := st.ProgressLetter(LetterQuery{ResidentID: r.ID})
	var v ValidationError
	if !errors.As(err, &v) || v[0].Field != FieldLetterConsent {
		t.Fatalf("a letter without consent: %v", err)
	}
	l, err := st.ProgressLetter(LetterQuery{ResidentID: r.ID, Consent: true, Recipient: "  County   Probation "})
	if err != nil {
		t.Fatal(err)
	}
	if l.IncludeSober || l.DaysSober != 0 || !l.SoberSince.IsZero() {
		t.Errorf("days sober without the resident's agreement: %+v", l)
	}
	if l.Resident != r.First+" "+r.Last || l.Stay.MoveIn != r.MoveIn || !l.Residing() || l.Phase != r.Phase ||
		l.Recipient != "County Probation" || l.Date != NewDate(2026, 11, 30) {
		t.Errorf("letter: %+v", l)
	}
	held, came := 0, 0
	ms, _ := st.Meetings(r.MoveIn, l.Date)
	for _, m := range ms {
		for _, a := range m.Roll {
			if m.Kind == MeetingHouse && a.ResidentID == r.ID && a.Status != AttendUnmarked {
				held++
				if a.Status.There() {
					came++
				}
			}
		}
	}
	if held == 0 || l.HouseMeetings != held || l.HouseMeetingsAttended != came {
		t.Errorf("house meetings %d/%d, want %d/%d", l.HouseMeetingsAttended, l.HouseMeetings, came, held)
	}
	outside := 0
	for d := r.MoveIn.WeekStart(time.Monday); !d.After(l.Date); d = d.AddDays(7) {
		w, _ := st.MeetingsInWeek(r.ID, d)
		for _, m := range w.Meetings {
			if !DateOf(m.At).Before(r.MoveIn) {
				outside++
			}
		}
	}
	if outside == 0 || l.OutsideMeetings != outside {
		t.Errorf("outside meetings %d, want %d", l.OutsideMeetings, outside)
	}
	l, _ = st.ProgressLetter(LetterQuery{ResidentID: r.ID, Consent: true, IncludeSober: true})
	if !l.IncludeSober || l.DaysSober != DaysSober(r.Sobriety, l.Date) || l.DaysSober == 0 {
		t.Errorf("days sober with agreement: %+v", l)
	}
}

// A resident who has moved on gets a letter for their last stay, without a
// current phase.
func TestProgressLetterAfterMoveOut(t *testing.T) {
	st := weeklyDemo(t)
	all, _ := st.Residents()
	var gone Resident
	for _, x := range all {
		if x.Last == "Ferreira" {
			gone = x
		}
	}
	l, err := st.ProgressLetter(LetterQuery{ResidentID: gone.ID, Consent: true})
	if err != nil {
		t.Fatal(err)
	}
	if l.Residing() || l.Stay.MoveIn != NewDate(2026, 10, 1) || l.Stay.MoveOut != NewDate(2026, 11, 26) || l.Phase != "" {
		t.Errorf("moved-on letter: %+v", l)
	}
}
