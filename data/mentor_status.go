package data

// How the pairings are going: check-ins this week against the target for
// the mentee's phase, overdue pairings (no check-in for longer than the
// expected gap), residents with no mentor yet, the weekly report's mentors
// section, and the kiosk's narrow "my mentor" view. Each reads the running
// pairings (a small index) and one week of check-in keys, not the history.

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	badger "github.com/dgraph-io/badger/v4"
)

// PairStatus is one pairing's week: for manager screens and the weekly
// report.
type PairStatus struct {
	Mentorship Mentorship
	Mentee     Resident
	Mentor     Resident
	ThisWeek   int // check-ins dated in the week
	Target     int // expected in the week (fewer when the pairing ran part of it)
	// LastCheckIn is the latest check-in up to the status day (HasCheckIn
	// false: none yet). DaysSince counts from it, or from the start.
	LastCheckIn Date
	HasCheckIn  bool
	DaysSince   int
	Overdue     bool // longer than the expected gap without a check-in
	FollowUp    bool // a check-in this week asked the manager to check in
}

// Met reports whether the week's target is met.
func (p PairStatus) Met() bool { return p.ThisWeek >= p.Target }

// NoMentor is an active resident who is expected to have a mentor and has
// none.
type NoMentor struct {
	Resident    Resident
	DaysInHouse int  // since move-in
	Late        bool // past the house's MentorWithinDays
}

// MentorWeekSummary is the weekly report's mentors section: the pairings
// that ran in the week with their check-ins against target, and who had
// no mentor at the week's end (or today, if sooner).
type MentorWeekSummary struct {
	WeekStart, WeekEnd Date
	AsOf               Date
	Pairs              []PairStatus // by mentee name
	Unmatched          []NoMentor   // longest waiting first
}

// MetCount is how many pairings met their target.
func (w MentorWeekSummary) MetCount() int {
	n := 0
	for _, p := range w.Pairs {
		if p.Met() {
			n++
		}
	}
	return n
}

// MentorStatus returns every running pairing's status on day today (its
// house week so far): overdue ones first, then by mentee name. The
// dashboard shows the overdue ones.
func (s *Store) MentorStatus(today Date) ([]PairStatus, error) {
	h, err := s.House()
	if err != nil {
		return nil, err
	}
	start, _ := h.Week(today)
	w, err := s.mentorWeek(h, start, today, true)
	if err != nil {
		return nil, err
	}
	slices.SortStableFunc(w.Pairs, func(a, b PairStatus) int { return cmpBool(a.Overdue, b.Overdue) })
	return w.Pairs, nil
}

// OverdueMentorships returns the running pairings that are overdue on day
// today, longest gap first.
func (s *Store) OverdueMentorships(today Date) ([]PairStatus, error) {
	all, err := s.MentorStatus(today)
	if err != nil {
		return nil, err
	}
	all = slices.DeleteFunc(all, func(p PairStatus) bool { return !p.Overdue })
	slices.SortStableFunc(all, func(a, b PairStatus) int { return cmp.Compare(b.DaysSince, a.DaysSince) })
	return all, nil
}

// MentorWeek gathers the weekly report's mentors section for the house
// week starting weekStart: pairings that ran in the week, check-ins met or
// not, and residents without a mentor as of the week's end (today if the
// week has not ended).
func (s *Store) MentorWeek(weekStart Date) (MentorWeekSummary, error) {
	h, err := s.House()
	if err != nil {
		return MentorWeekSummary{}, err
	}
	asOf := weekStart.AddDays(6)
	if today := s.Today(); today.Before(asOf) {
		asOf = today
	}
	return s.mentorWeek(h, weekStart, asOf, false)
}

// NoMentorYet lists the active residents who are expected to have a
// mentor (MentorRules.MenteePhases) and have none, longest in the house
// first.
func (s *Store) NoMentorYet() ([]NoMentor, error) {
	h, err := s.House()
	if err != nil {
		return nil, err
	}
	today := s.Today()
	start, _ := h.Week(today)
	w, err := s.mentorWeek(h, start, today, true)
	if err != nil {
		return nil, err
	}
	return w.Unmatched, nil
}

// mentorWeek builds the week from weekStart as of day asOf. With
// activeOnly it reads only the running pairings; otherwise also those that
// ended since the week began.
func (s *Store) mentorWeek(h House, weekStart, asOf Date, activeOnly bool) (MentorWeekSummary, error) {
	w := MentorWeekSummary{WeekStart: weekStart, WeekEnd: weekStart.AddDays(6), AsOf: asOf}
	rs, err := s.residentsSince(weekStart) // the week's pairs lived here in it
	if err != nil {
		return w, err
	}
	// targets follow the phase each resident was in that week
	if rs, err = s.asAtWeekEnd(rs, w.WeekEnd); err != nil {
		return w, err
	}
	byID := make(map[string]Resident, len(rs))
	for _, r := range rs {
		byID[r.ID] = r
	}
	var rules MentorRules
	var pairs []Mentorship
	var checks []CheckIn
	last := map[string]Date{}
	err = s.read(func(txn *badger.Txn) error {
		var err error
		if rules, err = mentorRulesIn(txn, h); err != nil {
			return err
		}
		if pairs, err = weekPairings(txn, w, activeOnly); err != nil {
			return err
		}
		if checks, err = checkInsBetween(txn, weekStart, weekStart.AddDays(7)); err != nil {
			return err
		}
		return lastCheckIns(txn, pairs, asOf, last)
	})
	if err != nil {
		return w, fmt.Errorf("read mentor week: %w", err)
	}
	for _, m := range pairs {
		w.Pairs = append(w.Pairs, pairStatus(rules, w, m, byID, checks, last))
	}
	slices.SortStableFunc(w.Pairs, func(a, b PairStatus) int { return nameOrder(a.Mentee, b.Mentee) })
	w.Unmatched = unmatched(rules, rs, pairs, asOf)
	return w, nil
}

