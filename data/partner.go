package data

// Accountability partners: each week residents are paired (a three when
// the count is odd) to check in with each other daily, with a quick tap at
// the kiosk. Pairing rotates (see PlanPartners) and is stored under its
// week like the chore roster; locked groups are kept when regenerated.
//
// Keys:
//
//	partnerset                         PartnerSettings
//	partners/<week YYYYMMDD>           PartnerWeek
//	pcheck/<YYYYMMDD>/<residentID>     PartnerCheck: a resident's tap that day

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	badger "github.com/dgraph-io/badger/v4"
)

const (
	keyPartnerSettings = "partnerset"
	pfxPartners        = "partners/"
	pfxPartnerCheck    = "pcheck/"
)

// Field names of the partner forms.
const (
	FieldPartners      = "Partners"
	FieldNoRepeatWeeks = "No repeat partner within (weeks)"
	FieldDaysNeeded    = "Partner check-ins a week"
)

// PartnerSettings are the house's rules for pairing.
type PartnerSettings struct {
	V             int  `json:"v"`
	NoRepeatWeeks int  `json:"no_repeat_weeks"`
	LeaveOutPass  bool `json:"leave_out_pass"`     // on a pass most of the week
	LeaveOutNew   bool `json:"leave_out_new"`      // moved in during the week
	DaysNeeded    int  `json:"days_needed"`        // check-in days a week that count as met
	Disabled      bool `json:"disabled,omitempty"` // the house does not pair
}

// DefaultPartnerSettings: no repeat within 4 weeks, 5 check-in days a week.
func DefaultPartnerSettings() PartnerSettings {
	return PartnerSettings{NoRepeatWeeks: 4, LeaveOutPass: true, LeaveOutNew: false, DaysNeeded: 5}
}

func (ps PartnerSettings) validate() ValidationError {
	var v ValidationError
	nonNeg(&v, FieldNoRepeatWeeks, ps.NoRepeatWeeks, 26)
	if ps.DaysNeeded < 1 || ps.DaysNeeded > 7 {
		v.add(FieldDaysNeeded, "choose between 1 and 7 days")
	}
	return v
}

// PartnerGroup is two residents (three when the count is odd) who check
// in with each other this week.
type PartnerGroup struct {
	Members []string `json:"members"` // resident IDs
	Locked  bool     `json:"locked,omitempty"`
}

// LeftOut is a resident not paired this week, and why.
type LeftOut struct {
	ResidentID string `json:"resident_id"`
	Why        string `json:"why"` // "on a pass", "moved in this week"
}

// PartnerWeek is one week's pairing.
type PartnerWeek struct {
	V       int            `json:"v"`
	Week    Date           `json:"week"`
	Groups  []PartnerGroup `json:"groups"`
	LeftOut []LeftOut      `json:"left_out,omitempty"`
}

// PartnersOf returns the other members of residentID's group.
func (w PartnerWeek) PartnersOf(residentID string) []string {
	for _, g := range w.Groups {
		if slices.Contains(g.Members, residentID) {
			return slices.DeleteFunc(slices.Clone(g.Members), func(id string) bool { return id == residentID })
		}
	}
	return nil
}

// PartnerCheck is a resident's "checked in with my partner today".
type PartnerCheck struct {
	V          int       `json:"v"`
	ResidentID string    `json:"resident_id"`
	Day        Date      `json:"day"`
	With       []string  `json:"with"` // the partners at the time
	At         time.Time `json:"at"`
}

// PartnerSettings returns the house's pairing rules.
func (s *Store) PartnerSettings() (PartnerSettings, error) {
	var ps PartnerSettings
	err := s.read(func(txn *badger.Txn) (err error) { ps, err = readPartnerSettings(txn); return err })
	return ps, err
}

func readPartnerSettings(txn *badger.Txn) (PartnerSettings, error) {
	ps := DefaultPartnerSettings()
	if err := getJSON(txn, keyPartnerSettings, &ps); err != nil && !errors.Is(err, ErrNotFound) {
		return ps, fmt.Errorf("read partner settings: %w", err)
	}
	return ps, nil
}

// ErrPartnersOff means the house has turned pairing off.
var ErrPartnersOff = errors.New("this house does not pair accountability partners; turn it on in the Partners tab's Settings")

