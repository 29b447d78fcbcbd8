package data

import (
	"fmt"
	"strings"
)

// Years of demo history (porchlight demo --years N): a 40-bed house that
// has lived N years, made by the history generator (history.go), so
// exports, reports and benchmarks have a believable house with a past to
// read. The same N gives the same house (relative to today).

// HistoryBeds is the size of the house CreateDemoYears makes: 20 rooms of
// two.
const HistoryBeds = 40

// CreateDemoYears is CreateDemo when years is 1 or less, and otherwise a
// 40-bed house with years of history. progress, when not nil, is told which
// year is being written. The vault should be opened WithBulkLoad.
func CreateDemoYears(v *Vault, years int, progress func(string)) (*Store, error) {
	if years <= 1 {
		return CreateDemo(v)
	}
	st, err := CreateHistoryHouse(v, HistoryOptions{Years: years, Seed: 7, Progress: progress})
	if err != nil {
		return nil, err
	}
	if _, err := st.AddManager(ByManager(st.Session()), NewManager{Name: "Dana Okafor", Passcode: DemoPasscode, Confirm: DemoPasscode}); err != nil {
		st.Close()
		return nil, fmt.Errorf("add demo manager: %w", err)
	}
	return st, nil
}

// CreateHistoryHouse sets up a 40-bed house in an empty vault, its first
// manager the demo's (passcode DemoPasscode), and fills it with history.
func CreateHistoryHouse(v *Vault, o HistoryOptions) (*Store, error) {
	h := DefaultHouse()
	h.Name, h.Address = "Cedar Hill House", "12 Cedar Hill Road"
	rooms := make([]string, HistoryBeds/2)
	for i := range rooms {
		rooms[i] = fmt.Sprintf("Room %d: A, B", i+1)
	}
	beds, err := ParseBeds(strings.Join(rooms, "\n"))
	if err != nil {
		return nil, err
	}
	h.Beds = beds
	st, _, err := v.Create(h, NewManager{Name: DemoManager, Passcode: DemoPasscode, Confirm: DemoPasscode})
	if err != nil {
		return nil, fmt.Errorf("create history house: %w", err)
	}
	if err := GenerateHistory(st, o); err != nil {
		st.Close()
		return nil, err
	}
	return st, nil
}
