package data

// Incidents and corrective agreements: manager-only, sensitive. An
// incident has a date, a kind, a description, and the actions agreed with
// the resident with a follow-up date; it stays open until resolved. Open
// follow-ups show on the dashboard; the accountability roster shows only
// "1 open agreement", never the details.
//
// Keys:
//
//	incident/<id>                      Incident (id is time-ordered)
//	incidentres/<residentID>/<id>      -> id: one resident's incidents
//	incidentday/<YYYYMMDD>/<id>        -> id: by the incident's date
//	incidentopen/<id>                  OpenIncident: the unresolved ones (a few)

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	badger "github.com/dgraph-io/badger/v4"
)

const (
	pfxIncident     = "incident/"
	pfxIncidentRes  = "incidentres/"
	pfxIncidentDay  = "incidentday/"
	pfxIncidentOpen = "incidentopen/"
)

// IncidentKind is what an incident was about.
type IncidentKind string

// Incident kinds.
const (
	IncidentCurfew      IncidentKind = "curfew"
	IncidentHouseRule   IncidentKind = "house rule"
	IncidentConflict    IncidentKind = "conflict"
	IncidentSafety      IncidentKind = "safety"
	IncidentReturnToUse IncidentKind = "return to use"
	IncidentOther       IncidentKind = "other"
)

// IncidentKinds lists the kinds in the form's order.
var IncidentKinds = []IncidentKind{IncidentCurfew, IncidentHouseRule, IncidentConflict, IncidentSafety, IncidentReturnToUse, IncidentOther}

// Field names of the incident form.
const (
	FieldIncidentDate   = "Date"
	FieldIncidentKind   = "Kind"
	FieldIncidentWhat   = "What happened"
	FieldAgreement      = "Agreed actions"
	FieldFollowUp       = "Follow-up date"
	FieldResolvedNote   = "How it was resolved"
	FieldIncidentPerson = "Resident"
)

const maxIncidentText = 2000

// Incident is one incident with its corrective agreement. Fields tagged
// sensitive are left off reports unless a manager includes them.
type Incident struct {
	V          int          `json:"v"`
	ID         string       `json:"id"`
	ResidentID string       `json:"resident_id"`
	Date       Date         `json:"date"`
	Kind       IncidentKind `json:"kind"`
	What       string       `json:"what" sensitive:"true"`
	// Agreement is the actions agreed with the resident ("" when none).
	Agreement    string    `json:"agreement,omitempty" sensitive:"true"`
	FollowUp     Date      `json:"follow_up,omitzero"`
	Resolved     bool      `json:"resolved,omitempty"`
	ResolvedOn   Date      `json:"resolved_on,omitzero"`
	ResolvedNote string    `json:"resolved_note,omitempty" sensitive:"true"`
	By           Actor     `json:"by"`
	At           time.Time `json:"at"`
}

// Redacted is the incident without its sensitive details.
func (i Incident) Redacted() Incident { return Redact(i) }

// OpenAgreement reports whether the incident has agreed actions not yet
// resolved.
func (i Incident) OpenAgreement() bool { return !i.Resolved && i.Agreement != "" }

// OpenIncident is the small index entry of an unresolved incident: enough
// for the dashboard and the roster's count, no details.
type OpenIncident struct {
	ID         string       `json:"id"`
	ResidentID string       `json:"resident_id"`
	Kind       IncidentKind `json:"kind"`
	FollowUp   Date         `json:"follow_up,omitzero"`
	Agreement  bool         `json:"agreement"`
}

func (i *Incident) tidy() {
	i.What, i.Agreement, i.ResolvedNote = tidyLong(i.What), tidyLong(i.Agreement), tidyLong(i.ResolvedNote)
}

// tidyLong trims a multi-line text without joining its lines.
func tidyLong(s string) string {
	lines := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	for n, l := range lines {
		lines[n] = tidyText(l)
	}
	for len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	for len(lines) > 0 && lines[0] == "" {
		lines = lines[1:]
	}
	return strings.Join(lines, "\n")
}