// SavePartnerSettings updates the pairing rules.
func (s *Store) SavePartnerSettings(by Actor, ps PartnerSettings) error {
	if v := ps.validate(); len(v) > 0 {
		return v
	}
	ps.V = schemaVersion
	return s.write(by, "partners.settings", "partner settings", func(txn *badger.Txn) error {
		return putJSON(txn, keyPartnerSettings, ps)
	})
}

// Partners returns the pairing of the house week holding day (empty
// groups when none was made).
func (s *Store) Partners(day Date) (PartnerWeek, error) {
	h, err := s.House()
	if err != nil {
		return PartnerWeek{}, err
	}
	w := PartnerWeek{Week: day.WeekStart(h.WeekStart)}
	err = s.read(func(txn *badger.Txn) error { return getJSON(txn, pfxPartners+dateKey(w.Week), &w) })
	if err != nil && !errors.Is(err, ErrNotFound) {
		return PartnerWeek{}, fmt.Errorf("read partners: %w", err)
	}
	return w, nil
}

// GeneratePartners pairs the residents for the week holding day, keeping
// locked groups whose members still live in the house, and stores it.
// Mentor-mentee pairs from mentors are never made partners where avoidable.
func (s *Store) GeneratePartners(by Actor, day Date, mentors MentorSource) (PartnerWeek, error) {
	if err := requireStaff(by); err != nil {
		return PartnerWeek{}, err
	}
	h, err := s.House()
	if err != nil {
		return PartnerWeek{}, err
	}
	if ps, err := s.PartnerSettings(); err != nil {
		return PartnerWeek{}, err
	} else if ps.Disabled {
		return PartnerWeek{}, ErrPartnersOff
	}
	week := day.WeekStart(h.WeekStart)
	mp, err := mentorsOr(mentors).MentorPairs(week)
	if err != nil {
		return PartnerWeek{}, fmt.Errorf("mentor pairs: %w", err)
	}
	var w PartnerWeek
	err = s.write(by, "partners.generate", week.Pretty(), func(txn *badger.Txn) error {
		in, left, err := s.partnerInput(txn, week, mp)
		if err != nil {
			return err
		}
		w = PartnerWeek{V: schemaVersion, Week: week, Groups: PlanPartners(in), LeftOut: left}
		return putJSON(txn, pfxPartners+dateKey(week), w)
	})
	return w, err
}

// partnerInput gathers the planner's input inside the write's transaction.
func (s *Store) partnerInput(txn *badger.Txn, week Date, mentorPairs [][2]string) (PartnerInput, []LeftOut, error) {
	ps, err := readPartnerSettings(txn)
	if err != nil {
		return PartnerInput{}, nil, err
	}
	in := PartnerInput{Week: week, NoRepeatWeeks: ps.NoRepeatWeeks, Avoid: map[[2]string]bool{}, Recent: map[[2]string]int{}}
	for _, p := range mentorPairs {
		in.Avoid[pairKey(p[0], p[1])] = true
	}
	active, left, err := s.eligiblePartners(txn, ps, week)
	if err != nil {
		return PartnerInput{}, nil, err
	}
	var cur PartnerWeek
	if err := getJSON(txn, pfxPartners+dateKey(week), &cur); err != nil && !errors.Is(err, ErrNotFound) {
		return PartnerInput{}, nil, err
	}
	taken := map[string]bool{}
	for _, g := range cur.Groups {
		if g.Locked && allIn(g.Members, active) {
			in.Locked = append(in.Locked, g)
			for _, id := range g.Members {
				taken[id] = true
			}
		}
	}
	for id := range active {
		if !taken[id] {
			in.Residents = append(in.Residents, id)
		}
	}
	return in, left, readRecentPairs(txn, week, ps.NoRepeatWeeks, in.Recent)
}

func allIn(ids []string, set map[string]bool) bool {
	for _, id := range ids {
		if !set[id] {
			return false
		}
	}
	return len(ids) > 0
}

