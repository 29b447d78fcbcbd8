package data

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"porchlight/data/rota"

	badger "github.com/dgraph-io/badger/v4"
)

// Chores and the house's chore settings.
//
// Keys:
//
//	chore/<id>            a chore on the house's list
//	meta/chore-settings   how the rotation treats new residents and passes
const (
	pfxChore          = "chore/"
	keyChoreSettings  = "meta/chore-settings"
	maxChoreNameRunes = 60
	maxChecklistItems = 12
)

// Frequency says how often a chore is due.
type Frequency string

// The frequencies a chore can have.
const (
	Daily  Frequency = "daily"  // every day of the week
	Weekly Frequency = "weekly" // once a week, on Chore.Weekday
)

// Effort bounds: 1 is a light chore (take the recycling out), 5 a heavy one
// (deep-clean the kitchen).
const (
	MinEffort = 1
	MaxEffort = 5
)

// Chore form field names, shared with the UI so errors land by the field.
const (
	FieldChoreName = "Chore name"
	FieldEffort    = "Effort"
	FieldFrequency = "How often"
	FieldWeekday   = "Day"
	FieldPeople    = "People needed"
	FieldChecklist = "Checklist"
)

// Chore is a job on the house's chore list.
type Chore struct {
	V    int    `json:"v"`
	ID   string `json:"id"`
	Name string `json:"name"`           // "Kitchen"
	Area string `json:"area,omitempty"` // "Ground floor"
	// Checklist says what "done" means, one short item each.
	Checklist []string  `json:"checklist,omitempty"`
	Effort    int       `json:"effort"` // MinEffort..MaxEffort, per time it is done
	Frequency Frequency `json:"frequency"`
	// Weekday is the day a weekly chore is due; daily chores ignore it.
	Weekday time.Weekday `json:"weekday"`
	People  int          `json:"people"` // how many residents do it together
	Active  bool         `json:"active"` // inactive chores stay on the list but are not rostered
}

// DueOn reports whether the chore is due on day d.
func (c Chore) DueOn(d Date) bool {
	return c.Frequency == Daily || (c.Frequency == Weekly && d.Weekday() == c.Weekday)
}

// Schedule describes how often the chore is due: "Daily" or "Saturdays".
func (c Chore) Schedule() string {
	if c.Frequency == Daily {
		return "Daily"
	}
	return c.Weekday.String() + "s"
}

// tidy trims the text fields and drops empty checklist items.
func (c *Chore) tidy() {
	c.Name = strings.Join(strings.Fields(c.Name), " ")
	c.Area = strings.Join(strings.Fields(c.Area), " ")
	var items []string
	for _, it := range c.Checklist {
		if it = strings.Join(strings.Fields(it), " "); it != "" {
			items = append(items, it)
		}
	}
	c.Checklist = items
	if c.Frequency == Daily {
		c.Weekday = 0
	}
}

// validate checks a chore field by field. activeResidents is the number of
// residents living in the house; the people check applies only once the
// house has residents, so chores can be listed while it is being set up.
func (c Chore) validate(others []Chore, activeResidents int) ValidationError {
	var v ValidationError
	c.validateName(&v, others)
	if c.Effort < MinEffort || c.Effort > MaxEffort {
		v.add(FieldEffort, fmt.Sprintf("choose an effort from %d (light) to %d (heavy)", MinEffort, MaxEffort))
	}
	switch c.Frequency {
	case Daily:
	case Weekly:
		if c.Weekday < time.Sunday || c.Weekday > time.Saturday {
			v.add(FieldWeekday, "choose the day of the week it is due")
		}
	default:
		v.add(FieldFrequency, "choose daily or weekly")
	}
	switch {
	case c.People < 1:
		v.add(FieldPeople, "at least one person must do it")
	case c.Active && activeResidents > 0 && c.People > activeResidents:
		v.add(FieldPeople, fmt.Sprintf("it needs %d people but only %d %s in the house", c.People, activeResidents, residentsWord(activeResidents)))
	}
	if len(c.Checklist) > maxChecklistItems {
		v.add(FieldChecklist, fmt.Sprintf("keep the checklist to %d items", maxChecklistItems))
	}
	return v
}

func (c Chore) validateName(v *ValidationError, others []Chore) {
	switch {
	case c.Name == "":
		v.add(FieldChoreName, "enter the chore's name")
	case len([]rune(c.Name)) > maxChoreNameRunes:
		v.add(FieldChoreName, fmt.Sprintf("keep the name under %d characters, so it fits the chart", maxChoreNameRunes))
	default:
		for _, o := range others {
			if o.ID != c.ID && strings.EqualFold(o.Name, c.Name) {
				v.add(FieldChoreName, "there is already a chore called "+o.Name)
				return
			}
		}
	}
}

func residentsWord(n int) string {
	if n == 1 {
		return "resident lives"
	}
	return "residents live"
}

