package data

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"porchlight/data/cal"
)

// Reading the values of an imported spreadsheet: dates in the formats
// spreadsheets write, beds by label with any dash or spacing, phases given
// as "2" or "phase 2", pathways by name, and an emergency contact in one
// cell.

// DateOrder says how to read a date such as 03/04/2026, which is 3 April
// in most of the world and March 4 in the United States.
type DateOrder int

// Date orders.
const (
	// DateOrderUnknown refuses an ambiguous date rather than guess.
	DateOrderUnknown DateOrder = iota
	DayFirst                   // 03/04/2026 is 3 April 2026
	MonthFirst                 // 03/04/2026 is March 4, 2026
)

var (
	reISODate   = regexp.MustCompile(`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$`)
	reYearLast  = regexp.MustCompile(`^(\d{1,2})([-/.])(\d{1,2})[-/.](\d{4}|\d{2})$`)
	reOrdinal   = regexp.MustCompile(`(\d)(st|nd|rd|th)\b`)
	reTimeAfter = regexp.MustCompile(`^(\S+)[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(\s*[AaPp]\.?[Mm]\.?)?$`)
)

var textDateLayouts = []string{
	"2 Jan 2006", "2 January 2006", "Jan 2 2006", "January 2 2006",
	"2-Jan-2006", "2-Jan-06", "Mon 2 Jan 2006", "Monday 2 January 2006",
	"Mon Jan 2 2006", "Monday January 2 2006",
}

// ParseImportDate reads a date as spreadsheets write it: 2026-03-15,
// 2026/3/15, 15/03/2026, 03/15/2026, 15.03.2026, 15 Mar 2026, March 15,
// 2026, with or without a time of day after it. A date whose day and month
// could be swapped is read by order, and refused when order is
// DateOrderUnknown. A day that does not exist (29 February 2026) is refused.
func ParseImportDate(s string, order DateOrder) (Date, error) {
	s = strings.TrimSpace(s)
	if m := reTimeAfter.FindStringSubmatch(s); m != nil {
		s = m[1]
	}
	if m := reISODate.FindStringSubmatch(s); m != nil {
		return checkedDate(s, atoi(m[1]), atoi(m[2]), atoi(m[3]))
	}
	if m := reYearLast.FindStringSubmatch(s); m != nil {
		return yearLastDate(s, atoi(m[1]), atoi(m[3]), m[2], m[4], order)
	}
	t := strings.Join(strings.Fields(strings.ReplaceAll(reOrdinal.ReplaceAllString(s, "$1"), ",", " ")), " ")
	for _, layout := range textDateLayouts {
		if v, err := time.Parse(layout, t); err == nil {
			return DateOf(v), nil
		}
	}
	return Date{}, fmt.Errorf("%q is not a date; use YYYY-MM-DD, e.g. 2026-03-15", s)
}

func yearLastDate(s string, a, b int, sep, year string, order DateOrder) (Date, error) {
	y := atoi(year)
	if len(year) == 2 {
		y += 2000
		if y > time.Now().Year()+1 {
			y -= 100
		}
	}
	dayFirst := order == DayFirst || (order == DateOrderUnknown && sep == ".") // 15.03.2026 is European
	switch {
	case a > 12 && b <= 12:
		dayFirst = true
	case b > 12 && a <= 12:
		dayFirst = false
	case a != b && order == DateOrderUnknown && sep != ".":
		return Date{}, fmt.Errorf("%s could be %s or %s; say which order the file uses (day first or month first)",
			s, describeDate(y, b, a), describeDate(y, a, b))
	}
	if dayFirst {
		return checkedDate(s, y, b, a)
	}
	return checkedDate(s, y, a, b)
}

func describeDate(y, m, d int) string {
	if m < 1 || m > 12 {
		return fmt.Sprintf("%d/%d/%d", d, m, y)
	}
	return fmt.Sprintf("%d %s %d", d, time.Month(m), y)
}

