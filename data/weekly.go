package data

// The weekly house report's data: everything one house week's report
// prints, gathered from that week's keys (and the weeks around it the
// report looks at), never from the whole history of a time-ordered log.
//
// There are two copies. The house copy is posted on the board and read at
// the house meeting: it holds only what residents already share there. The
// manager copy adds move-out reasons and excuse reasons, and, only when the
// manager ticks them for this print, the sensitive parts (private notes,
// phone numbers). The house copy is stripped here, in the data layer, so a
// house copy's WeeklyReport never carries a sensitive word to be printed by
// mistake.
//
// Each section is gathered by one weekPart; a new section (mentors,
// accountability) is a field on WeeklyReport and a function appended to
// weeklyParts.

import (
	"fmt"
	"slices"
	"strings"
	"time"

	badger "github.com/dgraph-io/badger/v4"
)

// ReportCopy is which copy of the weekly report is printed.
type ReportCopy int

// The two copies.
const (
	CopyHouse   ReportCopy = iota // posted on the board: nothing sensitive
	CopyManager                   // for the owner, the board, a certifying body
)

// String is the copy's name as printed: "House copy".
func (c ReportCopy) String() string {
	if c == CopyManager {
		return "Manager copy"
	}
	return "House copy"
}

// ParseReportCopy reads "house" or "manager" (any case).
func ParseReportCopy(s string) (ReportCopy, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "house", "house copy":
		return CopyHouse, nil
	case "manager", "manager copy":
		return CopyManager, nil
	}
	return CopyHouse, fmt.Errorf("unknown copy %q: use house or manager", s)
}

// SensitiveParts are the parts of the manager copy printed only when the
// manager ticks them for this print. The house copy never prints them.
type SensitiveParts struct {
	Notes    bool // residents' private notes
	Contacts bool // residents' phone numbers, sponsors and emergency contacts
	// Incidents: incident details and the week's drug and alcohol test
	// results (opening them is audited). Off unless ticked for the print.
	Incidents bool
}

// Any reports whether any part is ticked.
func (p SensitiveParts) Any() bool { return p.Notes || p.Contacts || p.Incidents }

// WeeklyQuery asks for one week's report.
type WeeklyQuery struct {
	Week      Date // any day of the week; weeks start on House.WeekStart
	Copy      ReportCopy
	Sensitive SensitiveParts // manager copy only; ignored on the house copy
	// By is who prints it (the manager copy's incidents and tests are
	// opened in their name); zero: Porchlight itself.
	By Actor
}

// WeeklyReport is everything one week's report prints, already fitted to
// its copy.
type WeeklyReport struct {
	House      string
	From, To   Date // the house week, first and last day
	Copy       ReportCopy
	Sensitive  SensitiveParts // what was ticked and is included
	Census     WeekCensus
	Milestones WeekMilestones
	Meetings   []WeekMeeting        // the week's house business meetings, by date
	OpenItems  []OpenItem           // action items of earlier meetings still open, by due date
	Chores     WeekChores           // the week's tally and next week's roster
	SignOuts   WeekSignOuts         // late returns, curfew, overnight passes
	Outside    []OutsideMeetingWeek // outside meetings against each phase's requirement
	Mentors    WeekMentors          // pairings and check-ins against target
	// Accountability: the week's roster counts; the manager copy adds rows,
	// phase moves, follow-ups and (ticked) incidents and tests.
	Accountability WeekAccountability
	Notes          []ResidentNote    // manager copy, Notes ticked
	Contacts       []ResidentContact // manager copy, Contacts ticked
	// President is the house president on the week's last day, for a
	// peer-run house's signature line; zero when the house has none.
	President PersonRef
	// Corrections are records changed since the week that the report
	// cannot print as they were (weekly_asof.go).
	Corrections []Correction
}

// Manager reports whether this is the manager copy.
func (w WeeklyReport) Manager() bool { return w.Copy == CopyManager }

// weekCtx is what every part reads: the house, every resident (one scan)
// and the week's bounds in the house's time zone.
type weekCtx struct {
	q         WeeklyQuery
	house     House
	residents []Resident          // all, active and moved out, by name
	byID      map[string]Resident // the same, by ID
	rank      map[string]int      // a resident's place in residents: the report's name order
	from, to  Date
	loc       *time.Location
}

// weekPart gathers one section of the report.
type weekPart func(s *Store, c *weekCtx, rep *WeeklyReport) error

// weeklyParts are the sections gathered, in the report's order. Append a
// section's gatherer here.
func weeklyParts() []weekPart {
	return []weekPart{
		gatherCensus,
		gatherMilestones,
		gatherMeetings,
		gatherChores,
		gatherSignOuts,
		gatherOutside,
		gatherMentors,
		gatherAccountability,
		gatherSensitive,
		gatherPresident,
	}
}

