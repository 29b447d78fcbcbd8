package data

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	badger "github.com/dgraph-io/badger/v4"
)

// Pathways are the recovery pathways a resident may follow (several allowed).
var Pathways = []string{
	"AA", "NA", "CA", "SMART Recovery", "Recovery Dharma", "Refuge Recovery",
	"Celebrate Recovery", "Medication-assisted recovery", "Other",
}

// Status is where a resident stands with the house.
type Status string

// Resident statuses.
const (
	StatusActive   Status = "active"
	StatusMovedOut Status = "moved out"
)

// MoveOutReasons are the reasons recorded when a resident leaves.
var MoveOutReasons = []string{
	"Completed program", "Moved on voluntarily", "Asked to leave", "Returned to use", "Other",
}

// Contact is a person to reach: a sponsor or an emergency contact.
type Contact struct {
	Name     string `json:"name,omitempty"`
	Relation string `json:"relation,omitempty"`
	Phone    string `json:"phone,omitempty"`
}

// Stay is one residency, from move-in to move-out. A readmitted resident
// has several; the history stays.
type Stay struct {
	MoveIn  Date   `json:"move_in"`
	MoveOut Date   `json:"move_out"`
	Reason  string `json:"reason"`
	Bed     string `json:"bed"` // the bed's label at the time
}

// SobrietyChange keeps an earlier sobriety date when it is reset.
type SobrietyChange struct {
	Was       Date `json:"was"`
	ChangedOn Date `json:"changed_on"`
}

// Resident is a person living in (or who lived in) the house.
type Resident struct {
	V         int    `json:"v"`
	ID        string `json:"id"`
	First     string `json:"first"`
	Last      string `json:"last"`
	Preferred string `json:"preferred,omitempty"`
	Phone     string `json:"phone,omitempty"`
	BedID     string `json:"bed_id,omitempty"`
	MoveIn    Date   `json:"move_in"`
	Sobriety  Date   `json:"sobriety"`
	// EarlierSobriety keeps every earlier sobriety date, without judgement.
	EarlierSobriety []SobrietyChange `json:"earlier_sobriety,omitempty"`
	// NameChangedOn is the day the first, last or preferred name was last
	// changed (zero: as admitted), so a past week's report can say its
	// names were corrected since.
	NameChangedOn Date     `json:"name_changed_on,omitzero"`
	Pathways      []string `json:"pathways,omitempty"`
	HomeGroup     string   `json:"home_group,omitempty"`
	Sponsor       Contact  `json:"sponsor"`
	Phase         string   `json:"phase,omitempty"`
	Emergency     Contact  `json:"emergency"`
	Languages     []string `json:"languages,omitempty"`
	Notes         string   `json:"notes,omitempty" sensitive:"true"` // private: managers only
	Status        Status   `json:"status"`
	// Stays are earlier residencies that ended with a move-out.
	Stays []Stay `json:"stays,omitempty"`
	// MentorWilling: the resident has said they are willing to be a house
	// mentor (see MentorRules).
	MentorWilling bool `json:"mentor_willing,omitempty"`
	// PeerPhoneList: "Other residents may call me" (opt-in; the printed
	// peer phone list holds only these residents).
	PeerPhoneList bool `json:"peer_phone_list,omitempty"`
	// Gender is optional, used only when the house prefers same-gender
	// mentors; never shown at the kiosk or on paper.
	Gender string `json:"gender,omitempty"`
}

// Active reports whether the resident lives in the house now.
func (r Resident) Active() bool { return r.Status == StatusActive }

// Display is the name on manager screens, records and the manager's
// paper: the full legal name, with the preferred name in quotes after the
// first name where it differs (Đặng "Hương" Thị Hương). The kiosk and the
// house's spoken use take Short or FirstName instead (DESIGN.md, Names).
func (r Resident) Display() string {
	first := strings.TrimSpace(r.First)
	if p := strings.TrimSpace(r.Preferred); p != "" && p != first {
		first += " \"" + p + "\""
	}
	return strings.TrimSpace(first + " " + strings.TrimSpace(r.Last))
}