// checkedDate builds a date, refusing one that does not exist.
func checkedDate(s string, y, m, d int) (Date, error) {
	switch {
	case y < 1900 || y > 2200:
		return Date{}, fmt.Errorf("%s: the year %d is out of range", s, y)
	case m < 1 || m > 12:
		return Date{}, fmt.Errorf("%s does not exist: there is no month %d", s, m)
	case d < 1 || d > cal.DaysIn(y, time.Month(m)):
		return Date{}, fmt.Errorf("%s does not exist: %s %d has %d days", s, time.Month(m), y, cal.DaysIn(y, time.Month(m)))
	}
	return Date{Year: y, Month: time.Month(m), Day: d}, nil
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// matchBed finds a house bed by its label, ignoring case, accents, dashes
// and spacing: "Room 1 - Bed A", "room 1 – bed a" and "Room 1 A" all name
// Room 1 – Bed A.
func matchBed(h House, label string) (Bed, error) {
	want := bedKeys(label)
	var found []Bed
	for _, b := range h.Beds {
		if overlaps(want, bedKeys(b.Label())) {
			found = append(found, b)
		}
	}
	switch len(found) {
	case 1:
		return found[0], nil
	case 0:
		return Bed{}, fmt.Errorf("the house has no bed called %q", label)
	default:
		return Bed{}, fmt.Errorf("%q could be %s or %s; write the bed's full label", label, found[0].Label(), found[1].Label())
	}
}

// bedKeys are the folded forms a bed label may be written in.
func bedKeys(label string) []string {
	k := foldKey(label)
	short := strings.Join(slicesDelete(strings.Fields(k), "bed"), " ")
	return []string{k, short}
}

func slicesDelete(xs []string, drop string) []string {
	out := xs[:0:0]
	for _, x := range xs {
		if x != drop {
			out = append(out, x)
		}
	}
	return out
}

func overlaps(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x != "" && x == y {
				return true
			}
		}
	}
	return false
}

// matchPhase finds the house's phase for "Phase 2", "phase 2" or "2".
func matchPhase(h House, s string) (string, error) {
	k := foldKey(s)
	for _, p := range h.Phases {
		if foldKey(p) == k {
			return p, nil
		}
	}
	digits := onlyDigits(s)
	var found []string
	for _, p := range h.Phases {
		if digits != "" && onlyDigits(p) == digits {
			found = append(found, p)
		}
	}
	if len(found) == 1 {
		return found[0], nil
	}
	return "", fmt.Errorf("%q is not one of the house's phases (%s)", s, strings.Join(h.Phases, ", "))
}

func onlyDigits(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// pathwaySynonyms are names spreadsheets use for the pathways, folded.
var pathwaySynonyms = map[string]string{
	"alcoholics anonymous": "AA", "narcotics anonymous": "NA", "cocaine anonymous": "CA",
	"smart": "SMART Recovery", "dharma": "Recovery Dharma", "refuge": "Refuge Recovery",
	"celebrate": "Celebrate Recovery", "mat": "Medication-assisted recovery", "moud": "Medication-assisted recovery",
	"medication assisted treatment": "Medication-assisted recovery",
}

// matchPathways reads pathways separated by ; or , in any case.
func matchPathways(s string) ([]string, error) {
	var out []string
	for _, part := range splitAny(s, ";,") {
		p, ok := pathwayNamed(part)
		if !ok {
			return nil, fmt.Errorf("%q is not a pathway Porchlight knows (%s)", part, strings.Join(Pathways, ", "))
		}
		if !contains(out, p) {
			out = append(out, p)
		}
	}
	return out, nil
}

func pathwayNamed(s string) (string, bool) {
	k := foldKey(s)
	for _, p := range Pathways {
		if foldKey(p) == k {
			return p, true
		}
	}
	p, ok := pathwaySynonyms[k]
	return p, ok
}

// splitAny splits s at any of the separator characters, dropping blanks.
func splitAny(s, seps string) []string {
	var out []string
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(seps, r) }) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

var (
	reContactParen = regexp.MustCompile(`^(.*?)\s*\(([^)]*)\)\s*(.*)$`)
	reTrailPhone   = regexp.MustCompile(`^(.*?)[\s,;:-]+(\+?[\d][\d\s().-]{5,})$`)
)

// SplitContact reads an emergency contact written in one cell,
// "Name (relation) phone", "Name, phone" or "Name phone", and keeps it
// whole as the name when it cannot be split.
func SplitContact(s string) Contact {
	s = strings.TrimSpace(s)
	if m := reContactParen.FindStringSubmatch(s); m != nil && m[1] != "" {
		return Contact{Name: strings.TrimSpace(m[1]), Relation: strings.TrimSpace(m[2]), Phone: strings.Trim(m[3], " ,;")}
	}
	if m := reTrailPhone.FindStringSubmatch(s); m != nil && strings.TrimSpace(m[1]) != "" {
		return Contact{Name: strings.TrimSpace(m[1]), Phone: strings.TrimSpace(m[2])}
	}
	return Contact{Name: s}
}

// FormatContact writes a contact in the form SplitContact reads.
func FormatContact(c Contact) string {
	s := c.Name
	if c.Relation != "" {
		s += " (" + c.Relation + ")"
	}
	if c.Phone != "" {
		s += " " + c.Phone
	}
	return strings.TrimSpace(s)
}
