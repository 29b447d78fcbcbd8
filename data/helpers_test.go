package data

import (
	"testing"
	"time"
)

// demoAt opens the demo house in a temp folder with a clock stopped at now.
func demoAt(t *testing.T, now time.Time) *Store {
	t.Helper()
	v, err := OpenVault(t.TempDir(), WithKDF(DemoKDF), WithClock(func() time.Time { return now }))
	if err != nil {
		t.Fatal(err)
	}
	st, err := CreateDemo(v)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close(); v.Close() })
	return st
}

// emptyHouseAt sets up a house with the given beds and no residents, with
// a clock stopped at now.
func emptyHouseAt(t testing.TB, now time.Time, beds string) *Store {
	t.Helper()
	v, err := OpenVault(t.TempDir(), WithKDF(DemoKDF), WithClock(func() time.Time { return now }))
	if err != nil {
		t.Fatal(err)
	}
	h := DefaultHouse()
	h.Name = "Test House"
	if h.Beds, err = ParseBeds(beds); err != nil {
		t.Fatal(err)
	}
	st, _, err := v.Create(h, NewManager{Name: "Sam", Passcode: "long enough", Confirm: "long enough"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close(); v.Close() })
	return st
}