func (i Incident) validate(r Resident, today Date) ValidationError {
	var v ValidationError
	checkRecordDate(&v, FieldIncidentDate, i.Date, r, today)
	if !slices.Contains(IncidentKinds, i.Kind) {
		v.add(FieldIncidentKind, "choose what it was about")
	}
	if i.What == "" {
		v.add(FieldIncidentWhat, "write briefly what happened")
	}
	for field, s := range map[string]string{FieldIncidentWhat: i.What, FieldAgreement: i.Agreement, FieldResolvedNote: i.ResolvedNote} {
		if utf8.RuneCountInString(s) > maxIncidentText {
			v.add(field, fmt.Sprintf("keep it under %d characters", maxIncidentText))
		}
	}
	if !i.FollowUp.IsZero() && i.FollowUp.Before(i.Date) {
		v.add(FieldFollowUp, "the follow-up is before the incident's date")
	}
	if i.Resolved && i.ResolvedOn.Before(i.Date) {
		v.add(FieldResolvedNote, "resolved before it happened; check the dates")
	}
	return v
}

// checkRecordDate checks a dated record against the resident's stays:
// not in the future, not before they first moved in.
func checkRecordDate(v *ValidationError, field string, d Date, r Resident, today Date) {
	first := r.MoveIn
	for _, s := range r.Stays {
		if s.MoveIn.Before(first) {
			first = s.MoveIn
		}
	}
	switch {
	case d.IsZero():
		v.add(field, "enter the date")
	case d.After(today):
		v.add(field, "the date cannot be in the future")
	case d.Before(first):
		v.add(field, "the date is before "+r.Short()+" moved in ("+first.Pretty()+")")
	}
}

// SaveIncident adds an incident (empty ID) or updates one. Managers only.
func (s *Store) SaveIncident(by Actor, i Incident) (Incident, error) {
	if err := requireStaff(by); err != nil {
		return Incident{}, err
	}
	r, err := s.Resident(i.ResidentID)
	if err != nil {
		return Incident{}, ValidationError{{FieldIncidentPerson, "choose the resident"}}
	}
	i.tidy()
	if i.Resolved && i.ResolvedOn.IsZero() {
		i.ResolvedOn = s.Today()
	}
	if v := i.validate(r, s.Today()); len(v) > 0 {
		return Incident{}, v
	}
	action := "incident.update"
	if i.ID == "" {
		i.ID, action = timeID(s.now()), "incident.add"
	}
	i.V, i.By, i.At = schemaVersion, by, s.now()
	err = s.write(by, action, r.Short(), func(txn *badger.Txn) error {
		var old Incident
		err := getJSON(txn, pfxIncident+i.ID, &old)
		if action == "incident.update" && err != nil {
			return fmt.Errorf("update incident: %w", err)
		}
		if old.ID != "" && old.ResidentID != i.ResidentID {
			return ValidationError{{FieldIncidentPerson, "an incident stays with its resident; record a new one"}}
		}
		return putIncident(txn, old, i)
	})
	if err != nil {
		return Incident{}, err
	}
	return i, nil
}

// putIncident writes the incident and keeps its indexes.
func putIncident(txn *badger.Txn, old, i Incident) error {
	if old.ID != "" && old.Date != i.Date {
		if err := txn.Delete([]byte(pfxIncidentDay + dateKey(old.Date) + "/" + old.ID)); err != nil {
			return fmt.Errorf("unindex incident: %w", err)
		}
	}
	if err := putJSON(txn, pfxIncident+i.ID, i); err != nil {
		return err
	}
	if err := putJSON(txn, pfxIncidentRes+i.ResidentID+"/"+i.ID, i.ID); err != nil {
		return err
	}
	if err := putJSON(txn, pfxIncidentDay+dateKey(i.Date)+"/"+i.ID, i.ID); err != nil {
		return err
	}
	if i.Resolved {
		if err := txn.Delete([]byte(pfxIncidentOpen + i.ID)); err != nil {
			return fmt.Errorf("unindex incident: %w", err)
		}
		return nil
	}
	return putJSON(txn, pfxIncidentOpen+i.ID, OpenIncident{ID: i.ID, ResidentID: i.ResidentID, Kind: i.Kind, FollowUp: i.FollowUp, Agreement: i.Agreement != ""})
}

