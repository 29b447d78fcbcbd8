package data

// Phases: the house's levels as records, each with its rules (curfews,
// outside meetings, mentor check-ins, overnight passes) and the criteria a
// resident meets to move up. A resident holds a phase by name
// (Resident.Phase); renaming a phase renames it on every resident record in
// the same transaction.
//
// Keys:
//
//	phase/<id>   one phase
//
// Stores written before version 2 kept phase rules as maps on House
// (PhaseCurfews, OutsideMeetings); migration 1 -> 2 turns them into records.

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	badger "github.com/dgraph-io/badger/v4"
)

const pfxPhase = "phase/"

// Field names of the phase form, so errors land beside their field.
const (
	FieldPhaseName        = "Phase name"
	FieldPhaseCurfew      = "Curfew"
	FieldPhaseMeetings    = "Outside meetings a week"
	FieldPhaseMentor      = "Mentor check-ins a week"
	FieldPhasePasses      = "Overnight passes a month"
	FieldDaysInPhase      = "Days in phase"
	FieldDaysSober        = "Days sober"
	FieldMeetingsWeeksMet = "Outside meetings: weeks met"
	FieldMeetingsWeeks    = "Outside meetings: of the last weeks"
	FieldMaxStrikes       = "Most things to work on"
	FieldStrikeWeeks      = "Things to work on: in the last weeks"
	FieldMentorWeeks      = "Mentor check-ins: weeks met"
	FieldOtherCriteria    = "Other criteria"
)

// maxCriteriaWeeks bounds the "of the last M weeks" windows.
const maxCriteriaWeeks = 52

// Phase is one of the house's levels with its rules.
type Phase struct {
	V     int    `json:"v"`
	ID    string `json:"id"`
	Name  string `json:"name"`
	Order int    `json:"order"` // 0 first; Phases() sorts by it
	// OwnCurfew: the phase has its own curfews; otherwise the house's apply.
	OwnCurfew       bool      `json:"own_curfew,omitempty"`
	CurfewWeeknight ClockTime `json:"curfew_weeknight"`
	CurfewWeekend   ClockTime `json:"curfew_weekend"`
	OutsideMeetings int       `json:"outside_meetings"` // a week
	MentorCheckins  int       `json:"mentor_checkins"`  // a week
	OvernightPasses int       `json:"overnight_passes"` // a month; 0: no limit set
	Criteria        Criteria  `json:"criteria"`
}

// Criteria are what a resident in a phase meets before moving up. A zero
// window (MeetingsWeeks, StrikeWeeks, MentorWeeks) leaves that criterion out.
type Criteria struct {
	DaysInPhase int `json:"days_in_phase,omitempty"`
	DaysSober   int `json:"days_sober,omitempty"`
	// Outside meetings met in MeetingsWeeksMet of the last MeetingsWeeks weeks.
	MeetingsWeeksMet int `json:"meetings_weeks_met,omitempty"`
	MeetingsWeeks    int `json:"meetings_weeks,omitempty"`
	// No more than MaxStrikes things to work on (late sign-ins, missed
	// chores, unexcused absences) in the last StrikeWeeks weeks.
	MaxStrikes  int `json:"max_strikes,omitempty"`
	StrikeWeeks int `json:"strike_weeks,omitempty"`
	// Mentor check-ins a week met in each of the last MentorWeeks weeks.
	MentorWeeks int `json:"mentor_weeks,omitempty"`
	// Other criteria a manager ticks, e.g. "Has a sponsor".
	Other []string `json:"other,omitempty"`
}

// tidy trims names and criteria and drops empty ones.
func (p *Phase) tidy() {
	p.Name = tidyText(p.Name)
	var other []string
	for _, c := range p.Criteria.Other {
		if c = tidyText(c); c != "" {
			other = append(other, c)
		}
	}
	p.Criteria.Other = other
}

