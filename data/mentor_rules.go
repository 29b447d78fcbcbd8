package data

// The house's written criteria for who may be a house mentor (a resident
// further along who is paired with a newer one; distinct from an outside
// 12-step sponsor), and how often a pairing is expected to check in.
// NARR 3.0 asks for such criteria in writing; the Mentor criteria sheet
// (app/report) prints them.
//
// Keys:
//
//	mentor/rules   the house's MentorRules (absent: DefaultMentorRules)

import (
	"errors"
	"fmt"
	"math"
	"strings"

	badger "github.com/dgraph-io/badger/v4"
)

const keyMentorRules = "mentor/rules"

// Field names of the mentor rules form.
const (
	FieldMinDaysSober    = "Days sober, at least"
	FieldMinPhase        = "Phase, at least"
	FieldMinWeeks        = "Weeks in the house, at least"
	FieldCapacity        = "Most mentees at once"
	FieldCheckinsPerWeek = "Check-ins a week"
	FieldMentorWithin    = "Mentor within (days of move-in)"
	FieldMenteePhases    = "Phases that have a mentor"
	FieldRulesNote       = "Other expectations"
)

// Limits of the rules.
const (
	DefaultMentorCapacity = 2
	maxMentorCapacity     = 10
	maxCheckinsPerWeek    = 14
	maxRulesNote          = 1000
)

// MentorRules are the house's criteria for mentors and its expectations
// of a pairing. A rule not met is a warning when assigning, never a block;
// only Capacity is a hard limit.
type MentorRules struct {
	V int `json:"v"`
	// MinDaysSober: a mentor has at least this many days sober (0: no rule).
	MinDaysSober int `json:"min_days_sober"`
	// MinPhase: a mentor is in this phase of the house or a later one
	// ("": no rule).
	MinPhase string `json:"min_phase,omitempty"`
	// MinWeeksInHouse: a mentor has lived in the house at least this long.
	MinWeeksInHouse int `json:"min_weeks_in_house"`
	// RequireWilling: a mentor has opted in on their record
	// (Resident.MentorWilling).
	RequireWilling bool `json:"require_willing"`
	// Capacity is the most mentees one mentor has at once.
	Capacity int `json:"capacity"`
	// CheckinsPerWeek is the expected check-ins a week, by the mentee's
	// phase. A phase not listed expects DefaultCheckins.
	CheckinsPerWeek map[string]int `json:"checkins_per_week"`
	DefaultCheckins int            `json:"default_checkins"`
	// MentorWithinDays: a new resident should have a mentor within this
	// many days of moving in; after it, "No mentor yet" is flagged.
	MentorWithinDays int `json:"mentor_within_days"`
	// MenteePhases are the phases whose residents have a mentor; empty
	// means every phase.
	MenteePhases []string `json:"mentee_phases,omitempty"`
	// PreferSameGender ranks mentors of the resident's gender first, when
	// both records give one (for mixed houses).
	PreferSameGender bool `json:"prefer_same_gender,omitempty"`
	// Note holds any further written expectations, printed on the sheet.
	Note string `json:"note,omitempty"`
}

// DefaultMentorRules are a starting point for a house with the given
// phases: 90 days sober, the second phase or later, four weeks in the
// house, willing, two mentees at most; check-ins three a week in the first
// phase, two in the second, one after; a mentor within 14 days; residents
// of every phase but the last have a mentor.
func DefaultMentorRules(h House) MentorRules {
	r := MentorRules{
		MinDaysSober: 90, MinWeeksInHouse: 4, RequireWilling: true,
		Capacity: DefaultMentorCapacity, DefaultCheckins: 1, MentorWithinDays: 14,
		CheckinsPerWeek: map[string]int{},
	}
	for i, p := range h.Phases {
		r.CheckinsPerWeek[p] = max(3-i, 1)
	}
	if len(h.Phases) > 1 {
		r.MinPhase = h.Phases[1]
		r.MenteePhases = append([]string(nil), h.Phases[:len(h.Phases)-1]...)
	}
	return r
}

// Target is the expected check-ins a week for a mentee in phase.
func (m MentorRules) Target(phase string) int {
	if n, ok := m.CheckinsPerWeek[phase]; ok {
		return n
	}
	return m.DefaultCheckins
}

// ExpectedGap is the most days that may pass between check-ins for a
// mentee in phase before the pairing is overdue: 7 divided by the target,
// rounded up (3 a week: 3 days; 2 a week: 4 days; 1 a week: 7 days).
// Zero when the phase expects none (never overdue).
func (m MentorRules) ExpectedGap(phase string) int {
	n := m.Target(phase)
	if n <= 0 {
		return 0
	}
	return int(math.Ceil(7 / float64(n)))
}