// eligiblePartners are the active residents to pair, and those the
// house's settings leave out this week.
func (s *Store) eligiblePartners(txn *badger.Txn, ps PartnerSettings, week Date) (map[string]bool, []LeftOut, error) {
	set := map[string]bool{}
	var left []LeftOut
	loc := s.houseZone()
	rs, err := activeResidentsIn(txn) // the living only, not everyone ever
	if err != nil {
		return nil, nil, err
	}
	for _, r := range rs {
		if ps.LeaveOutNew && !r.MoveIn.Before(week) {
			left = append(left, LeftOut{r.ID, "moved in this week"})
			continue
		}
		if ps.LeaveOutPass {
			passes, err := passesBetween(txn, r.ID, week.At(0, 0, loc), week.AddDays(7).At(0, 0, loc))
			if err != nil {
				return nil, nil, err
			}
			if passDays(passes, week) >= 4 {
				left = append(left, LeftOut{r.ID, "on a pass most of the week"})
				continue
			}
		}
		set[r.ID] = true
	}
	return set, left, nil
}

// passDays counts the week's days a resident's passes keep them away.
func passDays(passes []Pass, week Date) int {
	n := 0
	for d := range 7 {
		day := week.AddDays(d)
		for _, p := range passes {
			if span, ok := PassChoreDays(p); ok && span.Contains(day) {
				n++
				break
			}
		}
	}
	return n
}

// readRecentPairs fills recent with the pairs of the weeks before week,
// up to n weeks back (1: last week).
func readRecentPairs(txn *badger.Txn, week Date, n int, recent map[[2]string]int) error {
	for ago := n; ago >= 1; ago-- {
		var w PartnerWeek
		err := getJSON(txn, pfxPartners+dateKey(week.AddDays(-7*ago)), &w)
		if errors.Is(err, ErrNotFound) {
			continue
		}
		if err != nil {
			return err
		}
		for _, g := range w.Groups {
			for i, a := range g.Members {
				for _, b := range g.Members[i+1:] {
					recent[pairKey(a, b)] = ago
				}
			}
		}
	}
	return nil
}

// SetPartners stores a manager's own pairing for the week holding day:
// every member must live in the house, be in one group only, and groups
// have two or three members (one only when nobody else is free).
func (s *Store) SetPartners(by Actor, day Date, groups []PartnerGroup) (PartnerWeek, error) {
	if err := requireStaff(by); err != nil {
		return PartnerWeek{}, err
	}
	h, err := s.House()
	if err != nil {
		return PartnerWeek{}, err
	}
	w := PartnerWeek{V: schemaVersion, Week: day.WeekStart(h.WeekStart), Groups: groups}
	err = s.write(by, "partners.set", w.Week.Pretty(), func(txn *badger.Txn) error {
		if err := checkGroups(txn, groups); err != nil {
			return err
		}
		var old PartnerWeek
		if err := getJSON(txn, pfxPartners+dateKey(w.Week), &old); err == nil {
			w.LeftOut = old.LeftOut
		}
		return putJSON(txn, pfxPartners+dateKey(w.Week), w)
	})
	return w, err
}

func checkGroups(txn *badger.Txn, groups []PartnerGroup) error {
	seen := map[string]bool{}
	singles := 0
	for _, g := range groups {
		if len(g.Members) == 1 {
			singles++
		}
		if len(g.Members) == 0 || len(g.Members) > 3 {
			return ValidationError{{FieldPartners, "each group has two residents, or three when the count is odd"}}
		}
		for _, id := range g.Members {
			r, err := readResidentTxn(txn, id)
			if err != nil {
				return ValidationError{{FieldPartners, "a resident in the pairing is no longer on record"}}
			}
			if !r.Active() {
				return ValidationError{{FieldPartners, r.Short() + " has moved out; take them out of the pairing"}}
			}
			if seen[id] {
				return ValidationError{{FieldPartners, r.Short() + " is in two groups; keep each resident in one"}}
			}
			seen[id] = true
		}
	}
	if singles > 0 && len(groups) > 1 {
		return ValidationError{{FieldPartners, "someone is on their own; add them to a pair to make a three"}}
	}
	return nil
}

