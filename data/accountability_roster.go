package data

// The weekly accountability roster: one row per resident who lived in the
// house that week, one column per commitment (outside meetings, house
// meeting, chores, curfew, mentor check-ins, partner check-ins), and a
// status in words. It reads only the week's keys plus the residents, so
// its cost follows the week shown, not the years behind it.

import (
	"errors"
	"fmt"
	"strings"

	badger "github.com/dgraph-io/badger/v4"
)

// AccountStatus is a resident's week in words. Screens pair it with a
// colour (StatusColour), never colour alone.
type AccountStatus string

// Statuses of a week.
const (
	OnTrack       AccountStatus = "on track"
	CheckInWithMe AccountStatus = "check in with them"
)

// StatusColour names the theme colour for a status: "success" or "warning".
func StatusColour(s AccountStatus) string {
	if s == OnTrack {
		return "success"
	}
	return "warning"
}

// Commitment is one cell of the roster: a commitment for the week with its
// figures in words.
type Commitment struct {
	Name    string // "Outside meetings"
	Applies bool   // false: nothing asked of them this week (no meeting, no partner)
	Have    int
	Need    int
	Text    string // "3 of 5", "on time", "6 of 7 done, 1 missed"
	Met     bool
	// Open: the week is still running and this can still be met.
	Open bool
}

// AccountabilityRow is one resident's week.
type AccountabilityRow struct {
	ResidentID     string
	Name           string // "María N."
	Phase          string
	Meetings       Commitment
	HouseMeeting   Commitment
	Chores         Commitment
	Curfew         Commitment
	Mentor         Commitment
	Partner        Commitment
	OpenAgreements int // shown only as "1 open agreement"
	Status         AccountStatus
}

// Commitments lists the row's cells in column order.
func (r AccountabilityRow) Commitments() []Commitment {
	return []Commitment{r.Meetings, r.HouseMeeting, r.Chores, r.Curfew, r.Mentor, r.Partner}
}

// Score counts the commitments met and those that apply (for the
// sparkline and the house's share).
func (r AccountabilityRow) Score() (met, of int) {
	for _, c := range r.Commitments() {
		if c.Applies {
			of++
			if c.Met {
				met++
			}
		}
	}
	return met, of
}

// AgreementsText is "1 open agreement", "2 open agreements" or "".
func (r AccountabilityRow) AgreementsText() string {
	switch r.OpenAgreements {
	case 0:
		return ""
	case 1:
		return "1 open agreement"
	}
	return fmt.Sprintf("%d open agreements", r.OpenAgreements)
}

// AccountabilityRoster is the week holding day.
type AccountabilityRoster struct {
	From, To Date
	Running  bool // the week includes today
	Rows     []AccountabilityRow
}

// Share is the house's commitments met and counted that week.
func (a AccountabilityRoster) Share() (met, of int) {
	for _, r := range a.Rows {
		m, o := r.Score()
		met, of = met+m, of+o
	}
	return met, of
}

// AccountabilityRoster builds the roster of the house week holding day.
func (s *Store) AccountabilityRoster(day Date, mentors MentorSource) (AccountabilityRoster, error) {
	w, err := s.loadAccountWeek(day, mentorsOr(mentors))
	if err != nil {
		return AccountabilityRoster{}, fmt.Errorf("accountability roster: %w", err)
	}
	out := AccountabilityRoster{From: w.from, To: w.to, Running: w.running()}
	for _, r := range w.residents {
		row, err := w.row(r)
		if err != nil {
			return AccountabilityRoster{}, fmt.Errorf("accountability roster: %w", err)
		}
		out.Rows = append(out.Rows, row)
	}
	return out, nil
}

// accountWeek is everything one week's roster reads, read once.
type accountWeek struct {
	house      House
	from, to   Date
	today      Date
	residents  []Resident
	meetings   map[string]int
	attend     map[string][]AttendanceStatus
	held       bool // a required house meeting was held
	chores     map[string][]Assignment
	late       map[string]int
	partners   PartnerWeek
	checks     map[string]int
	daysNeeded int
	agreements map[string]int
	mentors    MentorSource
}

func (s *Store) loadAccountWeek(day Date, mentors MentorSource) (*accountWeek, error) {
	h, err := s.House()
	if err != nil {
		return nil, err
	}
	w := &accountWeek{house: h, today: s.Today(), mentors: mentors}
	w.from, w.to = h.Week(day)
	if w.residents, err = s.residentsDuring(w.from, w.to); err != nil {
		return nil, err
	}
	// a past week counts against the phase each resident was in then
	if w.residents, err = s.asAtWeekEnd(w.residents, w.to); err != nil {
		return nil, err
	}
	for _, load := range []func(*Store) error{w.loadAttendance, w.loadChores, w.loadSignLog, w.loadKeys} {
		if err := load(s); err != nil {
			return nil, err
		}
	}
	return w, nil
}

