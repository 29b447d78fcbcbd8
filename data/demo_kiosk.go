package data

import (
	"fmt"
	"time"
)

// seedDemoKiosk fills the demo house's kiosk: PINs, a few sign-outs and
// outside meetings. Call it after seedDemoResidents.
//
// Demo PINs: every demo resident's kiosk PIN is the last four digits of
// their demo phone number, which the resident screen shows: 555-0110 has
// PIN 0110, 555-0111 has 0111, and so on (the first resident listed in
// the demo gets 0110, the twelfth 0121). The former resident has none.
//
// Sign-outs: the second and fourth active residents (by the demo's order)
// are out now; the third came back 40 minutes after last night's curfew.
func seedDemoKiosk(st *Store) error {
	rs, err := demoKioskResidents(st)
	if err != nil {
		return err
	}
	for _, r := range rs {
		if err := st.SetPIN(System, r.ID, demoPIN(r)); err != nil {
			return fmt.Errorf("demo PIN for %s: %w", r.Short(), err)
		}
	}
	if len(rs) < 4 {
		return nil
	}
	if err := seedDemoSignOuts(st, rs); err != nil {
		return err
	}
	return seedDemoOutsideMeetings(st, rs)
}

// demoKioskResidents returns the active demo residents in the order the
// demo added them (their phone numbers count up).
func demoKioskResidents(st *Store) ([]Resident, error) {
	rs, err := st.ActiveResidents()
	if err != nil {
		return nil, err
	}
	sortBy(rs, func(r Resident) string { return r.Phone })
	return rs, nil
}

// demoPIN is the last four digits of the resident's phone number.
func demoPIN(r Resident) string {
	digits := make([]byte, 0, len(r.Phone))
	for i := 0; i < len(r.Phone); i++ {
		if c := r.Phone[i]; c >= '0' && c <= '9' {
			digits = append(digits, c)
		}
	}
	if len(digits) < 4 {
		return "2580"
	}
	return string(digits[len(digits)-4:])
}

func seedDemoSignOuts(st *Store, rs []Resident) error {
	h, err := st.House()
	if err != nil {
		return err
	}
	now, loc := st.Now(), st.houseZone()
	last := NightOf(now).AddDays(-1)
	late := rs[2]
	curfew := h.CurfewAt(late.Phase, last, loc)
	if _, err := st.signOutAt(System, late.ID, DestFamily, "Dinner at my sister's", last.At(18, 30, loc), time.Time{}); err != nil {
		return err
	}
	if _, err := st.signInAt(System, late.ID, curfew.Add(40*time.Minute)); err != nil {
		return err
	}
	if _, err := st.signOutAt(System, rs[1].ID, DestWork, "Harbor Diner", now.Add(-3*time.Hour), now.Add(2*time.Hour)); err != nil {
		return err
	}
	_, err = st.signOutAt(System, rs[3].ID, DestMeeting, "Noon SMART group", now.Add(-40*time.Minute), time.Time{})
	return err
}

func seedDemoOutsideMeetings(st *Store, rs []Resident) error {
	// Each meeting is named and timed as a real one would be: the step
	// study on the evening it is named for, the sunrise group early.
	loc := st.houseZone()
	today := st.Today()
	day := func(back, hh, mm int) time.Time { return today.AddDays(-back).At(hh, mm, loc) }
	study := day(2, 19, 30)
	noon := day(0, 12, 0)
	if noon.After(st.Now()) {
		noon = day(1, 12, 0)
	}
	meetings := []OutsideMeeting{
		{ResidentID: rs[0].ID, Pathway: "AA", Name: "Sunrise Group", At: day(1, 6, 30), Verifier: "Linda K."},
		{ResidentID: rs[0].ID, Pathway: "AA", Name: study.Weekday().String() + " Night Step Study", At: study},
		{ResidentID: rs[1].ID, Pathway: "NA", Name: "Clean and Serene (noon)", At: noon, Verifier: "Marcus T."},
	}
	for _, m := range meetings {
		if _, err := st.LogOutsideMeeting(System, m); err != nil {
			return fmt.Errorf("demo outside meeting: %w", err)
		}
	}
	return nil
}
