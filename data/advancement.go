package data

// Advancement: each resident's phase criteria as met / not yet with the
// figures, a manager moving a resident up or down with a reason, and the
// history of those moves (a move up carries a celebration date for the
// house meeting's agenda).
//
// Keys:
//
//	phasechg/<residentID>/<ts><rand>   one resident's phase changes, in time order
//	phaseday/<YYYYMMDD>/<ts><rand>     the same change by its date, for the agenda
//	phasetick/<residentID>/<phaseID>   the manager-ticked criteria for that phase

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	badger "github.com/dgraph-io/badger/v4"
)

const (
	pfxPhaseChange = "phasechg/"
	pfxPhaseDay    = "phaseday/"
	pfxPhaseTick   = "phasetick/"
)

// Field names of the move-phase form.
const (
	FieldMoveTo     = "Move to"
	FieldMoveReason = "Reason for the move"
	FieldMoveOn     = "Date of the move"
	FieldCriterion  = "Criterion"
)

// MentorSource tells accountability about mentors: how many check-ins a
// resident had with their mentor in a house week, and the week's
// mentor-mentee pairs (never made accountability partners). The mentors
// code implements it; pass NoMentors until it does.
type MentorSource interface {
	CheckinsInWeek(residentID string, week Date) (int, error)
	MentorPairs(week Date) ([][2]string, error)
}

// NoMentors is a MentorSource with no mentors: no check-ins, no pairs.
type NoMentors struct{}

// CheckinsInWeek is always 0.
func (NoMentors) CheckinsInWeek(string, Date) (int, error) { return 0, nil }

// MentorPairs is always none.
func (NoMentors) MentorPairs(Date) ([][2]string, error) { return nil, nil }

func mentorsOr(m MentorSource) MentorSource {
	if m == nil {
		return NoMentors{}
	}
	return m
}

// PhaseChange is one move of a resident between phases.
type PhaseChange struct {
	V          int    `json:"v"`
	ID         string `json:"id"`
	ResidentID string `json:"resident_id"`
	Name       string `json:"name"` // the resident's short name at the time
	From       string `json:"from"`
	To         string `json:"to"`
	Up         bool   `json:"up"`
	On         Date   `json:"on"`
	Reason     string `json:"reason"`
	By         Actor  `json:"by"`
	// Celebrate is the date the house marks a move up (the move's date);
	// zero for a move down.
	Celebrate Date `json:"celebrate,omitzero"`
}

// Tick is a manager's tick on a free-text criterion.
type Tick struct {
	By Actor `json:"by"`
	On Date  `json:"on"`
}

// CriterionStatus is one criterion for one resident, met or not yet, with
// the figures in words ("outside meetings: 4 of the last 4 weeks met").
type CriterionStatus struct {
	Name   string // "Outside meetings"
	Met    bool
	Text   string
	Manual bool // a manager ticks it: pass Name to TickCriterion
}

// Advancement is a resident's standing against their phase's criteria.
type Advancement struct {
	ResidentID string
	Phase      string
	Next       string // the phase after, "" at the last
	Since      Date   // in this phase since
	Criteria   []CriterionStatus
}

// Ready reports whether every criterion is met and there is a phase to move to.
func (a Advancement) Ready() bool {
	if a.Next == "" {
		return false
	}
	for _, c := range a.Criteria {
		if !c.Met {
			return false
		}
	}
	return true
}

// MetCount is how many criteria are met.
func (a Advancement) MetCount() int {
	n := 0
	for _, c := range a.Criteria {
		if c.Met {
			n++
		}
	}
	return n
}

// Advancement evaluates a resident's phase criteria as of today. Weekly
// criteria count the last complete house weeks before today's week.
func (s *Store) Advancement(residentID string, today Date, mentors MentorSource) (Advancement, error) {
	r, err := s.Resident(residentID)
	if err != nil {
		return Advancement{}, fmt.Errorf("advancement: %w", err)
	}
	h, err := s.House()
	if err != nil {
		return Advancement{}, fmt.Errorf("advancement: %w", err)
	}
	a := Advancement{ResidentID: r.ID, Phase: r.Phase}
	if a.Since, err = s.PhaseSince(r); err != nil {
		return Advancement{}, err
	}
	p, ok := h.PhaseNamed(r.Phase)
	if !ok {
		return a, nil
	}
	if next, ok := h.NextPhase(r.Phase); ok {
		a.Next = next.Name
	}
	ev := criteriaEval{s: s, h: h, r: r, p: p, today: today, mentors: mentorsOr(mentors)}
	if a.Criteria, err = ev.run(a.Since); err != nil {
		return Advancement{}, fmt.Errorf("advancement: %w", err)
	}
	return a, nil
}

