package data

// The Mentors section's board (every active resident with their mentor, or
// "No mentor yet") and the kiosk's narrow view: a resident sees only their
// own mentor's short name and their own last check-in, and, if they mentor
// others, their mentees' first names and last check-in; nothing else.

import "fmt"

// MentorBoardRow is one active resident on the Mentors section's board.
type MentorBoardRow struct {
	Resident Resident
	// Pair is the resident's running pairing as mentee, with its week;
	// nil when they have no mentor.
	Pair *PairStatus
	// NoMentor is set when they have no mentor and their phase should
	// have one ("No mentor yet", with days since move-in).
	NoMentor *NoMentor
	Mentees  int // running pairings as mentor
}

// MentorBoard returns every active resident, by name, with their mentor
// and this week's check-ins, or flagged as having no mentor yet.
func (s *Store) MentorBoard(today Date) ([]MentorBoardRow, error) {
	h, err := s.House()
	if err != nil {
		return nil, err
	}
	start, _ := h.Week(today)
	w, err := s.mentorWeek(h, start, today, true)
	if err != nil {
		return nil, err
	}
	rs, err := s.ActiveResidents()
	if err != nil {
		return nil, err
	}
	pairs, mentees := map[string]*PairStatus{}, map[string]int{}
	for i := range w.Pairs {
		pairs[w.Pairs[i].Mentorship.MenteeID] = &w.Pairs[i]
		mentees[w.Pairs[i].Mentorship.MentorID]++
	}
	none := map[string]*NoMentor{}
	for i := range w.Unmatched {
		none[w.Unmatched[i].Resident.ID] = &w.Unmatched[i]
	}
	out := make([]MentorBoardRow, len(rs))
	for i, r := range rs {
		out[i] = MentorBoardRow{Resident: r, Pair: pairs[r.ID], NoMentor: none[r.ID], Mentees: mentees[r.ID]}
	}
	return out, nil
}

// KioskMentor is what a resident sees about their mentoring at the kiosk.
type KioskMentor struct {
	HasMentor    bool
	MentorshipID string // to log a check-in with the mentor
	MentorName   string // "Ana R.": preferred or first name, last initial
	HasCheckIn   bool
	LastCheckIn  Date
	ThisWeek     int // check-ins this house week
	Target       int // expected this week
	// Mentees are the resident's own mentees, if they mentor.
	Mentees []KioskMentee
}

// KioskMentee is one of a mentor's mentees as the kiosk shows them: first
// name and last check-in, nothing else.
type KioskMentee struct {
	MentorshipID string
	FirstName    string
	HasCheckIn   bool
	LastCheckIn  Date
}

// LastCheckInWords is "last check-in 3 days ago", or "no check-in yet".
func (k KioskMentor) LastCheckInWords(today Date) string {
	return lastWords(k.HasCheckIn, k.LastCheckIn, today)
}

// LastCheckInWords is "last check-in yesterday", or "no check-in yet".
func (k KioskMentee) LastCheckInWords(today Date) string {
	return lastWords(k.HasCheckIn, k.LastCheckIn, today)
}

func lastWords(has bool, d, today Date) string {
	if !has {
		return "no check-in yet"
	}
	return "last check-in " + AgoWords(d, today)
}

// MyMentor gathers a resident's own mentoring for the kiosk, for the
// house week containing today.
func (s *Store) MyMentor(residentID string, today Date) (KioskMentor, error) {
	h, err := s.House()
	if err != nil {
		return KioskMentor{}, fmt.Errorf("my mentor: %w", err)
	}
	start, _ := h.Week(today)
	w, err := s.mentorWeek(h, start, today, true)
	if err != nil {
		return KioskMentor{}, fmt.Errorf("my mentor: %w", err)
	}
	var k KioskMentor
	for _, p := range w.Pairs {
		switch residentID {
		case p.Mentorship.MenteeID:
			k.HasMentor, k.MentorshipID, k.MentorName = true, p.Mentorship.ID, p.Mentor.Short()
			k.HasCheckIn, k.LastCheckIn, k.ThisWeek, k.Target = p.HasCheckIn, p.LastCheckIn, p.ThisWeek, p.Target
		case p.Mentorship.MentorID:
			k.Mentees = append(k.Mentees, KioskMentee{
				MentorshipID: p.Mentorship.ID, FirstName: p.Mentee.FirstName(),
				HasCheckIn: p.HasCheckIn, LastCheckIn: p.LastCheckIn,
			})
		}
	}
	return k, nil
}