// NeedsMentor reports whether a resident in phase is expected to have a
// mentor.
func (m MentorRules) NeedsMentor(phase string) bool {
	return len(m.MenteePhases) == 0 || phase == "" || contains(m.MenteePhases, phase)
}

func (m *MentorRules) tidy() {
	m.Note = tidyNote(m.Note)
}

// validate checks the rules field by field against the house's phases.
func (m MentorRules) validate(h House) ValidationError {
	var v ValidationError
	if m.MinDaysSober < 0 || m.MinDaysSober > 3650 {
		v.add(FieldMinDaysSober, "enter a number of days from 0 to 3650")
	}
	if m.MinPhase != "" && !contains(h.Phases, m.MinPhase) {
		v.add(FieldMinPhase, "choose one of the house's phases, or none")
	}
	if m.MinWeeksInHouse < 0 || m.MinWeeksInHouse > 104 {
		v.add(FieldMinWeeks, "enter a number of weeks from 0 to 104")
	}
	if m.Capacity < 1 || m.Capacity > maxMentorCapacity {
		v.add(FieldCapacity, fmt.Sprintf("a mentor has room for 1 to %d mentees", maxMentorCapacity))
	}
	if msg := checkinsProblem(m, h); msg != "" {
		v.add(FieldCheckinsPerWeek, msg)
	}
	if m.MentorWithinDays < 1 || m.MentorWithinDays > 90 {
		v.add(FieldMentorWithin, "enter a number of days from 1 to 90")
	}
	for _, p := range m.MenteePhases {
		if !contains(h.Phases, p) {
			v.add(FieldMenteePhases, "choose among the house's phases")
			break
		}
	}
	if len([]rune(m.Note)) > maxRulesNote {
		v.add(FieldRulesNote, fmt.Sprintf("keep it under %d characters", maxRulesNote))
	}
	return v
}

func checkinsProblem(m MentorRules, h House) string {
	bad := func(n int) bool { return n < 0 || n > maxCheckinsPerWeek }
	if bad(m.DefaultCheckins) {
		return fmt.Sprintf("enter 0 to %d check-ins a week", maxCheckinsPerWeek)
	}
	for p, n := range m.CheckinsPerWeek {
		if !contains(h.Phases, p) {
			return "set check-ins for the house's phases only"
		}
		if bad(n) {
			return fmt.Sprintf("%s: enter 0 to %d check-ins a week", p, maxCheckinsPerWeek)
		}
	}
	return ""
}

// MentorRules returns the house's mentor rules, or the defaults when the
// house has not saved any.
func (s *Store) MentorRules() (MentorRules, error) {
	h, err := s.House()
	if err != nil {
		return MentorRules{}, err
	}
	var m MentorRules
	err = s.read(func(txn *badger.Txn) error { m, err = mentorRulesIn(txn, h); return err })
	if err != nil {
		return MentorRules{}, fmt.Errorf("read mentor rules: %w", err)
	}
	return m, nil
}

// mentorRulesIn reads the rules inside a transaction.
func mentorRulesIn(txn *badger.Txn, h House) (MentorRules, error) {
	var m MentorRules
	err := getJSON(txn, keyMentorRules, &m)
	if errors.Is(err, ErrNotFound) {
		return DefaultMentorRules(h), nil
	}
	if m.CheckinsPerWeek == nil {
		m.CheckinsPerWeek = map[string]int{}
	}
	return m, err
}

// SaveMentorRules saves the house's mentor rules (managers only). Bad
// fields come back as a ValidationError and nothing is saved. Lowering
// the capacity ends no pairing; it only stops new ones.
func (s *Store) SaveMentorRules(by Actor, m MentorRules) (MentorRules, error) {
	if err := requireStaff(by); err != nil {
		return MentorRules{}, err
	}
	h, err := s.House()
	if err != nil {
		return MentorRules{}, err
	}
	m.tidy()
	m.V = schemaVersion
	if v := m.validate(h); len(v) > 0 {
		return MentorRules{}, v
	}
	err = s.write(by, "mentor.rules", "mentor rules", func(txn *badger.Txn) error {
		return putJSON(txn, keyMentorRules, m)
	})
	if err != nil {
		return MentorRules{}, fmt.Errorf("save mentor rules: %w", err)
	}
	return m, nil
}

// phaseIndex is the position of phase among the house's phases, or -1.
func phaseIndex(h House, phase string) int {
	for i, p := range h.Phases {
		if p == phase {
			return i
		}
	}
	return -1
}

// tidyNote trims each line of a multi-line text and drops blank lines at
// its ends; line breaks stay.
func tidyNote(s string) string {
	lines := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	for i, l := range lines {
		lines[i] = tidyText(l)
	}
	return strings.Trim(strings.Join(lines, "\n"), "\n")
}