// Chores returns the chore list, active and inactive, by name.
func (s *Store) Chores() ([]Chore, error) {
	var out []Chore
	err := s.read(func(txn *badger.Txn) error {
		var err error
		out, err = readChores(txn)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("list chores: %w", err)
	}
	return out, nil
}

func readChores(txn *badger.Txn) ([]Chore, error) {
	var out []Chore
	err := scanJSON(txn, pfxChore, func(c Chore) error { out = append(out, c); return nil })
	sortBy(out, func(c Chore) string { return strings.ToLower(c.Name) + "\x00" + c.ID })
	return out, err
}

// Chore returns one chore.
func (s *Store) Chore(id string) (Chore, error) {
	var c Chore
	err := s.read(func(txn *badger.Txn) error { return getJSON(txn, pfxChore+id, &c) })
	if err != nil {
		return Chore{}, fmt.Errorf("read chore: %w", err)
	}
	return c, nil
}

// AddChore puts a new chore on the list. Bad fields come back as a
// ValidationError naming each field (FieldChoreName, FieldEffort, ...).
func (s *Store) AddChore(by Actor, c Chore) (Chore, error) {
	c.ID = newID()
	return c, s.saveChore(by, "chore.add", &c, false)
}

// UpdateChore saves changes to a chore. Rosters already made keep the
// chore's name and effort as they were when assigned.
func (s *Store) UpdateChore(by Actor, c Chore) (Chore, error) {
	return c, s.saveChore(by, "chore.update", &c, true)
}

func (s *Store) saveChore(by Actor, action string, c *Chore, mustExist bool) error {
	c.tidy()
	c.V = schemaVersion
	return s.write(by, action, c.Name, func(txn *badger.Txn) error {
		if mustExist {
			var old Chore
			if err := getJSON(txn, pfxChore+c.ID, &old); err != nil {
				return fmt.Errorf("read chore: %w", err)
			}
		}
		others, err := readChores(txn)
		if err != nil {
			return err
		}
		active, err := countActiveResidents(txn)
		if err != nil {
			return err
		}
		if v := c.validate(others, active); len(v) > 0 {
			return v
		}
		return putJSON(txn, pfxChore+c.ID, *c)
	})
}

// DeleteChore removes a chore from the list. Rosters already made keep
// their copy of its name; regenerate a week to drop it from that week.
// Marking a chore inactive is the gentler choice.
func (s *Store) DeleteChore(by Actor, id string) error {
	c, err := s.Chore(id)
	if err != nil {
		return err
	}
	return s.write(by, "chore.delete", c.Name, func(txn *badger.Txn) error {
		if err := txn.Delete([]byte(pfxChore + id)); err != nil {
			return fmt.Errorf("delete chore: %w", err)
		}
		return nil
	})
}

func countActiveResidents(txn *badger.Txn) (int, error) {
	rs, err := activeResidentsIn(txn)
	if err != nil {
		return 0, fmt.Errorf("count residents: %w", err)
	}
	return len(rs), nil
}

// ChoreSettings are the house's rules for the chore rotation.
type ChoreSettings struct {
	V int `json:"v"`
	// ExcuseNewResidents leaves residents off the roster for the week they
	// move in (from their move-in day to the end of that week).
	ExcuseNewResidents bool `json:"excuse_new_residents"`
	// ExcuseOvernightPass leaves residents off the roster on the days of an
	// overnight pass.
	ExcuseOvernightPass bool `json:"excuse_overnight_pass"`
	// WindowWeeks is how many weeks, this one included, effort is balanced
	// over (DefaultWindowWeeks when 0).
	WindowWeeks int `json:"window_weeks"`
}

// Bounds of ChoreSettings.WindowWeeks.
const (
	DefaultWindowWeeks = rota.DefaultWindowWeeks
	MaxWindowWeeks     = rota.MaxWindowWeeks
)

// FieldWindowWeeks is the settings form's field for ChoreSettings.WindowWeeks.
const FieldWindowWeeks = "Balance over (weeks)"

// DefaultChoreSettings excuse new residents and overnight passes and balance
// effort over eight weeks.
func DefaultChoreSettings() ChoreSettings {
	return ChoreSettings{ExcuseNewResidents: true, ExcuseOvernightPass: true, WindowWeeks: DefaultWindowWeeks}
}

// Window is WindowWeeks, defaulted.
func (cs ChoreSettings) Window() int {
	if cs.WindowWeeks <= 0 {
		return DefaultWindowWeeks
	}
	return cs.WindowWeeks
}

// ChoreSettings returns the house's chore settings, or the defaults when
// none were saved.
func (s *Store) ChoreSettings() (ChoreSettings, error) {
	var cs ChoreSettings
	err := s.read(func(txn *badger.Txn) error {
		var err error
		cs, err = readChoreSettings(txn)
		return err
	})
	return cs, err
}

func readChoreSettings(txn *badger.Txn) (ChoreSettings, error) {
	var cs ChoreSettings
	err := getJSON(txn, keyChoreSettings, &cs)
	if errors.Is(err, ErrNotFound) {
		return DefaultChoreSettings(), nil
	}
	if err != nil {
		return ChoreSettings{}, fmt.Errorf("read chore settings: %w", err)
	}
	return cs, nil
}

// SaveChoreSettings stores the house's chore settings.
func (s *Store) SaveChoreSettings(by Actor, cs ChoreSettings) error {
	if cs.WindowWeeks < 1 || cs.WindowWeeks > MaxWindowWeeks {
		return ValidationError{{FieldWindowWeeks, fmt.Sprintf("choose from 1 to %d weeks", MaxWindowWeeks)}}
	}
	cs.V = schemaVersion
	return s.write(by, "chores.settings", "chore settings", func(txn *badger.Txn) error {
		return putJSON(txn, keyChoreSettings, cs)
	})
}