// WeeklyReport gathers the report of the house week holding q.Week.
func (s *Store) WeeklyReport(q WeeklyQuery) (WeeklyReport, error) {
	c, err := s.weekContext(q)
	if err != nil {
		return WeeklyReport{}, fmt.Errorf("weekly report: %w", err)
	}
	rep := WeeklyReport{House: c.house.Name, From: c.from, To: c.to, Copy: q.Copy}
	if q.Copy == CopyManager {
		rep.Sensitive = q.Sensitive
	}
	for _, part := range weeklyParts() {
		if err := part(s, c, &rep); err != nil {
			return WeeklyReport{}, fmt.Errorf("weekly report for %s: %w", c.from, err)
		}
	}
	rep.Corrections = c.corrections()
	return rep, nil
}

func (s *Store) weekContext(q WeeklyQuery) (*weekCtx, error) {
	if q.Week.IsZero() {
		return nil, ValidationError{{"Week", "choose a week"}}
	}
	if q.Copy != CopyHouse && q.Copy != CopyManager {
		return nil, ValidationError{{"Copy", "choose the house or the manager copy"}}
	}
	h, err := s.House()
	if err != nil {
		return nil, err
	}
	from, _ := h.Week(q.Week)
	// who lived here in the week or the occupancy chart's weeks before it
	rs, err := s.residentsSince(from.AddDays(-7 * OccupancyWeeks))
	if err != nil {
		return nil, err
	}
	_, to := h.Week(q.Week)
	if rs, err = s.asAtWeekEnd(rs, to); err != nil {
		return nil, err
	}
	c := &weekCtx{q: q, house: h, residents: rs, byID: make(map[string]Resident, len(rs)),
		rank: make(map[string]int, len(rs)), loc: s.houseZone()}
	for i, r := range rs {
		c.byID[r.ID], c.rank[r.ID] = r, i
	}
	c.from, c.to = h.Week(q.Week)
	return c, nil
}

// manager reports whether the manager copy is being gathered.
func (c *weekCtx) manager() bool { return c.q.Copy == CopyManager }

// name is the name a resident is printed under (see nameOf).
func (c *weekCtx) name(id string) string {
	if r, ok := c.byID[id]; ok {
		return c.nameOf(r)
	}
	return "Former resident"
}

// nameOf follows DESIGN.md's rule for names: the manager copy is the
// manager's paper, so the full legal name with the preferred name in
// quotes (María José "Majo" Núñez); the house copy is read out at the
// house meeting, so the name the house uses (Majo Núñez).
func (c *weekCtx) nameOf(r Resident) string {
	if c.manager() {
		return r.Display()
	}
	return HouseName(r)
}

// sortIDs puts resident IDs in the report's name order (last name first).
func (c *weekCtx) sortIDs(ids []string) {
	slices.SortFunc(ids, func(a, b string) int { return c.rank[a] - c.rank[b] })
}

// HouseName is the name the house uses for a resident, in full: the
// preferred (or first) name and the last name, "Majo Núñez".
func HouseName(r Resident) string { return strings.TrimSpace(r.FirstName() + " " + r.Last) }

// presentOn lists the residents living in the house on day d, by name,
// from their current record and their earlier stays.
func (c *weekCtx) presentOn(d Date) []Resident {
	var out []Resident
	for _, r := range c.residents {
		if _, ok := stayOn(r, d); ok {
			out = append(out, r)
		}
	}
	return out
}

// stayOn is the residency of r that covers day d (from move-in to the day
// before move-out): the current one, or an earlier stay.
func stayOn(r Resident, d Date) (Stay, bool) {
	if r.Active() && !r.MoveIn.After(d) {
		return Stay{MoveIn: r.MoveIn}, true
	}
	for _, st := range r.Stays {
		if !st.MoveIn.After(d) && st.MoveOut.After(d) {
			return st, true
		}
	}
	return Stay{}, false
}

// dayBounds are the instants of [from 00:00, to+1 00:00) in the house zone.
func (c *weekCtx) dayBounds(from, to Date) (time.Time, time.Time) {
	return from.At(0, 0, c.loc), to.AddDays(1).At(0, 0, c.loc)
}

// gatherPresident finds the house president in office on the week's last
// day, for the signature line.
func gatherPresident(s *Store, c *weekCtx, rep *WeeklyReport) error {
	offs, err := s.OfficersOn(c.to)
	if err != nil {
		return err
	}
	for _, o := range offs {
		if o.Office == OfficePresident {
			rep.President = o.Person
		}
	}
	return nil
}

// readWeekRange scans a time-keyed log between two instants.
func readWeekRange[T any](s *Store, prefix string, a, b time.Time, fn func(T)) error {
	return s.read(func(txn *badger.Txn) error {
		return scanRange(txn, prefix, timeKey(a), timeKey(b), func(_ string, v T) error { fn(v); return nil })
	})
}