// validate checks the phase's fields; others are the house's other phases.
func (p Phase) validate(others []Phase) ValidationError {
	var v ValidationError
	switch {
	case p.Name == "":
		v.add(FieldPhaseName, "enter the phase's name, e.g. \"Phase 2\"")
	case len([]rune(p.Name)) > 40:
		v.add(FieldPhaseName, "keep the name under 40 characters")
	}
	for _, o := range others {
		if o.ID != p.ID && strings.EqualFold(o.Name, p.Name) {
			v.add(FieldPhaseName, "another phase is already called "+o.Name)
		}
	}
	if p.OwnCurfew && (!p.CurfewWeeknight.valid() || !p.CurfewWeekend.valid()) {
		v.add(FieldPhaseCurfew, "enter the curfews as HH:MM")
	}
	nonNeg(&v, FieldPhaseMeetings, p.OutsideMeetings, 21)
	nonNeg(&v, FieldPhaseMentor, p.MentorCheckins, 14)
	nonNeg(&v, FieldPhasePasses, p.OvernightPasses, 31)
	p.Criteria.validate(&v)
	return v
}

func (c Criteria) validate(v *ValidationError) {
	nonNeg(v, FieldDaysInPhase, c.DaysInPhase, 3650)
	nonNeg(v, FieldDaysSober, c.DaysSober, 36500)
	nonNeg(v, FieldMeetingsWeeks, c.MeetingsWeeks, maxCriteriaWeeks)
	nonNeg(v, FieldStrikeWeeks, c.StrikeWeeks, maxCriteriaWeeks)
	nonNeg(v, FieldMentorWeeks, c.MentorWeeks, maxCriteriaWeeks)
	nonNeg(v, FieldMaxStrikes, c.MaxStrikes, 1000)
	if c.MeetingsWeeksMet < 0 || c.MeetingsWeeksMet > c.MeetingsWeeks {
		v.add(FieldMeetingsWeeksMet, fmt.Sprintf("choose between 0 and %d (the weeks counted); more could never be met", c.MeetingsWeeks))
	}
	seen := map[string]bool{}
	for _, o := range c.Other {
		if len([]rune(o)) > 120 {
			v.add(FieldOtherCriteria, "keep each criterion under 120 characters")
		}
		if seen[strings.ToLower(o)] {
			v.add(FieldOtherCriteria, o+" is listed twice")
		}
		seen[strings.ToLower(o)] = true
	}
}

func nonNeg(v *ValidationError, field string, n, most int) {
	if n < 0 {
		v.add(field, "cannot be below 0; it could never be met")
	} else if n > most {
		v.add(field, fmt.Sprintf("choose %d or fewer", most))
	}
}

func (c ClockTime) valid() bool { return c.Hour >= 0 && c.Hour < 24 && c.Min >= 0 && c.Min < 60 }

// PhaseWarnings are allowed but unusual settings of p beside the house's
// other phases, worth a second look before saving: a later phase asking
// less to move up than an earlier one, or with an earlier curfew.
func PhaseWarnings(p Phase, phases []Phase) []string {
	var out []string
	for _, o := range phases {
		if o.ID == p.ID || o.Order >= p.Order {
			continue
		}
		if p.Criteria.DaysSober < o.Criteria.DaysSober {
			out = append(out, fmt.Sprintf("%s asks for fewer days sober to move up (%d) than %s (%d)", p.Name, p.Criteria.DaysSober, o.Name, o.Criteria.DaysSober))
		}
		if p.Criteria.DaysInPhase < o.Criteria.DaysInPhase {
			out = append(out, fmt.Sprintf("%s asks for fewer days in phase (%d) than %s (%d)", p.Name, p.Criteria.DaysInPhase, o.Name, o.Criteria.DaysInPhase))
		}
		if p.OwnCurfew && o.OwnCurfew && minutes(p.CurfewWeeknight) < minutes(o.CurfewWeeknight) {
			out = append(out, fmt.Sprintf("%s has an earlier weeknight curfew than %s", p.Name, o.Name))
		}
	}
	return out
}

// minutes orders curfews across midnight: times before NightCutoffHour
// count as the next day.
func minutes(c ClockTime) int {
	m := c.Hour*60 + c.Min
	if c.Hour < NightCutoffHour {
		m += 24 * 60
	}
	return m
}

// Phases returns the house's phases in order.
func (s *Store) Phases() ([]Phase, error) {
	var out []Phase
	err := s.read(func(txn *badger.Txn) (err error) { out, err = readPhases(txn); return err })
	if err != nil {
		return nil, fmt.Errorf("read phases: %w", err)
	}
	return out, nil
}

func readPhases(txn *badger.Txn) ([]Phase, error) {
	var out []Phase
	err := scanJSON(txn, pfxPhase, func(p Phase) error { out = append(out, p); return nil })
	sortBy(out, func(p Phase) int { return p.Order })
	return out, err
}

