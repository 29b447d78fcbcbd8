package data

import "slices"

// A past week's report prints the house as it was at the week's end, so
// an ended week regenerates the same whatever was edited later. The store
// keeps the history of what changes often: every earlier sobriety date
// (with the day it was changed) and every phase move (with its day), so
// those are put back as they were. A name has no history; when one was
// corrected after the week, the report says so.

// Correction is a resident's record changed after the week in a way the
// report cannot print as it was.
type Correction struct {
	Name string // as the record now has it, by the copy's naming rule
	What string // "name"
	On   Date
}

// asAtWeekEnd puts each resident's sobriety date and phase back to what
// they were on the week's last day.
func (s *Store) asAtWeekEnd(rs []Resident, end Date) ([]Resident, error) {
	later, err := s.PhaseChangesIn(end.AddDays(1), s.Today().AddDays(366))
	if err != nil {
		return nil, err
	}
	slices.SortStableFunc(later, func(a, b PhaseChange) int { return a.On.Compare(b.On) })
	phaseThen := map[string]string{}
	for _, ch := range later {
		if _, seen := phaseThen[ch.ResidentID]; !seen {
			phaseThen[ch.ResidentID] = ch.From
		}
	}
	out := slices.Clone(rs)
	for i := range out {
		r := &out[i]
		for _, sc := range r.EarlierSobriety { // oldest change first
			if sc.ChangedOn.After(end) {
				r.Sobriety = sc.Was
				break
			}
		}
		if p, ok := phaseThen[r.ID]; ok {
			r.Phase = p
		}
	}
	return out, nil
}

// corrections lists the residents of the week whose names were changed
// after it, by name order.
func (c *weekCtx) corrections() []Correction {
	var out []Correction
	for _, r := range c.residents {
		if !r.NameChangedOn.After(c.to) || !c.livedInWeek(r) {
			continue
		}
		out = append(out, Correction{Name: c.nameOf(r), What: "name", On: r.NameChangedOn})
	}
	return out
}

// livedInWeek reports whether r lived in the house on any day of the week.
func (c *weekCtx) livedInWeek(r Resident) bool {
	for d := c.from; !d.After(c.to); d = d.AddDays(1) {
		if _, ok := stayOn(r, d); ok {
			return true
		}
	}
	return false
}