// weekPairings are the pairings that ran on some day of the week: the
// running ones that started by its end, and those that ended on or after
// its first day (through the end-date index).
func weekPairings(txn *badger.Txn, w MentorWeekSummary, activeOnly bool) ([]Mentorship, error) {
	active, err := activeMentorshipsIn(txn)
	if err != nil {
		return nil, err
	}
	out := slices.DeleteFunc(active, func(m Mentorship) bool { return m.Start.After(w.WeekEnd) })
	if activeOnly {
		return out, nil
	}
	err = scanRange(txn, pfxMshipEnded, w.WeekStart.Key(), "\xff", func(_ string, id string) error {
		var m Mentorship
		if err := getJSON(txn, pfxMship+id, &m); err != nil {
			return err
		}
		if !m.Start.After(w.WeekEnd) {
			out = append(out, m)
		}
		return nil
	})
	return out, err
}

// lastCheckIns finds each pairing's latest check-in up to asOf. The
// pairing's index is read from its end; a pairing with check-ins dated
// after asOf (a past week's report) steps back through them.
func lastCheckIns(txn *badger.Txn, pairs []Mentorship, asOf Date, into map[string]Date) error {
	limit := asOf.AddDays(1).Key()
	for _, m := range pairs {
		prefix := pfxCheckInPair + m.ID + "/"
		it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte(prefix), Reverse: true})
		it.Seek([]byte(prefix + limit))
		if it.Valid() {
			id := strings.TrimPrefix(string(it.Item().Key()), prefix)
			if d, err := ParseDate(id[:4] + "-" + id[4:6] + "-" + id[6:8]); err == nil {
				into[m.ID] = d
			}
		}
		it.Close()
	}
	return nil
}

func pairStatus(rules MentorRules, w MentorWeekSummary, m Mentorship, byID map[string]Resident,
	checks []CheckIn, last map[string]Date) PairStatus {
	p := PairStatus{Mentorship: m, Mentee: byID[m.MenteeID], Mentor: byID[m.MentorID]}
	for _, c := range checks {
		if c.MentorshipID == m.ID {
			p.ThisWeek++
			p.FollowUp = p.FollowUp || c.FollowUp
		}
	}
	p.Target = proratedTarget(rules.Target(p.Mentee.Phase), m, w.WeekStart, w.WeekEnd)
	from := m.Start
	if d, ok := last[m.ID]; ok {
		p.LastCheckIn, p.HasCheckIn, from = d, true, d
	}
	until := w.AsOf
	if !m.Active() && m.End.Before(until) {
		until = m.End
	}
	p.DaysSince = max(until.DaysSince(from), 0)
	gap := rules.ExpectedGap(p.Mentee.Phase)
	p.Overdue = m.Active() && gap > 0 && p.DaysSince > gap
	return p
}

// proratedTarget scales a week's target to the days the pairing ran in
// the week, rounding up.
func proratedTarget(target int, m Mentorship, weekStart, weekEnd Date) int {
	from, to := weekStart, weekEnd
	if m.Start.After(from) {
		from = m.Start
	}
	if !m.Active() && m.End.Before(to) {
		to = m.End
	}
	days := to.DaysSince(from) + 1
	if days >= 7 {
		return target
	}
	if days <= 0 {
		return 0
	}
	return int(math.Ceil(float64(target) * float64(days) / 7))
}

// unmatched lists the residents active now who should have a mentor and
// had no pairing running on day asOf.
func unmatched(rules MentorRules, rs []Resident, pairs []Mentorship, asOf Date) []NoMentor {
	has := map[string]bool{}
	for _, m := range pairs {
		if !m.Start.After(asOf) && (m.Active() || m.End.After(asOf)) {
			has[m.MenteeID] = true
		}
	}
	var out []NoMentor
	for _, r := range rs {
		if !r.Active() || has[r.ID] || !rules.NeedsMentor(r.Phase) || r.MoveIn.After(asOf) {
			continue
		}
		days := asOf.DaysSince(r.MoveIn)
		out = append(out, NoMentor{Resident: r, DaysInHouse: days, Late: days > rules.MentorWithinDays})
	}
	slices.SortStableFunc(out, func(a, b NoMentor) int { return cmp.Compare(b.DaysInHouse, a.DaysInHouse) })
	return out
}

// nameOrder is the residents list's order: last name, then first.
func nameOrder(a, b Resident) int {
	return NameOrder()(a.Last+" "+a.FirstName(), b.Last+" "+b.FirstName())
}

// AgoWords is how long ago a day was, kindly: "today", "yesterday",
// "3 days ago".
func AgoWords(day, today Date) string {
	switch n := today.DaysSince(day); {
	case n <= 0:
		return "today"
	case n == 1:
		return "yesterday"
	default:
		return fmt.Sprintf("%d days ago", n)
	}
}