// FirstName is the preferred name when given, else the first name.
func (r Resident) FirstName() string {
	if p := strings.TrimSpace(r.Preferred); p != "" {
		return p
	}
	return r.First
}

// Short is the kiosk's and the audit log's name: "María N.". It does not
// give the whole last name away.
func (r Resident) Short() string {
	initial, _ := utf8.DecodeRuneInString(r.Last)
	if initial == utf8.RuneError {
		return r.FirstName()
	}
	return r.FirstName() + " " + string(initial) + "."
}

// LastStay returns the most recent finished stay, if any.
func (r Resident) LastStay() (Stay, bool) {
	if len(r.Stays) == 0 {
		return Stay{}, false
	}
	return r.Stays[len(r.Stays)-1], true
}

// Resident form field names, shared with the UI so errors land by the field.
const (
	FieldFirst    = "First name"
	FieldLast     = "Last name"
	FieldBed      = "Room and bed"
	FieldMoveIn   = "Move-in date"
	FieldSobriety = "Sobriety date"
	FieldMoveOut  = "Move-out date"
	FieldReason   = "Reason"
	FieldPhase    = "Phase"
)

func (r *Resident) tidy() {
	for _, p := range []*string{&r.First, &r.Last, &r.Preferred, &r.Phone, &r.HomeGroup, &r.Gender,
		&r.Sponsor.Name, &r.Sponsor.Phone, &r.Emergency.Name, &r.Emergency.Relation, &r.Emergency.Phone} {
		*p = strings.Join(strings.Fields(*p), " ")
	}
}

