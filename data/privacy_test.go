package data_test

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"porchlight/data"
)

// Everything a resident tells the house must be unreadable on disk without
// a passcode: no name, phone number or note may appear in plain text in any
// file of the store folder, the keyring and the Badger files included.
func TestStoreFilesHoldNoPlainText(t *testing.T) {
	e := fndCreate(t)
	beds := fndBeds(t, e.store)
	people := []data.Resident{
		{First: "Zyxwvut", Last: "Qqqplexium", Phone: "503-555-7781", Notes: "Glorbnax relapse trigger: the Quimbly bus depot"},
		{First: "María José", Last: "Núñez", Phone: "+34 612 98 7354", Notes: "Prefiere hablar en español con la señora Ibáñez"},
		{First: "Thanh", Last: "Nguyễn", Phone: "(971) 555-0419", Notes: "Ghi chú riêng tư về gia đình"},
		{First: "Олена", Last: "Коваленко", Phone: "+380 44 123 4567", Notes: "Приватна нотатка про лікування"},
	}
	var secrets []string
	for i, p := range people {
		p.BedID = beds[i].ID
		p.MoveIn = e.store.Today().AddDays(-3)
		p.Sobriety = e.store.Today().AddDays(-45)
		p.HomeGroup = "Vexmorrow Thursday Group"
		p.Sponsor = data.Contact{Name: "Sponsorina Blatherwick", Phone: "555-3141"}
		p.Emergency = data.Contact{Name: "Emergencio Fandangle", Relation: "Brother", Phone: "555-2718"}
		r, err := e.store.AddResident(e.by(), p)
		if err != nil {
			t.Fatalf("AddResident %s: %v", p.Last, err)
		}
		r.Notes += " / second note Wibblequartz"
		if _, err := e.store.UpdateResident(e.by(), r); err != nil {
			t.Fatal(err)
		}
		secrets = append(secrets, p.First, p.Last, p.Phone, p.Notes)
	}
	secrets = append(secrets,
		"Zyxwvut", "Qqqplexium", "Núñez", "Nguyễn", "Коваленко",
		"Glorbnax", "Quimbly", "Ibáñez", "Wibblequartz", "Vexmorrow",
		"Sponsorina", "Blatherwick", "Emergencio", "Fandangle",
		"503-555-7781", "555-7781", "612 98 7354", "555-3141", "555-2718",
		"Elm Street House", "12 Elm Street", // the house itself
	)
	// While the store is open (the write-ahead log holds the records) ...
	fndNoPlainText(t, e.dir, secrets)
	// ... and after it is closed (they are flushed to tables).
	e.closeAll()
	fndNoPlainText(t, e.dir, secrets)

	// The scan itself works: the same strings in a plain file are found.
	probe := t.TempDir()
	if err := os.WriteFile(filepath.Join(probe, "plain.txt"), []byte(strings.Join(secrets, "\n")), 0o600); err != nil {
		t.Fatal(err)
	}
	found := fndFindPlainText(t, probe, secrets)
	for _, s := range secrets {
		if _, ok := found[s]; !ok {
			t.Fatalf("the scan missed %q in a plain file", s)
		}
	}

	// And the records are all there behind the passcode.
	e.reopen()
	rs, err := e.store.Residents()
	if err != nil || len(rs) != len(people) {
		t.Fatalf("Residents after reopen: %d, %v", len(rs), err)
	}
	for _, r := range rs {
		if !strings.HasSuffix(r.Notes, "Wibblequartz") {
			t.Errorf("%s's notes after reopen: %q", r.Last, r.Notes)
		}
	}
}

// fndNoPlainText fails for each secret found in any file under dir.
func fndNoPlainText(t *testing.T, dir string, secrets []string) {
	t.Helper()
	for s, files := range fndFindPlainText(t, dir, secrets) {
		t.Errorf("%q appears in plain text in %v", s, files)
	}
}

// fndFindPlainText maps each secret (as UTF-8 bytes) to the files under
// dir that contain it, and checks that the Badger files are among those
// scanned.
func fndFindPlainText(t *testing.T, dir string, secrets []string) map[string][]string {
	t.Helper()
	found := map[string][]string{}
	var scanned []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		scanned = append(scanned, rel)
		for _, s := range secrets {
			if bytes.Contains(b, []byte(s)) {
				found[s] = append(found[s], rel)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatalf("walk %s: %v", dir, err)
	}
	if strings.HasSuffix(dir, "store") {
		var haveRing, haveDB bool
		for _, f := range scanned {
			haveRing = haveRing || f == "keyring.json"
			haveDB = haveDB || strings.HasPrefix(f, "db"+string(filepath.Separator))
		}
		if !haveRing || !haveDB {
			t.Fatalf("scanned %v: want keyring.json and the db/ files", scanned)
		}
	}
	return found
}
