package data

import (
	"encoding/json"
	"fmt"
	"strings"

	badger "github.com/dgraph-io/badger/v4"
)

// Checking a store from end to end (porchlight verify): every table's
// checksums, every record decodes as its kind, and every secondary index
// agrees with the records it points at. Problems name the key's kind and
// ID, never a record's contents.

// VerifyProblem is one thing wrong in the store.
type VerifyProblem struct {
	Key string // the record's key (kind and IDs only)
	Msg string
}

func (p VerifyProblem) String() string { return p.Key + ": " + p.Msg }

// VerifyReport is what CheckStore found.
type VerifyReport struct {
	Records  int            // keys read
	Kinds    map[string]int // records per kind ("res", "sign", ...)
	Problems []VerifyProblem
}

// OK reports whether nothing was wrong.
func (r VerifyReport) OK() bool { return len(r.Problems) == 0 }

// verifyState gathers what the index checks need while records are read.
type verifyState struct {
	rep       *VerifyReport
	house     House
	residents map[string]Resident
	bedIdx    map[string]string // bed ID -> resident ID
	signs     map[string]SignEntry
	signRes   map[string]string // "<res>/<id>" -> id
	outNow    map[string]string // res -> entry ID
	meetings  map[string]Meeting
	meetIDs   map[string]string // id -> meeting key
	attend    map[string]bool
	omtg      map[string]string // id -> resident
	omtgRes   map[string]string // "<res>/<id>" -> id
}

func (st *verifyState) problem(key, format string, args ...any) {
	st.rep.Problems = append(st.rep.Problems, VerifyProblem{Key: key, Msg: fmt.Sprintf(format, args...)})
}

// CheckStore reads every record and checks every index. progress, when not
// nil, is called every few hundred records with the count so far. A Badger
// panic on damaged files is returned as an error.
func (s *Store) CheckStore(progress func(records int)) (rep VerifyReport, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("the store's files are damaged (the database stopped with: %v)", p)
		}
	}()
	if err := s.db.VerifyChecksum(); err != nil {
		return rep, fmt.Errorf("the store's files are damaged: %w", err)
	}
	rep.Kinds = map[string]int{}
	st := &verifyState{rep: &rep, residents: map[string]Resident{}, bedIdx: map[string]string{},
		signs: map[string]SignEntry{}, signRes: map[string]string{}, outNow: map[string]string{},
		meetings: map[string]Meeting{}, meetIDs: map[string]string{}, attend: map[string]bool{},
		omtg: map[string]string{}, omtgRes: map[string]string{}}
	err = s.read(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{PrefetchValues: true, PrefetchSize: 64})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			key := string(it.Item().KeyCopy(nil))
			if err := it.Item().Value(func(b []byte) error { st.decode(key, b); return nil }); err != nil {
				st.problem(key, "cannot be read: %v", err)
			}
			rep.Records++
			if progress != nil && rep.Records%256 == 0 {
				progress(rep.Records)
			}
		}
		return nil
	})
	if err != nil {
		return rep, fmt.Errorf("read the store: %w", err)
	}
	if progress != nil {
		progress(rep.Records)
	}
	st.checkIndexes()
	return rep, nil
}

// decodeAs decodes b into a T, reporting a failure.
func decodeAs[T any](st *verifyState, key string, b []byte) (T, bool) {
	var v T
	if err := json.Unmarshal(b, &v); err != nil {
		st.problem(key, "does not decode: %v", err)
		return v, false
	}
	return v, true
}

// decode checks one record by its kind and remembers what the index
// checks need. Kinds this code does not know are checked as JSON only.
func (st *verifyState) decode(key string, b []byte) {
	kind := keyKind(key)
	st.rep.Kinds[kind]++
	id := strings.TrimPrefix(key, kind+"/")
	switch kind {
	case keyHouse:
		st.house, _ = decodeAs[House](st, key, b)
	case "mgr":
		decodeAs[Manager](st, key, b)
	case "res":
		if r, ok := decodeAs[Resident](st, key, b); ok {
			if r.ID != id {
				st.problem(key, "holds the record of resident %s", r.ID)
			}
			st.residents[id] = r
		}
	case "bed":
		st.bedIdx[id], _ = decodeAs[string](st, key, b)
	case "sign":
		if e, ok := decodeAs[SignEntry](st, key, b); ok {
			st.signs[id] = e
		}
	case "signres":
		st.signRes[id], _ = decodeAs[string](st, key, b)
	case "out":
		st.outNow[id], _ = decodeAs[string](st, key, b)
	case "meeting":
		if m, ok := decodeAs[Meeting](st, key, b); ok {
			st.meetings[key] = m
		}
	case "meetid":
		st.meetIDs[id], _ = decodeAs[string](st, key, b)
	case "attend":
		decodeAs[AttendanceRecord](st, key, b)
		st.attend[key] = true
	case "omtg":
		if m, ok := decodeAs[OutsideMeeting](st, key, b); ok {
			st.omtg[id] = m.ResidentID
		}
	case "omtgres":
		st.omtgRes[id], _ = decodeAs[string](st, key, b)
	default:
		st.decodeOther(key, kind, b)
	}
}