func (w *accountWeek) running() bool { return !w.today.Before(w.from) && !w.today.After(w.to) }

// residentsDuring lists the residents living in the house at any time in
// [from, to], by name.
func (s *Store) residentsDuring(from, to Date) ([]Resident, error) {
	all, err := s.residentsSince(from)
	if err != nil {
		return nil, err
	}
	var out []Resident
	for _, r := range all {
		if livedDuring(r, from, to) {
			out = append(out, r)
		}
	}
	return out, nil
}

func livedDuring(r Resident, from, to Date) bool {
	if r.Active() && !r.MoveIn.After(to) {
		return true
	}
	for _, st := range r.Stays {
		if !st.MoveIn.After(to) && !st.MoveOut.Before(from) {
			return true
		}
	}
	return false
}

func (w *accountWeek) loadAttendance(s *Store) error {
	settings, err := s.MeetingSettings()
	if err != nil {
		return err
	}
	ms, err := s.Meetings(w.from, w.to)
	if err != nil {
		return err
	}
	w.attend = map[string][]AttendanceStatus{}
	for _, m := range ms {
		if m.Status == MeetingStatusScheduled || !settings.IsRequired(m.Kind) {
			continue
		}
		w.held = true
		for _, a := range m.Roll {
			if a.ResidentID != "" && a.Status != AttendUnmarked {
				w.attend[a.ResidentID] = append(w.attend[a.ResidentID], a.Status)
			}
		}
	}
	return nil
}

func (w *accountWeek) loadChores(s *Store) error {
	r, err := s.Roster(w.from)
	if err != nil {
		return err
	}
	w.chores = map[string][]Assignment{}
	for _, a := range r.Assignments {
		if a.Covered() && a.Excused == "" {
			w.chores[a.ResidentID] = append(w.chores[a.ResidentID], a)
		}
	}
	return nil
}

func (w *accountWeek) loadSignLog(s *Store) error {
	log, err := s.SignLog(w.from, w.to, "")
	if err != nil {
		return err
	}
	w.late = map[string]int{}
	for _, e := range log {
		if e.Late {
			w.late[e.ResidentID]++
		}
	}
	return nil
}

// loadKeys reads the week's outside meetings, partners, partner check-ins
// and the open agreements in one transaction.
func (w *accountWeek) loadKeys(s *Store) error {
	lo, hi := s.weekKeys(w.from)
	return s.read(func(txn *badger.Txn) error {
		w.meetings = map[string]int{}
		err := scanRange(txn, pfxOutsideMtg, lo, hi, func(_ string, m OutsideMeeting) error {
			w.meetings[m.ResidentID]++
			return nil
		})
		if err != nil {
			return err
		}
		w.partners = PartnerWeek{Week: w.from}
		if err := getJSON(txn, pfxPartners+dateKey(w.from), &w.partners); err != nil && !errors.Is(err, ErrNotFound) {
			return err
		}
		ps, err := readPartnerSettings(txn)
		if err != nil {
			return err
		}
		w.daysNeeded = ps.DaysNeeded
		if w.checks, err = partnerChecks(txn, w.from); err != nil {
			return err
		}
		w.agreements, err = openAgreements(txn)
		return err
	})
}

// daysLeft counts the week's days from today on (0 for a past week).
func (w *accountWeek) daysLeft() int {
	if w.today.After(w.to) {
		return 0
	}
	if w.today.Before(w.from) {
		return 7
	}
	return w.to.DaysSince(w.today) + 1
}

func (w *accountWeek) row(r Resident) (AccountabilityRow, error) {
	p, _ := w.house.PhaseNamed(r.Phase)
	row := AccountabilityRow{ResidentID: r.ID, Name: r.Short(), Phase: r.Phase, OpenAgreements: w.agreements[r.ID]}
	row.Meetings = w.countCell("Outside meetings", w.meetings[r.ID], p.OutsideMeetings)
	row.HouseMeeting = w.houseMeetingCell(w.attend[r.ID])
	row.Chores = choresCell(w.chores[r.ID])
	row.Curfew = curfewCell(w.late[r.ID])
	n, err := w.mentors.CheckinsInWeek(r.ID, w.from)
	if err != nil {
		return row, fmt.Errorf("mentor check-ins: %w", err)
	}
	row.Mentor = w.countCell("Mentor check-ins", n, p.MentorCheckins)
	row.Partner = w.partnerCell(r.ID)
	row.Status = OnTrack
	for _, c := range row.Commitments() {
		if c.Applies && !c.Met && !c.Open {
			row.Status = CheckInWithMe
		}
	}
	return row, nil
}

