package data

import "fmt"

// The demo house: a throwaway store with a dozen residents, so a newcomer
// sees a living house at once. It is only ever written into a temporary
// folder (see cmd/porchlight --demo).
const (
	DemoManager  = "Sam Rivera"
	DemoPasscode = "porchlight"
)

// DemoKDF is a cheap argon2id cost for the throwaway demo store only.
var DemoKDF = KDFParams{Time: 1, Memory: 8 * 1024, Threads: 1}

// CreateDemo sets up the demo house in a new vault and fills it.
func CreateDemo(v *Vault) (*Store, error) {
	st, err := createDemoHouse(v)
	if err != nil {
		return nil, err
	}
	fill := func() error {
		if err := seedDemoBase(st); err != nil {
			return err
		}
		return seedDemoMeetings(st)
	}
	if err := fill(); err != nil {
		st.Close()
		return nil, fmt.Errorf("fill demo house: %w", err)
	}
	return st, nil
}

// createDemoHouse sets up the demo house, empty, with its first manager.
func createDemoHouse(v *Vault) (*Store, error) {
	h := DefaultHouse()
	h.Name = "Maple Street House"
	h.Address = "41 Maple Street"
	beds, err := ParseBeds("Room 1: A, B\nRoom 2: A, B\nRoom 3: A, B, C\nRoom 4: A, B\nRoom 5: A, B\nRoom 6\nRoom 7: A, B")
	if err != nil {
		return nil, err
	}
	h.Beds = beds
	st, _, err := v.Create(h, NewManager{Name: DemoManager, Passcode: DemoPasscode, Confirm: DemoPasscode})
	if err != nil {
		return nil, fmt.Errorf("create demo house: %w", err)
	}
	return st, nil
}

// seedDemoBase adds the second manager, the residents, the kiosk's
// records and the chores: everything but the meetings.
func seedDemoBase(st *Store) error {
	if _, err := st.AddManager(ByManager(st.Session()), NewManager{Name: "Dana Okafor", Passcode: DemoPasscode, Confirm: DemoPasscode}); err != nil {
		return err
	}
	if err := seedDemoResidents(st); err != nil {
		return err
	}
	if err := seedDemoKiosk(st); err != nil {
		return err
	}
	if err := seedDemoChores(st); err != nil {
		return err
	}
	return seedDemoMentors(st)
}

type demoResident struct {
	first, last, preferred, phase string
	soberDays, inDays             int
	pathways                      []string
	langs                         []string
}

func seedDemoResidents(st *Store) error {
	people := []demoResident{
		{"María José", "Núñez", "Majo", "Phase 2", 92, 80, []string{"AA"}, []string{"Spanish", "English"}},
		{"Thanh", "Nguyễn", "", "Phase 1", 29, 25, []string{"NA"}, []string{"Vietnamese", "English"}},
		{"Siobhán", "O'Brien", "", "Phase 3", 364, 200, []string{"AA", "Medication-assisted recovery"}, []string{"English", "Irish"}},
		{"Paweł", "Kowalczyk", "", "Phase 2", 178, 150, []string{"SMART Recovery"}, []string{"Polish", "English"}},
		{"Олена", "Коваленко", "Olena", "Phase 1", 58, 50, []string{"NA"}, []string{"Ukrainian", "English"}},
		{"Γιώργος", "Παπαδόπουλος", "George", "Phase 1", 12, 10, []string{"Recovery Dharma"}, []string{"Greek", "English"}},
		{"Jamal", "Washington", "", "Phase 3", 540, 300, []string{"CA", "NA"}, []string{"English"}},
		{"Aoife", "Ní Bhriain", "", "Phase 2", 121, 110, []string{"Refuge Recovery"}, []string{"English"}},
		{"José Luis", "Peña", "Pepe", "Phase 1", 0, 1, []string{"AA"}, []string{"Spanish"}},
		{"Zoë", "Lefèvre", "", "Phase 2", 270, 140, []string{"Celebrate Recovery"}, []string{"French", "English"}},
		{"Darnell", "Brooks", "", "Phase 1", 33, 30, []string{"SMART Recovery", "AA"}, []string{"English"}},
		{"Björn", "Åkesson", "", "Phase 3", 731, 330, []string{"AA"}, []string{"Swedish", "English"}},
	}
	h, err := st.House()
	if err != nil {
		return err
	}
	today := st.Today()
	for i, p := range people {
		r := Resident{
			First: p.first, Last: p.last, Preferred: p.preferred, Phase: p.phase,
			BedID: h.Beds[i].ID, MoveIn: today.AddDays(-p.inDays), Sobriety: today.AddDays(-p.soberDays),
			Pathways: p.pathways, Languages: p.langs, Phone: fmt.Sprintf("555-01%02d", 10+i),
			HomeGroup: "Tuesday Night Step Study",
			Sponsor:   Contact{Name: "A. Sponsor", Phone: "555-0199"},
			Emergency: Contact{Name: "Family contact", Relation: "Sibling", Phone: "555-0188"},
		}
		if _, err := st.AddResident(System, r); err != nil {
			return fmt.Errorf("add demo resident %d: %w", i+1, err)
		}
	}
	return seedDemoHistory(st, h, today)
}

// seedDemoHistory adds one former resident, so move-out history shows.
func seedDemoHistory(st *Store, h House, today Date) error {
	r, err := st.AddResident(System, Resident{
		First: "Kenji", Last: "Watanabe", Phase: "Phase 2", BedID: h.Beds[len(h.Beds)-1].ID,
		MoveIn: today.AddDays(-200), Sobriety: today.AddDays(-210),
	})
	if err != nil {
		return err
	}
	return st.MoveOut(System, r.ID, today.AddDays(-20), "Completed program")
}