func (st *verifyState) decodeOther(key, kind string, b []byte) {
	switch kind {
	case "audit":
		decodeAs[AuditEntry](st, key, b)
	case "chore":
		decodeAs[Chore](st, key, b)
	case "roster":
		if a, ok := decodeAs[Assignment](st, key, b); ok && rosterKey(a) != key {
			st.problem(key, "holds the chore assignment %s", a.ID)
		}
	case "sched":
		decodeAs[MeetingSchedule](st, key, b)
	case "motion":
		decodeAs[MotionHit](st, key, b)
	case "officer":
		decodeAs[Officer](st, key, b)
	case "pass":
		decodeAs[Pass](st, key, b)
	case "pin":
		decodeAs[pinRecord](st, key, b)
	case "carry":
		decodeAs[carryRef](st, key, b)
	default:
		if !json.Valid(b) {
			st.problem(key, "is not valid JSON")
		}
	}
}

// checkIndexes compares each index with the records it points at, both
// ways.
func (st *verifyState) checkIndexes() {
	if st.house.Name == "" {
		st.problem(keyHouse, "the house settings are missing")
	}
	st.checkBeds()
	st.checkSignIndexes()
	st.checkMeetingIndexes()
	for k, id := range st.omtgRes {
		res, _, _ := strings.Cut(k, "/")
		if owner, ok := st.omtg[id]; !ok || owner != res {
			st.problem(pfxOutsideMtgRes+k, "points at an outside meeting that is missing or someone else's")
		}
	}
	for id, res := range st.omtg {
		if st.omtgRes[res+"/"+id] != id {
			st.problem(pfxOutsideMtg+id, "is missing from its resident's index")
		}
	}
}

func (st *verifyState) checkBeds() {
	for bed, res := range st.bedIdx {
		r, ok := st.residents[res]
		switch {
		case !ok:
			st.problem(pfxBed+bed, "is held by a resident who is not on record")
		case !r.Active() || r.BedID != bed:
			st.problem(pfxBed+bed, "is held by resident %s, whose record names another bed", res)
		}
		if _, ok := st.house.Bed(bed); !ok {
			st.problem(pfxBed+bed, "is not one of the house's beds")
		}
	}
	for id, r := range st.residents {
		if r.Active() && r.BedID != "" && st.bedIdx[r.BedID] != id {
			st.problem(pfxRes+id, "lives in a bed the bed index does not give them")
		}
	}
}

func (st *verifyState) checkSignIndexes() {
	for k, id := range st.signRes {
		res, _, _ := strings.Cut(k, "/")
		if e, ok := st.signs[id]; !ok || e.ResidentID != res {
			st.problem(pfxSignRes+k, "points at a sign-out entry that is missing or someone else's")
		}
	}
	for res, id := range st.outNow {
		if e, ok := st.signs[id]; !ok || e.ResidentID != res || !e.IsOut() || !e.Current() {
			st.problem(pfxOutNow+res, "says the resident is out, but the entry it names is closed or missing")
		}
	}
	for id, e := range st.signs {
		if st.signRes[e.ResidentID+"/"+id] != id {
			st.problem(pfxSign+id, "is missing from its resident's index")
		}
		if e.IsOut() && e.Current() && st.outNow[e.ResidentID] != id {
			st.problem(pfxSign+id, "is open, but the who-is-out index does not list it")
		}
	}
}

func (st *verifyState) checkMeetingIndexes() {
	want := map[string]bool{}
	for key, m := range st.meetings {
		if st.meetIDs[m.ID] != key {
			st.problem(key, "is missing from the meeting index")
		}
		if m.Status == MeetingStatusScheduled {
			continue
		}
		for _, a := range m.Roll {
			if a.Status != AttendUnmarked && a.ResidentID != "" {
				want[attendKey(a.ResidentID, m.Date, m.ID)] = true
			}
		}
	}
	for id, key := range st.meetIDs {
		if m, ok := st.meetings[key]; !ok || m.ID != id {
			st.problem(pfxMeetingID+id, "points at a meeting that is missing")
		}
	}
	for k := range want {
		if !st.attend[k] {
			st.problem(k, "a roll-call mark is missing from the attendance index")
		}
	}
	for k := range st.attend {
		if !want[k] {
			st.problem(k, "is an attendance mark with no roll-call line behind it")
		}
	}
}