// countCell is "3 of 5"; it applies when something is asked.
func (w *accountWeek) countCell(name string, have, need int) Commitment {
	c := Commitment{Name: name, Applies: need > 0, Have: have, Need: need, Met: have >= need}
	c.Text = fmt.Sprintf("%d of %d", have, need)
	if need == 0 {
		c.Text = fmt.Sprintf("%d", have)
	}
	c.Open = !c.Met && w.daysLeft() > 0
	return c
}

func (w *accountWeek) partnerCell(residentID string) Commitment {
	c := Commitment{Name: "Partner check-ins", Text: "no partner"}
	if len(w.partners.PartnersOf(residentID)) == 0 {
		return c
	}
	c.Applies, c.Have, c.Need = true, w.checks[residentID], w.daysNeeded
	c.Met = c.Have >= c.Need
	// While the week runs, partner check-ins stay open: partners are often
	// made mid-week, and a few days' check-ins are no reason to call
	// anyone to account before the week is over.
	c.Open = !c.Met && w.daysLeft() > 0
	c.Text = fmt.Sprintf("%d of %d days", c.Have, c.Need)
	return c
}

func (w *accountWeek) houseMeetingCell(marks []AttendanceStatus) Commitment {
	c := Commitment{Name: "House meeting", Text: "no meeting yet"}
	if !w.held {
		c.Open = w.daysLeft() > 0
		if !c.Open {
			c.Text = "no meeting"
		}
		return c
	}
	var present, excused, absent int
	for _, m := range marks {
		switch {
		case m.There():
			present++
		case m == AttendExcused:
			excused++
		case m == AttendAbsent:
			absent++
		}
	}
	c.Applies, c.Have, c.Need, c.Met = true, present+excused, len(marks), absent == 0
	var parts []string
	for _, p := range []struct {
		n    int
		word string
	}{{present, "present"}, {excused, "excused"}, {absent, "absent"}} {
		if p.n == 1 && len(marks) == 1 {
			parts = append(parts, p.word)
		} else if p.n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", p.n, p.word))
		}
	}
	c.Text = strings.Join(parts, ", ")
	if len(marks) == 0 {
		c.Applies, c.Text = false, "not on the roll"
	}
	return c
}

func choresCell(as []Assignment) Commitment {
	c := Commitment{Name: "Chores", Text: "none this week"}
	if len(as) == 0 {
		return c
	}
	missed, open := 0, 0
	for _, a := range as {
		switch {
		case a.Status == ChoreDone || a.Status == ChoreVerified:
			c.Have++
		case a.Status == ChoreMissed:
			missed++
		default:
			open++
		}
	}
	c.Applies, c.Need, c.Met, c.Open = true, len(as), missed == 0 && open == 0, missed == 0 && open > 0
	c.Text = fmt.Sprintf("%d of %d done", c.Have, c.Need)
	if missed > 0 {
		c.Text += fmt.Sprintf(", %d missed", missed)
	}
	return c
}

func curfewCell(late int) Commitment {
	c := Commitment{Name: "Curfew", Applies: true, Have: late, Met: late == 0, Text: "on time"}
	if late > 0 {
		c.Text = fmt.Sprintf("%d late", late)
	}
	return c
}

// WeekShare is one week's commitments met, for a chart.
type WeekShare struct {
	Week    Date
	Met, Of int
}

// Fraction is Met/Of, or 0 when nothing was counted.
func (w WeekShare) Fraction() float64 {
	if w.Of == 0 {
		return 0
	}
	return float64(w.Met) / float64(w.Of)
}

// AccountabilityTrends reads the `weeks` house weeks ending with the one
// holding day, oldest first: each resident's share (for the 8-week
// sparkline, keyed by resident ID, one entry a week with Of 0 for weeks
// they did not live in the house) and the house's share (the 12-week chart).
func (s *Store) AccountabilityTrends(day Date, weeks int, mentors MentorSource) (map[string][]WeekShare, []WeekShare, error) {
	h, err := s.House()
	if err != nil {
		return nil, nil, err
	}
	start := day.WeekStart(h.WeekStart).AddDays(-7 * (weeks - 1))
	per := map[string][]WeekShare{}
	var house []WeekShare
	for i := range weeks {
		wk := start.AddDays(7 * i)
		ro, err := s.AccountabilityRoster(wk, mentors)
		if err != nil {
			return nil, nil, err
		}
		met, of := ro.Share()
		house = append(house, WeekShare{Week: wk, Met: met, Of: of})
		for _, r := range ro.Rows {
			if per[r.ResidentID] == nil {
				per[r.ResidentID] = make([]WeekShare, weeks)
				for j := range weeks {
					per[r.ResidentID][j].Week = start.AddDays(7 * j)
				}
			}
			m, o := r.Score()
			per[r.ResidentID][i] = WeekShare{Week: wk, Met: m, Of: o}
		}
	}
	return per, house, nil
}