// Phase returns one phase by ID.
func (s *Store) Phase(id string) (Phase, error) {
	var p Phase
	err := s.read(func(txn *badger.Txn) error { return getJSON(txn, pfxPhase+id, &p) })
	if err != nil {
		return Phase{}, fmt.Errorf("read phase: %w", err)
	}
	return p, nil
}

// PhaseNamed returns the phase called name (ok false when there is none).
func (h House) PhaseNamed(name string) (Phase, bool) {
	for _, p := range h.PhaseRules {
		if p.Name == name {
			return p, true
		}
	}
	return Phase{}, false
}

// NextPhase is the phase after the named one (ok false at the last).
func (h House) NextPhase(name string) (Phase, bool) {
	for i, p := range h.PhaseRules {
		if p.Name == name && i+1 < len(h.PhaseRules) {
			return h.PhaseRules[i+1], true
		}
	}
	return Phase{}, false
}

// SavePhase adds a phase (empty ID) or updates one. A new phase goes last
// unless it names an Order. Renaming a phase renames it on the residents
// who hold it. Check PhaseWarnings first to show unusual settings.
func (s *Store) SavePhase(by Actor, p Phase) (Phase, error) {
	p.tidy()
	p.V = schemaVersion
	action := "phase.update"
	if p.ID == "" {
		p.ID, action = newID(), "phase.add"
	}
	err := s.write(by, action, p.Name, func(txn *badger.Txn) error {
		phases, err := readPhases(txn)
		if err != nil {
			return err
		}
		if v := p.validate(phases); len(v) > 0 {
			return v
		}
		old, exists := findPhase(phases, p.ID)
		if !exists && action == "phase.update" {
			return fmt.Errorf("save phase: %w", ErrNotFound)
		}
		if !exists && p.Order == 0 && len(phases) > 0 {
			p.Order = phases[len(phases)-1].Order + 1
		}
		if exists && old.Name != p.Name {
			if err := renameResidentsPhase(txn, old.Name, p.Name); err != nil {
				return err
			}
		}
		return putJSON(txn, pfxPhase+p.ID, p)
	})
	return p, err
}

func findPhase(phases []Phase, id string) (Phase, bool) {
	for _, p := range phases {
		if p.ID == id {
			return p, true
		}
	}
	return Phase{}, false
}

// MovePhaseOrder moves a phase one place earlier (delta -1) or later (+1).
func (s *Store) MovePhaseOrder(by Actor, id string, delta int) error {
	return s.write(by, "phase.reorder", id, func(txn *badger.Txn) error {
		phases, err := readPhases(txn)
		if err != nil {
			return err
		}
		i := slices.IndexFunc(phases, func(p Phase) bool { return p.ID == id })
		j := i + delta
		if i < 0 {
			return fmt.Errorf("reorder phase: %w", ErrNotFound)
		}
		if j < 0 || j >= len(phases) {
			return nil
		}
		phases[i], phases[j] = phases[j], phases[i]
		return putPhaseOrder(txn, phases)
	})
}

func putPhaseOrder(txn *badger.Txn, phases []Phase) error {
	for n, p := range phases {
		p.Order, p.V = n, schemaVersion
		if err := putJSON(txn, pfxPhase+p.ID, p); err != nil {
			return err
		}
	}
	return nil
}

// DeletePhase removes a phase nobody active holds. When residents hold it
// the error names them, so the manager can move them first.
func (s *Store) DeletePhase(by Actor, id string) error {
	return s.write(by, "phase.delete", id, func(txn *badger.Txn) error {
		var p Phase
		if err := getJSON(txn, pfxPhase+id, &p); err != nil {
			return fmt.Errorf("delete phase: %w", err)
		}
		if err := checkPhaseUnheld(txn, p.Name); err != nil {
			return err
		}
		return txn.Delete([]byte(pfxPhase + id))
	})
}

func checkPhaseUnheld(txn *badger.Txn, name string) error {
	var holders []string
	err := scanJSON(txn, pfxRes, func(r Resident) error {
		if r.Active() && r.Phase == name {
			holders = append(holders, r.Short())
		}
		return nil
	})
	if err != nil {
		return err
	}
	if len(holders) > 0 {
		return ValidationError{{FieldPhaseName, fmt.Sprintf("%s is held by %s; move them to another phase first", name, strings.Join(holders, ", "))}}
	}
	return nil
}