type criteriaEval struct {
	s       *Store
	h       House
	r       Resident
	p       Phase
	today   Date
	mentors MentorSource
}

func (e criteriaEval) run(since Date) ([]CriterionStatus, error) {
	c := e.p.Criteria
	var out []CriterionStatus
	if c.DaysInPhase > 0 {
		days := e.today.DaysSince(since)
		out = append(out, CriterionStatus{Name: "Days in phase", Met: days >= c.DaysInPhase,
			Text: fmt.Sprintf("days in %s: %d (%d needed)", e.p.Name, days, c.DaysInPhase)})
	}
	if c.DaysSober > 0 {
		out = append(out, e.sober(c.DaysSober))
	}
	weeks := e.pastWeeks(max(c.MeetingsWeeks, c.StrikeWeeks, c.MentorWeeks))
	if c.MeetingsWeeks > 0 {
		st, err := e.meetings(weeks[:c.MeetingsWeeks], c.MeetingsWeeksMet)
		if err != nil {
			return nil, err
		}
		out = append(out, st)
	}
	if c.StrikeWeeks > 0 {
		st, err := e.strikes(weeks[:c.StrikeWeeks], c.MaxStrikes)
		if err != nil {
			return nil, err
		}
		out = append(out, st)
	}
	if c.MentorWeeks > 0 {
		st, err := e.mentorCheckins(weeks[:c.MentorWeeks])
		if err != nil {
			return nil, err
		}
		out = append(out, st)
	}
	manual, err := e.s.ticks(e.r.ID, e.p.ID)
	if err != nil {
		return nil, err
	}
	for _, o := range c.Other {
		out = append(out, manualStatus(o, manual))
	}
	return out, nil
}

func (e criteriaEval) sober(need int) CriterionStatus {
	st := CriterionStatus{Name: "Days sober"}
	if e.r.Sobriety.IsZero() {
		st.Text = fmt.Sprintf("days sober: no sobriety date on the record (%d needed)", need)
		return st
	}
	days := DaysSober(e.r.Sobriety, e.today)
	st.Met = days >= need
	st.Text = fmt.Sprintf("days sober: %d (%d needed)", days, need)
	return st
}

// pastWeeks are the starts of the n complete house weeks before today's
// week, most recent first.
func (e criteriaEval) pastWeeks(n int) []Date {
	this, _ := e.h.Week(e.today)
	out := make([]Date, n)
	for i := range out {
		out[i] = this.AddDays(-7 * (i + 1))
	}
	return out
}

func (e criteriaEval) meetings(weeks []Date, need int) (CriterionStatus, error) {
	met := 0
	for _, w := range weeks {
		mw, err := e.s.MeetingsInWeek(e.r.ID, w)
		if err != nil {
			return CriterionStatus{}, err
		}
		if mw.Have >= e.p.OutsideMeetings {
			met++
		}
	}
	return CriterionStatus{Name: "Outside meetings", Met: met >= need,
		Text: fmt.Sprintf("outside meetings: %d of the last %d weeks met (%d needed)", met, len(weeks), need)}, nil
}

func (e criteriaEval) strikes(weeks []Date, most int) (CriterionStatus, error) {
	n := 0
	for _, w := range weeks {
		wa, err := e.s.WeekAccount(e.r.ID, w)
		if err != nil {
			return CriterionStatus{}, err
		}
		n += wa.Strikes()
	}
	return CriterionStatus{Name: "Things to work on", Met: n <= most,
		Text: fmt.Sprintf("things to work on: %d in the last %d weeks (at most %d)", n, len(weeks), most)}, nil
}

