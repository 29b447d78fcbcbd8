package data

import (
	"fmt"
	"strings"

	badger "github.com/dgraph-io/badger/v4"
)

// The active index: one small key per resident living in the house now,
// kept in the same transaction as their record. The kiosk, the dashboard
// and every screen about "now" read the forty people living here, not the
// hundreds who ever did: over ten years a house has about 600 residents
// on record and 40 in its beds.

const pfxActive = "resact/"

// The left index: one key per finished stay, by the day it ended
// (resleft/<YYYYMMDD>/<id>), so a week's report finds who lived here that
// week by reading the living and those who left since, not everyone ever.
const pfxLeft = "resleft/"

// putResident writes a resident's record and keeps the active index in
// step with it. Every write of a resident goes through here.
func putResident(txn *badger.Txn, r Resident) error {
	if err := putJSON(txn, pfxRes+r.ID, r); err != nil {
		return err
	}
	for _, st := range r.Stays { // stays are only ever added: setting all is idempotent
		if err := putJSON(txn, leftKey(st.MoveOut, r.ID), true); err != nil {
			return err
		}
	}
	if r.Active() {
		return putJSON(txn, pfxActive+r.ID, true)
	}
	if err := txn.Delete([]byte(pfxActive + r.ID)); err != nil {
		return fmt.Errorf("update active index: %w", err)
	}
	return nil
}

// activeResidentsIn reads the residents in the active index, in the one
// name order.
func activeResidentsIn(txn *badger.Txn) ([]Resident, error) {
	var out []Resident
	err := scanKeyJSON(txn, pfxActive, func(key string, _ bool) error {
		var r Resident
		if err := getJSON(txn, pfxRes+strings.TrimPrefix(key, pfxActive), &r); err != nil {
			return err
		}
		if r.Active() { // the index is a hint; the record decides
			out = append(out, r)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list residents living here: %w", err)
	}
	sortResidents(out)
	return out, nil
}

func leftKey(d Date, id string) string { return pfxLeft + d.Key() + "/" + id }

// residentsSince lists the residents who lived in the house on or after
// day from: everyone living here now and everyone whose stay ended since,
// in the one name order. It reads the two indexes, not every resident.
func (s *Store) residentsSince(from Date) ([]Resident, error) {
	var out []Resident
	err := s.read(func(txn *badger.Txn) error {
		var err error
		out, err = residentsSinceIn(txn, from)
		return err
	})
	return out, err
}

// residentsSinceIn is residentsSince inside a transaction.
func residentsSinceIn(txn *badger.Txn, from Date) ([]Resident, error) {
	out, err := activeResidentsIn(txn)
	if err != nil {
		return nil, err
	}
	seen := make(map[string]bool, len(out))
	for _, r := range out {
		seen[r.ID] = true
	}
	it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte(pfxLeft)})
	defer it.Close()
	for it.Seek([]byte(pfxLeft + from.Key())); it.Valid(); it.Next() {
		key := string(it.Item().Key())
		id := key[strings.LastIndexByte(key, '/')+1:]
		if seen[id] {
			continue
		}
		seen[id] = true
		var r Resident
		if err := getJSON(txn, pfxRes+id, &r); err != nil {
			return nil, fmt.Errorf("list residents since %s: %w", from, err)
		}
		out = append(out, r)
	}
	sortResidents(out)
	return out, nil
}

// migrateLeftIndex builds the left index of a store written before it
// existed (schema 3 to 4).
func migrateLeftIndex(txn *badger.Txn) error {
	return scanJSON(txn, pfxRes, func(r Resident) error {
		for _, st := range r.Stays {
			if err := putJSON(txn, leftKey(st.MoveOut, r.ID), true); err != nil {
				return err
			}
		}
		return nil
	})
}

// migrateActiveIndex builds the active index of a store written before it
// existed (schema 2 to 3).
func migrateActiveIndex(txn *badger.Txn) error {
	return scanJSON(txn, pfxRes, func(r Resident) error {
		if !r.Active() {
			return nil
		}
		return putJSON(txn, pfxActive+r.ID, true)
	})
}