// ResolveIncident marks an incident resolved on a date, with a note.
func (s *Store) ResolveIncident(by Actor, id string, on Date, note string) (Incident, error) {
	i, err := s.Incident(by, id)
	if err != nil {
		return Incident{}, err
	}
	if i.Resolved {
		return Incident{}, ValidationError{{FieldResolvedNote, "this is already resolved"}}
	}
	i.Resolved, i.ResolvedOn, i.ResolvedNote = true, on, note
	return s.SaveIncident(by, i)
}

// Incident returns one incident. Managers only.
func (s *Store) Incident(by Actor, id string) (Incident, error) {
	if err := requireStaff(by); err != nil {
		return Incident{}, err
	}
	var i Incident
	if err := s.read(func(txn *badger.Txn) error { return getJSON(txn, pfxIncident+id, &i) }); err != nil {
		return Incident{}, fmt.Errorf("read incident: %w", err)
	}
	return i, nil
}

// Incidents lists a resident's incidents, oldest first. Managers only.
func (s *Store) Incidents(by Actor, residentID string) ([]Incident, error) {
	if err := requireStaff(by); err != nil {
		return nil, err
	}
	var out []Incident
	err := s.read(func(txn *badger.Txn) error {
		return scanJSON(txn, pfxIncidentRes+residentID+"/", func(id string) error {
			var i Incident
			if err := getJSON(txn, pfxIncident+id, &i); err != nil {
				return err
			}
			out = append(out, i)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("read incidents: %w", err)
	}
	return out, nil
}

// IncidentsIn lists the incidents dated within [from, to], by date.
// Managers only; reports redact them unless told otherwise.
func (s *Store) IncidentsIn(by Actor, from, to Date) ([]Incident, error) {
	if err := requireStaff(by); err != nil {
		return nil, err
	}
	var out []Incident
	err := s.read(func(txn *badger.Txn) (err error) { out, err = incidentsIn(txn, from, to); return err })
	if err != nil {
		return nil, fmt.Errorf("read incidents: %w", err)
	}
	return out, nil
}

func incidentsIn(txn *badger.Txn, from, to Date) ([]Incident, error) {
	var out []Incident
	lo, hi := dateRange(pfxIncidentDay, from, to)
	err := keyRangeJSON(txn, pfxIncidentDay, lo, hi, false, func(_ string, id string) (bool, error) {
		var i Incident
		if err := getJSON(txn, pfxIncident+id, &i); err != nil {
			return false, err
		}
		out = append(out, i)
		return true, nil
	})
	return out, err
}

// FollowUp is an open incident's follow-up for the dashboard: who, when,
// what kind; never the details.
type FollowUp struct {
	IncidentID string
	ResidentID string
	Name       string // "María N."
	Kind       IncidentKind
	Due        Date // zero when no date was set
	Overdue    bool
}

// OpenFollowUps lists unresolved incidents, those with the earliest
// follow-up first (undated last), for the dashboard.
func (s *Store) OpenFollowUps(today Date) ([]FollowUp, error) {
	var out []FollowUp
	err := s.read(func(txn *badger.Txn) error {
		return scanJSON(txn, pfxIncidentOpen, func(o OpenIncident) error {
			out = append(out, FollowUp{IncidentID: o.ID, ResidentID: o.ResidentID, Name: nameOf(txn, o.ResidentID),
				Kind: o.Kind, Due: o.FollowUp, Overdue: !o.FollowUp.IsZero() && o.FollowUp.Before(today)})
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("read follow-ups: %w", err)
	}
	slices.SortStableFunc(out, func(a, b FollowUp) int {
		if a.Due.IsZero() != b.Due.IsZero() {
			return compareBool(a.Due.IsZero(), b.Due.IsZero())
		}
		return cmpDate(a.Due, b.Due)
	})
	return out, nil
}

// openAgreements counts each resident's open corrective agreements.
func openAgreements(txn *badger.Txn) (map[string]int, error) {
	out := map[string]int{}
	err := scanJSON(txn, pfxIncidentOpen, func(o OpenIncident) error {
		if o.Agreement {
			out[o.ResidentID]++
		}
		return nil
	})
	return out, err
}