func (e criteriaEval) mentorCheckins(weeks []Date) (CriterionStatus, error) {
	met := 0
	for _, w := range weeks {
		n, err := e.mentors.CheckinsInWeek(e.r.ID, w)
		if err != nil {
			return CriterionStatus{}, fmt.Errorf("mentor check-ins: %w", err)
		}
		if n >= e.p.MentorCheckins {
			met++
		}
	}
	return CriterionStatus{Name: "Mentor check-ins", Met: met == len(weeks),
		Text: fmt.Sprintf("mentor check-ins: %d of the last %d weeks met (%d a week)", met, len(weeks), e.p.MentorCheckins)}, nil
}

func manualStatus(name string, ticks map[string]Tick) CriterionStatus {
	st := CriterionStatus{Name: name, Manual: true, Text: name + ": not yet ticked"}
	if t, ok := ticks[name]; ok {
		st.Met, st.Text = true, fmt.Sprintf("%s: ticked by %s on %s", name, t.By.Name, t.On.Pretty())
	}
	return st
}

func (s *Store) ticks(residentID, phaseID string) (map[string]Tick, error) {
	m := map[string]Tick{}
	err := s.read(func(txn *badger.Txn) error { return getJSON(txn, pfxPhaseTick+residentID+"/"+phaseID, &m) })
	if err != nil && !errors.Is(err, ErrNotFound) {
		return nil, fmt.Errorf("read ticked criteria: %w", err)
	}
	return m, nil
}

// TickCriterion ticks (or unticks) one of the free-text criteria of the
// resident's current phase.
func (s *Store) TickCriterion(by Actor, residentID, criterion string, ticked bool) error {
	if err := requireStaff(by); err != nil {
		return err
	}
	who, err := s.Resident(residentID)
	if err != nil {
		return err
	}
	return s.write(by, "resident.criterion", who.Short(), func(txn *badger.Txn) error {
		r, err := readResidentTxn(txn, residentID)
		if err != nil {
			return err
		}
		h, err := readHouse(txn)
		if err != nil {
			return err
		}
		p, ok := h.PhaseNamed(r.Phase)
		if !ok || !slices.Contains(p.Criteria.Other, criterion) {
			return ValidationError{{FieldCriterion, "that is not one of the criteria of " + r.Phase}}
		}
		key := pfxPhaseTick + r.ID + "/" + p.ID
		m := map[string]Tick{}
		if err := getJSON(txn, key, &m); err != nil && !errors.Is(err, ErrNotFound) {
			return err
		}
		if ticked {
			m[criterion] = Tick{By: by, On: DateOf(s.now())}
		} else {
			delete(m, criterion)
		}
		return putJSON(txn, key, m)
	})
}

// PhaseSince is the date the resident entered their phase: their last
// phase change in this stay, else their move-in.
func (s *Store) PhaseSince(r Resident) (Date, error) {
	hist, err := s.PhaseHistory(r.ID)
	if err != nil {
		return Date{}, err
	}
	since := r.MoveIn
	if n := len(hist); n > 0 && hist[n-1].On.After(since) {
		since = hist[n-1].On
	}
	return since, nil
}

// PhaseHistory lists a resident's phase changes, oldest first.
func (s *Store) PhaseHistory(residentID string) ([]PhaseChange, error) {
	var out []PhaseChange
	err := s.read(func(txn *badger.Txn) error {
		return scanJSON(txn, pfxPhaseChange+residentID+"/", func(c PhaseChange) error { out = append(out, c); return nil })
	})
	if err != nil {
		return nil, fmt.Errorf("read phase history: %w", err)
	}
	return out, nil
}

