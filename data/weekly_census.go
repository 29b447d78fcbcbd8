package data

import "strings"

// OccupancyWeeks is how many weeks the census's occupancy chart covers,
// the report's week last.
const OccupancyWeeks = 12

// Move-out reasons as the house copy prints them: nothing beyond these two.
const (
	HouseReasonCompleted = "Completed the program"
	HouseReasonMovedOn   = "Moved on"
)

// WeekCensus is who lived in the house in the week.
type WeekCensus struct {
	Beds      int           // beds in the house
	Filled    int           // beds filled on the week's last day
	Free      []string      // labels of the beds free on the week's last day
	Residents []CensusLine  // living in the house on the week's last day, by name
	MoveIns   []CensusMove  // by date
	MoveOuts  []CensusMove  // by date
	Reasons   []ReasonCount // move-outs by reason (manager copy only)
	// AvgDaysSober and AvgDaysStay are averages over the residents living
	// in the house on the week's last day, counted to that day.
	AvgDaysSober, AvgDaysStay float64
	// Occupancy is beds filled on the last day of each of the
	// OccupancyWeeks weeks up to this one, oldest first.
	Occupancy []WeekOccupancy
}

// CensusLine is one resident in the census.
type CensusLine struct {
	Name   string
	Bed    string
	Phase  string
	MoveIn Date
}

// CensusMove is a move-in or a move-out in the week.
type CensusMove struct {
	Name   string
	Date   Date
	Bed    string
	Reason string // move-outs: the recorded reason on the manager copy; one of the two house reasons on the house copy
}

// ReasonCount is how many moved out for one reason.
type ReasonCount struct {
	Reason string
	Count  int
}

// WeekOccupancy is one week's point of the occupancy chart.
type WeekOccupancy struct {
	Week   Date // the week's first day
	Filled int
	Beds   int
}

// houseReason is a move-out reason as the house copy may print it.
func houseReason(reason string) string {
	if reason == "Completed program" {
		return HouseReasonCompleted
	}
	return HouseReasonMovedOn
}

func gatherCensus(_ *Store, c *weekCtx, rep *WeeklyReport) error {
	cen := WeekCensus{Beds: len(c.house.Beds)}
	c.censusResidents(&cen)
	c.censusMoves(&cen)
	for i := OccupancyWeeks - 1; i >= 0; i-- {
		start := c.from.AddDays(-7 * i)
		cen.Occupancy = append(cen.Occupancy, WeekOccupancy{
			Week: start, Filled: len(c.presentOn(start.AddDays(6))), Beds: cen.Beds,
		})
	}
	rep.Census = cen
	return nil
}

// censusResidents fills the residents, beds and averages of the week's
// last day. A resident's bed is the one they hold now (or held when they
// left): bed moves within a stay are not kept.
func (c *weekCtx) censusResidents(cen *WeekCensus) {
	held := map[string]bool{}
	sober, stay := 0, 0
	present := c.presentOn(c.to)
	for _, r := range present {
		st, _ := stayOn(r, c.to)
		bed := st.Bed
		if b, ok := c.house.Bed(r.BedID); ok && r.Active() {
			bed = b.Label()
		}
		held[strings.ToLower(bed)] = true
		cen.Residents = append(cen.Residents, CensusLine{Name: c.nameOf(r), Bed: bed, Phase: r.Phase, MoveIn: st.MoveIn})
		sober += DaysSober(r.Sobriety, c.to)
		stay += c.to.DaysSince(st.MoveIn)
	}
	for _, b := range c.house.Beds {
		if !held[strings.ToLower(b.Label())] {
			cen.Free = append(cen.Free, b.Label())
		}
	}
	cen.Filled = len(present)
	if n := len(present); n > 0 {
		cen.AvgDaysSober, cen.AvgDaysStay = float64(sober)/float64(n), float64(stay)/float64(n)
	}
}

// censusMoves lists the week's move-ins and move-outs.
func (c *weekCtx) censusMoves(cen *WeekCensus) {
	in := func(d Date) bool { return !d.Before(c.from) && !d.After(c.to) }
	reasons := map[string]int{}
	for _, r := range c.residents {
		if r.Active() && in(r.MoveIn) {
			b, _ := c.house.Bed(r.BedID)
			cen.MoveIns = append(cen.MoveIns, CensusMove{Name: c.nameOf(r), Date: r.MoveIn, Bed: b.Label()})
		}
		for _, st := range r.Stays {
			if in(st.MoveIn) {
				cen.MoveIns = append(cen.MoveIns, CensusMove{Name: c.nameOf(r), Date: st.MoveIn, Bed: st.Bed})
			}
			if in(st.MoveOut) {
				reason := houseReason(st.Reason)
				if c.manager() {
					reason = st.Reason
					reasons[st.Reason]++
				}
				cen.MoveOuts = append(cen.MoveOuts, CensusMove{Name: c.nameOf(r), Date: st.MoveOut, Bed: st.Bed, Reason: reason})
			}
		}
	}
	sortBy(cen.MoveIns, func(m CensusMove) string { return m.Date.String() + m.Name })
	sortBy(cen.MoveOuts, func(m CensusMove) string { return m.Date.String() + m.Name })
	for _, reason := range MoveOutReasons {
		if n := reasons[reason]; n > 0 {
			cen.Reasons = append(cen.Reasons, ReasonCount{reason, n})
		}
	}
}
