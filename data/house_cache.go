package data

import (
	"maps"
	"slices"
	"sync"

	badger "github.com/dgraph-io/badger/v4"
)

// houseCache keeps the last house settings read, with the versions of the
// records they were read from (the house record and each phase record).
// Nearly every kiosk action and screen reads the house; decoding it and its
// phases each time was a third of a sign-out's work. The versions are read
// in the same transaction as any read, so a change committed by anyone is
// seen at once: a different version list means the settings are read again.
type houseCache struct {
	mu       sync.Mutex
	versions []uint64
	h        House
}

// houseVersions lists the commit versions of the house record and the
// phase records, in key order, without reading their values.
func houseVersions(txn *badger.Txn) ([]uint64, error) {
	item, err := txn.Get([]byte(keyHouse))
	if err != nil {
		return nil, err
	}
	out := []uint64{item.Version()}
	opts := badger.DefaultIteratorOptions
	opts.PrefetchValues = false
	opts.Prefix = []byte(pfxPhase)
	it := txn.NewIterator(opts)
	defer it.Close()
	for it.Rewind(); it.Valid(); it.Next() {
		out = append(out, it.Item().Version())
	}
	return out, nil
}

// get returns a copy of the cached house when it was read from these
// versions.
func (c *houseCache) get(versions []uint64) (House, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.versions == nil || !slices.Equal(c.versions, versions) {
		return House{}, false
	}
	return c.h.clone(), true
}

func (c *houseCache) put(versions []uint64, h House) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.versions, c.h = versions, h.clone()
}

// clone copies the house so a caller may change what it was given.
func (h House) clone() House {
	h.Beds = slices.Clone(h.Beds)
	h.Phases = slices.Clone(h.Phases)
	h.PhaseRules = slices.Clone(h.PhaseRules)
	for i := range h.PhaseRules {
		h.PhaseRules[i].Criteria.Other = slices.Clone(h.PhaseRules[i].Criteria.Other)
	}
	h.PhaseCurfews = maps.Clone(h.PhaseCurfews)
	h.OutsideMeetings = maps.Clone(h.OutsideMeetings)
	return h
}

// readHouseCached is readHouse through the store's cache.
func (s *Store) readHouseCached(txn *badger.Txn) (House, error) {
	versions, err := houseVersions(txn)
	if err != nil {
		return readHouse(txn)
	}
	if h, ok := s.houses.get(versions); ok {
		return h, nil
	}
	h, err := readHouse(txn)
	if err == nil {
		s.houses.put(versions, h)
	}
	return h, err
}