// PhaseChangesIn lists every phase change dated within [from, to], by
// date: the meeting agenda marks the moves up beside milestones.
func (s *Store) PhaseChangesIn(from, to Date) ([]PhaseChange, error) {
	var out []PhaseChange
	lo, hi := dateRange(pfxPhaseDay, from, to)
	err := s.read(func(txn *badger.Txn) error {
		return keyRangeJSON(txn, pfxPhaseDay, lo, hi, false, func(_ string, c PhaseChange) (bool, error) {
			out = append(out, c)
			return true, nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("read phase changes: %w", err)
	}
	return out, nil
}

// MovePhase moves a resident to another phase on a date, with a reason,
// and keeps the move in their history.
func (s *Store) MovePhase(by Actor, residentID, to, reason string, on Date) (PhaseChange, error) {
	if err := requireStaff(by); err != nil {
		return PhaseChange{}, err
	}
	reason = tidyText(reason)
	who, err := s.Resident(residentID)
	if err != nil {
		return PhaseChange{}, err
	}
	var c PhaseChange
	err = s.write(by, "resident.phase", who.Short(), func(txn *badger.Txn) error {
		r, err := readResidentTxn(txn, residentID)
		if err != nil {
			return err
		}
		h, err := readHouse(txn)
		if err != nil {
			return err
		}
		if v := validateMove(h, r, to, reason, on, DateOf(s.now())); len(v) > 0 {
			return v
		}
		c = newPhaseChange(h, r, to, reason, on, by, s.now())
		if c.ID, err = nextTimeID(txn, pfxPhaseChange+r.ID+"/", s.now()); err != nil {
			return err
		}
		r.Phase = to
		if err := putResident(txn, r); err != nil {
			return err
		}
		return putPhaseChange(txn, c)
	})
	return c, err
}

func validateMove(h House, r Resident, to, reason string, on, today Date) ValidationError {
	var v ValidationError
	if !r.Active() {
		v.add(FieldMoveTo, "this resident has moved out")
	}
	if _, ok := h.PhaseNamed(to); !ok {
		v.add(FieldMoveTo, "choose one of the house's phases")
	} else if to == r.Phase {
		v.add(FieldMoveTo, "they are already in "+to)
	}
	if reason == "" {
		v.add(FieldMoveReason, "write a short reason; it stays in their history")
	} else if len([]rune(reason)) > 300 {
		v.add(FieldMoveReason, "keep the reason under 300 characters")
	}
	switch {
	case on.IsZero():
		v.add(FieldMoveOn, "enter the date of the move")
	case on.After(today):
		v.add(FieldMoveOn, "the move cannot be dated in the future")
	case on.Before(r.MoveIn):
		v.add(FieldMoveOn, "the move is before their move-in ("+r.MoveIn.Pretty()+")")
	}
	return v
}

func newPhaseChange(h House, r Resident, to, reason string, on Date, by Actor, now time.Time) PhaseChange {
	from, _ := h.PhaseNamed(r.Phase)
	dest, _ := h.PhaseNamed(to)
	c := PhaseChange{V: schemaVersion, ID: timeID(now), ResidentID: r.ID, Name: r.Short(),
		From: r.Phase, To: to, On: on, Reason: reason, By: by}
	c.Up = r.Phase == "" || dest.Order > from.Order
	if c.Up {
		c.Celebrate = on
	}
	return c
}

func putPhaseChange(txn *badger.Txn, c PhaseChange) error {
	if err := putJSON(txn, pfxPhaseChange+c.ResidentID+"/"+c.ID, c); err != nil {
		return err
	}
	return putJSON(txn, pfxPhaseDay+dateKey(c.On)+"/"+c.ID, c)
}

// notePhaseChange keeps the history when the resident form changes a
// resident's phase directly (a new resident's first phase is not a move).
func notePhaseChange(txn *badger.Txn, h House, old, r Resident, by Actor, now time.Time) error {
	if old.ID == "" || old.Phase == r.Phase || r.Phase == "" {
		return nil
	}
	old.Phase, r.Phase = strings.TrimSpace(old.Phase), strings.TrimSpace(r.Phase)
	c := newPhaseChange(h, old, r.Phase, "changed on the resident's record", DateOf(now), by, now)
	var err error
	if c.ID, err = nextTimeID(txn, pfxPhaseChange+r.ID+"/", now); err != nil {
		return err
	}
	return putPhaseChange(txn, c)
}

// nextTimeID is a timeID for now that sorts after every key under prefix,
// so records written within one clock tick keep their order.
func nextTimeID(txn *badger.Txn, prefix string, now time.Time) (string, error) {
	it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte(prefix), Reverse: true})
	defer it.Close()
	it.Seek(append([]byte(prefix), 0xff))
	if !it.Valid() {
		return timeID(now), nil
	}
	last := strings.TrimPrefix(string(it.Item().Key()), prefix)
	var n uint64
	if _, err := fmt.Sscanf(last[:min(16, len(last))], "%016x", &n); err != nil {
		return "", fmt.Errorf("read last key: %w", err)
	}
	if t := uint64(now.UnixNano()); t > n {
		return timeID(now), nil
	}
	return fmt.Sprintf("%016x", n+1) + newID(), nil
}