func renameResidentsPhase(txn *badger.Txn, from, to string) error {
	var rs []Resident
	err := scanJSON(txn, pfxRes, func(r Resident) error {
		if r.Phase == from {
			rs = append(rs, r)
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, r := range rs {
		r.Phase = to
		if err := putResident(txn, r); err != nil {
			return err
		}
	}
	return nil
}

// syncPhaseNames makes the phase records follow a plain list of names (the
// settings screen's comma list): names kept keep their rules and take the
// list's order, new names become phases with the house's curfews, and
// phases left out are deleted unless an active resident holds them.
func syncPhaseNames(txn *badger.Txn, names []string) error {
	phases, err := readPhases(txn)
	if err != nil {
		return err
	}
	byName := map[string]Phase{}
	for _, p := range phases {
		byName[p.Name] = p
	}
	var order []Phase
	for _, n := range names {
		p, ok := byName[n]
		if !ok {
			p = Phase{ID: newID(), Name: n}
		}
		delete(byName, n)
		order = append(order, p)
	}
	for name, p := range byName {
		if err := checkPhaseUnheld(txn, name); err != nil {
			return err
		}
		if err := txn.Delete([]byte(pfxPhase + p.ID)); err != nil {
			return fmt.Errorf("delete phase: %w", err)
		}
	}
	return putPhaseOrder(txn, order)
}

// phasesFromHouse turns the older House maps into phase records.
func phasesFromHouse(h House) []Phase {
	var out []Phase
	for i, name := range h.Phases {
		p := Phase{V: schemaVersion, ID: newID(), Name: name, Order: i, OutsideMeetings: h.OutsideMeetings[name]}
		if pc, ok := h.PhaseCurfews[name]; ok {
			p.OwnCurfew, p.CurfewWeeknight, p.CurfewWeekend = true, pc.Weeknight, pc.Weekend
		}
		out = append(out, p)
	}
	return out
}

// writeHouse stores the house settings without the phase rules, which live
// in their own records.
func writeHouse(txn *badger.Txn, h House) error {
	h.V = schemaVersion
	h.Phases, h.PhaseCurfews, h.OutsideMeetings, h.PhaseRules = nil, nil, nil, nil
	return putJSON(txn, keyHouse, h)
}

// readHouse reads the house settings with their phases.
func readHouse(txn *badger.Txn) (House, error) {
	var h House
	if err := getJSON(txn, keyHouse, &h); err != nil {
		return House{}, err
	}
	phases, err := readPhases(txn)
	if err != nil && !errors.Is(err, ErrNotFound) {
		return House{}, err
	}
	h.PhaseRules, h.Phases = phases, nil
	for _, p := range phases {
		h.Phases = append(h.Phases, p.Name)
	}
	return h, nil
}

// migratePhases (store version 1 -> 2) turns House's phase maps into
// phase records.
func migratePhases(txn *badger.Txn) error {
	var h House
	if err := getJSON(txn, keyHouse, &h); err != nil {
		return fmt.Errorf("read house settings: %w", err)
	}
	for _, p := range phasesFromHouse(h) {
		if err := putJSON(txn, pfxPhase+p.ID, p); err != nil {
			return err
		}
	}
	return writeHouse(txn, h)
}

// PassAllowance is how many overnight passes a resident has starting in
// the calendar month holding day, beside what their phase allows (allowed
// 0: the phase sets no limit). A screen warns before a pass past it.
func (s *Store) PassAllowance(residentID string, day Date) (used, allowed int, err error) {
	r, err := s.Resident(residentID)
	if err != nil {
		return 0, 0, err
	}
	h, err := s.House()
	if err != nil {
		return 0, 0, err
	}
	p, _ := h.PhaseNamed(r.Phase)
	first := NewDate(day.Year, day.Month, 1)
	last := first.AddMonths(1).AddDays(-1)
	passes, err := s.Passes(residentID, first, last)
	if err != nil {
		return 0, 0, err
	}
	for _, ps := range passes {
		if d := DateOf(ps.From.In(s.houseZone())); !d.Before(first) && !d.After(last) {
			used++
		}
	}
	return used, p.OvernightPasses, nil
}