// validate checks a resident's fields against the house and today.
func (r Resident) validate(h House, today Date) ValidationError {
	var v ValidationError
	if r.First == "" {
		v.add(FieldFirst, "enter a first name")
	}
	if r.Last == "" {
		v.add(FieldLast, "enter a last name")
	}
	if r.MoveIn.IsZero() {
		v.add(FieldMoveIn, "enter the move-in date")
	} else if r.MoveIn.After(today.AddDays(31)) {
		v.add(FieldMoveIn, "the move-in date is more than a month ahead; check the year")
	}
	if r.Sobriety.After(today) {
		v.add(FieldSobriety, "the sobriety date cannot be in the future")
	}
	if r.Active() {
		if r.BedID == "" {
			v.add(FieldBed, "choose a bed")
		} else if _, ok := h.Bed(r.BedID); !ok {
			v.add(FieldBed, "that bed is no longer in the house; choose another")
		}
	}
	if r.Phase != "" && !contains(h.Phases, r.Phase) {
		v.add(FieldPhase, "choose one of the house's phases")
	}
	return v
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// Residents returns every resident, active and moved out, by last name.
func (s *Store) Residents() ([]Resident, error) {
	var out []Resident
	err := s.read(func(txn *badger.Txn) error {
		return scanJSON(txn, pfxRes, func(r Resident) error { out = append(out, r); return nil })
	})
	if err != nil {
		return nil, fmt.Errorf("list residents: %w", err)
	}
	sortResidents(out)
	return out, nil
}

// ActiveResidents returns the residents living in the house now.
// It reads the active index, not every resident ever.
func (s *Store) ActiveResidents() ([]Resident, error) {
	var out []Resident
	err := s.read(func(txn *badger.Txn) error {
		var err error
		out, err = activeResidentsIn(txn)
		return err
	})
	return out, err
}

// Resident returns one resident.
func (s *Store) Resident(id string) (Resident, error) {
	var r Resident
	err := s.read(func(txn *badger.Txn) error { return getJSON(txn, pfxRes+id, &r) })
	if err != nil {
		return Resident{}, fmt.Errorf("read resident: %w", err)
	}
	return r, nil
}

// readResidentTxn reads a resident inside a transaction.
func readResidentTxn(txn *badger.Txn, id string) (Resident, error) {
	var r Resident
	if err := getJSON(txn, pfxRes+id, &r); err != nil {
		return Resident{}, fmt.Errorf("read resident: %w", err)
	}
	return r, nil
}

// SameName returns other residents (active or not) with the same first and
// last name as r: worth a warning, not a block.
func (s *Store) SameName(r Resident) ([]Resident, error) {
	all, err := s.Residents()
	if err != nil {
		return nil, err
	}
	var out []Resident
	for _, o := range all {
		if o.ID != r.ID && strings.EqualFold(strings.TrimSpace(o.First), strings.TrimSpace(r.First)) &&
			strings.EqualFold(strings.TrimSpace(o.Last), strings.TrimSpace(r.Last)) {
			out = append(out, o)
		}
	}
	return out, nil
}

// AddResident admits a new resident into a free bed.
func (s *Store) AddResident(by Actor, r Resident) (Resident, error) {
	r.ID, r.V, r.Status = newID(), schemaVersion, StatusActive
	r.EarlierSobriety, r.Stays, r.NameChangedOn = nil, nil, Date{}
	r.tidy() // return what is stored
	return r, s.saveResident(by, "resident.add", r)
}

// UpdateResident saves changes to a resident's record. A new sobriety date
// keeps the earlier one in the record. Status and stays change only
// through MoveOut and Readmit.
func (s *Store) UpdateResident(by Actor, r Resident) (Resident, error) {
	old, err := s.Resident(r.ID)
	if err != nil {
		return Resident{}, err
	}
	r.V, r.Status, r.Stays = schemaVersion, old.Status, old.Stays
	r.EarlierSobriety, r.NameChangedOn = old.EarlierSobriety, old.NameChangedOn
	if !old.Sobriety.IsZero() && old.Sobriety != r.Sobriety {
		r.EarlierSobriety = append(r.EarlierSobriety, SobrietyChange{Was: old.Sobriety, ChangedOn: s.Today()})
	}
	if !r.Active() {
		r.BedID = ""
	}
	r.tidy() // return what is stored
	if r.First != old.First || r.Last != old.Last || r.Preferred != old.Preferred {
		r.NameChangedOn = s.Today()
	}
	return r, s.saveResident(by, "resident.update", r)
}

// saveResident validates r and writes it with its bed index, freeing the
// bed it held before. A bed held by someone else is refused.
func (s *Store) saveResident(by Actor, action string, r Resident) error {
	r.tidy()
	h, err := s.House()
	if err != nil {
		return err
	}
	if v := r.validate(h, s.Today()); len(v) > 0 {
		return v
	}
	return s.write(by, action, r.Short(), func(txn *badger.Txn) error {
		var old Resident
		if err := getJSON(txn, pfxRes+r.ID, &old); err != nil && !errors.Is(err, ErrNotFound) {
			return err
		}
		if err := moveBed(txn, h, r.ID, old.BedID, r.BedID); err != nil {
			return err
		}
		if err := notePhaseChange(txn, h, old, r, by, s.now()); err != nil {
			return err
		}
		return putResident(txn, r)
	})
}

// moveBed updates the bed index when a resident's bed changes.
func moveBed(txn *badger.Txn, h House, resID, from, to string) error {
	if from == to {
		return nil
	}
	if to != "" {
		var holder string
		err := getJSON(txn, pfxBed+to, &holder)
		if err == nil && holder != resID {
			b, _ := h.Bed(to)
			return ValidationError{{FieldBed, b.Label() + " is taken; choose a free bed"}}
		}
		if err != nil && !errors.Is(err, ErrNotFound) {
			return err
		}
		if err := putJSON(txn, pfxBed+to, resID); err != nil {
			return err
		}
	}
	if from != "" {
		if err := txn.Delete([]byte(pfxBed + from)); err != nil {
			return fmt.Errorf("free bed: %w", err)
		}
	}
	return nil
}

// Occupancy maps each occupied bed's ID to its resident's ID.
func (s *Store) Occupancy() (map[string]string, error) {
	out := map[string]string{}
	err := s.read(func(txn *badger.Txn) error {
		return scanKeyJSON(txn, pfxBed, func(key string, resID string) error {
			out[strings.TrimPrefix(key, pfxBed)] = resID
			return nil
		})
	})
	return out, err
}

// MoveOut records that a resident left: the date and reason close their
// stay, and their bed is freed. The record and its history stay. Their open
// chores from the move-out day on are handed on to the others
// (HandOnChores) in the same transaction; if that fails, nothing changes.
func (s *Store) MoveOut(by Actor, id string, date Date, reason string) error {
	today, loc := s.Today(), s.houseZone()
	return s.db.Update(func(txn *badger.Txn) error {
		r, err := readResidentTxn(txn, id)
		if err != nil {
			return err
		}
		if err := validateMoveOut(r, date, reason, today); err != nil {
			return err
		}
		if err := moveOutTxn(txn, &r, date, reason); err != nil {
			return err
		}
		if err := s.endMentorshipsOnMoveOut(txn, by, r, date); err != nil {
			return err
		}
		if err := s.appendAudit(txn, by, "resident.move-out", r.Short()); err != nil {
			return err
		}
		// Their open chores go to the others from the move-out day on, in
		// the same transaction: nobody who left keeps a chore.
		moved, err := s.handOnTxn(txn, r.ID, Span{From: date}, today, loc)
		if err != nil {
			return fmt.Errorf("hand on their chores: %w", err)
		}
		if moved == 0 {
			return nil
		}
		return s.appendAudit(txn, by, "roster.hand-on", r.Short())
	})
}

// moveOutTxn closes the resident's stay and frees their bed.
func moveOutTxn(txn *badger.Txn, r *Resident, date Date, reason string) error {
	var h House
	if err := getJSON(txn, keyHouse, &h); err != nil {
		return fmt.Errorf("read house settings: %w", err)
	}
	bed, _ := h.Bed(r.BedID)
	r.Stays = append(r.Stays, Stay{MoveIn: r.MoveIn, MoveOut: date, Reason: reason, Bed: bed.Label()})
	r.Status, r.V = StatusMovedOut, schemaVersion
	if err := moveBed(txn, h, r.ID, r.BedID, ""); err != nil {
		return err
	}
	r.BedID = ""
	return putResident(txn, *r)
}

func validateMoveOut(r Resident, date Date, reason string, today Date) error {
	var v ValidationError
	if !r.Active() {
		return ValidationError{{FieldMoveOut, "this resident has already moved out"}}
	}
	switch {
	case date.IsZero():
		v.add(FieldMoveOut, "enter the move-out date")
	case date.Before(r.MoveIn):
		v.add(FieldMoveOut, "the move-out date is before the move-in date ("+r.MoveIn.String()+")")
	case date.After(today):
		v.add(FieldMoveOut, "the move-out date cannot be in the future")
	}
	if !contains(MoveOutReasons, reason) {
		v.add(FieldReason, "choose a reason")
	}
	return v.Err()
}

// Readmit brings a moved-out resident back into a free bed with a new
// move-in date. Earlier stays stay in the record.
func (s *Store) Readmit(by Actor, id, bedID string, moveIn Date) (Resident, error) {
	r, err := s.Resident(id)
	if err != nil {
		return Resident{}, err
	}
	if r.Active() {
		return Resident{}, ValidationError{{FieldMoveIn, "this resident already lives in the house"}}
	}
	if last, ok := r.LastStay(); ok && moveIn.Before(last.MoveOut) {
		return Resident{}, ValidationError{{FieldMoveIn, "the new move-in date is before the last move-out (" + last.MoveOut.String() + ")"}}
	}
	r.Status, r.BedID, r.MoveIn = StatusActive, bedID, moveIn
	return r, s.saveResident(by, "resident.readmit", r)
}
