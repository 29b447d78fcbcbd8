package app

import (
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"porchlight/data"
)

// Words and numbers as the screens show them, shared by every section.

// whenText is a time as a person says it: the time today, "tomorrow 08:00",
// or the day and time further off.
func whenText(t, now time.Time) string {
	d, today := data.DateOf(t), data.DateOf(now)
	switch d.DaysSince(today) {
	case 0:
		return t.Format("15:04")
	case 1:
		return "tomorrow " + t.Format("15:04")
	case -1:
		return "yesterday " + t.Format("15:04")
	}
	return t.Format("Mon 2 Jan 15:04")
}

// destText is a destination with its details: "Work (Harbor Diner)".
func destText(d data.Destination, where string) string {
	if where == "" {
		return destLabel(d)
	}
	if d == data.DestOther {
		return where
	}
	return destLabel(d) + " (" + where + ")"
}

// dateTimeText is the form's "YYYY-MM-DD HH:MM", or "" for zero.
func dateTimeText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02 15:04")
}

// parseDateTimeField reads "YYYY-MM-DD HH:MM" in the house's zone,
// reporting a mistake into v under field. Empty is zero unless required.
func parseDateTimeField(v *data.ValidationError, field, text string, required bool, loc *time.Location) time.Time {
	text = strings.TrimSpace(text)
	if text == "" {
		if required {
			*v = append(*v, data.FieldError{Field: field, Msg: "enter the date and time, e.g. 2025-03-14 21:30"})
		}
		return time.Time{}
	}
	dayText, clockText, ok := strings.Cut(text, " ")
	if !ok {
		*v = append(*v, data.FieldError{Field: field, Msg: "enter the date and the time, e.g. 2025-03-14 21:30"})
		return time.Time{}
	}
	d, err := data.ParseDate(dayText)
	if err != nil {
		*v = append(*v, data.FieldError{Field: field, Msg: err.Error()})
		return time.Time{}
	}
	c, err := data.ParseClock(strings.TrimSpace(clockText))
	if err != nil {
		*v = append(*v, data.FieldError{Field: field, Msg: err.Error()})
		return time.Time{}
	}
	return d.At(c.Hour, c.Min, loc)
}

// parseDateField parses an optional date entry, reporting into v.
func parseDateField(v *data.ValidationError, field, text string, required bool) data.Date {
	if text == "" && !required {
		return data.Date{}
	}
	d, err := data.ParseDate(text)
	if err != nil {
		*v = append(*v, data.FieldError{Field: field, Msg: err.Error()})
	}
	return d
}

func splitComma(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// sentence starts a message with a capital letter.
func sentence(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// matches reports whether every word of a search is somewhere in the
// texts, ignoring case and accents both ways: "lukasz" finds Łukasz,
// "nunez" Núñez, and "Núñez" finds "Nunez" typed without accents.
func matches(query string, texts ...string) bool {
	words := strings.Fields(data.Fold(query))
	if len(words) == 0 {
		return true
	}
	hay := data.Fold(strings.Join(texts, " "))
	for _, w := range words {
		if !strings.Contains(hay, w) {
			return false
		}
	}
	return true
}

// auditWords are the audit log's change codes as a manager reads them.
var auditWords = map[string]string{
	"house.setup": "House set up", "house.update": "House settings changed",
	"manager.add": "Manager added", "manager.remove": "Manager removed", "manager.passcode": "Passcode changed",
	"keyring.recovery": "New recovery key issued", "store.migrate": "Records updated to a new version",
	"resident.add": "Resident added", "resident.update": "Resident's record changed", "resident.move-out": "Moved out",
	"resident.readmit": "Readmitted", "resident.import": "Residents imported from a spreadsheet",
	"resident.phase": "Phase changed", "resident.criterion": "Phase criterion ticked",
	"kiosk.sign-out": "Signed out at the kiosk", "kiosk.sign-in": "Signed in at the kiosk",
	"kiosk.pin-ok": "Kiosk PIN accepted", "kiosk.pin-failed": "Wrong kiosk PIN", "kiosk.pin-locked": "Kiosk PIN pad locked",
	"kiosk.pin-unlock": "Kiosk PIN pad unlocked", "kiosk.pin-set": "Kiosk PIN set", "kiosk.pin-change": "Kiosk PIN changed",
	"signlog.add-missed": "Missed sign-out added", "signlog.correct": "Sign-out corrected",
	"pass.add": "Overnight pass added", "pass.cancel": "Overnight pass cancelled",
	"chore.add": "Chore added", "chore.update": "Chore changed", "chore.delete": "Chore deleted",
	"chores.settings": "Rotation settings changed", "roster.generate": "Chore roster made",
	"roster.hand-on": "Chores handed on", "roster.swap": "Chores swapped", "roster.reassign": "Chore reassigned",
	"roster.lock": "Chore locked", "roster.unlock": "Chore unlocked", "roster.excuse": "Chore excused",
	"roster.verify": "Chore verified", "roster.missed": "Chore marked missed", "roster.reopen": "Chore reopened",
	"roster.done":   "Chore ticked done",
	"meeting.start": "Meeting started", "meeting.begin": "Meeting begun", "meeting.update": "Meeting changed",
	"meeting.minutes-taken": "Minutes taken", "meeting.minutes-accepted": "Minutes accepted",
	"meeting.amend-accepted": "Accepted minutes amended",
	"officer.add":            "Officer elected", "officer.update": "Officer changed", "officer.remove": "Officer's term ended",
	"mentor.assign": "Mentor assigned", "mentor.change": "Mentor changed", "mentor.end": "Mentor pairing ended",
	"mentor.check-in": "Mentor check-in logged", "mentor.check-in.remove": "Mentor check-in removed",
	"mentor.rules":      "Mentor criteria changed",
	"partners.generate": "Accountability partners made", "partners.set": "Accountability partners set",
	"partners.lock": "Partner group locked", "partners.check-in": "Partner check-in",
	"partners.settings": "Partner settings changed",
	"phase.add":         "Phase added", "phase.update": "Phase changed", "phase.delete": "Phase deleted",
	"phase.reorder": "Phases reordered",
	"incident.add":  "Incident recorded", "incident.update": "Incident updated",
	"drugtest.add": "Test recorded", "drugtest.view": "Test log opened", "drugtest.prescriptions": "Prescriptions recorded",
}

// auditText is an audit code in words: a known one from the list, any
// other made readable ("backup.verify" → "Backup verify").
func auditText(action string) string {
	if w, ok := auditWords[action]; ok {
		return w
	}
	return sentence(strings.NewReplacer(".", " ", "-", " ").Replace(action))
}

// countNoun is "1 chore", "3 chores".
func countNoun(n int, one string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %ss", n, one)
}