// LockPartners locks (or unlocks) the group holding residentID in the week
// holding day, so regenerating keeps it.
func (s *Store) LockPartners(by Actor, day Date, residentID string, locked bool) error {
	if err := requireStaff(by); err != nil {
		return err
	}
	h, err := s.House()
	if err != nil {
		return err
	}
	key := pfxPartners + dateKey(day.WeekStart(h.WeekStart))
	return s.write(by, "partners.lock", day.WeekStart(h.WeekStart).Pretty(), func(txn *badger.Txn) error {
		var w PartnerWeek
		if err := getJSON(txn, key, &w); err != nil {
			return fmt.Errorf("lock partners: %w", err)
		}
		for i, g := range w.Groups {
			if slices.Contains(g.Members, residentID) {
				w.Groups[i].Locked = locked
				return putJSON(txn, key, w)
			}
		}
		return ValidationError{{FieldPartners, "that resident has no partner this week"}}
	})
}

// CheckInWithPartner records a resident's tap at the kiosk: they checked in
// with their partners today. A second tap the same day changes nothing.
func (s *Store) CheckInWithPartner(by Actor, residentID string) (PartnerCheck, error) {
	if err := requireSelfOrStaff(by, residentID); err != nil {
		return PartnerCheck{}, err
	}
	r, err := s.Resident(residentID)
	if err != nil {
		return PartnerCheck{}, err
	}
	today := s.Today()
	w, err := s.Partners(today)
	if err != nil {
		return PartnerCheck{}, err
	}
	with := w.PartnersOf(residentID)
	if len(with) == 0 {
		return PartnerCheck{}, ValidationError{{FieldPartners, "you have no partner this week; ask the house manager"}}
	}
	c := PartnerCheck{V: schemaVersion, ResidentID: r.ID, Day: today, With: with, At: s.now()}
	key := pfxPartnerCheck + dateKey(today) + "/" + r.ID
	err = s.write(by, "partners.check-in", r.Short(), func(txn *badger.Txn) error {
		var old PartnerCheck
		if err := getJSON(txn, key, &old); err == nil {
			c = old
			return nil
		}
		return putJSON(txn, key, c)
	})
	return c, err
}

// partnerChecks counts each resident's check-in days in [from, from+7).
func partnerChecks(txn *badger.Txn, from Date) (map[string]int, error) {
	out := map[string]int{}
	lo, hi := dateRange(pfxPartnerCheck, from, from.AddDays(6))
	err := keyRangeJSON(txn, pfxPartnerCheck, lo, hi, false, func(_ string, c PartnerCheck) (bool, error) {
		out[c.ResidentID]++
		return true, nil
	})
	return out, err
}

// MyPartners is what the kiosk shows a resident about their partners.
type MyPartners struct {
	Names          []string // partners' short names
	CheckedInToday bool
	DaysThisWeek   int
	DaysNeeded     int
}

// Text is the kiosk's line: "Checked in with Søren today" or
// "Check in with Søren today".
func (m MyPartners) Text() string {
	if len(m.Names) == 0 {
		return "No partner this week"
	}
	names := strings.Join(m.Names, " and ")
	if m.CheckedInToday {
		return "Checked in with " + names + " today"
	}
	return "Check in with " + names + " today"
}

// MyPartners gathers a resident's partners and check-ins for today's week.
func (s *Store) MyPartners(residentID string) (MyPartners, error) {
	today := s.Today()
	w, err := s.Partners(today)
	if err != nil {
		return MyPartners{}, err
	}
	ps, err := s.PartnerSettings()
	if err != nil {
		return MyPartners{}, err
	}
	m := MyPartners{DaysNeeded: ps.DaysNeeded}
	err = s.read(func(txn *badger.Txn) error {
		for _, id := range w.PartnersOf(residentID) {
			m.Names = append(m.Names, nameOf(txn, id))
		}
		counts, err := partnerChecks(txn, w.Week)
		m.DaysThisWeek = counts[residentID]
		if err == nil {
			err = getJSON(txn, pfxPartnerCheck+dateKey(today)+"/"+residentID, &PartnerCheck{})
			m.CheckedInToday = err == nil
			if errors.Is(err, ErrNotFound) {
				err = nil
			}
		}
		return err
	})
	if err != nil {
		return MyPartners{}, fmt.Errorf("my partners: %w", err)
	}
	return m, nil
}
