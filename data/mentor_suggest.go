package data

// Who may mentor (the house's criteria applied to one resident, with the
// reasons why not in words) and ranked mentor suggestions for a resident,
// each with its reasons: shares a pathway, speaks the same language, has
// room, time sober, an earlier pairing, not the same room. A criterion not
// met is a caution that lowers the rank, never a block; only a full
// mentor (capacity) cannot be chosen.

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	badger "github.com/dgraph-io/badger/v4"
)

// MentorCheck says whether a resident meets the house's mentor criteria
// now, and how many mentees they have.
type MentorCheck struct {
	ResidentID string
	Name       string // "Jamal W."
	Meets      bool
	WhyNot     []string // each criterion not met, in words
	Mentees    int      // running pairings as mentor
	Capacity   int
}

// HasRoom reports whether the mentor can take another mentee.
func (c MentorCheck) HasRoom() bool { return c.Mentees < c.Capacity }

// Room is "1 of 2": mentees now of the most allowed.
func (c MentorCheck) Room() string { return fmt.Sprintf("%d of %d", c.Mentees, c.Capacity) }

// CheckMentor applies the house's mentor criteria to one resident today.
func (s *Store) CheckMentor(residentID string) (MentorCheck, error) {
	ctx, err := s.mentorContext()
	if err != nil {
		return MentorCheck{}, err
	}
	r, err := s.Resident(residentID)
	if err != nil {
		return MentorCheck{}, err
	}
	return ctx.check(r), nil
}

// MentorChecks applies the criteria to every active resident, by name:
// who may mentor now, and why not for the others.
func (s *Store) MentorChecks() ([]MentorCheck, error) {
	ctx, err := s.mentorContext()
	if err != nil {
		return nil, err
	}
	out := make([]MentorCheck, 0, len(ctx.residents))
	for _, r := range ctx.residents {
		out = append(out, ctx.check(r))
	}
	return out, nil
}

// mentorCriteriaProblems lists, in words, the criteria r does not meet on
// day today.
func mentorCriteriaProblems(rules MentorRules, h House, r Resident, today Date) []string {
	var out []string
	if !r.Active() {
		out = append(out, "Has moved out")
	}
	if rules.RequireWilling && !r.MentorWilling {
		out = append(out, "Has not said they are willing to mentor")
	}
	if rules.MinDaysSober > 0 {
		switch d := DaysSober(r.Sobriety, today); {
		case r.Sobriety.IsZero():
			out = append(out, fmt.Sprintf("No sobriety date on record; the house asks for %d days", rules.MinDaysSober))
		case d < rules.MinDaysSober:
			out = append(out, fmt.Sprintf("Sober %s; the house asks for %d days", plural(d, "day"), rules.MinDaysSober))
		}
	}
	if rules.MinPhase != "" && phaseIndex(h, r.Phase) < phaseIndex(h, rules.MinPhase) {
		in := "No phase on record"
		if r.Phase != "" {
			in = "In " + r.Phase
		}
		out = append(out, in+"; the house asks for "+rules.MinPhase+" or later")
	}
	if need := rules.MinWeeksInHouse * 7; need > 0 && !r.MoveIn.IsZero() && today.DaysSince(r.MoveIn) < need {
		out = append(out, fmt.Sprintf("In the house %s; the house asks for %s",
			plural(today.DaysSince(r.MoveIn), "day"), plural(rules.MinWeeksInHouse, "week")))
	}
	return out
}

// plural is "1 day", "3 days".
func plural(n int, unit string) string {
	if n == 1 {
		return "1 " + unit
	}
	return fmt.Sprintf("%d %ss", n, unit)
}

// soberWords is a resident's time sober in round words: "45 days",
// "5 months", "2 years".
func soberWords(days int) string {
	switch {
	case days < 90:
		return plural(days, "day")
	case days < 365:
		return plural(days/30, "month")
	}
	return plural(days/365, "year")
}

// Suggestion is one possible mentor for a resident, with the reasons for
// and against in words.
type Suggestion struct {
	Mentor Resident
	Check  MentorCheck
	// Reasons are what makes them a good fit, in the order the house reads
	// them: pathway, language, room, time sober, history, room apart.
	Reasons []string
	// Cautions warn, never block: criteria not met, sharing a room, an
	// earlier pairing that ended at someone's request.
	Cautions []string
	// Blocked is why they cannot be chosen ("No room (2 of 2)"), or "".
	Blocked string
	Score   int
}

// SuggestMentors ranks the active residents as mentors for menteeID: those
// with room first, then those who meet the house's criteria, then by how
// well they fit (the reasons), then by time sober. The mentee and their
// current mentor are not listed.
func (s *Store) SuggestMentors(menteeID string) ([]Suggestion, error) {
	ctx, err := s.mentorContext()
	if err != nil {
		return nil, err
	}
	mentee, err := s.Resident(menteeID)
	if err != nil {
		return nil, err
	}
	history, err := s.MentorshipHistory(menteeID)
	if err != nil {
		return nil, err
	}
	current := ""
	for _, m := range history {
		if m.Active() && m.MenteeID == menteeID {
			current = m.MentorID
		}
	}
	var out []Suggestion
	for _, c := range ctx.residents {
		if c.ID == menteeID || c.ID == current {
			continue
		}
		out = append(out, ctx.suggest(mentee, c, history))
	}
	slices.SortStableFunc(out, func(a, b Suggestion) int {
		return cmp.Or(
			cmpBool(a.Blocked == "", b.Blocked == ""),
			cmpBool(a.Check.Meets, b.Check.Meets),
			cmp.Compare(b.Score, a.Score),
			cmp.Compare(DaysSober(b.Mentor.Sobriety, ctx.today), DaysSober(a.Mentor.Sobriety, ctx.today)),
		)
	})
	return out, nil
}

// cmpBool orders true before false.
func cmpBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return -1
	}
	return 1
}

// mentorContext is what checking and ranking mentors reads once: the rules,
// the house, the active residents (by name) and the running pairings.
type mentorContext struct {
	rules     MentorRules
	house     House
	today     Date
	residents []Resident
	mentees   map[string]int    // mentor ID -> running pairings
	mentorOf  map[string]string // mentee ID -> their mentor's ID
}

func (s *Store) mentorContext() (mentorContext, error) {
	h, err := s.House()
	if err != nil {
		return mentorContext{}, err
	}
	rs, err := s.ActiveResidents()
	if err != nil {
		return mentorContext{}, err
	}
	ctx := mentorContext{house: h, today: s.Today(), residents: rs, mentees: map[string]int{}, mentorOf: map[string]string{}}
	err = s.read(func(txn *badger.Txn) error {
		if ctx.rules, err = mentorRulesIn(txn, h); err != nil {
			return err
		}
		active, err := activeMentorshipsIn(txn)
		for _, m := range active {
			ctx.mentees[m.MentorID]++
			ctx.mentorOf[m.MenteeID] = m.MentorID
		}
		return err
	})
	if err != nil {
		return mentorContext{}, fmt.Errorf("read mentors: %w", err)
	}
	return ctx, nil
}

func (ctx mentorContext) check(r Resident) MentorCheck {
	why := mentorCriteriaProblems(ctx.rules, ctx.house, r, ctx.today)
	return MentorCheck{
		ResidentID: r.ID, Name: r.Short(), Meets: len(why) == 0, WhyNot: why,
		Mentees: ctx.mentees[r.ID], Capacity: ctx.rules.Capacity,
	}
}

// suggest weighs one candidate c for mentee e.
func (ctx mentorContext) suggest(e, c Resident, history []Mentorship) Suggestion {
	sg := Suggestion{Mentor: c, Check: ctx.check(c)}
	switch {
	case ctx.mentorOf[c.ID] == e.ID:
		sg.Blocked = "Is " + e.Short() + "'s mentee"
	case !sg.Check.HasRoom():
		sg.Blocked = "No room (" + sg.Check.Room() + ")"
	}
	sg.fitPathway(e, c)
	sg.fitLanguage(e, c)
	if sg.Check.HasRoom() {
		sg.Reasons = append(sg.Reasons, "Has room ("+sg.Check.Room()+")")
		sg.Score += min(sg.Check.Capacity-sg.Check.Mentees, 2)
	}
	if !c.Sobriety.IsZero() {
		days := DaysSober(c.Sobriety, ctx.today)
		sg.Reasons = append(sg.Reasons, soberWords(days)+" sober")
		if days >= 365 {
			sg.Score++
		}
	}
	sg.fitHistory(c, history)
	sg.fitRoom(ctx.house, e, c)
	if ctx.rules.PreferSameGender {
		sg.fitGender(e, c)
	}
	sg.Cautions = append(sg.Cautions, sg.Check.WhyNot...)
	return sg
}

func (sg *Suggestion) fitPathway(e, c Resident) {
	var shared []string
	for _, p := range e.Pathways {
		if contains(c.Pathways, p) {
			shared = append(shared, p)
		}
	}
	if len(shared) > 0 {
		sg.Reasons = append(sg.Reasons, "Shares a pathway: "+strings.Join(shared, ", "))
		sg.Score += 3
	}
}

// fitLanguage favours the mentee's first-listed language over any other
// they share.
func (sg *Suggestion) fitLanguage(e, c Resident) {
	for i, l := range e.Languages {
		if containsFold(c.Languages, l) {
			sg.Reasons = append(sg.Reasons, "Speaks "+l)
			sg.Score += max(2-i, 1)
			return
		}
	}
}

func containsFold(xs []string, x string) bool {
	return slices.ContainsFunc(xs, func(y string) bool { return strings.EqualFold(strings.TrimSpace(y), strings.TrimSpace(x)) })
}

// fitHistory weighs earlier pairings of c as e's mentor.
func (sg *Suggestion) fitHistory(c Resident, history []Mentorship) {
	var before, well, early bool
	for _, m := range history {
		if m.MentorID != c.ID || m.Active() {
			continue
		}
		before = true
		if m.EndedWell {
			well = true
		} else {
			early = true
		}
	}
	switch {
	case early:
		sg.Cautions = append(sg.Cautions, "Mentored them before; it ended early")
		sg.Score -= 3
	case well:
		sg.Reasons = append(sg.Reasons, "Mentored them before, and it ended well")
		sg.Score++
	case !before && len(history) > 0:
		sg.Reasons = append(sg.Reasons, "Has not mentored them before")
	}
}

func (sg *Suggestion) fitRoom(h House, e, c Resident) {
	eb, ok1 := h.Bed(e.BedID)
	cb, ok2 := h.Bed(c.BedID)
	if ok1 && ok2 && eb.Room == cb.Room {
		sg.Cautions = append(sg.Cautions, "Shares a room with them")
		sg.Score--
		return
	}
	sg.Reasons = append(sg.Reasons, "Not in the same room")
	sg.Score++
}

func (sg *Suggestion) fitGender(e, c Resident) {
	if e.Gender == "" || c.Gender == "" {
		return
	}
	if strings.EqualFold(e.Gender, c.Gender) {
		sg.Reasons = append(sg.Reasons, "Same gender (house preference)")
		sg.Score += 2
		return
	}
	sg.Cautions = append(sg.Cautions, "Not the same gender; the house prefers the same")
	sg.Score -= 2
}
